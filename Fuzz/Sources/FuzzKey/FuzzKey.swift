import ArabicText
import FuzzSupport

/// Normalization and the key -> original offset map. Properties: one span per key scalar; every span
/// inside the original text, starts and ends never going backwards; `sourceRange` of any key range
/// inside the original; the fast `keyString` equals the mapped key; the key of a key is itself
/// (normalization is idempotent).
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
    let display = Normalizer.display(text)
    fuzzCheck(Normalizer.display(display) == display, "display form (NFC) is not idempotent")
    return 0
}
