/// A reusable buffer of Unicode scalars decoded straight from UTF-8 bytes, with the byte offset of
/// each, so that pipelines find tokens and sentences by scalar offsets and copy the text between
/// them as bytes (no `Character`s, no per-scalar string appends). Load one line or paragraph at a
/// time: memory stays proportional to the line, not to the document.
///
/// ```swift
/// var buffer = ScalarBuffer()
/// var text = "قال بوتين"
/// text.withUTF8 { b in
///     buffer.load(b, 0..<b.count)
///     buffer.scalars.count     // 9
///     buffer.offsets[4]        // 7: "بوتين" starts at byte 7
/// }
/// ```
public struct ScalarBuffer: Sendable {
    /// The scalars of the loaded bytes.
    public private(set) var scalars: [Unicode.Scalar] = []
    /// `offsets[i]` is the byte where scalar `i` starts; one more element gives the end.
    public private(set) var offsets: [Int] = []

    public init() {}

    /// Decodes `bytes[range]` (valid UTF-8, such as a String's storage), replacing what was loaded.
    /// - Complexity: O(range.count): two arrays written through pointers.
    public mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let source = UTF8Source(bytes: bytes)
        var count = 0
        var offs = [Int](unsafeUninitializedCapacity: range.count + 1) { off, initialized in
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: range.count) { out, done in
                var i = range.lowerBound
                while i < range.upperBound {
                    let (v, next) = source.scalar(at: i)
                    out[count] = Unicode.Scalar(v).unsafelyUnwrapped
                    off[count] = i
                    count += 1
                    i = next
                }
                done = count
            }
            off[count] = range.upperBound
            initialized = count + 1
        }
        swap(&offsets, &offs)
    }

    /// The scalars of `text` (faster than `Array(text.unicodeScalars)`).
    public static func scalars(of text: some StringProtocol) -> [Unicode.Scalar] {
        var buffer = ScalarBuffer()
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.load($0, 0..<$0.count) }
        if done == nil {
            var copy = String(text)
            copy.withUTF8 { buffer.load($0, 0..<$0.count) }
        }
        return buffer.scalars
    }
}
