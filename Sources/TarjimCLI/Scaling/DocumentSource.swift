import ArabicText
import Foundation
import TarjimFormats

#if canImport(Glibc)
    import Glibc
#endif

/// A bounded piece of input, the unit of parallel work.
struct InputPiece: Sendable {
    /// The input's name: a file path, or "-" for standard input.
    let input: String
    /// Text input: whole lines of one document. JSONL input: whole lines, one document each.
    let text: String
    /// Lines of the same input before this piece (paragraphs for text, line feeds for JSONL).
    let linesBefore: Int
    /// Whether the piece starts its document (text) or its input (JSONL).
    let isFirst: Bool
    /// Bytes of input the piece covers (for progress).
    let bytes: Int
}

/// Reads the inputs one after the other as pieces of about `pieceSize` bytes cut at line ends
/// (`ChunkedTextReader`), so memory stays bounded however large an input is. A line is read whole;
/// with a `maxLineBytes`, a longer line is an error naming its line and first byte.
final class DocumentSource {
    /// The longest line `tarjim draft` and `check` read (64 MiB): a paragraph is drafted or checked
    /// whole, with 17-30 times its size in memory.
    static let draftMaxLineBytes = 64 << 20

    let names: [String]
    private let encoding: TextEncoding?
    private let format: ScaleOptions.InputFormat
    private let pieceSize: Int
    private let maxLineBytes: Int?
    private var index = 0
    private var reader: ChunkedTextReader?
    private var fd: Int32 = -1
    private var linesBefore = 0
    /// The encoding and byte order mark of each input read so far.
    private(set) var encodings: [String: (TextEncoding, Bool)] = [:]

    /// - Parameter maxLineBytes: the longest line to read (at least `pieceSize`), nil for no limit.
    init(files: [String], encoding: TextEncoding?, format: ScaleOptions.InputFormat, pieceSize: Int, maxLineBytes: Int? = nil) {
        names = files.isEmpty ? ["-"] : files
        self.encoding = format == .jsonl ? .utf8 : encoding
        self.format = format
        self.pieceSize = pieceSize
        self.maxLineBytes = maxLineBytes.map { max($0, pieceSize) }
    }

    deinit { closeCurrent() }

    /// The total size of the inputs in bytes, when every one is a regular file (for an ETA).
    var totalBytes: Int? {
        var sizes: [Int] = []
        for n in names {
            var st = stat()
            let ok = n == "-" ? fstat(STDIN_FILENO, &st) == 0 : stat(n, &st) == 0
            guard ok, st.st_mode & S_IFMT == S_IFREG else { return nil }
            sizes.append(Int(st.st_size))
        }
        return Self.sum(ofSizes: sizes)
    }

    /// The sum, or nil past `Int.max`: sparse files (`truncate -s 4E`) can claim exabytes each.
    static func sum(ofSizes sizes: [Int]) -> Int? {
        var total = 0
        for size in sizes {
            let (sum, overflow) = total.addingReportingOverflow(size)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// The next piece, or nil when every input is read.
    func next() throws(ArabicTextError) -> InputPiece? {
        try advance { (name, r) throws(ArabicTextError) in
            guard let p = try r.next() else { return nil }
            let piece = InputPiece(
                input: name, text: p.text, linesBefore: linesBefore, isFirst: p.isFirst,
                bytes: p.text.utf8.count + (p.isFirst ? p.byteOffset : 0))
            linesBefore += format == .jsonl ? Self.lineFeeds(p.text) : Self.paragraphBreaks(p.text)
            return piece
        }
    }

    /// The next piece of text input as valid UTF-8 bytes (no String made), with its input's name,
    /// or nil when every input is read. `linesBefore` is not counted on this path. With `checking`
    /// false, the pieces after an input's first may be unchecked (`ChunkedTextReader.nextUTF8`).
    func nextUTF8(checking: Bool = true) throws(ArabicTextError) -> (input: String, piece: ChunkedTextReader.BytePiece)? {
        try advance { (name, r) throws(ArabicTextError) in try r.nextUTF8(checking: checking).map { (name, $0) } }
    }

    /// Reads the next piece with `read` from the current input's reader, moving on to the next
    /// input at the end of one.
    private func advance<T>(_ read: (String, ChunkedTextReader) throws(ArabicTextError) -> T?) throws(ArabicTextError) -> T? {
        while index < names.count {
            let name = names[index]
            if reader == nil {
                if name == "-" {
                    fd = STDIN_FILENO
                } else {
                    fd = open(name, O_RDONLY | O_CLOEXEC)
                    if fd < 0 { throw .unreadable(file: name, reason: String(cString: strerror(errno))) }
                }
                reader = ChunkedTextReader(
                    fileDescriptor: fd, pieceSize: pieceSize, encoding: encoding, file: name == "-" ? nil : name,
                    maxLineBytes: maxLineBytes)
                linesBefore = 0
            }
            if let r = reader, let value = try numberingLine({ () throws(ArabicTextError) in try read(name, r) }) {
                if !encodings.keys.contains(name), let e = r.encoding { encodings[name] = (e, r.hadBOM) }
                return value
            }
            closeCurrent()
            index += 1
        }
        return nil
    }

    /// Runs `read`, giving a too-long line its number (the lines before it are counted).
    private func numberingLine<T>(_ read: () throws(ArabicTextError) -> T) throws(ArabicTextError) -> T {
        do {
            return try read()
        } catch .lineTooLong(let file, nil, let offset, let limit) {
            throw .lineTooLong(file: file, line: linesBefore + 1, byteOffset: offset, limit: limit)
        }
    }

    private func closeCurrent() {
        if fd > STDIN_FILENO { close(fd) }
        fd = -1
        reader = nil
    }

    /// Line terminators as `Paragraph.split` counts them: LF, CRLF, CR, NEL, LS, PS.
    static func paragraphBreaks(_ text: String) -> Int {
        var s = text
        return s.withUTF8 { b in
            var n = 0
            var i = 0
            let raw = UnsafeRawPointer(b.baseAddress)
            while i < b.count {
                // Eight bytes at a time while none can start a terminator (0A, 0D, C2, E2): Arabic
                // text is lead bytes D8-DB, continuation bytes and spaces.
                if let raw {
                    while i + 8 <= b.count, !mayStartBreak(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) {
                        i += 8
                    }
                    if i >= b.count { break }
                }
                switch b[i] {
                case 0x0A: n += 1
                case 0x0D:
                    n += 1
                    if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85:
                    n += 1
                    i += 1
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    n += 1
                    i += 2
                default: break
                }
                i += 1
            }
            return n
        }
    }

    /// Whether one of the eight bytes of `x` is 0A, 0D, C2 or E2 (no false negative).
    @inline(__always)
    private static func mayStartBreak(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & 0x8080_8080_8080_8080 }
        let lineEnds = hasZero(x ^ (0x0A &* ones)) | hasZero(x ^ (0x0D &* ones))
        return lineEnds | hasZero(x ^ (0xC2 &* ones)) | hasZero(x ^ (0xE2 &* ones)) != 0
    }

    static func lineFeeds(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The documents of a JSONL piece, in order; blank lines are skipped.
    static func jsonlDocuments(_ piece: InputPiece) throws(FormatError) -> [JSONLDocument] {
        var docs: [JSONLDocument] = []
        var number = piece.linesBefore
        // By bytes: "\r\n" is one Character, and a line ends at a line feed only.
        for line in piece.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            docs.append(try JSONLDocument(line: Substring(line), file: piece.input, line: number))
        }
        return docs
    }
}
