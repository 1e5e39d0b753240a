/// Candidate analyses of an Arabic word into proclitics + article + stem + enclitic.
///
/// Proclitics: an optional conjunction و/ف, then an optional preposition ب/ل/ك or the future
/// marker س, then an optional article ال (ل + ال is written لل). Enclitics: ه ها هم هما هن كم كما نا ي
/// (never together with the article). Every stem keeps at least two letters. The first analysis is
/// always the bare word; the rest follow in order of how much they strip.
///
/// ```swift
/// CliticAnalyzer.analyses(ofKey: "للناتو").map(\.stemWithArticle)   // ["للناتو", "الناتو", "لناتو", ...]
/// ```
/// - Complexity: O(1) per word: at most a few dozen candidates, each O(word length).
public enum CliticAnalyzer {
    public static func analyses(ofKey key: String) -> [CliticAnalysis] {
        analyses(ofKey: Array(key.unicodeScalars))
    }

    public static func analyses(ofKey k: [Unicode.Scalar]) -> [CliticAnalysis] {
        var out: [CliticAnalysis] = []
        CliticReading.forEach(in: k) { r in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: k[r.prefixLength..<(k.count - r.suffixLength)])
            out.append(
                CliticAnalysis(
                    proclitics: r.proclitics, hasArticle: r.hasArticle, stem: String(s), enclitic: r.enclitic,
                    prefixLength: r.prefixLength, suffixLength: r.suffixLength))
        }
        // Bare first, then by how much is stripped.
        return out.enumerated().sorted {
            let a = $0.element.prefixLength + $0.element.suffixLength
            let b = $1.element.prefixLength + $1.element.suffixLength
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
    }
}
