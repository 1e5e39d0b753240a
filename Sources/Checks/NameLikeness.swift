import ArabicText
import Glossary

/// Which Arabic words look like names no glossary lists, and what their name part is.
enum NameLikeness {
    /// The name part of a word's key: without proclitics and article when the rest is itself one of
    /// `bare` (the keys of the other name-like words of the scope), so وتارنوفسكي and تارنوفسكي are
    /// one name. Returns the number of key scalars stripped and the name key.
    static func namePart(ofKey key: String, bare: Set<String>) -> (stripped: Int, key: String) {
        // The readings without an enclitic that strip the most and leave a stem of `bare`: read
        // without building the other readings' stems (`CliticAnalyzer.analyses` makes them all).
        let k = Array(key.unicodeScalars)
        var best = (stripped: 0, key: key)
        CliticReading.forEach(in: k[...]) { r in
            guard r.enclitic == nil, r.suffixLength == 0, r.prefixLength > best.stripped, k.count - r.prefixLength >= 3 else { return }
            let stem = String(scalars: k[r.prefixLength...])
            if bare.contains(stem) { best = (r.prefixLength, stem) }
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
        // The whole word (no key to compute), as it is when nothing needs dropping.
        guard offset != 0 else { return word.unicodeScalars.contains(where: isDropped) ? clean(word.unicodeScalars) : word }
        let u = Array(word.unicodeScalars)
        let start = MatchingKey(scalars: u).sourceRange(ofKey: offset..<offset).lowerBound
        return clean(u[start...])
    }

    /// Whether `clean` drops the scalar: harakat, tatweel and invisible format characters.
    static func isDropped(_ u: Unicode.Scalar) -> Bool {
        ArabicScalar.isMark(u.value) || u.value == ArabicScalar.tatweel || ArabicScalar.isInvisibleFormat(u.value)
    }

    /// Drops harakat, tatweel and invisible format characters.
    static func clean(_ u: some Sequence<Unicode.Scalar>) -> String {
        String(
            String.UnicodeScalarView(
                u.filter { !isDropped($0) }
            ))
    }
}
