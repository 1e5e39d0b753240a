import ArabicText

/// A weighted edit distance between the matching keys of two spellings of a foreign name: letters
/// of one phonetic class (ك/ج/غ/ق, ت/ط, س/ص, ...) swap for 0.25, a long vowel or hamza seat is
/// added, dropped or changed for 0.3, anything else costs 1. The same weights as the glossary's
/// fuzzy matcher (`NameDistance`, internal to Glossary), so "a spelling variant" means the same
/// thing for names in the glossary and names in no glossary.
enum SpellingDistance {
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0627, 0x0648, 0x064A, 0x0621, 0x0626, 0x0624, 0x0649: return true
        default: return false
        }
    }

    static func substitution(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        if a == b { return 0 }
        if isVowel(a) && isVowel(b) { return 0.3 }
        if let ca = PhoneticKey.classOf(a.value), let cb = PhoneticKey.classOf(b.value), ca == cb, ca != "?" { return 0.25 }
        return 1
    }

    static func indel(_ s: Unicode.Scalar) -> Double { isVowel(s) ? 0.3 : 1 }

    /// - Complexity: O(m·n).
    static func distance(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.reduce(0) { $0 + indel($1) } }
        if y.isEmpty { return x.reduce(0) { $0 + indel($1) } }
        var prev = [Double](repeating: 0, count: y.count + 1)
        for j in 1...y.count { prev[j] = prev[j - 1] + indel(y[j - 1]) }
        var cur = prev
        for i in 1...x.count {
            cur[0] = prev[0] + indel(x[i - 1])
            for j in 1...y.count {
                cur[j] = min(prev[j - 1] + substitution(x[i - 1], y[j - 1]), prev[j] + indel(x[i - 1]), cur[j - 1] + indel(y[j - 1]))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// Whether two name keys look like spellings of one name: one letter-class swap or one vowel
    /// edit (names of five letters or more), or up to two such edits (seven letters or more). Two
    /// names that differ in more of their vowels are usually two names (جونز, جاينز).
    static func areVariants(_ a: String, _ b: String) -> Bool {
        let n = min(a.unicodeScalars.count, b.unicodeScalars.count)
        guard n >= 5 else { return false }
        let d = distance(a, b)
        return d <= (n >= 7 ? 0.6 : 0.3) + 1e-9
    }
}
