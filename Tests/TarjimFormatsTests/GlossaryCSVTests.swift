import Glossary
import Testing

@testable import TarjimFormats

@Suite struct GlossaryCSVTests {
    @Test func headerInAnyOrderAndCaseWithCRLFAndQuotes() throws {
        let entries = try GlossaryCSV.read(try Fixture.text("valid-header-reordered-crlf.csv"), file: nil)
        #expect(
            entries == [
                GlossaryEntry(arabic: "مجلس الأمن", english: "Security Council", comment: "UN body, 15 members", kind: .org),
                GlossaryEntry(arabic: "غوتيريش", english: "Guterres", comment: "the \"SG\" of the UN", kind: .person),
                GlossaryEntry(arabic: "نيروبي", english: "Nairobi"),
            ])
    }

    @Test func headerlessTwoColumnsWithLFAndABlankLine() throws {
        let entries = try GlossaryCSV.read(try Fixture.text("valid-headerless-two-columns-lf.csv"), file: nil)
        #expect(entries.map(\.english) == ["Security Council", "Nairobi", "Grand Ethiopian Renaissance Dam"])
        #expect(entries.allSatisfy { $0.kind == .term && $0.comment.isEmpty })
    }

    @Test func sixColumnsWithoutHeaderAreTheTSVColumns() throws {
        let entries = try GlossaryCSV.read("غوتيريش,Guterres,UN chief,جوتيريش; غوتيريس ,Person,António Guterres\n", file: nil)
        #expect(
            entries == [
                GlossaryEntry(
                    arabic: "غوتيريش", english: "Guterres", comment: "UN chief", variants: ["جوتيريش", "غوتيريس"], kind: .person,
                    englishVariants: ["António Guterres"])
            ])
    }

    @Test func emptyInputHasNoEntries() throws {
        #expect(try GlossaryCSV.read("", file: nil).isEmpty)
        #expect(try GlossaryCSV.read(GlossaryCSV.header + "\r\n", file: nil).isEmpty)
    }

    @Test(arguments: [
        ("invalid-unterminated-quote.csv", 3, 16, "unterminated quoted field"),
        ("invalid-stray-quote.csv", 2, 33, "a quote inside an unquoted field"),
        ("invalid-column-count.csv", 3, 24, "expected 3 fields (as in the header) but this row has 4"),
        ("invalid-unknown-kind.csv", 2, 16, "unknown kind 'city'"),
        ("invalid-unknown-header-column.csv", 1, 16, "unknown column 'notes' in the header"),
        ("invalid-text-after-closing-quote.csv", 1, 9, "expected a comma or a line end after the closing quote"),
        ("invalid-newline-in-comment.csv", 2, 20, "control character U+000A in the comment"),
    ])
    func malformedCSVIsATypedErrorWithLineAndColumn(_ name: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(throws: FormatError.self) { try GlossaryCSV.read(try Fixture.text(name), file: name) }
        guard case .csv(let file, let l, let c, let m) = error else {
            Issue.record("expected a csv error, got \(error)")
            return
        }
        #expect(file == name)
        #expect(l == line, "\(name): \(error)")
        #expect(c == column, "\(name): \(error)")
        #expect(m.contains(message), "\(name): \(m)")
        #expect(error.description.hasPrefix("\(name):\(line):\(column): error: csv: "))
    }

    @Test func errorDiagnosticShowsTheLineAndACaret() throws {
        let text = "arabic,english\nنيروبي,Nai\"robi\n"
        let error = try #require(throws: FormatError.self) { try GlossaryCSV.read(text, file: "g.csv") }
        #expect(error.diagnostic(in: text).hasSuffix("\nنيروبي,Nai\"robi\n          ^"))
    }

    @Test func emptyTermsAndHashArabicAreRefused() throws {
        #expect(throws: FormatError.self) { try GlossaryCSV.read("نيروبي,  \n", file: nil) }
        #expect(throws: FormatError.self) { try GlossaryCSV.read(" ,Nairobi\n", file: nil) }
        #expect(throws: FormatError.self) { try GlossaryCSV.read("#نيروبي,Nairobi\n", file: nil) }
        #expect(throws: FormatError.self) { try GlossaryCSV.read("نيروبي,Nairobi,\"a\tb\"\n", file: nil) }
    }

    // MARK: Formula neutralization

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+tax", "'+tax"), ("-5", "'-5"), ("@GERD", "'@GERD"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("'=x", "''=x"), ("'plain", "'plain"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
    ])
    func formulaCellsGetAQuote(_ cell: String, _ written: String) {
        #expect(GlossaryCSV.neutralized(cell) == written)
        #expect(GlossaryCSV.unneutralized(written) == cell)
    }

    @Test func writerNeutralizesByDefaultAndReaderKeepsTheQuoteUnlessTold() throws {
        let e = GlossaryEntry(arabic: "ضريبة", english: "+tax", comment: "=1+1")
        let csv = GlossaryCSV.write([e])
        #expect(csv == GlossaryCSV.header + "\r\nضريبة,'+tax,'=1+1,,term,\r\n")
        #expect(try GlossaryCSV.read(csv, file: nil)[0].english == "'+tax")
        #expect(try GlossaryCSV.read(csv, file: nil, stripFormulaGuard: true) == [e])
        let raw = GlossaryCSV.write([e], neutralizeFormulas: false)
        #expect(raw == GlossaryCSV.header + "\r\nضريبة,+tax,=1+1,,term,\r\n")
        #expect(try GlossaryCSV.read(raw, file: nil) == [e])
    }

    // MARK: Canonical fixture

    @Test func canonicalCSVComesBackByteIdentical() throws {
        let canonical = try Fixture.text("canonical.csv")
        let entries = try GlossaryCSV.read(canonical, file: nil, stripFormulaGuard: true)
        #expect(GlossaryCSV.write(entries) == canonical)
    }

    @Test func canonicalCSVIsTheWriterOutputForTheSampleGlossary() throws {
        let doc = try GlossaryDocument(tsv: try Fixture.text("sample.tsv"))
        try Fixture.assertSnapshot(GlossaryCSV.write(doc.entries), named: "canonical.csv")
    }

    @Test func windows1256SpreadsheetExportIsDecoded() throws {
        // Excel on an Arabic Windows saves "CSV" in Windows-1256.
        let entries = try GlossaryCSV.read(bytes: try Fixture.bytes("valid-windows-1256.csv"), file: nil)
        #expect(entries.map(\.arabic) == ["مجلس الأمن", "نيروبي"])
        #expect(entries[1].comment == "عاصمة كينيا في شرق أفريقيا")
    }
}
