import ArabicText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One sentence as UTF-8 bytes of its document, with the byte where each of its scalars starts:
/// rendering copies pieces of the sentence by scalar offsets without decoding it again.
///
/// ```swift
/// var doc = "قال بلينكن"
/// doc.withUTF8 { b in
///     var buffer = ScalarBuffer()
///     buffer.load(b, 0..<b.count)
///     let s = SentenceBytes(text: doc, document: b, offsets: buffer.offsets)
///     s.string(4..<10)                            // "بلينكن"
///     s.byteRange(4..<10)                         // 7..<19
/// }
/// ```
struct SentenceBytes {
    /// The sentence (the bytes `offsets.first!..<offsets.last!` of `document`).
    let text: String
    /// The document's bytes (valid UTF-8).
    let document: UnsafeBufferPointer<UInt8>
    /// `offsets[i]` is the byte of `document` where the sentence's scalar `i` starts; one more
    /// element gives the sentence's end (`ScalarBuffer.offsets`).
    let offsets: [Int]

    /// The number of scalars in the sentence.
    var scalarCount: Int { offsets.count - 1 }

    /// The bytes of the scalars `r`.
    func bytes(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: document[offsets[r.lowerBound]..<offsets[r.upperBound]])
    }

    /// The text of the scalars `r` as a slice of `text` (no copy).
    func substring(_ r: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let base = offsets[0]
        let start = utf8.index(utf8.startIndex, offsetBy: offsets[r.lowerBound] - base)
        let end = utf8.index(utf8.startIndex, offsetBy: offsets[r.upperBound] - base)
        return text[start..<end]
    }

    /// The text of the scalars `r`, copied from `text` (a slice of a String is not validated again
    /// as bytes would be).
    func string(_ r: Range<Int>) -> String {
        String(substring(r))
    }

    /// The text of the scalars `r`: `same` itself when it is that text (no copy), else a copy.
    func string(_ r: Range<Int>, reusing same: String) -> String {
        let piece = bytes(r)
        guard same.utf8.count == piece.count else { return string(r) }
        if piece.isEmpty { return same }
        let equal = same.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, piece.baseAddress!, piece.count) == 0 }
        return equal == true ? same : string(r)
    }

    /// The UTF-8 bytes of the scalars `r` in the sentence (`text.utf8`), as `EditedText` takes them.
    func byteRange(_ r: Range<Int>) -> Range<Int> {
        (offsets[r.lowerBound] - offsets[0])..<(offsets[r.upperBound] - offsets[0])
    }

    /// Whether the sentence holds a bidi control (`ArabicScalar.isBidiControl`): U+061C is D8 9C
    /// in UTF-8, the others E2 80 8E-8F, E2 80 AA-AE and E2 81 A6-A9. Scanned sixteen, then eight bytes at a
    /// time for a lane equal to E2 or 9C, the bytes every such control has and Arabic text almost
    /// never has.
    /// - Complexity: O(n) over the sentence's bytes.
    var holdsBidiControl: Bool {
        let start = offsets[0]
        let end = offsets[scalarCount]
        guard let raw = UnsafeRawPointer(document.baseAddress) else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        @inline(__always) func clean(at i: Int) -> Bool {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            return !hasZero(x ^ (0xE2 &* ones)) && !hasZero(x ^ (0x9C &* ones))
        }
        var i = start
        // Two words a step while both are clean, then the words one by one.
        while i + 16 <= end && clean(at: i) && clean(at: i + 8) { i += 16 }
        while i + 8 <= end {
            if clean(at: i) {
                i += 8
                continue
            }
            for j in i..<(i + 8) where isBidiControl(at: j, start: start, end: end) { return true }
            i += 8
        }
        while i < end {
            if isBidiControl(at: i, start: start, end: end) { return true }
            i += 1
        }
        return false
    }

    /// Whether a bidi control ends or starts at byte `i` (its 9C or its E2).
    private func isBidiControl(at i: Int, start: Int, end: Int) -> Bool {
        let b = document[i]
        if b == 0x9C { return i > start && document[i - 1] == 0xD8 }
        guard b == 0xE2, i + 2 < end else { return false }
        switch (document[i + 1], document[i + 2]) {
        case (0x80, 0x8E...0x8F), (0x80, 0xAA...0xAE), (0x81, 0xA6...0xA9): return true
        default: return false
        }
    }
}
