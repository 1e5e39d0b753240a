import Glossary
import Testing

@testable import TarjimFormats

/// TSV -> format -> TSV keeps every field of every entry.
@Suite struct RoundTripTests {
    static func sampleEntries() throws -> [GlossaryEntry] {
        try GlossaryDocument(tsv: try Fixture.text("sample.tsv")).entries
    }

    @Test func sampleCoversEveryField() throws {
        let entries = try Self.sampleEntries()
        #expect(entries.contains { !$0.variants.isEmpty && !$0.englishVariants.isEmpty && !$0.comment.isEmpty })
        #expect(Set(entries.map(\.kind)) == Set(EntryKind.allCases))
    }

    @Test func tsvToCSVToTSV() throws {
        let entries = try Self.sampleEntries()
        let csv = GlossaryCSV.write(entries)
        let back = try GlossaryCSV.read(csv, file: nil, stripFormulaGuard: true)
        #expect(back == entries)
        let raw = try GlossaryCSV.read(GlossaryCSV.write(entries, neutralizeFormulas: false), file: nil)
        #expect(raw == entries)
        // And through TSV text again.
        #expect(try GlossaryDocument(tsv: GlossaryInterchange.tsv(back)).entries == entries)
    }

    @Test(arguments: [GlossaryExportFormat.tbx, .tbx3])
    func tsvToTBXToTSV(_ format: GlossaryExportFormat) throws {
        let entries = try Self.sampleEntries()
        let tbx = try GlossaryInterchange.write(entries, as: format)
        let back = try GlossaryInterchange.read(Array(tbx.utf8), as: .tbx, file: nil)
        #expect(back == entries)
        #expect(try GlossaryDocument(tsv: GlossaryInterchange.tsv(back)).entries == entries)
    }

    @Test func writeErrorsAreReportedAtTheTSVLine() throws {
        // A document built in code can hold what TBX cannot; the error names its line.
        var doc = try GlossaryDocument(tsv: "# header\nنيروبي\tNairobi\n", file: "g.tsv")
        doc.lines.append(.entry(GlossaryEntry(arabic: "سد", english: "dam\u{0}"), lineNumber: 7, raw: nil))
        let error = try #require(throws: FormatError.self) { try GlossaryInterchange.write(doc, as: .tbx) }
        #expect(error.file == "g.tsv")
        #expect(error.line == 7)
        #expect(error.description.hasPrefix("g.tsv:7:4: error: export: entry 2"))
    }
}
