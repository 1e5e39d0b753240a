import Foundation
import Testing

@testable import Glossary
@testable import TarjimFormats

/// Inputs the fuzz targets (Fuzz/, Scripts/fuzz.sh) found, kept as regression tests.
@Suite struct FuzzFindingsTests {
    /// fuzz-xliff crash-9d785c87: `<?x?>` made FoundationXML call strlen(NULL) (a segmentation fault).
    static let xliffCrash: [UInt8] = [
        0x3c, 0x3f, 0x78, 0x3f, 0x3e, 0x0b, 0x3c, 0x7f, 0x73, 0x76, 0x6e, 0x20, 0x72, 0x6f, 0x30, 0x22, 0x20, 0x65, 0x6e, 0x63,
        0x67, 0x69, 0x6e, 0x64, 0x6f, 0x22, 0x3f, 0x3e, 0x0b, 0x3c, 0x7f, 0x00, 0xf8, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1d, 0x2e,
        0x30, 0x22, 0x63, 0x6f, 0x30, 0x78,
    ]

    @Test func processingInstructionWithoutDataIsAnErrorNotACrash() throws {
        let error = try #require(throws: FormatError.self) { try PairReader.read(Self.xliffCrash, file: "f.xlf") }
        #expect(
            error
                == .xml(
                    file: "f.xlf", line: 1, column: 1,
                    message: "a processing instruction without data (<?x?>) is not read; write <?x ?> or remove it"))
    }

    @Test(arguments: [
        // fuzz-tmx crash-7f1a78b7, shortened: a misspelt XML declaration.
        ("<?xm?>\n<tmx version=\"1.4\"><body/></tmx>", "f.tmx", 1, 1),
        ("<tmx version=\"1.4\"><body/></tmx>\n<?pi?>", "f.tmx", 2, 1),
        ("<xliff version=\"1.2\">\n  <?x-tool?><file/></xliff>", "f.xlf", 2, 3),
        ("<!DOCTYPE tmx [\n <?pi?>]><tmx/>", "f.tmx", 2, 2),
    ])
    func processingInstructionWithoutDataIsRefusedWhereItStands(_ xml: String, _ file: String, _ line: Int, _ column: Int) throws {
        let error = try #require(throws: FormatError.self) { try PairReader.read(Array(xml.utf8), file: file) }
        guard case .xml(let f, let l, let c, let m) = error else {
            Issue.record("expected an xml error, got \(error)")
            return
        }
        #expect((f, l, c) == (file, line, column), "\(error)")
        #expect(m.contains("processing instruction without data"))
        // The TBX reader shares the safe XML reader.
        #expect(throws: FormatError.self) { try GlossaryTBX.read(xml, file: "g.tbx") }
    }

    @Test func processingInstructionWithDataIsStillRead() throws {
        let xml = "<?xml version=\"1.0\"?>\n<?x-tool ?><?pi data?><r><?inner value?>ok</r>"
        let tree = try SafeXMLReader().read(xml, file: nil)
        #expect(tree.text(of: tree.rootIndex) == "ok")
    }

    /// fuzz-draft crash-971069d6: a sentence starting with U+FEFF lost it when its draft JSON lines
    /// were read back as pairs (`check --pairs`): Foundation's JSONSerialization drops a U+FEFF
    /// written as itself at the start of a string or right after an escape
    /// (swiftlang/swift-foundation#300).
    @Test func draftJSONLinesKeepAByteOrderMarkWhereFoundationDropsIt() throws {
        let line = "{\"source\":\"\u{FEFF}.,!?\",\"draft\":\"\\\"\u{FEFF}x\u{FEFF}\"}\n"
        let f = try PairReader.read(Array(line.utf8), file: "d.jsonl")
        #expect(f.format == .draftJSONL)
        #expect(f.pairs.map { Array($0.arabic.unicodeScalars) } == [Array("\u{FEFF}.,!?".unicodeScalars)])
        #expect(f.pairs.map { Array($0.english.unicodeScalars) } == [Array("\"\u{FEFF}x\u{FEFF}".unicodeScalars)])
    }

    @Test func byteOrderMarksAreEscapedInsideStringsOnly() {
        // A mark before the JSON stays (JSONSerialization skips it); in a key and after an escaped
        // backslash, inside strings, it is escaped.
        let bytes = Array("\u{FEFF}{\"a\u{FEFF}\":\"\\\\\u{FEFF}\"}".utf8)
        let escaped = FoundationJSON.escapingByteOrderMarksInStrings(bytes).map { String(decoding: $0, as: UTF8.self) }
        #expect(escaped == "\u{FEFF}{\"a\\ufeff\":\"\\\\\\ufeff\"}")
        #expect(FoundationJSON.escapingByteOrderMarksInStrings(Array("{\"a\":\"é\"}".utf8)) == nil)
    }

    @Test func aJSONErrorAfterAByteOrderMarkIsReportedAtItsPlaceInTheLine() throws {
        let plain = try #require(throws: FormatError.self) {
            try PairReader.read(Array("{\"source\":\"x\",\"draft\":}\n".utf8), file: "d.jsonl")
        }
        let marked = try #require(throws: FormatError.self) {
            try PairReader.read(Array("{\"source\":\"\u{FEFF}x\",\"draft\":}\n".utf8), file: "d.jsonl")
        }
        guard case .unreadable(_, let line, let column, _) = plain, case .unreadable(_, let line2, let column2, _) = marked else {
            Issue.record("expected unreadable errors, got \(plain) and \(marked)")
            return
        }
        // One scalar more before the error: one column later, not six (the escape's length).
        #expect(line2 == line && column2 == column + 1, "\(plain) / \(marked)")
    }

    /// fuzz-glossary-csv: the CSV reader trimmed with Foundation's `.whitespaces`, which leaves U+2028
    /// and U+2029; the TSV reader trims them, so an imported entry changed when written to a glossary.
    @Test func csvCellsAreTrimmedAsTheTSVReaderTrimsThem() throws {
        let entries = try GlossaryCSV.read("\u{2028}بلينكن\u{2029},Blinken\u{2028}\n", file: nil)
        #expect(entries.map(\.arabic) == ["بلينكن"])
        #expect(entries.map(\.english) == ["Blinken"])
        #expect(try GlossaryDocument(tsv: GlossaryInterchange.tsv(entries)).entries == entries)
    }

    /// Variants split at every scalar ';', as the TSV reader does (also before a combining mark).
    @Test func csvVariantsSplitAtEveryScalarSemicolon() throws {
        let entries = try GlossaryCSV.read("arabic,english,variants\nبلينكن,Blinken,بلينكين;\u{0655}ب\n", file: nil)
        #expect(entries.first?.variants == ["بلينكين", "\u{0655}ب"])
        #expect(try GlossaryDocument(tsv: GlossaryInterchange.tsv(entries)).entries == entries)
    }

    /// fuzz-glossary-csv (CI, session 9): `CSVTable.field` doubled quotes with Foundation's
    /// `replacingOccurrences`, which compares Characters, so `"` + U+0301 was written single and the
    /// written CSV did not parse ("expected a comma or a line end after the closing quote").
    @Test func quoteBeforeACombiningMarkIsDoubledInWrittenCSV() throws {
        let cells = ["\"\u{301}", "قال \"\u{64E}الناتو\"", "Donbas"]
        let written = CSVTable.record(cells) + "\r\n"
        #expect(try CSVTable.parse(written, file: "w.csv").map { $0.fields.map(\.value) } == [cells])
        let entries = try GlossaryCSV.read("arabic,english,comment\nالناتو,NATO,\"a \"\"\u{301}quote\"\n", file: nil)
        // Kept out of #expect: its macro expansion mishandles `\"` before a combining mark too.
        let comment = "a \"\u{301}quote"
        #expect(entries.first?.comment == comment)
        for neutralize in [true, false] {
            let csv = GlossaryCSV.write(entries, neutralizeFormulas: neutralize)
            #expect(try GlossaryCSV.read(csv, file: "out.csv", stripFormulaGuard: neutralize) == entries)
        }
    }

    /// fuzz-glossary-csv crash-13c80cdb (ninth round, a 180 s run): a first cell starting with U+FEFF
    /// was written as it was and read back without it (the reader drops a leading byte order mark);
    /// such a cell is now quoted.
    @Test func aFirstCellStartingWithAByteOrderMarkSurvivesWriteAndParse() throws {
        let rows = [["\u{FEFF}>", "x"], ["\u{FEFF}", "\u{FEFF}\u{FEFF}"]]
        let written = rows.map(CSVTable.record).joined(separator: "\r\n") + "\r\n"
        #expect(try CSVTable.parse(written, file: "w.csv").map { $0.fields.map(\.value) } == rows)
        #expect(try CSVTable.parse("\u{FEFF}" + written, file: "w.csv").map { $0.fields.map(\.value) } == rows)
    }

    /// The same Character-versus-scalar mistake in draft's TSV terms column: a source's `;` before a
    /// combining mark must still become `,`, or the column splits into a term too many.
    @Test func draftTSVReplacesEverySemicolonScalar() {
        #expect(DraftTSV.withoutSemicolons("أ;\u{651}ب;ج") == "أ,\u{651}ب,ج")
        #expect(DraftTSV.withoutSemicolons("الناتو") == "الناتو")
    }

    /// `#` + a combining mark is one Character, so `hasPrefix("#")` missed it, while the TSV reader looks
    /// at the first byte and would take the written line for a comment: refused on import and export.
    @Test func arabicTermStartingWithHashAndACombiningMarkIsRefused() throws {
        let csv = try #require(throws: FormatError.self) { try GlossaryCSV.read("#\u{651}قلم,Pen\n", file: "g.csv") }
        #expect("\(csv)".contains("cannot start with '#'"), "\(csv)")
        let omegat = try #require(throws: FormatError.self) {
            try OmegaTGlossary.write([GlossaryEntry(arabic: "قلم", english: "Pen", variants: ["#\u{651}قلم"])])
        }
        #expect("\(omegat)".contains("starts with '#'"), "\(omegat)")
    }
}
