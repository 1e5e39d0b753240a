import Foundation
import Testing

@testable import Drafting
@testable import TarjimFormats

@Suite struct DraftHTMLTests {
    static let page = DraftHTML.page(DraftSamples.sentences, documents: ["news-a.txt", "news-b.txt", "empty.txt"])

    @Test func matchesTheGoldenFile() throws {
        try Fixture.assertSnapshot(Self.page, named: "draft/sample.html")
    }

    /// The page is also well-formed XML, which lets these tests read it with XMLParser.
    @Test func isSelfContainedAndWellFormed() throws {
        let r = XMLRead.parse(Self.page)
        #expect(r.error == nil)
        #expect(Self.page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(r.all("meta").contains { $0.attributes["charset"] == "utf-8" })
        for outside in ["<script", "<link", "src=", "http:", "https:", "url(", "@import"] {
            #expect(!Self.page.contains(outside), "the page must not load \(outside)")
        }
    }

    @Test func hasARowPerSentenceWithArabicAndEnglishColumns() throws {
        let r = XMLRead.parse(Self.page)
        let ar = r.all("td").filter { $0.attributes["class"] == "ar" }
        let en = r.all("td").filter { $0.attributes["class"] == "en" }
        #expect(ar.count == 4 && en.count == 4)
        #expect(ar.allSatisfy { $0.attributes["dir"] == "rtl" && $0.attributes["lang"] == "ar" })
        #expect(en.allSatisfy { $0.attributes["lang"] == "en" })
        #expect(r.all("tbody").map { $0.attributes["id"] } == ["d1-s1", "d1-s2", "d1-s3", "d2-s1"])
        #expect(r.all("h2").count == 2)
    }

    @Test func headerNamesTheDocumentsAndCountsEachFlagKind() throws {
        let header = Self.page.components(separatedBy: "</header>")[0]
        #expect(
            header.contains(
                "<bdi class=\"doc\">news-a.txt</bdi> (3 sentences), <bdi class=\"doc\">news-b.txt</bdi> (1 sentence), <bdi class=\"doc\">empty.txt</bdi> (0 sentences)"
            ))
        #expect(header.contains("<b>4</b> sentences") && header.contains("<b>5</b> terms"))
        for (kind, n) in [
            (FlagKind.correctedName, 1), (.suggestedName, 1), (.transliterated, 1), (.bidiControl, 1), (.bidiUnbalanced, 0),
            (.mtMissingTerm, 0),
        ] {
            #expect(header.contains(" \(kind.rawValue) <b>\(n)</b></li>"), "count of \(kind.rawValue)")
        }
    }

    /// Terms are marked in the source at their scalar offsets (including after 👍🏽, U+1F44D U+1F3FD)
    /// and their English rendering (with the clitics' English) in the draft.
    @Test func termsAreMarkedOnBothSides() throws {
        let r = XMLRead.parse(Self.page)
        let marks = r.all("mark").filter { $0.attributes["title"] != nil }
        let arabic = marks.filter { $0.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
        #expect(arabic.map(\.text) == ["وللمفوضية الأوروبية", "بلينجن", "جنيف", "فيدن", "تارنوفسكي"])
        let english = marks.filter { !arabic.map(\.text).contains($0.text) }
        #expect(english.map(\.text) == ["and to European Commission", "Blinken", "Geneva", "Biden", "Tarnufski"])
        #expect(marks.map { $0.attributes["class"] ?? "" }.filter { $0 == "m-variant" }.count == 2)
    }

    @Test func tooltipsGiveTheGlossaryEntry() throws {
        let r = XMLRead.parse(Self.page)
        let tip = try #require(r.all("mark").first { $0.text == "وللمفوضية الأوروبية" }?.attributes["title"])
        #expect(
            tip
                == "المفوضية الأوروبية = European Commission\norg · exact match\neu.tsv:3\nEU executive; \"the Commission\" <Brussels> & its 'college'"
        )
        let fuzzy = try #require(r.all("mark").first { $0.text == "فيدن" }?.attributes["title"])
        #expect(fuzzy == "بايدن = Biden\nperson · fuzzy match (فيدن), similarity 0.83\nnews.tsv:20")
        #expect(
            Self.page.contains(
                "title=\"المفوضية الأوروبية = European Commission&#10;org · exact match&#10;eu.tsv:3&#10;EU executive; &quot;the Commission&quot; &lt;Brussels&gt; &amp; its &#39;college&#39;\""
            ))
    }

    @Test func flagsAreBadgesAfterTheirSpanAndAListUnderTheRow() throws {
        let r = XMLRead.parse(Self.page)
        let items = r.all("li").filter {
            $0.text.contains("variant spelling") || $0.text.contains("garbled") || $0.text.contains("in no glossary")
                || $0.text.contains("bidi control")
        }
        #expect(items.count == 4)
        #expect(
            Self.page.contains(
                "<mark class=\"m-variant\" title=\"بلينكن = Blinken&#10;person · variant match (بلينجن)&#10;news.tsv:12\">بلينجن</mark><span class=\"badge f-corrected-name\""
            ))
        let badges = r.all("span").filter { ($0.attributes["class"] ?? "").hasPrefix("badge ") }
        // 6 in the header, 4 after spans, 4 in the lists.
        #expect(badges.count == 14)
    }

    /// Latin runs in the Arabic column and Arabic runs in the English column are isolated; digits
    /// stay with the text before them; markup characters are escaped; an RLM is shown, not obeyed.
    @Test func oppositeDirectionRunsAreIsolatedAndTextEscaped() throws {
        let page = Self.page
        #expect(page.contains("مقر <bdi dir=\"ltr\">NATO</bdi> في عام 2024 مع 35 خبيرا"))
        #expect(
            page.contains("<bdi dir=\"rtl\" lang=\"ar\">سيزور مقر</bdi> NATO <bdi dir=\"rtl\" lang=\"ar\">في عام 2024 مع 35 خبيرا</bdi>"))
        #expect(page.contains("&quot;الهجرة&quot; &lt;غير النظامية&gt; &amp; أسبابها &#39;كلها&#39;."))
        #expect(page.contains("<bdi class=\"ctl\" title=\"U+200F RIGHT-TO-LEFT MARK\">RLM</bdi>"))
        #expect(!page.unicodeScalars.contains("\u{200F}"))
    }

    @Test func draftsThatDoNotFollowTheSourceStillMarkTheEnglish() throws {
        // A machine-translated draft: the terms' English is looked up left to right.
        var s = DraftSamples.sentences[1]
        s.draft = "Blinken welcomed the decision and left for Geneva."
        let spans = DraftHTML.draftSpans(s)
        #expect(spans.map(\.1) == [0, 1])
        #expect(spans.map { $0.0 } == [0..<7, 43..<49])
    }

    @Test func emptyInputGivesAPageSayingSo() throws {
        let page = DraftHTML.page([], documents: ["-"])
        #expect(XMLRead.parse(page).error == nil)
        #expect(page.contains("No sentences."))
        #expect(page.contains("Document: <bdi class=\"doc\">standard input</bdi> (0 sentences)"))
    }
}
