import Glossary
import Testing

@testable import TarjimFormats

@Suite struct GlossaryTBXTests {
    static let sample: [GlossaryEntry] = [
        GlossaryEntry(
            arabic: "غوتيريش", english: "Guterres", comment: "UN chief & \"SG\" <head>", variants: ["جوتيريش", "غوتيريس"], kind: .person,
            englishVariants: ["António Guterres"]),
        GlossaryEntry(arabic: "نيروبي", english: "Nairobi", kind: .place),
        GlossaryEntry(arabic: "وقف إطلاق النار", english: "ceasefire", comment: "  two leading spaces", englishVariants: ["truce"]),
    ]

    @Test(arguments: GlossaryTBX.Version.allCases)
    func writeThenReadGivesTheSameEntries(_ version: GlossaryTBX.Version) throws {
        let text = try GlossaryTBX.write(Self.sample, version: version)
        #expect(try GlossaryTBX.read(text, file: nil) == Self.sample)
    }

    @Test func v2Mapping() throws {
        let text = try GlossaryTBX.write(Self.sample, version: .v2)
        #expect(text.contains("<martif type=\"TBX\" xml:lang=\"en\">"))
        let expected = [
            "      <termEntry id=\"e1\">",
            "        <descrip type=\"subjectField\">person</descrip>",
            "        <note>UN chief &amp; &quot;SG&quot; &lt;head&gt;</note>",
            "        <langSet xml:lang=\"ar\">",
            "          <tig><term>غوتيريش</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></tig>",
            "          <tig><term>جوتيريش</term><termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote></tig>",
        ].joined(separator: "\n")
        #expect(text.contains(expected))
        #expect(
            text.contains(
                "<tig><term>António Guterres</term><termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote></tig>"))
        #expect(text.contains("<tig><term>Guterres</term></tig>"))
    }

    @Test func v3Mapping() throws {
        let text = try GlossaryTBX.write(Self.sample, version: .v3)
        #expect(text.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
        #expect(
            text.contains(
                "<conceptEntry id=\"e2\">\n        <descrip type=\"subjectField\">place</descrip>\n        <langSec xml:lang=\"ar\">"))
        #expect(
            text.contains("<termSec><term>نيروبي</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec>")
        )
    }

    @Test(arguments: [("canonical-v2.tbx", GlossaryTBX.Version.v2), ("canonical-v3.tbx", .v3)])
    func canonicalTBXComesBackByteIdentical(_ name: String, _ version: GlossaryTBX.Version) throws {
        let canonical = try Fixture.text(name)
        let tree = try SafeXMLReader().read(canonical, file: name)
        #expect(try GlossaryTBX.version(of: tree, file: name) == version)
        #expect(try GlossaryTBX.write(try GlossaryTBX.read(canonical, file: name), version: version) == canonical)
    }

    @Test(arguments: [("canonical-v2.tbx", GlossaryTBX.Version.v2), ("canonical-v3.tbx", .v3)])
    func canonicalTBXIsTheWriterOutputForTheSampleGlossary(_ name: String, _ version: GlossaryTBX.Version) throws {
        let doc = try GlossaryDocument(tsv: try Fixture.text("sample.tsv"))
        try Fixture.assertSnapshot(try GlossaryTBX.write(doc.entries, version: version), named: name)
    }

    @Test func foreignLayoutIsReadByTheDocumentedRules() throws {
        let entries = try GlossaryTBX.read(try Fixture.bytes("valid-v2-foreign-layout.tbx"), file: nil)
        #expect(
            entries == [
                GlossaryEntry(
                    arabic: "نيروبي", english: "Nairobi", comment: "capital of Kenya", variants: ["نيروبى"], kind: .place,
                    englishVariants: ["Nairobi City"]),
                GlossaryEntry(arabic: "لقاح", english: "vaccine", comment: "medical term & not a name"),
            ])
    }

    @Test func entryWithoutArabicTermIsAnErrorAtTheEntry() throws {
        let error = try #require(throws: FormatError.self) {
            try GlossaryTBX.read(try Fixture.bytes("invalid-missing-arabic-term.tbx"), file: "m.tbx")
        }
        #expect(
            error == .tbx(file: "m.tbx", line: 10, column: 7, message: "<termEntry> 'e2' has no Arabic term (no <langSet xml:lang=\"ar\">)")
        )
        #expect(error.description == "m.tbx:10:7: error: tbx: <termEntry> 'e2' has no Arabic term (no <langSet xml:lang=\"ar\">)")
    }

    @Test func entryWithoutEnglishTermIsAnError() throws {
        let xml = try GlossaryTBX.write([GlossaryEntry(arabic: "نيروبي", english: "Nairobi")], version: .v3)
            .replacingOccurrences(of: "xml:lang=\"en\">", with: "xml:lang=\"fr\">")
        let error = try #require(throws: FormatError.self) { try GlossaryTBX.read(xml, file: nil) }
        guard case .tbx(_, let line, _, let message) = error else {
            Issue.record("expected a tbx error, got \(error)")
            return
        }
        #expect(line == 14)
        #expect(message.contains("has no English term"))
    }

    @Test func wrongNamespaceIsATypedError() throws {
        let error = try #require(throws: FormatError.self) {
            try GlossaryTBX.read(try Fixture.bytes("invalid-v3-wrong-namespace.tbx"), file: nil)
        }
        guard case .tbx(_, let line, let column, let message) = error else {
            Issue.record("expected a tbx error, got \(error)")
            return
        }
        #expect((line, column) == (2, 1))
        #expect(message.contains("urn:iso:std:iso:30042:ed-1"))
    }

    @Test func wrongRootIsATypedError() throws {
        let error = try #require(throws: FormatError.self) { try GlossaryTBX.read(try Fixture.bytes("invalid-wrong-root.tbx"), file: nil) }
        #expect(
            error
                == .tbx(
                    file: nil, line: 2, column: 1,
                    message: "not a TBX document: the root element is <tmx>; expected <martif> (TBX v2) or <tbx> (TBX v3)"))
    }

    @Test func malformedXMLIsAnXMLErrorWithItsLine() throws {
        let error = try #require(throws: FormatError.self) {
            try GlossaryTBX.read(try Fixture.bytes("invalid-mismatched-tag.tbx"), file: nil)
        }
        guard case .xml(_, let line, _, let message) = error else {
            Issue.record("expected an xml error, got \(error)")
            return
        }
        #expect(line == 6)
        #expect(message.contains("end tag does not match"))
    }

    @Test func unknownElementInBodyIsNotSilentlySkipped() throws {
        let xml = "<martif type=\"TBX\" xml:lang=\"en\"><text><body><termentry/></body></text></martif>"
        #expect(throws: FormatError.tbx(file: nil, line: 1, column: 46, message: "unexpected <termentry> in <body>; expected <termEntry>"))
        {
            try GlossaryTBX.read(xml, file: nil)
        }
    }

    @Test func aVariantWithASemicolonCannotBeImported() throws {
        var xml = try GlossaryTBX.write([GlossaryEntry(arabic: "نيروبي", english: "Nairobi", variants: ["نيروبى"])], version: .v2)
        xml = xml.replacingOccurrences(of: "نيروبى", with: "نيروبى;نايروبي")
        #expect(throws: FormatError.self) { try GlossaryTBX.read(xml, file: nil) }
    }

    @Test func writerRefusesCharactersXMLCannotHold() throws {
        let bad = [GlossaryEntry(arabic: "نيروبي", english: "Nairobi"), GlossaryEntry(arabic: "سد", english: "dam", comment: "x\u{1}")]
        #expect(
            throws: FormatError.unwritable(
                file: nil, line: 2, column: 2, message: "entry 2 (سد): comment contains U+0001, which XML 1.0 does not allow")
        ) {
            try GlossaryTBX.write(bad, version: .v2)
        }
    }

    @Test func emptyGlossary() throws {
        #expect(throws: FormatError.self) { try GlossaryTBX.write([], version: .v2) }
        let v3 = try GlossaryTBX.write([], version: .v3)
        #expect(try GlossaryTBX.read(v3, file: nil).isEmpty)
    }
}
