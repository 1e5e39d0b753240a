#if canImport(Glibc)
    import Glibc
#endif

/// Reads a text stream in bounded pieces cut at line ends, decoding each piece, so a document of
/// any size is processed in constant memory.
///
/// A piece ends just after a line feed: after the last blank line in its second half when there is
/// one (a paragraph break), else after its last line feed. A piece is therefore always whole lines,
/// and a multibyte UTF-8 sequence or a CRLF is never split. A single line longer than `pieceSize`
/// becomes one piece of its own (never cut inside). The pieces concatenate back to the decoded
/// document exactly. The encoding is decided on the first piece (a byte order mark, `encoding`, or
/// `TextDecoder`'s detection) and kept; UTF-16 input is read whole and returned as one piece.
/// Byte offsets in errors count from the start of the stream.
///
/// ```swift
/// let reader = ChunkedTextReader(fileDescriptor: 0, file: nil)
/// while let piece = try reader.next() { print(piece.text.count) }
/// ```
/// - Complexity: O(n) over the bytes; memory O(`pieceSize` + the longest line).
public final class ChunkedTextReader {
    /// A decoded piece of the stream.
    public struct Piece: Sendable, Equatable {
        /// The text, whole lines (the last piece may lack a final line terminator).
        public let text: String
        /// Where the piece starts in the stream, in bytes (after any byte order mark for the first).
        public let byteOffset: Int
        /// Whether this is the stream's first piece.
        public let isFirst: Bool
    }

    /// Reads up to `count` bytes; an empty array at the end of the stream.
    public typealias Source = (_ count: Int) throws(ArabicTextError) -> [UInt8]

    public let pieceSize: Int
    /// The encoding, known once the first piece is read.
    public private(set) var encoding: TextEncoding?
    /// Whether the stream began with a byte order mark (known once the first piece is read).
    public private(set) var hadBOM = false

    private let forced: TextEncoding?
    private let file: String?
    private let source: Source
    private let readSize: Int
    private var buffer: [UInt8] = []
    /// Start of the unconsumed bytes in `buffer`.
    private var start = 0
    /// Bytes of the stream before `buffer[0]`.
    private var consumedBefore = 0
    private var atEnd = false
    private var emitted = false
    /// UTF-16: the stream is one piece.
    private var whole = false

    /// - Parameters:
    ///   - pieceSize: the size pieces aim at, in bytes (a longer line makes a longer piece).
    ///   - encoding: force an encoding (a byte order mark still wins for UTF-8 and UTF-16).
    ///   - file: the name in error messages (nil for standard input).
    ///   - readSize: how many bytes to ask `source` for at a time.
    public init(pieceSize: Int = 1 << 20, encoding: TextEncoding? = nil, file: String?, readSize: Int = 1 << 16, source: @escaping Source) {
        self.pieceSize = max(1, pieceSize)
        self.forced = encoding
        self.file = file
        self.readSize = max(1, readSize)
        self.source = source
    }

    /// Reads from an open file descriptor (not closed by the reader).
    public convenience init(fileDescriptor fd: Int32, pieceSize: Int = 1 << 20, encoding: TextEncoding? = nil, file: String?) {
        let name = file ?? "<stdin>"
        self.init(pieceSize: pieceSize, encoding: encoding, file: file) { (count: Int) throws(ArabicTextError) -> [UInt8] in
            var bytes = [UInt8](repeating: 0, count: count)
            while true {
                let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
                if n >= 0 {
                    bytes.removeLast(count - n)
                    return bytes
                }
                if errno != EINTR { throw .unreadable(file: name, reason: String(cString: strerror(errno))) }
            }
        }
    }

    /// The next piece, or nil at the end of the stream.
    public func next() throws(ArabicTextError) -> Piece? {
        if !emitted {
            try fill(upTo: pieceSize)
            if startsUTF16() {
                whole = true
                try fill(upTo: Int.max)
            }
        } else {
            try fill(upTo: pieceSize)
        }
        let available = buffer.count - start
        if available == 0 && emitted { return nil }
        let end = try cut()
        let bytes = Array(buffer[start..<end])
        let offset = consumedBefore + start
        let piece = try decode(bytes, offset: offset)
        start = end
        if start > buffer.count / 2 {
            buffer.removeFirst(start)
            consumedBefore += start
            start = 0
        }
        return piece
    }

    /// Reads until `count` unconsumed bytes are buffered or the stream ends.
    private func fill(upTo count: Int) throws(ArabicTextError) {
        while !atEnd && buffer.count - start < count {
            let more = try source(readSize)
            if more.isEmpty { atEnd = true } else { buffer += more }
        }
    }

    private func startsUTF16() -> Bool {
        let head = buffer[start...]
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return !head.starts(with: [0xEF, 0xBB, 0xBF]) && (forced == .utf16LE || forced == .utf16BE)
    }

    /// Where the next piece ends (exclusive), reading more for a line longer than `pieceSize`.
    private func cut() throws(ArabicTextError) -> Int {
        if whole || (atEnd && buffer.count - start <= pieceSize) { return buffer.count }
        let window = min(buffer.count, start + pieceSize)
        var lastLF: Int?
        var i = window - 1
        while i >= start {
            if buffer[i] == 0x0A {
                if lastLF == nil { lastLF = i }
                if i - start < pieceSize / 2 { break }
                // A blank line: LF LF or LF CR LF.
                if i >= start + 1 && (buffer[i - 1] == 0x0A || (buffer[i - 1] == 0x0D && i >= start + 2 && buffer[i - 2] == 0x0A)) {
                    return i + 1
                }
            }
            i -= 1
        }
        if let lastLF { return lastLF + 1 }
        // One line longer than a piece: read on to its end.
        var scan = window
        while true {
            while scan < buffer.count {
                if buffer[scan] == 0x0A { return scan + 1 }
                scan += 1
            }
            if atEnd { return buffer.count }
            try fill(upTo: buffer.count - start + readSize)
        }
    }

    private func decode(_ bytes: [UInt8], offset: Int) throws(ArabicTextError) -> Piece {
        if emitted, let encoding {
            // Not `TextDecoder.decode`: bytes at the start of a later piece that look like a byte order
            // mark are text (U+FEFF, or two Windows-1256 letters).
            let text = try Self.shifting(offset) { () throws(ArabicTextError) in
                encoding == .utf8
                    ? try TextDecoder.decodeUTF8(bytes, from: 0, file: file)
                    : try TextDecoder.decodeWithICU(bytes, from: 0, encoding, file: file)
            }
            return Piece(text: text, byteOffset: offset, isFirst: false)
        }
        let d = try TextDecoder.decode(bytes, encoding: forced, file: file)
        emitted = true
        encoding = d.encoding
        hadBOM = d.hadBOM
        return Piece(text: d.text, byteOffset: d.hadBOM ? (d.encoding == .utf8 ? 3 : 2) : 0, isFirst: true)
    }

    /// Runs a decode of a later piece, moving error offsets from the piece to the stream.
    private static func shifting(_ offset: Int, _ body: () throws(ArabicTextError) -> String) throws(ArabicTextError) -> String {
        do {
            return try body()
        } catch {
            switch error {
            case .invalidBytes(let file, let encoding, let o, let detail):
                throw .invalidBytes(file: file, encoding: encoding, byteOffset: o + offset, detail: detail)
            case .binaryInput(let file, let o): throw .binaryInput(file: file, byteOffset: o + offset)
            case .undetectedEncoding(let file, let o): throw .undetectedEncoding(file: file, byteOffset: o + offset)
            default: throw error
            }
        }
    }
}
