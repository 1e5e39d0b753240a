import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `tarjim draft --format xliff|xliff12|html` as a subprocess, on the fixture article and glossary.
@Suite struct DraftXLIFFHTMLTests {
    static func draftArgs(_ format: String) -> [String] {
        [
            "draft", "--format", format, "--no-default-glossaries", "-g", CLI.fixture("draft/glossary.tsv"),
            CLI.fixture("draft/article.ar.txt"),
        ]
    }

    /// Element names (qualified) with their attributes, in document order; nil when not well-formed.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []

        static func parse(_ text: String) -> [(name: String, attributes: [String: String])]? {
            let e = Elements()
            let p = XMLParser(data: Data(text.utf8))
            p.delegate = e
            return p.parse() ? e.found : nil
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            found.append((name, attributes))
        }
    }

    @Test func xliff2ParsesWithAUnitPerSentenceAndTheTermsMarked() throws {
        let r = try CLI.run(Self.draftArgs("xliff"))
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let elements = try #require(Elements.parse(r.stdout), "not well-formed XML")
        #expect(elements.first?.attributes["version"] == "2.0")
        #expect(elements.filter { $0.name == "file" }.map { $0.attributes["original"] } == [CLI.fixture("draft/article.ar.txt")])
        #expect(elements.filter { $0.name == "unit" }.map { $0.attributes["id"] } == ["s1", "s2", "s3"])
        #expect(elements.filter { $0.name == "mrk" }.count == 6)
        #expect(elements.filter { $0.name == "note" }.map { $0.attributes["category"] } == ["tarjim:corrected-name"])
        #expect(r.stdout.contains("اللاجئين</mrk> &amp; \"الحدود\" &lt;الشرقية&gt;.</source>"))
    }

    @Test func xliff12ParsesWithATransUnitPerSentence() throws {
        let r = try CLI.run(Self.draftArgs("xliff12"))
        #expect(r.status == 0)
        let elements = try #require(Elements.parse(r.stdout), "not well-formed XML")
        #expect(elements.first?.attributes["version"] == "1.2")
        #expect(elements.filter { $0.name == "trans-unit" }.count == 3)
        #expect(elements.filter { $0.name == "target" }.allSatisfy { $0.attributes["state"] == "needs-translation" })
        #expect(r.stdout.contains("corrected-name: ماكرن is a variant spelling of ماكرون (Macron)</note>"))
    }

    @Test func htmlIsWrittenToAFile() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("draft.html")
        let r = try CLI.run(Self.draftArgs("html") + ["-o", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let page = try String(contentsOf: out, encoding: .utf8)
        let elements = try #require(Elements.parse(page), "the page is meant to be well-formed XML too")
        #expect(elements.filter { $0.name == "td" && $0.attributes["dir"] == "rtl" }.count == 3)
        #expect(elements.filter { $0.name == "mark" && $0.attributes["title"] != nil }.count == 12)
        #expect(page.contains("<bdi class=\"doc\">\(CLI.fixture("draft/article.ar.txt"))</bdi> (3 sentences)"))
    }

    /// A form feed survives in XLIFF 2.0 as `<cp hex="000C"/>`; XLIFF 1.2 cannot carry it and exits 1
    /// naming the sentence.
    @Test func aControlCharacterIsACodePointIn20AndAnErrorIn12() throws {
        let input = Array("جملة أولى.\nقبل\u{0C}بعد.\n".utf8)
        let v2 = try CLI.run(["draft", "--format", "xliff", "--no-default-glossaries"], stdin: input)
        #expect(v2.status == 0)
        #expect(v2.stdout.contains("قبل<cp hex=\"000C\"/>بعد."))
        #expect(Elements.parse(v2.stdout) != nil)
        let v12 = try CLI.run(["draft", "--format", "xliff12", "--no-default-glossaries"], stdin: input)
        #expect(v12.status == 1)
        #expect(v12.stdout.isEmpty)
        #expect(v12.stderr.contains("<stdin>:2: error: export: xliff12: sentence 2 holds U+000C"))
    }

    @Test func emptyInputGivesEmptyXLIFF() throws {
        let r = try CLI.run(["draft", "--format", "xliff", "--no-default-glossaries"], stdin: [])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }
}
