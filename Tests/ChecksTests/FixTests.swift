import ArabicText
import Checks
import Testing

/// `--fix`: only the spans of fixable findings change, to the expected spelling; every other
/// scalar stays.
@Suite struct FixTests {
    @Test func fixReplacesNamesAndKeepsClitics() throws {
        let checker = try Fixture.checker()
        let text = "وصل وبلينجن ولبلينكين إلى توكيو.\r\nقال كيشيدا إن كيشدا وعد.\n"
        #expect(checker.fixedSource(text) == "وصل وبلينكن ولبلينكن إلى طوكيو.\r\nقال كيشيدا إن كيشيدا وعد.\n")
    }

    /// Random documents from names (canonical, variants, garbles, with clitics), ordinary words,
    /// digits, punctuation, harakat, invisible characters and line ends: the fixed text equals the
    /// text with each fixable occurrence replaced by its expected spelling, and nothing else changed.
    @Test(arguments: 0..<12) func fixChangesOnlyFixableSpans(_ seed: Int) throws {
        let checker = try Fixture.checker()
        var rng = SplitMix(seed: UInt64(seed))
        let pieces = [
            "بلينكن", "بلينجن", "وبلينكين", "لبلينجن", "كيشيدا", "كيشدا", "توكيو", "طوكيو", "قال", "الوزير", "إن", "المحادثات", "مَثْمُرَةٌ",
            "١٤٬٠٠٠", "2024", "،", ".", "!", "\u{200F}", "\u{0640}", "(", ")", "«", "»",
        ]
        var text = ""
        for _ in 0..<(40 + Int(rng.next() % 40)) {
            text += pieces[Int(rng.next() % UInt64(pieces.count))]
            switch rng.next() % 10 {
            case 0: text += "\r\n"
            case 1: text += "\n"
            case 2: text += ""
            default: text += " "
            }
        }
        let report = checker.check(documents: [ArabicDocument(name: "r.txt", text: text)])
        // Expected: replace each fixable occurrence (line, column, found) by the expected spelling.
        let lines = Paragraph.split(text)
        var edits: [(Range<Int>, String)] = []
        for f in report.findings where f.fixable && (f.kind == .variantSpelling || f.kind == .garbledName) {
            for o in f.occurrences where o.found != f.expected {
                if f.kind == .variantSpelling && Normalizer.key(o.found) == Normalizer.key(f.expected ?? "") { continue }
                let start = lines[o.line - 1].range.lowerBound + o.column - 1
                edits.append((start..<(start + o.found.unicodeScalars.count), f.expected ?? ""))
            }
        }
        var scalars = Array(text.unicodeScalars)
        for (r, s) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { scalars.replaceSubrange(r, with: s.unicodeScalars) }
        #expect(checker.fixedSource(text) == String(String.UnicodeScalarView(scalars)), "seed \(seed)")
    }
}

/// A small seeded generator (SplitMix64), so property tests are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
