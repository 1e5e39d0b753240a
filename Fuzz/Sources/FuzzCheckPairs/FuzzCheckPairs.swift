import Checks
import FuzzSupport
import Glossary

/// The checker of the fuzz target: names and terms with English variants, the system lexicon when
/// Hunspell's Arabic dictionary is installed, every place listed.
let checker: Checker = {
    let glossary = Glossary(entries: [
        GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينكين", "بلينجن"], kind: .person),
        GlossaryEntry(arabic: "جو بايدن", english: "Joe Biden", kind: .person, englishVariants: ["Biden"]),
        GlossaryEntry(arabic: "الناتو", english: "NATO", kind: .org, englishVariants: ["North Atlantic Treaty Organization"]),
        GlossaryEntry(arabic: "كييف", english: "Kyiv", kind: .place, englishVariants: ["Kiev"]),
        GlossaryEntry(arabic: "عقوبات", english: "sanctions", kind: .term),
    ])
    return Checker(glossary: glossary, lexicon: Lexicon.system(), options: .init(maxOccurrences: 0))
}()

/// `tarjim check --pairs` on any sentence pairs: each line of the input is a pair, Arabic before its
/// first tab and English after it, as a two-column TSV file gives them (lines without a tab are left
/// out). Properties: every place a finding lists in the pairs file is one of its lines and a column
/// inside that line or just after it; the report's JSON reads back to the same scope; the report is
/// written as text and HTML without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckPairs(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    var pairs: [SentencePair] = []
    var lengths: [Int] = []
    for (n, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        lengths.append(line.count)
        guard let tab = line.firstIndex(of: "\t") else { continue }
        let arabic = String(String.UnicodeScalarView(line[..<tab]))
        let english = String(String.UnicodeScalarView(line[line.index(after: tab)...]))
        pairs.append(
            SentencePair(
                arabic: arabic, english: english, file: "fuzz.tsv", line: n + 1, arabicColumn: 1,
                englishColumn: arabic.unicodeScalars.count + 2))
    }
    let report = checker.check(pairs: pairs, pairFiles: ["fuzz.tsv"])
    CheckReportProperties.placesLie(in: "fuzz.tsv", lineLengths: lengths, report)
    CheckReportProperties.roundTrip(report)
    return 0
}
