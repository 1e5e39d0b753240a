import ArabicText
import Checks
import Testing

@testable import TarjimFormats

/// The proposed glossary line (`Finding.proposal`, a TSV line) as the text and HTML reports show it:
/// split and rewritten scalar by scalar. Foundation's `replacingOccurrences` treats a tab or `;`
/// followed by a combining mark as one composed character and leaves it alone.
@Suite struct ReportProposalTests {
    /// A variant column that starts with a fatha (U+064E), and a variant after `;` that starts with one.
    static let proposal = "بلينكن\tBlinken\tproposed\t\u{64E}بلنكن;\u{64E}بلينكين\tperson"

    static func finding() -> Finding {
        Finding(
            kind: .unknownNameVariants, severity: .warning, expected: "بلينكن", found: "بلنكن",
            occurrences: [Occurrence(file: "a.txt", line: 1, column: 5, found: "بلينكن", context: "قال بلينكن", span: 4..<10)],
            message: "a name in no glossary is written in 2 ways", proposal: proposal)
    }

    @Test func textReportSeparatesEveryColumnOfTheProposal() {
        let text = CheckReportText(color: false, visualBidi: false).render(Self.finding())
        let line = text.split(separator: "\n").first { $0.hasPrefix("  glossary line: ") } ?? ""
        #expect(!line.unicodeScalars.contains("\t"), "\(Array(line.unicodeScalars))")
        #expect(line.unicodeScalars.split(separator: "|").count == 5, "\(Array(line.unicodeScalars))")
    }

    @Test func htmlReportShowsEveryVariantSeparator() {
        let html = CheckReportHTML.finding(Self.finding(), number: 1)
        let rows = html.unicodeScalars.split(separator: "\n").map { String(scalars: $0) }
        let cells = rows.first { $0.contains("<table class=\"proposal\"") } ?? ""
        // Kept out of #expect: the variants cell with the Arabic semicolon between the two spellings.
        let variants = "<td dir=\"rtl\" lang=\"ar\">\u{64E}بلنكن؛ \u{64E}بلينكين</td>"
        #expect(cells.contains(variants), "\(cells)")
    }
}
