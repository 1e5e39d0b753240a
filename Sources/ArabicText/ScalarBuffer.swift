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
        let source = bytes.baseAddress.unsafelyUnwrapped
        let n = range.count
        var count = 0
        var offs = [Int](unsafeUninitializedCapacity: n + 1) { off, initialized in
            let o = off.baseAddress.unsafelyUnwrapped
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, done in
                count = Self.decode(source, range, into: out.baseAddress.unsafelyUnwrapped, o)
                done = count
            }
            o[count] = range.upperBound
            initialized = count + 1
        }
        swap(&offsets, &offs)
    }

    /// Decodes valid UTF-8 `source[range]` into `scalars` and the byte offset of each into
    /// `offsets`; returns the number of scalars. One branch per lead byte, no validation (the
    /// bytes are a String's): Arabic text is mostly two-byte sequences and ASCII spaces.
    @inline(__always)
    private static func decode(
        _ source: UnsafePointer<UInt8>, _ range: Range<Int>, into scalars: UnsafeMutablePointer<Unicode.Scalar>,
        _ offsets: UnsafeMutablePointer<Int>
    ) -> Int {
        var i = range.lowerBound
        let end = range.upperBound
        var k = 0
        while i < end {
            let b0 = UInt32(source[i])
            let v: UInt32
            let length: Int
            if b0 < 0x80 {
                (v, length) = (b0, 1)
            } else if b0 < 0xE0 {
                (v, length) = ((b0 & 0x1F) << 6 | UInt32(source[i &+ 1] & 0x3F), 2)
            } else if b0 < 0xF0 {
                (v, length) = ((b0 & 0x0F) << 12 | UInt32(source[i &+ 1] & 0x3F) << 6 | UInt32(source[i &+ 2] & 0x3F), 3)
            } else {
                v =
                    (b0 & 0x07) << 18 | UInt32(source[i &+ 1] & 0x3F) << 12 | UInt32(source[i &+ 2] & 0x3F) << 6
                    | UInt32(source[i &+ 3] & 0x3F)
                length = 4
            }
            // Valid UTF-8 decodes to a valid scalar value.
            scalars[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
            offsets[k] = i
            k &+= 1
            i &+= length
        }
        return k
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
