import Foundation
import Glossary
import Testing

@testable import Drafting
@testable import TarjimFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Fixed drafts built in code (the project's own sentences), shared by the XLIFF and HTML tests.
enum DraftSamples {
    /// The scalar range of `part` in `text`.
    static func scalarRange(of part: String, in text: String) -> Range<Int> {
        let u = Array(text.unicodeScalars)
        let p = Array(part.unicodeScalars)
        for i in 0...(u.count - p.count) where u[i..<(i + p.count)].elementsEqual(p) { return i..<(i + p.count) }
        Issue.record("\(part) is not in \(text)")
        return 0..<0
    }

    static func term(
        _ part: String, in text: String, target: String, canonical: String? = nil, match: DraftMatch = .exact, kind: EntryKind = .term,
        score: Double = 1, origin: String = "news.tsv:7", comment: String = ""
    ) -> DraftTerm {
        let r = scalarRange(of: part, in: text)
        return DraftTerm(
            source: part, target: target, canonical: canonical ?? part, match: match, start: r.lowerBound, end: r.upperBound,
            entryKind: kind, score: score, origin: origin, comment: comment)
    }

    static func flag(_ kind: FlagKind, _ part: String, in text: String, _ message: String) -> DraftFlag {
        let r = scalarRange(of: part, in: text)
        return DraftFlag(kind: kind, start: r.lowerBound, end: r.upperBound, message: message)
    }

    static func sentence(
        doc: String, para: Int, index: Int, _ source: String, draft: String, terms: [DraftTerm] = [], flags: [DraftFlag] = []
    ) -> DraftSentence {
        DraftSentence(doc: doc, para: para, index: index, source: source, draft: draft, terms: terms, flags: flags, correctedSource: source)
    }

    // A term with clitics (و + لل), and markup characters in the text and in a comment.
    static let s1 = "قالت الوزيرة إن وللمفوضية الأوروبية رأيا آخر في ملف \"الهجرة\" <غير النظامية> & أسبابها 'كلها'."
    // A corrected name, and a term after an emoji of two scalars (four UTF-16 units, one Character).
    static let s2 = "ورحب بلينجن بالقرار \u{1F44D}\u{1F3FD} ثم غادر إلى جنيف."
    // A suggested (fuzzy) name, a transliterated name, Latin letters and digits, and an RLM.
    static let s3 = "وأكد فيدن أن تارنوفسكي سيزور مقر NATO في عام 2024 مع 35 خبيرا\u{200F}."
    static let s4 = "لا جديد اليوم."

    static let sentences: [DraftSentence] = [
        sentence(
            doc: "news-a.txt", para: 1, index: 1, s1,
            draft: "قالت الوزيرة إن and to European Commission رأيا آخر في ملف \"الهجرة\" <غير النظامية> & أسبابها 'كلها'.",
            terms: [
                term(
                    "وللمفوضية الأوروبية", in: s1, target: "European Commission", canonical: "المفوضية الأوروبية", kind: .org,
                    origin: "eu.tsv:3", comment: "EU executive; \"the Commission\" <Brussels> & its 'college'")
            ]),
        sentence(
            doc: "news-a.txt", para: 1, index: 2, s2,
            draft: "ورحب Blinken بالقرار \u{1F44D}\u{1F3FD} ثم غادر إلى Geneva.",
            terms: [
                term("بلينجن", in: s2, target: "Blinken", canonical: "بلينكن", match: .variant, kind: .person, origin: "news.tsv:12"),
                term("جنيف", in: s2, target: "Geneva", kind: .place, origin: "news.tsv:40"),
            ],
            flags: [flag(.correctedName, "بلينجن", in: s2, "بلينجن is a variant spelling of بلينكن (Blinken)")]),
        sentence(
            doc: "news-a.txt", para: 2, index: 3, s3,
            draft: "وأكد Biden أن Tarnufski سيزور مقر NATO في عام 2024 مع 35 خبيرا\u{200F}.",
            terms: [
                term("فيدن", in: s3, target: "Biden", canonical: "بايدن", match: .fuzzy, kind: .person, score: 0.83, origin: "news.tsv:20"),
                term("تارنوفسكي", in: s3, target: "Tarnufski", match: .transliterated, kind: .person, origin: ""),
            ],
            flags: [
                flag(.suggestedName, "فيدن", in: s3, "فيدن looks like a garbled بايدن (Biden), similarity 0.83"),
                flag(.transliterated, "تارنوفسكي", in: s3, "تارنوفسكي is in no glossary; transliterated as Tarnufski"),
                flag(.bidiControl, "\u{200F}", in: s3, "bidi control U+200F RIGHT-TO-LEFT MARK in the source"),
            ]),
        sentence(doc: "news-b.txt", para: 1, index: 1, s4, draft: s4),
    ]
}

/// What an XML document holds, read back with Foundation's `XMLParser`.
final class XMLRead: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        /// Text outside child elements of the given names is still collected; this is the text of
        /// `mrk` children, in order (for `<source>`).
        var marked: [String] = []
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var error: String?

    static func parse(_ xml: String) -> XMLRead {
        let r = XMLRead()
        let p = XMLParser(data: Data(xml.utf8))
        p.shouldProcessNamespaces = false
        p.delegate = r
        if !p.parse() { r.error = p.parserError.map { "\($0)" } ?? "parse failed" }
        return r
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let i = stack.removeLast()
        if name == "mrk" || name == "cp", let parent = stack.last {
            if name == "mrk" { elements[parent].marked.append(elements[i].text) }
            if name == "cp" { elements[parent].text += "<cp \(elements[i].attributes["hex"] ?? "")>" }
            if name == "mrk" { elements[parent].text += elements[i].text }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

@Suite struct DraftXLIFFTests {
    @Test func xliff2MatchesTheGoldenFile() throws {
        try Fixture.assertSnapshot(DraftXLIFF.xliff2(DraftSamples.sentences), named: "draft/sample.xlf")
    }

    @Test func xliff12MatchesTheGoldenFile() throws {
        try Fixture.assertSnapshot(try DraftXLIFF.xliff12(DraftSamples.sentences), named: "draft/sample-1.2.xlf")
    }

    @Test func bothAreWellFormedWithAFilePerDocumentAndAUnitPerSentence() throws {
        let v2 = XMLRead.parse(DraftXLIFF.xliff2(DraftSamples.sentences))
        #expect(v2.error == nil)
        #expect(v2.all("file").map { $0.attributes["original"] } == ["news-a.txt", "news-b.txt"])
        #expect(v2.all("file").map { $0.attributes["id"] } == ["f1", "f2"])
        #expect(v2.all("file").allSatisfy { $0.attributes["srcDir"] == "rtl" })
        #expect(v2.all("unit").map { $0.attributes["id"] } == ["s1", "s2", "s3", "s1"])
        #expect(v2.all("segment").allSatisfy { $0.attributes["state"] == "initial" })
        let root = try #require(v2.all("xliff").first)
        #expect(root.attributes["version"] == "2.0" && root.attributes["srcLang"] == "ar" && root.attributes["trgLang"] == "en")

        let v12 = XMLRead.parse(try DraftXLIFF.xliff12(DraftSamples.sentences))
        #expect(v12.error == nil)
        #expect(v12.all("file").map { $0.attributes["original"] } == ["news-a.txt", "news-b.txt"])
        #expect(v12.all("trans-unit").map { $0.attributes["id"] } == ["s1", "s2", "s3", "s1"])
        #expect(v12.all("target").allSatisfy { $0.attributes["state"] == "needs-translation" })
    }

    /// `< & > " '` in sources, drafts, comments and messages come back unchanged.
    @Test func textRoundTripsThroughTheParser() throws {
        let sentences = DraftSamples.sentences
        for xml in [DraftXLIFF.xliff2(sentences), try DraftXLIFF.xliff12(sentences)] {
            let r = XMLRead.parse(xml)
            #expect(r.error == nil)
            #expect(r.all("source").map(\.text) == sentences.map(\.source))
            #expect(r.all("target").map(\.text) == sentences.map(\.draft))
        }
        let v2 = XMLRead.parse(DraftXLIFF.xliff2(sentences))
        #expect(v2.all("gls:definition").first?.text == "EU executive; \"the Commission\" <Brussels> & its 'college'")
        #expect(v2.all("note").map(\.text) == sentences.flatMap(\.flags).map(\.message))
        #expect(v2.all("note").map { $0.attributes["category"] } == sentences.flatMap(\.flags).map { "tarjim:" + $0.kind.rawValue })
        let v12 = XMLRead.parse(try DraftXLIFF.xliff12(sentences))
        #expect(v12.all("note").contains { $0.text.contains("\"the Commission\" <Brussels> & its 'college'") })
        #expect(v12.all("note").contains { $0.text == "corrected-name: بلينجن is a variant spelling of بلينكن (Blinken)" })
    }

    /// Offsets are Unicode scalars: the term after 👍🏽 (U+1F44D U+1F3FD: two scalars, four UTF-16 units,
    /// one Character) starts at scalar 35, not at UTF-16 unit 37 or Character 34.
    @Test func termsAreMarkedAtTheirScalarOffsets() throws {
        let geneva = DraftSamples.sentences[1].terms[1]
        #expect((geneva.start, geneva.end) == (35, 39))
        let r = XMLRead.parse(DraftXLIFF.xliff2(DraftSamples.sentences))
        let sources = r.all("source")
        #expect(sources.map(\.marked) == DraftSamples.sentences.map { $0.terms.map(\.source) })
        #expect(sources[0].marked == ["وللمفوضية الأوروبية"])
        #expect(sources[1].marked == ["بلينجن", "جنيف"])
        // Each glossary entry points at the mrk of its term, and the mrk back at the entry.
        let mrks = r.all("mrk")
        #expect(mrks.map { $0.attributes["id"] } == ["m1", "m1", "m2", "m1", "m2"])
        #expect(
            mrks.allSatisfy {
                $0.attributes["type"] == "term" && $0.attributes["ref"] == "#gls=g" + ($0.attributes["id"] ?? "").dropFirst()
            })
        let entries = r.all("gls:glossEntry")
        #expect(entries.map { $0.attributes["ref"] } == ["#m1", "#m1", "#m2", "#m1", "#m2"])
        #expect(entries.map { $0.attributes["tj:match"] } == ["exact", "variant", "exact", "fuzzy", "transliterated"])
        #expect(r.all("gls:term").map(\.text) == ["المفوضية الأوروبية", "بلينكن", "جنيف", "بايدن", "تارنوفسكي"])
        #expect(r.all("gls:translation").map(\.text) == ["European Commission", "Blinken", "Geneva", "Biden", "Tarnufski"])
    }

    static let controls: [DraftSentence] = [
        DraftSamples.sentence(doc: "c.txt", para: 1, index: 1, "سطر أول.", draft: "سطر أول."),
        DraftSamples.sentence(doc: "c.txt", para: 3, index: 2, "قبل\u{0C}بعد \u{01}.", draft: "قبل\u{0C}بعد \u{01}."),
    ]

    /// U+000C and U+0001 are not XML 1.0 characters: XLIFF 2.0 writes `<cp>`, XLIFF 1.2 refuses.
    @Test func charactersXMLCannotCarryAreCodePointsIn20AndAnErrorIn12() throws {
        let xml = DraftXLIFF.xliff2(Self.controls)
        #expect(xml.contains("<source xml:space=\"preserve\">قبل<cp hex=\"000C\"/>بعد <cp hex=\"0001\"/>.</source>"))
        let r = XMLRead.parse(xml)
        #expect(r.error == nil)
        #expect(r.all("source").last?.text == "قبل<cp 000C>بعد <cp 0001>.")
        #expect(throws: FormatError.self) { try DraftXLIFF.xliff12(Self.controls) }
        do {
            _ = try DraftXLIFF.xliff12(Self.controls)
        } catch {
            guard case .unwritable(let file, let line, _, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "c.txt")
            #expect(line == 3)
            #expect(message.contains("sentence 2") && message.contains("U+000C") && message.contains("scalar offset 3"))
        }
    }

    @Test func aControlCharacterInADocumentNameIsReplacedIn20() throws {
        let s = DraftSamples.sentence(doc: "bad\u{07}name.txt", para: 1, index: 1, "نص.", draft: "نص.")
        let r = XMLRead.parse(DraftXLIFF.xliff2([s]))
        #expect(r.error == nil)
        #expect(r.all("file").first?.attributes["original"] == "bad\u{FFFD}name.txt")
        #expect(throws: FormatError.self) { try DraftXLIFF.xliff12([s]) }
    }

    @Test func noSentencesGiveEmptyOutput() throws {
        #expect(DraftXLIFF.xliff2([]) == "")
        #expect(try DraftXLIFF.xliff12([]) == "")
    }

    /// The same file given twice is two documents (unit ids restart), not one with duplicate ids.
    @Test func aDocumentRepeatedIsTwoFiles() throws {
        let one = Array(DraftSamples.sentences.prefix(3))
        let r = XMLRead.parse(DraftXLIFF.xliff2(one + one))
        #expect(r.all("file").map { $0.attributes["id"] } == ["f1", "f2"])
        #expect(r.all("file").map { $0.attributes["original"] } == ["news-a.txt", "news-a.txt"])
    }

    /// Attribute values keep tabs and newlines (as character references) and quotes.
    @Test func attributesAreEscaped() throws {
        let s = DraftSamples.sentence(doc: "a \"b\" <c> & d\te\nf.txt", para: 1, index: 1, "نص.", draft: "نص.")
        for xml in [DraftXLIFF.xliff2([s]), try DraftXLIFF.xliff12([s])] {
            let r = XMLRead.parse(xml)
            #expect(r.error == nil)
            #expect(r.all("file").first?.attributes["original"] == "a \"b\" <c> & d\te\nf.txt")
        }
    }
}
