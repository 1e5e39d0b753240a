import Foundation
import Glossary
import Testing

@testable import Alignment

/// Alignments of the project's own ten-sentence news fixture (drought.ar.txt / drought.en.txt,
/// line-aligned) after merging or dropping sentences, compared with the beads the edit implies.
@Suite struct AlignerTests {
    let arabic: [String]
    let english: [String]

    init() throws {
        arabic = try Fixture.lines("drought.ar.txt")
        english = try Fixture.lines("drought.en.txt")
    }

    /// Groups of original line numbers (0-based) into segments, joined by a space.
    func segments(_ lines: [String], _ groups: [[Int]]) -> [String] {
        groups.map { g in g.map { lines[$0] }.joined(separator: " ") }
    }

    func beads(_ a: SentenceAlignment) -> [String] {
        a.beads.map { "\(Array($0.arabic))-\(Array($0.english))" }
    }

    /// Each case: Arabic segments and English segments as groups of original lines, and the
    /// expected beads as "ar-en" segment index lists.
    @Test(arguments: [
        ("1-1", [[0], [1], [2], [3]], [[0], [1], [2], [3]], ["[0]-[0]", "[1]-[1]", "[2]-[2]", "[3]-[3]"]),
        ("2-1", [[0], [1], [2], [3], [4]], [[0], [1, 2], [3], [4]], ["[0]-[0]", "[1, 2]-[1]", "[3]-[2]", "[4]-[3]"]),
        ("1-2", [[0], [1, 2], [3], [4]], [[0], [1], [2], [3], [4]], ["[0]-[0]", "[1]-[1, 2]", "[2]-[3]", "[3]-[4]"]),
        ("1-0", [[3], [4], [5], [6], [7]], [[3], [4], [6], [7]], ["[0]-[0]", "[1]-[1]", "[2]-[]", "[3]-[2]", "[4]-[3]"]),
        ("0-1", [[0], [1], [3], [4]], [[0], [1], [2], [3], [4]], ["[0]-[0]", "[1]-[1]", "[]-[2]", "[2]-[3]", "[3]-[4]"]),
        ("2-2", [[0], [1, 2], [3], [4]], [[0], [1], [2, 3], [4]], ["[0]-[0]", "[1, 2]-[1, 2]", "[3]-[3]"]),
        ("1-3", [[0], [1, 2, 3], [4], [5]], [[0], [1], [2], [3], [4], [5]], ["[0]-[0]", "[1]-[1, 2, 3]", "[2]-[4]", "[3]-[5]"]),
        ("3-1", [[0], [1], [2], [3], [4], [5]], [[0], [1, 2, 3], [4], [5]], ["[0]-[0]", "[1, 2, 3]-[1]", "[4]-[2]", "[5]-[3]"]),
    ])
    func everyBeadShape(_ name: String, _ ar: [[Int]], _ en: [[Int]], _ expected: [String]) {
        let a = Aligner().align(arabic: segments(arabic, ar), english: segments(english, en))
        #expect(beads(a) == expected, "\(name)")
        #expect(a.isComplete)
    }

    @Test func wholeFixtureAlignsOneToOne() {
        let a = Aligner().align(arabic: arabic, english: english)
        #expect(a.beads.count == 10)
        #expect(a.beads.allSatisfy { $0.shape == BeadShape(arabic: 1, english: 1) })
        #expect(a.beads.allSatisfy { $0.score > 0.5 })
    }

    /// Fixture sentences 4-8 with the English of sentence 5 (the FAO warning) left out: length alone
    /// drops the last Arabic sentence and shifts every pair after the gap; the anchors of the
    /// sentences after it (0.85 in Arabic-Indic digits, Layla Mansour, 40) put the gap where it is.
    @Test func anchorsFixWhatLengthGetsWrong() {
        let ar = Array(arabic[3..<8])
        let en = [english[3], english[5], english[6], english[7]]
        var lengthOnly = Aligner.Options()
        lengthOnly.anchorWeights = .none
        let wrong = Aligner(options: lengthOnly).align(arabic: ar, english: en)
        #expect(beads(wrong) == ["[0]-[0]", "[1]-[1]", "[2]-[2]", "[3]-[3]", "[4]-[]"])
        let right = Aligner().align(arabic: ar, english: en)
        #expect(beads(right) == ["[0]-[0]", "[1]-[]", "[2]-[1]", "[3]-[2]", "[4]-[3]"])
        #expect(right.anchorCounts[.latin] == nil)  // FAO is only on the Arabic side now
        #expect((right.anchorCounts[.number] ?? 0) >= 2)
        #expect((right.anchorCounts[.name] ?? 0) >= 1)
    }

