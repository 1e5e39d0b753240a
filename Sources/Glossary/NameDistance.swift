import ArabicText

/// A weighted edit distance between the matching keys of two name spellings, tuned to the ways
/// foreign names are misspelt in Arabic: letters of one phonetic class (ب/ف, ك/ج/ق, ت/ط, ...)
/// swap cheaply, long vowels and hamza seats come and go cheaply, anything else costs 1.
enum NameDistance {
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
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
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

    /// Similarity in 0...1: 1 - distance / longer length.
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let n = max(a.count, b.count)
        if n == 0 { return 1 }
        return max(0, 1 - distance(a, b) / Double(n))
    }
}
