import Foundation
import Testing

@testable import TarjimFormats

/// Hostile and broken XML in every XML format Tarjim reads (XLIFF 1.2, XLIFF 2.0 and TMX through the
/// pair reader of `check --pairs`, TBX through `glossary import`): each one is a typed error with a
/// line and a column, never a partial read.
@Suite struct HostileXMLTests {
    enum Kind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case xliff12, xliff20, tmx, tbx
        var testDescription: String { rawValue }

        /// The root element's name.
        var root: String {
            switch self {
            case .xliff12, .xliff20: return "xliff"
            case .tmx: return "tmx"
            case .tbx: return "martif"
            }
        }

        /// A valid one-entry document: line 1 the XML declaration, line 2 `doctype` (may be empty,
        /// or several lines), then the root element on the next line; `text` goes in the Arabic side.
        func document(doctype: String = "", text: String = "قال الوزير إن المحادثات مستمرة.") -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n" + body(text)
        }

        func body(_ text: String) -> String {
            switch self {
            case .xliff12:
                return """
                    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                    <file original="n.txt" source-language="ar" target-language="en" datatype="plaintext"><body>
                    <trans-unit id="s1"><source>\(text)</source><target>The minister said the talks go on.</target></trans-unit>
                    </body></file></xliff>
                    """
            case .xliff20:
                return """
                    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ar" trgLang="en">
                    <file id="f1"><unit id="u1"><segment>
                    <source>\(text)</source><target>The minister said the talks go on.</target>
                    </segment></unit></file></xliff>
                    """
            case .tmx:
                return """
                    <tmx version="1.4">
                    <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="ar" datatype="plaintext"/>
                    <body><tu tuid="1">
                    <tuv xml:lang="ar"><seg>\(text)</seg></tuv>
                    <tuv xml:lang="en"><seg>The minister said the talks go on.</seg></tuv>
                    </tu></body></tmx>
                    """
            case .tbx:
                return """
                    <martif type="TBX" xml:lang="en">
                    <martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
                    <text><body><termEntry id="e1">
                    <langSet xml:lang="ar"><tig><term>\(text)</term></tig></langSet>
                    <langSet xml:lang="en"><tig><term>Security Council</term></tig></langSet>
                    </termEntry></body></text></martif>
                    """
            }
        }

        /// Reads a document the way the CLI does for this format.
        func read(_ xml: String) throws(FormatError) -> Int {
            switch self {
            case .xliff12, .xliff20, .tmx: return try PairReader.read(Array(xml.utf8), file: "in.xml").pairs.count
            case .tbx: return try GlossaryTBX.read(Array(xml.utf8), file: "in.xml").count
            }
        }
    }

    /// The error reading `xml`, or a recorded issue when it was read.
    func error(_ kind: Kind, _ xml: String) -> FormatError? {
        do {
            let n = try kind.read(xml)
            Issue.record("\(kind): read \(n) entries from a document that must be refused")
            return nil
        } catch {
            #expect(error.file == "in.xml")
            #expect(error.line >= 1 && error.column >= 1, "\(error)")
            return error
        }
    }

    @Test(arguments: Kind.allCases) func theValidTemplateIsRead(_ kind: Kind) throws {
        #expect(try kind.read(kind.document()) == 1)
    }

    @Test(arguments: Kind.allCases) func externalEntityIsRefusedAndTheFileIsNeverRead(_ kind: Kind) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tarjim-xxe-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        let marker = "SECRET-" + UUID().uuidString
        try Data(marker.utf8).write(to: secret)
        let doctype = "<!DOCTYPE \(kind.root) [\n  <!ENTITY s SYSTEM \"file://\(secret.path)\">\n]>"
        let e = try #require(error(kind, kind.document(doctype: doctype, text: "&s;")))
        #expect(e == .entityDeclaration(file: "in.xml", line: 3, column: 3))
        #expect(!e.description.contains(marker))
    }

    @Test(arguments: Kind.allCases) func billionLaughsIsRefusedBeforeAnyExpansion(_ kind: Kind) throws {
        var doctype = "<!DOCTYPE \(kind.root) [\n  <!ENTITY lol \"lol\">\n"
        doctype += (1...9).map { k in
            "  <!ENTITY lol\(k) \"" + String(repeating: "&lol\(k == 1 ? "" : String(k - 1));", count: 10) + "\">"
        }.joined(separator: "\n")
        doctype += "\n]>"
        let e = try #require(error(kind, kind.document(doctype: doctype, text: "&lol9;")))
        #expect(e == .entityDeclaration(file: "in.xml", line: 3, column: 3))
    }

    @Test(arguments: Kind.allCases) func deepNestingIsAnXMLErrorAtTheElementTooDeep(_ kind: Kind) throws {
        let depth = 50_000
        let text = String(repeating: "<g>", count: depth) + "x" + String(repeating: "</g>", count: depth)
        let e = try #require(error(kind, kind.document(text: text)))
        guard case .xml(_, _, _, let message) = e else {
            Issue.record("expected an xml error, got \(e)")
            return
        }
        #expect(message.contains("nested more than 128 levels"))
    }

    @Test(arguments: Kind.allCases) func wrongNamespaceOnTheRootIsRefused(_ kind: Kind) throws {
        var xml = kind.document()
        switch kind {
        case .xliff12: xml = xml.replacingOccurrences(of: "urn:oasis:names:tc:xliff:document:1.2", with: "urn:example:not-xliff")
        case .xliff20: xml = xml.replacingOccurrences(of: "urn:oasis:names:tc:xliff:document:2.0", with: "urn:example:not-xliff")
        case .tmx: xml = xml.replacingOccurrences(of: "<tmx version", with: "<tmx xmlns=\"urn:example:not-tmx\" version")
        case .tbx: xml = xml.replacingOccurrences(of: "<martif type", with: "<martif xmlns=\"urn:example:not-tbx\" type")
        }
        let e = try #require(error(kind, xml))
        #expect((e.line, e.column) == (3, 1), "\(e)")
        #expect(e.description.contains("namespace"), "\(e)")
    }

    /// The units of a format must be in its namespace: a `<trans-unit>` of another vocabulary is not
    /// read as one (foreign elements are allowed in XLIFF as extensions, and ignored).
    @Test(arguments: [Kind.xliff12, .xliff20]) func unitsInAForeignNamespaceAreNotTakenForUnits(_ kind: Kind) throws {
        let unit = kind == .xliff12 ? "trans-unit" : "unit"
        let xml = kind.document().replacingOccurrences(of: "<\(unit) id", with: "<x:\(unit) xmlns:x=\"urn:example:ext\" id")
            .replacingOccurrences(of: "</\(unit)>", with: "</x:\(unit)>")
        #expect(try kind.read(xml) == 0)
    }

    /// Attributes the format requires and the reader needs: which side is Arabic (XLIFF 1.2
    /// `source-language`, XLIFF 2 `srcLang`), the language of a TMX `<tuv>` or a TBX `<langSet>`.
    @Test(arguments: Kind.allCases) func missingRequiredAttributeIsAnErrorAtItsElement(_ kind: Kind) throws {
        let xml: String
        let place: (Int, Int)
        switch kind {
        case .xliff12: (xml, place) = (kind.document().replacingOccurrences(of: " source-language=\"ar\"", with: ""), (4, 1))
        case .xliff20: (xml, place) = (kind.document().replacingOccurrences(of: " srcLang=\"ar\"", with: ""), (3, 1))
        case .tmx: (xml, place) = (kind.document().replacingOccurrences(of: "<tuv xml:lang=\"en\">", with: "<tuv>"), (7, 1))
        case .tbx: (xml, place) = (kind.document().replacingOccurrences(of: "<langSet xml:lang=\"en\">", with: "<langSet>"), (7, 1))
        }
        let e = try #require(error(kind, xml))
        #expect((e.line, e.column) == place, "\(e)")
    }

    @Test(arguments: Kind.allCases) func truncatedDocumentIsAnXMLErrorNotTheEntriesSoFar(_ kind: Kind) throws {
        let xml = kind.document()
        let cut = String(xml.prefix(xml.count - 12))
        let e = try #require(error(kind, cut))
        guard case .xml = e else {
            Issue.record("expected an xml error, got \(e)")
            return
        }
    }
}
