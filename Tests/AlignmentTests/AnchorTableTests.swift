import Foundation
import Testing

@testable import Alignment

/// The per-word tables and the row scores the aligner computes anchors with give the answers of the
/// direct computation.
@Suite struct AnchorTableTests {
    static let arabic = [
        "تراجع محصول القمح في عام 2023 بسبب الجفاف",
        "وقال وزير الزراعة إن سعر الخبز ارتفع",
        "تراجع محصول القمح في عام 2023 بسبب الجفاف",
        "",
        "وارتفع سعر القمح والخبز في الأسواق",
    ]
    static let english = [
        "The wheat harvest fell in 2023 because of the drought",
        "The agriculture minister said bread prices rose",
        "The wheat harvest fell in 2023 because of the drought",
        "Wheat and bread prices rose in the markets",
    ]

    static func features() throws -> AnchorFeatures {
        let d = try BilingualDictionary(
            hunalign: "wheat @ قمح\nharvest @ محصول\nbread @ خبز\nprice @ سعر\nmarket @ سوق\ndrought @ جفاف\nrise @ ارتفع\n")
        let x = AnchorExtractor(matcher: nil, dictionary: d, lexicon: nil, weights: AnchorWeights())
        return x.features(arabic: arabic, english: english)
    }

    @Test func repeatedSegmentsGetTheSameFeatures() throws {
        let f = try Self.features()
        func ids(_ l: FeatureLists, _ i: Int) -> [Int32] { Array(l.ids[l.span(i, i + 1)]) }
        #expect(ids(f.dictionaryArabic, 0) == ids(f.dictionaryArabic, 2))
        #expect(ids(f.dictionaryEnglish, 0) == ids(f.dictionaryEnglish, 2))
        #expect(ids(f.arabic, 0) == ids(f.arabic, 2))
        #expect(ids(f.english, 0) == ids(f.english, 2))
        #expect(!ids(f.dictionaryArabic, 4).isEmpty)
        #expect(f.counts[.number] == 1)
    }

    @Test func rowsEqualPairByPair() throws {
        let f = try Self.features()
        var row = AnchorFeatures.PairRow(f)
        let all = 0...(Self.english.count - 1)
        for p in 0..<Self.arabic.count {
            var scores: [Float] = []
            row.appendScores(p, all, to: &scores)
            #expect(scores == all.map { Float(f.dictionaryPairScore(p, $0)) }, "Arabic segment \(p)")
            var shared: [Int32] = []
            var ends: [Int32] = []
            row.appendShared(p, all, to: &shared, sharedEnd: &ends)
            var expected: [[Int32]] = []
            for q in all {
                var s: [Int32] = []
                f.sharedStrong(p, q) { s.append($0) }
                expected.append(s)
            }
            let found = zip([0] + ends, ends).map { Array(shared[Int($0)..<Int($1)]) }
            #expect(ends.count == all.count && found == expected, "Arabic segment \(p)")
        }
        #expect(f.dictionaryPairScore(0, 0) > 0)
        var strong: [Int32] = []
        f.sharedStrong(0, 0) { strong.append($0) }
        #expect(!strong.isEmpty)
    }

    @Test func arabicWordTableStartsOverWhenFull() {
        var table = ArabicWordAnchors(limit: 2)
        var computed = 0
        func look(_ word: String) -> ([Int32], [Int32]) {
            let u = Array(word.unicodeScalars)
            var out: ([Int32], [Int32]) = ([], [])
            table.withAnchors(
                of: u[...],
                compute: { w in
                    computed += 1
                    return ([Int32(w.count)], [Int32(w.count), 7])
                },
                body: { out = (Array($0), Array($1)) })
            return out
        }
        // Full at two words: the third distinct word starts it over.
        for word in ["قمح", "قمح", "محصول", "خبز", "خبز", "قمح"] {
            let n = Int32(word.unicodeScalars.count)
            let (names, dictionary) = look(word)
            #expect(names == [n] && dictionary == [n, 7], "\(word)")
        }
        #expect(computed == 4)
    }

    @Test func englishTokenTableStartsOverWhenFull() {
        var table = EnglishTokenAnchors(limit: 2)
        var computed = 0
        let tokens = [("wheat", false), ("wheat", false), ("2023", true), ("bread", false), ("bread", false), ("wheat", false)]
        for (token, isNumber) in tokens {
            let u = Array(token.unicodeScalars)
            let entry = table.entry(of: u[...], isNumber: isNumber) {
                computed += 1
                return EnglishTokenAnchors.Entry(strong: [Int32(u.count)], compared: token, content: [])
            }
            #expect(entry.compared == token && entry.strong == [Int32(u.count)])
        }
        #expect(computed == 4)
    }
}
