#if canImport(Glibc)
    import Glibc
#endif

/// Reads a text stream in bounded pieces cut at line ends, decoding each piece, so a document of
/// any size is processed in constant memory.
///
/// A piece ends just after a line feed: after the last blank line in its second half when there is
/// one (a paragraph break), else after its last line feed. A piece is therefore always whole lines,
/// and a multibyte UTF-8 sequence or a CRLF is never split. A single line longer than `pieceSize`
/// becomes one piece of its own (never cut inside); one longer than `maxLineBytes` is an error
/// (`ArabicTextError.lineTooLong`) once that many bytes are read. The pieces concatenate back to the decoded
/// document exactly. The encoding is decided on the first piece (a byte order mark, `encoding`, or
/// `TextDecoder`'s detection) and kept; UTF-16 input is read whole and returned as one piece.
/// Byte offsets in errors count from the start of the stream.
///
/// ```swift
/// let reader = ChunkedTextReader(fileDescriptor: 0, file: nil)
/// while let piece = try reader.next() { print(piece.text.count) }
/// ```
/// - Complexity: O(n) over the bytes; memory O(`pieceSize` + the longest line, or `maxLineBytes`).
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

    /// A decoded piece as valid UTF-8 bytes without NUL (`nextUTF8()`), for callers that work on
    /// bytes and need no String.
    public struct BytePiece: Sendable, Equatable {
        /// The text's UTF-8, whole lines (the last piece may lack a final line terminator).
        public let bytes: [UInt8]
        /// Where the piece starts in the stream, in bytes (after any byte order mark for the first).
        public let byteOffset: Int
        /// Whether this is the stream's first piece.
        public let isFirst: Bool
        /// Whether the bytes are known to be valid UTF-8 without NUL: false only for a later piece
        /// of UTF-8 input read with `nextUTF8(checking: false)`, whose check is left to the caller
        /// (`error(inUnchecked:file:)` then gives the error to report).
        public let isChecked: Bool
    }

    /// Reads up to `count` bytes; an empty array at the end of the stream.
    public typealias Source = (_ count: Int) throws(ArabicTextError) -> [UInt8]

    private enum Input {
        case closure(Source)
        /// Read straight into the buffer.
        case descriptor(Int32, name: String)
    }

    public let pieceSize: Int
    /// The longest line read (bytes, line feed included), nil for no limit.
    public let maxLineBytes: Int?
    /// The encoding, known once the first piece is read.
    public private(set) var encoding: TextEncoding?
    /// Whether the stream began with a byte order mark (known once the first piece is read).
    public private(set) var hadBOM = false

    private let forced: TextEncoding?
    private let file: String?
    private let input: Input
    private let readSize: Int
    /// Bytes read and not yet dropped: `storage[0..<count]`, of which `storage[start..<count]` are
    /// not yet in a piece.
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var start = 0
    /// Bytes of the stream before `storage[0]`.
    private var consumedBefore = 0
    private var atEnd = false
    private var emitted = false
    /// UTF-16: the stream is one piece.
    private var whole = false

    /// - Parameters:
    ///   - pieceSize: the size pieces aim at, in bytes (a longer line makes a longer piece).
    ///   - encoding: force an encoding (a byte order mark still wins for UTF-8 and UTF-16).
    ///   - file: the name in error messages (nil for standard input).
    ///   - readSize: how many bytes to ask `source` for at a time;
    ///   - maxLineBytes: the longest line to read (nil: no limit); a longer one is an error.
    public convenience init(
        pieceSize: Int = 1 << 20, encoding: TextEncoding? = nil, file: String?, readSize: Int = 1 << 16, maxLineBytes: Int? = nil,
        source: @escaping Source
    ) {
        self.init(
            pieceSize: pieceSize, encoding: encoding, file: file, readSize: readSize, maxLineBytes: maxLineBytes, input: .closure(source))
    }

    /// Reads from an open file descriptor (not closed by the reader), straight into its buffer.
    public convenience init(
        fileDescriptor fd: Int32, pieceSize: Int = 1 << 20, encoding: TextEncoding? = nil, file: String?, maxLineBytes: Int? = nil
    ) {
        // Large reads: one system call per piece or so.
        let readSize = min(max(pieceSize, 1 << 16), 1 << 22)
        self.init(
            pieceSize: pieceSize, encoding: encoding, file: file, readSize: readSize, maxLineBytes: maxLineBytes,
            input: .descriptor(fd, name: file ?? "<stdin>"))
    }

    private init(pieceSize: Int, encoding: TextEncoding?, file: String?, readSize: Int, maxLineBytes: Int?, input: Input) {
        self.pieceSize = max(1, pieceSize)
        self.maxLineBytes = maxLineBytes.map { max(1, $0) }
        self.forced = encoding
        self.file = file
        self.readSize = max(1, readSize)
        self.input = input
        capacity = self.pieceSize + self.readSize
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The next piece, or nil at the end of the stream.
    public func next() throws(ArabicTextError) -> Piece? {
        try advance { (b, offset, first) throws(ArabicTextError) in
            if first {
                let d = try TextDecoder.decode(Array(b), encoding: forced, file: file)
                return Piece(text: d.text, byteOffset: decided(d.encoding, bom: d.hadBOM), isFirst: true)
            }
            // Valid UTF-8 without NUL (the common case) is made a String in one pass.
            if encoding == .utf8, let base = b.baseAddress, memchr(base, 0, b.count) == nil,
                let text = String(validating: b, as: UTF8.self)
            {
                return Piece(text: text, byteOffset: offset, isFirst: false)
            }
            return Piece(text: try laterPiece(b, offset: offset), byteOffset: offset, isFirst: false)
        }
    }

    /// The next piece as UTF-8 bytes (the text `next()` would give), or nil at the end of the stream.
    ///
    /// With `checking` false, a later piece of UTF-8 input is returned as it was read, unchecked
    /// (`BytePiece.isChecked`), for a caller that checks the bytes in a pass it makes anyway.
    public func nextUTF8(checking: Bool = true) throws(ArabicTextError) -> BytePiece? {
        try advance { (b, offset, first) throws(ArabicTextError) in
            if first {
                let d = try TextDecoder.decodeToUTF8(Array(b), encoding: forced, file: file)
                let bytes = d.start == 0 ? d.bytes : Array(d.bytes[d.start...])
                return BytePiece(bytes: bytes, byteOffset: decided(d.encoding, bom: d.hadBOM), isFirst: true, isChecked: true)
            }
            if encoding == .utf8 && (!checking || TextDecoder.isValidUTF8WithoutNUL(b)) {
                return BytePiece(bytes: Array(b), byteOffset: offset, isFirst: false, isChecked: checking)
            }
            return BytePiece(bytes: Array(try laterPiece(b, offset: offset).utf8), byteOffset: offset, isFirst: false, isChecked: true)
        }
    }

    /// The error `nextUTF8()` reports for the bytes of an unchecked piece (a bad byte or a NUL, at
    /// its offset in the stream), or nil when they are valid UTF-8 without NUL after all.
    /// - Parameter file: the name in the error (nil for standard input), as given to the reader.
    public static func error(inUnchecked piece: BytePiece, file: String?) -> ArabicTextError? {
        do {
            _ = try shifting(piece.byteOffset) { () throws(ArabicTextError) in
                try TextDecoder.decodeUTF8(piece.bytes, from: 0, file: file)
            }
            return nil
        } catch {
            return error
        }
    }

    /// Keeps the encoding the first piece decided; returns where the text starts (after the mark).
    private func decided(_ encoding: TextEncoding, bom: Bool) -> Int {
        self.encoding = encoding
        hadBOM = bom
        return bom ? (encoding == .utf8 ? 3 : 2) : 0
    }

    /// Cuts the next piece and decodes it with `decode` (given the bytes, their stream offset and
    /// whether they are the first piece).
    private func advance<T>(
        _ decode: (UnsafeBufferPointer<UInt8>, Int, Bool) throws(ArabicTextError) -> T
    ) throws(ArabicTextError) -> T? {
        if !emitted {
            try fill(upTo: pieceSize)
            if startsUTF16() {
                whole = true
                try fill(upTo: Int.max)
            }
        } else {
            try fill(upTo: pieceSize)
        }
        if count - start == 0 && emitted { return nil }
        let end = try cut()
        let offset = consumedBefore + start
        let first = !emitted
        let value = try decode(UnsafeBufferPointer(start: storage + start, count: end - start), offset, first)
        emitted = true
        start = end
        return value
    }

    /// A later piece's text through `TextDecoder` (a legacy encoding, or an error to report).
    private func laterPiece(_ b: UnsafeBufferPointer<UInt8>, offset: Int) throws(ArabicTextError) -> String {
        // Not `TextDecoder.decode`: bytes at the start of a later piece that look like a byte order
        // mark are text (U+FEFF, or two Windows-1256 letters).
        let bytes = Array(b)
        let encoding = encoding ?? .utf8
        return try Self.shifting(offset) { () throws(ArabicTextError) in
            encoding == .utf8
                ? try TextDecoder.decodeUTF8(bytes, from: 0, file: file)
                : try TextDecoder.decodeWithICU(bytes, from: 0, encoding, file: file)
        }
    }

    /// Reads until `need` unconsumed bytes are buffered or the stream ends.
    private func fill(upTo need: Int) throws(ArabicTextError) {
        while !atEnd && count - start < need {
            switch input {
            case .closure(let source):
                let more = try source(readSize)
                if more.isEmpty {
                    atEnd = true
                } else {
                    reserve(more.count)
                    more.withUnsafeBufferPointer { storage.advanced(by: count).update(from: $0.baseAddress!, count: more.count) }
                    count += more.count
                }
            case .descriptor(let fd, let name):
                // What is missing and 64 KB more, not a whole `readSize`: what is left after the
                // next cut, which `reserve` moves to the start of the buffer, stays small.
                let missing = need - (count - start)
                let size = missing > readSize - (1 << 16) ? readSize : missing + (1 << 16)
                reserve(size)
                let n = Glibc.read(fd, storage + count, size)
                if n > 0 {
                    count += n
                } else if n == 0 {
                    atEnd = true
                } else if errno != EINTR {
                    throw .unreadable(file: name, reason: String(cString: strerror(errno)))
                }
            }
        }
    }

    /// Makes room for `more` bytes after `count`: drops the bytes already in pieces, then grows.
    private func reserve(_ more: Int) {
        if capacity - count >= more { return }
        if start > 0 {
            let kept = count - start
            (storage).update(from: storage + start, count: kept)
            consumedBefore += start
            count = kept
            start = 0
        }
        if capacity - count >= more { return }
        let grown = max(capacity * 2, count + more)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = grown
    }

    private func startsUTF16() -> Bool {
        let head = UnsafeBufferPointer(start: storage + start, count: count - start)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return !head.starts(with: [0xEF, 0xBB, 0xBF]) && (forced == .utf16LE || forced == .utf16BE)
    }

    /// Where the next piece ends (exclusive), reading more for a line longer than `pieceSize`.
    private func cut() throws(ArabicTextError) -> Int {
        if whole || (atEnd && count - start <= pieceSize) { return count }
        let window = min(count, start + pieceSize)
        // The line feeds of the second half, first to last (memchr); a blank line there wins.
        let half = min(window, start + pieceSize / 2)
        var lastLF: Int?
        var lastBlank: Int?
        var from = half
        while from < window, let p = memchr(storage + from, 0x0A, window - from) {
            let i = storage.distance(to: p.assumingMemoryBound(to: UInt8.self))
            lastLF = i
            // A blank line: LF LF or LF CR LF.
            if i >= start + 1 && (storage[i - 1] == 0x0A || (storage[i - 1] == 0x0D && i >= start + 2 && storage[i - 2] == 0x0A)) {
                lastBlank = i
            }
            from = i + 1
        }
        if let lastBlank { return lastBlank + 1 }
        if lastLF == nil {
            // No line feed in the second half: the last one of the first.
            var i = half - 1
            while i >= start && storage[i] != 0x0A { i -= 1 }
            if i >= start { lastLF = i }
        }
        if let lastLF { return lastLF + 1 }
        // One line longer than a piece: read on to its end (the buffer may move, offsets do not).
        // A NUL ends it too: the piece is then an error to report (binary input), and /dev/zero or
        // a sparse file of exabytes is not read whole first.
        var scan = window - start
        while true {
            while start + scan < count {
                if let limit = maxLineBytes, scan >= limit {
                    throw .lineTooLong(file: file, line: nil, byteOffset: consumedBefore + start, limit: limit)
                }
                if storage[start + scan] == 0x0A || storage[start + scan] == 0 { return start + scan + 1 }
                scan += 1
            }
            if atEnd { return count }
            try fill(upTo: count - start + readSize)
        }
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
