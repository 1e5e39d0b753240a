import Foundation
import Testing

@testable import TarjimFormats

@Suite struct SafeXMLReaderTests {
    @Test func elementsCarryNamespaceAttributesTextAndTheirOpeningPosition() throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\" xml:lang=\"ar\">\n  <t id=\"1\">بلد &amp; <![CDATA[<x>]]></t><p:q xmlns:p=\"urn:y\"\n   a=\"2\"/></r>\n"
        let tree = try SafeXMLReader().read(xml, file: nil)
        #expect(tree.root.name == "r")
        #expect(tree.root.namespace == "urn:x")
        #expect(tree.root.attributes == ["xml:lang": "ar"])
        #expect((tree.root.line, tree.root.column) == (2, 1))
        let kids = tree.children(of: tree.rootIndex)
        #expect(kids.count == 2)
        let t = tree[kids[0]]
        #expect((t.name, t.line, t.column, t.depth) == ("t", 3, 3, 2))
        #expect(tree.text(of: kids[0]) == "بلد & <x>")
        let q = tree[kids[1]]
        // The column counts scalars: "بلد" is three.
        #expect((q.name, q.namespace, q.line, q.column) == ("q", "urn:y", 3, 42))
        #expect(q.attributes == ["a": "2"])
    }

    @Test func aDoctypeThatOnlyNamesADTDIsAcceptedAndTheDTDIsNotLoaded() throws {
        let xml = "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r>ok</r>"
        let tree = try SafeXMLReader().read(xml, file: nil)
        #expect(tree.text(of: tree.rootIndex) == "ok")
    }

    @Test func externalEntityIsRefusedAndTheFileNeverAppears() throws {
        let bytes = try Fixture.bytes("invalid-xxe-external-entity.tbx")
        let error = try #require(throws: FormatError.self) { try SafeXMLReader().read(bytes, file: "x.tbx") }
        #expect(error == .entityDeclaration(file: "x.tbx", line: 2, column: 19))
        #expect(!error.description.contains("root:"))
        // Also through the TBX reader: an error, never entries with the file's content.
        #expect(throws: FormatError.entityDeclaration(file: "x.tbx", line: 2, column: 19)) {
            try GlossaryTBX.read(bytes, file: "x.tbx")
        }
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        let bytes = try Fixture.bytes("invalid-billion-laughs.tbx")
        let start = Date()
        let error = try #require(throws: FormatError.self) { try GlossaryTBX.read(bytes, file: nil) }
        #expect(Date().timeIntervalSince(start) < 1)
        guard case .entityDeclaration(_, let line, let column) = error else {
            Issue.record("expected an entity declaration error, got \(error)")
            return
        }
        #expect((line, column) == (4, 3))
    }

    @Test func parameterEntitiesAndEntitiesAfterCommentsAreRefusedToo() {
        let docs = [
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p;]><r/>",
            "<!DOCTYPE r [<!-- ] > --><!ATTLIST r a CDATA \"]\"><!ENTITY e \"x\">]><r>&e;</r>",
        ]
        for d in docs {
            #expect(throws: FormatError.self) { try SafeXMLReader().read(d, file: nil) }
            do {
                _ = try SafeXMLReader().read(d, file: nil)
            } catch {
                guard case .entityDeclaration = error else {
                    Issue.record("expected an entity declaration error for \(d), got \(error)")
                    continue
                }
            }
        }
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = try #require(throws: FormatError.self) { try SafeXMLReader().read(xml, file: "deep.xml") }
        guard case .xml(_, let line, let column, let message) = error else {
            Issue.record("expected an xml error, got \(error)")
            return
        }
        #expect(message.contains("nested more than 128 levels"))
        #expect((line, column) == (1, 3 * 128 + 1))
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let xml = String(repeating: "<a>", count: 100) + "x" + String(repeating: "</a>", count: 100)
        let tree = try SafeXMLReader().read(xml, file: nil)
        #expect(tree.elements.count == 100)
        #expect(tree.text(of: 0) == "x")
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "the end tag does not match"),
        ("<a>&undefined;</a>", 1, "undeclared entity"),
        ("<a>\u{1}</a>", 1, "does not allow"),
        ("<a/><b/>", 1, "content after the end of the root element"),
        ("", 1, "no root element"),
        ("<a>\n<b>\n</a>", 3, "the end tag does not match"),
    ])
    func notWellFormedIsAnXMLErrorWithItsLine(_ xml: String, _ line: Int, _ message: String) throws {
        let error = try #require(throws: FormatError.self) { try SafeXMLReader().read(xml, file: "f.xml") }
        guard case .xml(let file, let l, let c, let m) = error else {
            Issue.record("expected an xml error, got \(error)")
            return
        }
        #expect(file == "f.xml")
        #expect(l == line, "\(error)")
        #expect(c >= 1)
        #expect(m.contains(message), "\(m)")
    }

    @Test func otherEncodingsThanUTF8AreRefused() throws {
        #expect(throws: FormatError.self) {
            try SafeXMLReader().read("<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><a/>", file: nil)
        }
        #expect(throws: FormatError.self) {
            try SafeXMLReader().read([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E, 0x00], file: nil)
        }
        // CR LF around the "=" (one Character in Swift, so it must be skipped as scalars).
        for declaration in ["encoding\r\n=\r\n\"ISO-8859-6\"", "encoding =\t'windows-1256'", "encoding\r\n= 'latin1'"] {
            let error = try #require(throws: FormatError.self, "\(declaration)") {
                try SafeXMLReader().read("<?xml version=\"1.0\" \(declaration)?><a/>", file: "f.xml")
            }
            #expect("\(error)".contains("only UTF-8 XML is read"), "\(declaration): \(error)")
        }
        // A UTF-8 BOM is fine, and columns start after it.
        let tree = try SafeXMLReader().read([0xEF, 0xBB, 0xBF] + Array("<a><b/></a>".utf8), file: nil)
        #expect(tree[1].column == 4)
    }
}