    @Test func namesAndLatinTokensAreAnchors() {
        let x = AnchorExtractor(matcher: nil, dictionary: nil, lexicon: nil, weights: AnchorWeights())
        let f = x.features(arabic: [arabic[1], arabic[4]], english: [english[1], english[4]])
        #expect(f.counts[.latin] == 1)  // FAO
        #expect((f.counts[.name] ?? 0) >= 1)  // Haddad is too short (two classes); Samir, Mansour...
        #expect(f.strongBonus(1, 2, 1, 2) > 0)
    }

    @Test func glossaryTermsAreAnchors() throws {
        let g = try Glossary(tsv: "البنك الدولي\tWorld Bank\t\t\torg\nالبرلمان\tParliament\t\t\torg\n")
        let m = TermMatcher(glossary: g, options: .init(fuzzy: false))
        let x = AnchorExtractor(matcher: m, dictionary: nil, lexicon: nil, weights: AnchorWeights())
        let f = x.features(arabic: [arabic[8], arabic[9]], english: [english[8], english[9]])
        #expect(f.counts[.glossary] == 2)
        #expect(f.strongBonus(0, 1, 0, 1) > 0)
        #expect(f.strongBonus(0, 1, 1, 2) == 0)
    }

    /// Blank segments (blank lines with --segmented) keep the numbering: they pair with blank
    /// segments of the other side in the same gap, or stand alone, and never break the order.
    @Test func blankSegmentsKeepTheNumbering() {
        let ar = [arabic[0], "", arabic[1], "", "", arabic[2]]
        let en = [english[0], "", english[1], "  ", english[2], ""]
        let a = Aligner().align(arabic: ar, english: en)
        #expect(a.isComplete)
        // Blank Arabic 4 has no blank English partner left in its gap (English 3 paired with Arabic 3).
        #expect(beads(a) == ["[0]-[0]", "[1]-[1]", "[2]-[2]", "[3]-[3]", "[4]-[]", "[5]-[4]", "[]-[5]"])
    }

    @Test func oneSideEmpty() {
        let a = Aligner().align(arabic: [arabic[0], ""], english: [])
        #expect(beads(a) == ["[0]-[]", "[1]-[]"])
        let b = Aligner().align(arabic: [], english: [])
        #expect(b.beads.isEmpty && b.isComplete)
    }

    /// A long document whose English side lacks a long run of sentences in the middle: the path
    /// leaves the length diagonal by far more than the first band, so the band must grow.
    @Test func bandGrowsOnALongSkewedDocument() {
        var rng = SplitMix(seed: 7)
        var ar: [String] = []
        var en: [String] = []
        for k in 0..<400 {
            let words = 4 + Int(rng.next() % 14)
            ar.append((0..<words).map { _ in "كلمة" }.joined(separator: " ") + " \(k + 1000).")
            en.append((0..<words).map { _ in "word" }.joined(separator: " ") + " \(k + 1000).")
        }
        let missing = 150..<230
        let enKept = en.indices.filter { !missing.contains($0) }.map { en[$0] }
        var options = Aligner.Options()
        options.initialBandWidth = 8
        let a = Aligner(options: options).align(arabic: ar, english: enKept)
        #expect(a.isComplete)
        #expect(a.bandGrowths > 0)
        #expect(a.bandWidth > 8)
        let dropped = a.beads.filter { $0.english.isEmpty }.flatMap { Array($0.arabic) }
        #expect(dropped == Array(missing))
        #expect(a.beads.filter { $0.shape == BeadShape(arabic: 1, english: 1) }.count == 320)
    }

    /// Whatever the input, the beads cover every segment of both sides exactly once, in order.
    @Test(arguments: 0..<60)
    func coverageOnRandomInputs(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        func doc(_ word: String) -> [String] {
            (0..<Int(rng.next() % 25)).map { _ in
                rng.next() % 6 == 0 ? "" : (0..<(1 + Int(rng.next() % 20))).map { _ in word }.joined(separator: " ")
            }
        }
        let ar = doc("نص")
        let en = doc("text")
        var options = Aligner.Options()
        options.initialBandWidth = 1 + Int(rng.next() % 4)
        let a = Aligner(options: options).align(arabic: ar, english: en)
        #expect(a.isComplete, "ar \(ar.count) en \(en.count)")
        #expect(a.beads.allSatisfy { (0...1).contains($0.score) })
        #expect(a.beads.allSatisfy { $0.arabic.count <= 3 || ar[$0.arabic].contains(where: { $0.isEmpty }) })
    }
}
