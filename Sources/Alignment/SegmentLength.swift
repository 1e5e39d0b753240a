import ArabicText

/// The length of a segment as the length model counts it: Unicode scalars without harakat and other
/// Arabic marks, tatweel and invisible format characters, with each run of whitespace counted once
/// and none at the ends. Vowelled and unvowelled Arabic therefore have the same length.
///
/// ```swift
/// SegmentLength.of("قَالَ  الوزير")   // 10
/// ```
/// - Complexity: O(n).
public enum SegmentLength {
    public static func of(_ text: some StringProtocol) -> Int {
        var count = 0
        var pendingSpace = false
        for s in text.unicodeScalars {
            let v = s.value
            if ArabicScalar.isWhitespace(v) {
                pendingSpace = count > 0
                continue
            }
            if ArabicScalar.isMark(v) || v == ArabicScalar.tatweel || ArabicScalar.isInvisibleFormat(v) { continue }
            if pendingSpace { count += 1 }
            pendingSpace = false
            count += 1
        }
        return count
    }

    /// Whether the segment has nothing to align: only whitespace and invisible characters.
    public static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { ArabicScalar.isWhitespace($0.value) || ArabicScalar.isInvisibleFormat($0.value) }
    }
}
