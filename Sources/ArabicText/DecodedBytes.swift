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
}
