import ArabicText
import Glossary

/// When two spellings of a name no glossary lists are one name: the glossary fuzzy matcher's
/// weighted edit distance (`NameDistance`), so "a spelling variant" means the same thing for names
/// in the glossary and names in no glossary.
enum SpellingDistance {
    static func distance(_ a: String, _ b: String) -> Double {
        NameDistance.distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
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
