/// Text decoded from bytes as valid UTF-8 bytes (what `TextDecoder.decodeToUTF8` returns): the text
/// is `bytes[start...]`.
public struct DecodedBytes: Sendable, Equatable {
    /// Holds the text from `start` on (before it, a UTF-8 byte order mark of the input).
    public let bytes: [UInt8]
    public let start: Int
    public let encoding: TextEncoding
    /// Whether the input began with a byte order mark.
    public let hadBOM: Bool

    /// Calls `body` with the text's valid UTF-8 bytes.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Calls `body` with the text in blocks of about `size` bytes, each cut just before a line feed
    /// (the last may end anywhere): no scalar, word or line is cut, and NFKC has a boundary before
    /// a line feed, so per-line work and the matching key can run block by block in bounded memory.
    public func forEachBlock(size: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let blocks = blockRanges(size: size)
        try withUTF8 { b in
            for r in blocks { try body(UnsafeBufferPointer(rebasing: b[r])) }
        }
    }

    /// The blocks of `forEachBlock`, as ranges of the UTF-8 text (offsets from its first byte), for
    /// callers that hand blocks to several threads.
    public func blockRanges(size: Int = 1 << 20) -> [Range<Int>] {
        withUTF8 { b in
            var ranges: [Range<Int>] = []
            var start = 0
            while start < b.count {
                var end = min(b.count, start + max(1, size))
                while end < b.count && b[end] != 0x0A { end += 1 }
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
    }
}
