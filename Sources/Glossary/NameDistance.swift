import ArabicText

/// A weighted edit distance between the matching keys of two name spellings, tuned to the ways
/// foreign names are misspelt in Arabic: letters of one phonetic class (ب/ف, ك/ج/ق, ت/ط, ...)
/// swap cheaply, long vowels and hamza seats come and go cheaply, anything else costs 1.
///
/// ```swift
/// let k = { (s: String) in Array(Normalizer.key(s).unicodeScalars) }
/// NameDistance.similarity(k("بلينجن"), k("بلينكن"))   // 0.96: ج/ك are one class
/// NameDistance.isOneSlip(k("لاندن"), of: k("لندن"))    // true: a long vowel added inside
/// ```
public enum NameDistance {
    static let classSubstitution = 0.25
    static let vowelEdit = 0.3

    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0627, 0x0648, 0x064A, 0x0621, 0x0626, 0x0624, 0x0649: return true
        default: return false
        }
    }

    static func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        if a == b { return 0 }
        if isVowel(a) && isVowel(b) { return classSubstitution }
        if let ca = PhoneticKey.classOf(a.value), let cb = PhoneticKey.classOf(b.value), ca == cb, ca != "?" {
            return classSubstitution
        }
        return 1
    }

    static func indelCost(_ s: Unicode.Scalar) -> Double { isVowel(s) ? vowelEdit : 1 }

    /// The distance between two keys.
    /// - Complexity: O(m·n) for words of m and n letters (names are short).
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty { return b.reduce(0) { $0 + indelCost($1) } }
        if b.isEmpty { return a.reduce(0) { $0 + indelCost($1) } }
        var prev = [Double](repeating: 0, count: b.count + 1)
        for j in 1...b.count { prev[j] = prev[j - 1] + indelCost(b[j - 1]) }
        var cur = prev
        for i in 1...a.count {
            cur[0] = prev[0] + indelCost(a[i - 1])
            for j in 1...b.count {
                cur[j] = min(
                    prev[j - 1] + substitutionCost(a[i - 1], b[j - 1]),
                    prev[j] + indelCost(a[i - 1]),
                    cur[j - 1] + indelCost(b[j - 1]))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The distance when it is at most `limit`, nil otherwise; stops as soon as a row of the table
    /// exceeds the limit, and keeps the table on the stack.
    /// - Complexity: O(m·n) at worst.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Double) -> Double? {
        if a.isEmpty || b.isEmpty {
            let d = distance(a, b)
            return d <= limit ? d : nil
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (b.count + 1)) { buf -> Double? in
            var prev = UnsafeMutableBufferPointer(rebasing: buf[0...b.count])
            var cur = UnsafeMutableBufferPointer(rebasing: buf[(b.count + 1)...])
            prev[0] = 0
            for j in 1...b.count { prev[j] = prev[j - 1] + indelCost(b[j - 1]) }
            for i in 1...a.count {
                cur[0] = prev[0] + indelCost(a[i - 1])
                var rowMin = cur[0]
                for j in 1...b.count {
                    let v = min(
                        prev[j - 1] + substitutionCost(a[i - 1], b[j - 1]),
                        prev[j] + indelCost(a[i - 1]),
                        cur[j - 1] + indelCost(b[j - 1]))
                    cur[j] = v
                    rowMin = min(rowMin, v)
                }
                if rowMin > limit { return nil }
                swap(&prev, &cur)
            }
            return prev[b.count] <= limit ? prev[b.count] : nil
        }
    }

    /// Similarity in 0...1: 1 - distance / longer length.
    public static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let n = max(a.count, b.count)
        if n == 0 { return 1 }
        return max(0, 1 - distance(a, b) / Double(n))
    }

    /// Whether `word` is `name` with one slip of the kind typists and machine translation make in
    /// names: one consonant swapped for another of its phonetic class (ك/ج/ق, ب/ف, ت/ط, س/ص: روصيا),
    /// or one long vowel (ا و ي) added inside the name (لاندن) or dropped from it (اليونن; a final alef
    /// too: فيين). A vowel changed into another vowel (ليما/ليمو, كوبا/كيبا) or a vowel added or dropped
    /// at the end (ميلوني/ميلون) is not a slip: such pairs are usually two different names.
    public static func isOneSlip(_ word: [Unicode.Scalar], of name: [Unicode.Scalar]) -> Bool {
        if word.count == name.count {
            var diff = -1
            for k in word.indices where word[k] != name[k] {
                if diff >= 0 { return false }
                diff = k
            }
            guard diff >= 0 else { return false }
            let a = word[diff]
            let b = name[diff]
            if isVowel(a) || isVowel(b) { return false }
            guard let ca = PhoneticKey.classOf(a.value), ca != "?", ca == PhoneticKey.classOf(b.value) else { return false }
            return true
        }
        let (long, short, added) = word.count == name.count + 1 ? (word, name, true) : (name, word, false)
        guard long.count == short.count + 1 else { return false }
        var k = 0
        while k < short.count && long[k] == short[k] { k += 1 }
        // long[k] is the extra letter; the rest must agree.
        guard isVowel(long[k]), long[(k + 1)...].elementsEqual(short[k...]) else { return false }
        if k == 0 { return false }
        if k == long.count - 1 { return !added && long[k] == "\u{0627}" }
        return true
    }
}
