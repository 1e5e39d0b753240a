import ArabicText
import FuzzSupport

/// Normalization and the key -> original offset map. Properties: one span per key scalar; every span
/// inside the original text, starts and ends never going backwards; `sourceRange` of any key range
/// inside the original; the fast `keyString` equals the mapped key; the key of a key is itself
/// (normalization is idempotent). The byte-level key `normalize --key` runs on its pieces (64-byte
/// blocks, with or without its own UTF-8 check) gives the same bytes as the `String` key, into an
/// empty array or after other bytes, and refuses exactly the input that is not UTF-8 or holds a NUL.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKey(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let n = text.unicodeScalars.count
    let key = MatchingKey(text)
    let k = key.scalars.count
    fuzzCheck(
        key.sourceStart.count == k && key.sourceEnd.count == k,
        "\(k) key scalars, \(key.sourceStart.count) starts, \(key.sourceEnd.count) ends")
    for i in 0..<k {
        let s = key.sourceStart[i]
        let e = key.sourceEnd[i]
        fuzzCheck(0 <= s && s <= e && e <= n, "key scalar \(i): span \(s)..<\(e) outside the original's 0..<\(n)")
        if i > 0 {
            fuzzCheck(s >= key.sourceStart[i - 1], "key scalar \(i) starts at \(s), before the previous one's \(key.sourceStart[i - 1])")
            fuzzCheck(e >= key.sourceEnd[i - 1], "key scalar \(i) ends at \(e), before the previous one's \(key.sourceEnd[i - 1])")
        }
    }
    // A few key ranges, chosen from the text's length.
    for (lo, hi) in [(0, k), (k / 3, k / 2), (k / 2, k / 2), (k, k)] where lo <= hi {
        let r = key.sourceRange(ofKey: lo..<hi)
        fuzzCheck(r.lowerBound >= 0 && r.upperBound <= n, "sourceRange(ofKey: \(lo)..<\(hi)) = \(r) outside 0..<\(n)")
    }
    let fast = MatchingKey.keyString(text)
    fuzzCheck(fast == key.string, "keyString \(Array(fast.unicodeScalars)) differs from MatchingKey \(key.scalars)")
    fuzzCheck(Normalizer.key(text) == fast, "Normalizer.key differs from keyString")
    let again = MatchingKey.keyString(key.string)
    fuzzCheck(again == key.string, "key is not idempotent: \(key.scalars) -> \(Array(again.unicodeScalars))")
    let raw = FuzzInput.bytes(data, size)
    for bytes in [raw, Array(text.utf8)] { checkByteKey(bytes) }
    let display = Normalizer.display(text)
    fuzzCheck(Normalizer.display(display) == display, "display form (NFC) is not idempotent")
    return 0
}

/// `Normalizer.appendKey(validatingUTF8:)` and `appendKey(utf8:)` against `Normalizer.key` of the
/// decoded text and against the standard library's UTF-8 validation (plus "no NUL").
func checkByteKey(_ bytes: [UInt8]) {
    let valid = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0)
    let expected = valid ? Array(Normalizer.key(String(decoding: bytes, as: UTF8.self)).utf8) : []
    for prefix in [[], [0x41] as [UInt8]] {
        var out = prefix
        let ok = bytes.withUnsafeBufferPointer { Normalizer.appendKey(validatingUTF8: $0, to: &out) }
        fuzzCheck(ok == valid, "validating key says \(ok), the UTF-8 check says \(valid)")
        fuzzCheck(out == prefix + expected, "validating key wrote \(out.count) bytes, expected \(prefix.count + expected.count)")
        guard valid else { continue }
        var plain = prefix
        bytes.withUnsafeBufferPointer { Normalizer.appendKey(utf8: $0, to: &plain) }
        fuzzCheck(plain == prefix + expected, "byte key differs from Normalizer.key")
    }
}
