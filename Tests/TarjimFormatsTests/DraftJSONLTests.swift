import Drafting
import Foundation
import Glossary
import Testing

@testable import TarjimFormats

@Suite struct DraftJSONLTests {
    static let sentence = DraftSentence(
        doc: "news \"1\".txt", para: 3, index: 12, source: "قال بلينجن إن \u{2028}الناتو\tمستعد.",
        draft: "قال Blinken إن \u{2028}NATO\tمستعد.",
        terms: [
            DraftTerm(source: "بلينجن", target: "Blinken", canonical: "بلينكن", match: .variant, start: 4, end: 10, entryKind: .person),
            DraftTerm(
                source: "الناتو", target: "NATO", canonical: "الناتو", match: .fuzzy, start: 15, end: 21, entryKind: .org,
                score: 0.8125),
        ],
        flags: [
            DraftFlag(kind: .correctedName, start: 4, end: 10, message: "بلينجن is a variant spelling of بلينكن (Blinken)"),
            DraftFlag(kind: .bidiControl, start: 30, end: 31, message: "a \\ b\u{01}"),
        ],
        correctedSource: "")

    @Test func lineHasTheDocumentedFieldsInOrder() {
        let expected =
            "{\"doc\":\"news \\\"1\\\".txt\",\"id\":{\"n\":7},\"para\":3,\"index\":12,\"source\":\"قال بلينجن إن \\u2028الناتو\\tمستعد.\","
            + "\"draft\":\"قال Blinken إن \\u2028NATO\\tمستعد.\",\"terms\":[{\"source\":\"بلينجن\",\"target\":\"Blinken\","
            + "\"canonical\":\"بلينكن\",\"match\":\"variant\",\"start\":4,\"end\":10,\"entry_kind\":\"person\",\"score\":1.0},"
            + "{\"source\":\"الناتو\",\"target\":\"NATO\",\"canonical\":\"الناتو\",\"match\":\"fuzzy\",\"start\":15,\"end\":21,"
            + "\"entry_kind\":\"org\",\"score\":0.8125}],\"flags\":[{\"kind\":\"corrected-name\",\"start\":4,\"end\":10,"
            + "\"message\":\"بلينجن is a variant spelling of بلينكن (Blinken)\"},{\"kind\":\"bidi-control\",\"start\":30,\"end\":31,"
            + "\"message\":\"a \\\\ b\\u0001\"}]}\n"
        #expect(DraftJSONL.line(Self.sentence, id: "{\"n\":7}") == expected)
        var bytes: [UInt8] = Array("before\n".utf8)
        DraftJSONL.append(Self.sentence, id: "{\"n\":7}", to: &bytes)
        #expect(bytes == Array(("before\n" + expected).utf8))
    }

    @Test func emptyListsAndNoID() {
        let s = DraftSentence(doc: "-", para: 1, index: 1, source: "", draft: "", terms: [], flags: [], correctedSource: "")
        #expect(DraftJSONL.line(s) == "{\"doc\":\"-\",\"para\":1,\"index\":1,\"source\":\"\",\"draft\":\"\",\"terms\":[],\"flags\":[]}\n")
    }

    /// Lines where every byte is escaped to six (controls), numbers are as long as they get and
    /// scores are printed in full: the line's buffer is sized for the worst case, and the line
    /// parses back to what went in.
    @Test func longestEscapesAndNumbersFit() throws {
        let controls = String(repeating: "\u{01}\u{1F}", count: 300)
        let term = DraftTerm(
            source: controls, target: controls, canonical: controls, match: .transliterated, start: Int.min, end: Int.max,
            entryKind: .place, score: -2.2250738585072014e-308)
        let s = DraftSentence(
            doc: controls, para: Int.max, index: Int.min, source: controls, draft: controls, terms: Array(repeating: term, count: 5),
            flags: Array(repeating: DraftFlag(kind: .mtMissingTerm, start: Int.min, end: Int.min, message: controls), count: 5),
            correctedSource: controls)
        let line = DraftJSONL.line(s, id: "\"" + String(repeating: "x", count: 1000) + "\"")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["source"] as? String == controls)
        #expect(object["para"] as? Int == Int.max)
        let terms = try #require(object["terms"] as? [[String: Any]])
        #expect(terms.count == 5)
        #expect(terms[0]["target"] as? String == controls)
        #expect(terms[0]["score"] as? Double == -2.2250738585072014e-308)
        #expect(line.contains("\"start\":\(Int.min),\"end\":\(Int.max)"))
        #expect((object["flags"] as? [[String: Any]])?.count == 5)
    }

    /// A drafted sentence (its draft kept as pieces of its source) writes the line that the same
    /// sentence made of whole strings writes.
    @Test func draftedSentenceWritesTheLineOfItsStrings() throws {
        let glossary = try Glossary(
            tsv: "بلينكن\tBlinken\t\tبلينجن\tperson\nروسيا\tRussia\t\t\tplace\nالناتو\tNATO\t\t\torg\n")
        let drafter = Drafter(matcher: TermMatcher(glossary: glossary, options: .init(lexicon: nil)), transliterator: nil)
        let text = "قال \"بلينجن\" إن روسيا\tوللناتو مواقف.\nولروسيا، \u{2028}وبلينكن أيضا."
        let drafted = drafter.draft(document: text, name: "d\"1")
        #expect(drafted.count == 3)  // U+2028 ends a paragraph
        #expect(drafted[0].draft == "قال \"Blinken\" إن Russia\tand to NATO مواقف.")
        for s in drafted {
            let whole = DraftSentence(
                doc: s.doc, para: s.para, index: s.index, source: s.source, draft: s.draft, terms: s.terms, flags: s.flags,
                correctedSource: s.correctedSource)
            #expect(DraftJSONL.line(s) == DraftJSONL.line(whole))
            #expect(DraftJSONL.line(s, id: "7") == DraftJSONL.line(whole, id: "7"))
        }
    }

    @Test func namesAreTheRawValues() {
        for m in DraftMatch.allCases { #expect(DraftJSONL.name(m).description == m.rawValue) }
        for k in EntryKind.allCases { #expect(DraftJSONL.name(k).description == k.rawValue) }
        for k in FlagKind.allCases { #expect(DraftJSONL.name(k).description == k.rawValue) }
    }
}
