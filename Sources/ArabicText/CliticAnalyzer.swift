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
    static let alef: Unicode.Scalar = "ا"
    static let lam: Unicode.Scalar = "ل"

    public static func analyses(ofKey key: String) -> [CliticAnalysis] {
        analyses(ofKey: Array(key.unicodeScalars))
    }

    public static func analyses(ofKey k: [Unicode.Scalar]) -> [CliticAnalysis] {
        var out: [CliticAnalysis] = []
        var seen = Set<[Int]>()
        func add(_ pro: [Proclitic], article: Bool, prefix: Int, enclitic: Enclitic?, suffix: Int) {
            let stemLen = k.count - prefix - suffix
            guard stemLen >= 2 else { return }
            let sig = pro.map { Proclitic.allCases.firstIndex(of: $0)! } + [article ? 1 : 0, prefix, suffix]
            guard seen.insert(sig).inserted else { return }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: k[prefix..<(k.count - suffix)])
            out.append(
                CliticAnalysis(
                    proclitics: pro, hasArticle: article, stem: String(s), enclitic: enclitic, prefixLength: prefix,
                    suffixLength: suffix))
        }
        let conj: [Proclitic?] = [nil, .wa, .fa]
        let preps: [Proclitic?] = [nil, .bi, .li, .ka, .sa]
        for c in conj {
            var p0 = 0
            if let c {
                guard k.count > 1, k[0] == c.rawValue.unicodeScalars.first! else { continue }
                p0 = 1
            }
            for pr in preps {
                var p1 = p0
                if let pr {
                    guard p1 < k.count, k[p1] == pr.rawValue.unicodeScalars.first! else { continue }
                    p1 += 1
                }
                let pro = [c, pr].compactMap { $0 }
                // Without the article: optionally an enclitic.
                for enc in [nil] + Enclitic.allCases.map(Optional.some) {
                    let sl = enc?.rawValue.unicodeScalars.count ?? 0
                    if let enc {
                        guard k.count - p1 - sl >= 2, k.suffix(sl).elementsEqual(enc.rawValue.unicodeScalars) else { continue }
                    }
                    add(pro, article: false, prefix: p1, enclitic: enc, suffix: sl)
                }
                // With the article: ال, or the ل of لل when the preposition is ل.
                if pr == .sa { continue }
                if pr == .li {
                    if p1 < k.count && k[p1] == lam { add(pro, article: true, prefix: p1 + 1, enclitic: nil, suffix: 0) }
                } else if p1 + 1 < k.count && k[p1] == alef && k[p1 + 1] == lam {
                    add(pro, article: true, prefix: p1 + 2, enclitic: nil, suffix: 0)
                }
            }
        }
        // Bare first, then by how much is stripped.
        return out.enumerated().sorted {
            let a = $0.element.prefixLength + $0.element.suffixLength
            let b = $1.element.prefixLength + $1.element.suffixLength
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
    }
}
