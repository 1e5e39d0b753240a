import ArabicText
import Glossary

/// Which Arabic words look like names no glossary lists, and what their name part is.
enum NameLikeness {
    /// The name part of a word's key: without proclitics and article when the rest is itself one of
    /// `bare` (the keys of the other name-like words of the scope), so وتارنوفسكي and تارنوفسكي are
    /// one name. Returns the number of key scalars stripped and the name key.
    static func namePart(ofKey key: String, bare: Set<String>) -> (stripped: Int, key: String) {
        var best = (stripped: 0, key: key)
        for a in CliticAnalyzer.analyses(ofKey: key) where a.enclitic == nil && a.prefixLength > 0 {
            let stemLength = key.unicodeScalars.count - a.prefixLength
            guard stemLength >= 3, a.prefixLength > best.stripped, bare.contains(a.stem) else { continue }
            best = (a.prefixLength, a.stem)
        }
        return best
    }

    /// The name part of a word without knowing the scope: a leading و is taken for "and" when at
    /// least four letters follow that do not start with a long vowel (وديميتري; ويليام stays whole),
    /// as the drafter does.
    static func localNamePart(ofKey key: String) -> (stripped: Int, key: String) {
        let k = Array(key.unicodeScalars)
        if k.count >= 5, k[0] == "و", !["ا", "و", "ي"].contains(k[1]) {
            return (1, String(scalars: k.dropFirst()))
        }
        return (0, key)
    }

    /// The written form of key scalars `from...` of `word` (harakat, tatweel and invisible
    /// characters removed, hamza and letters kept), for proposing glossary spellings.
    static func writtenPart(of word: String, fromKey offset: Int) -> String {
        let u = Array(word.unicodeScalars)
        let key = MatchingKey(scalars: u)
        let start = offset == 0 ? 0 : key.sourceRange(ofKey: offset..<offset).lowerBound
        return clean(u[start...])
    }

    /// Drops harakat, tatweel and invisible format characters.
    static func clean(_ u: some Sequence<Unicode.Scalar>) -> String {
        String(
            String.UnicodeScalarView(
                u.filter { !ArabicScalar.isMark($0.value) && $0.value != ArabicScalar.tatweel && !ArabicScalar.isInvisibleFormat($0.value) }
            ))
    }
}
