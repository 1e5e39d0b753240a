import ArabicText
import Glossary
import Testing

@testable import Drafting

@Suite struct DrafterTests {
    /// A glossary that lists Biden's canonical spelling but not the garble فيدن.
    static let glossary = try! Glossary(
        tsv: """
            بلينكن\tBlinken\tUS Secretary of State\tبلينكين;بلينجن\tperson
            بايدن\tBiden\t\t\tperson
            جو بايدن\tJoe Biden\t\t\tperson
            الناتو\tNATO\t\t\torg
            روسيا\tRussia\t\t\tplace
            أوكرانيا\tUkraine\t\t\tplace
            دونباس\tDonbas\t\t\tplace
            فرنسا\tFrance\t\t\tplace

            """)

    static func drafter(lexicon: Lexicon? = Lexicon.system()) throws -> Drafter {
        Drafter(
            matcher: TermMatcher(glossary: glossary, options: .init(lexicon: lexicon)), transliterator: try NameTransliterator())
    }

    @Test func termsAreRenderedWithClitics() throws {
        let s = try Self.drafter().draft(document: "وقال إن روسيا ولأوكرانيا وللناتو مواقف مختلفة.", name: "-")
        #expect(s.count == 1)
        #expect(s[0].draft == "وقال إن Russia and to Ukraine and to NATO مواقف مختلفة.")
        #expect(s[0].terms.map(\.match) == [.exact, .exact, .exact])
        #expect(s[0].terms.map(\.source) == ["روسيا", "ولأوكرانيا", "وللناتو"])
        #expect(s[0].terms.map(\.canonical) == ["روسيا", "أوكرانيا", "الناتو"])
    }

    @Test func variantNamesAreCorrectedAndFlagged() throws {
        let s = try Self.drafter().draft(document: "وصل بلينجن إلى كييف.", name: "a.txt")
        #expect(s[0].draft.contains("Blinken"))
        #expect(s[0].flags.map(\.kind) == [.correctedName])
        #expect(s[0].terms[0].match == .variant)
        #expect(s[0].doc == "a.txt")
    }

    @Test func garbleNotInTheGlossaryIsSuggestedFromTheDocument() throws {
        let doc = "التقى الرئيس بايدن بنظيره أمس.\nوقال إنه سيتحدث مع فيدن قريبا."
        let s = try Self.drafter().draft(document: doc, name: "-")
        #expect(s[1].terms.contains { $0.source == "فيدن" && $0.target == "Biden" && $0.match == .fuzzy })
        #expect(s[1].flags.contains { $0.kind == .suggestedName })
    }

    @Test func nisbaAdjectivesAreNotNames() throws {
        let s = try Self.drafter().draft(document: "قال الوزير الفرنسي إن فرنسا مستعدة.", name: "-")
        #expect(s[0].terms.map(\.source) == ["فرنسا"])
    }

    @Test func unknownNamesAreTransliteratedAndFlagged() throws {
        let s = try Self.drafter().draft(document: "وقال المحلل تارنوفسكي إن الهدنة صامدة.", name: "-")
        let t = try #require(s[0].terms.first { $0.match == .transliterated })
        #expect(t.source == "تارنوفسكي")
        #expect(t.target == "Tarnufski")
        #expect(s[0].flags.map(\.kind).contains(.transliterated))
        #expect(s[0].draft.contains("Tarnufski"))
    }

    /// An unknown name before a glossary term: terms, flags and the draft come in text order.
    @Test func unknownNamesBeforeTermsAreInTextOrder() throws {
        let s = try Self.drafter().draft(document: "قال المحلل تارنوفسكي إن بلينجن وروسيا مستعدان.", name: "-")
        #expect(s[0].terms.map(\.source) == ["تارنوفسكي", "بلينجن", "وروسيا"])
        #expect(s[0].terms.map(\.start) == [11, 24, 31])
        #expect(s[0].flags.map(\.kind) == [.transliterated, .correctedName])
        #expect(s[0].flags.map(\.start) == [11, 24])
        #expect(s[0].draft == "قال المحلل Tarnufski إن Blinken and Russia مستعدان.")
        #expect(s[0].correctedSource == "قال المحلل تارنوفسكي إن بلينكن وروسيا مستعدان.")
    }

    @Test func withoutALexiconNothingIsTransliterated() throws {
        let s = try Self.drafter(lexicon: nil).draft(document: "وقال المحلل تارنوفسكي إن الهدنة صامدة.", name: "-")
        #expect(!s[0].terms.contains { $0.match == .transliterated })
    }

    @Test func bidiControlsAreFlagged() throws {
        let s = try Self.drafter().draft(document: "قال\u{202E} المسؤول إن الاجتماع انتهى.", name: "-")
        #expect(s[0].flags.map(\.kind).contains(.bidiControl))
        #expect(s[0].flags.map(\.kind).contains(.bidiUnbalanced))
    }

    @Test func sentencesKeepParagraphAndIndex() throws {
        let s = try Self.drafter().draft(document: "أولا. ثانيا.\nثالثا.", name: "-")
        #expect(s.map(\.para) == [1, 1, 2])
        #expect(s.map(\.index) == [1, 2, 3])
        #expect(s.map(\.source) == ["أولا.", "ثانيا.", "ثالثا."])
    }

    // MARK: corrected source

    @Test func correctedSourceReplacesOnlyNames() throws {
        let d = try Self.drafter()
        let doc = "قال الرئيس بايدن إن بلينجن سيزور الناتو.\nوأكد وفيدن ذلك،  وبلينكين أيضا.\r\n"
        let fixed = d.correctedSource(doc)
        #expect(fixed == "قال الرئيس بايدن إن بلينكن سيزور الناتو.\nوأكد وبايدن ذلك،  وبلينكن أيضا.\r\n")
    }

    /// Property: outside the replaced spans every character is unchanged, and a text without names
    /// comes back identical.
    @Test(arguments: [
        "نص عادي بلا أسماء،\tمع علامات «اقتباس» وأرقام ١٢٣ و 4.5\n\n",
        "\u{FEFF}سطر\u{200F} مع\u{202B} تحكم\r\nوسطر آخر",
        "",
    ])
    func correctedSourceKeepsEverythingElse(_ text: String) throws {
        #expect(try Self.drafter().correctedSource(text) == text)
    }

    @Test func correctedSourceKeepsCliticsOnGarbles() throws {
        let d = try Self.drafter()
        let doc = "تحدث بايدن أمس، ثم قال لفيدن وبفيدن كلاما."
        let fixed = d.correctedSource(doc)
        #expect(fixed == "تحدث بايدن أمس، ثم قال لبايدن وببايدن كلاما.")
    }
}

@Suite struct CliticRenderingTests {
    @Test func rendersPredictably() {
        #expect(CliticRendering.render("NATO", proclitics: [.wa, .li], enclitic: nil) == "and to NATO")
        #expect(CliticRendering.render("Russia", proclitics: [.bi], enclitic: nil) == "in Russia")
        #expect(CliticRendering.render("Russia", proclitics: [.ka], enclitic: nil) == "like Russia")
        #expect(CliticRendering.render("talks", proclitics: [], enclitic: .huma) == "their talks")
        #expect(CliticRendering.render("plan", proclitics: [.fa, .sa], enclitic: nil) == "and plan")
    }

    /// Drafted terms give their entry's origin, as the glossary says, and equal the same terms
    /// made with the origin as a string.
    @Test func termsGiveTheirEntrysOrigin() throws {
        let g = try Glossary(tsv: "روسيا\tRussia\t\t\tplace\nالناتو\tNATO\tthe alliance\t\torg\n", file: "terms.tsv")
        let drafter = Drafter(matcher: TermMatcher(glossary: g, options: .init(lexicon: nil)), transliterator: nil)
        let terms = drafter.draft(document: "قال الناتو إن روسيا.", name: "-")[0].terms
        #expect(terms.map(\.origin) == ["terms.tsv:2", "terms.tsv:1"])
        #expect(terms.map(\.comment) == ["the alliance", ""])
        for t in terms {
            let copy = DraftTerm(
                source: t.source, target: t.target, canonical: t.canonical, match: t.match, start: t.start, end: t.end,
                entryKind: t.entryKind, score: t.score, origin: t.origin, comment: t.comment)
            #expect(copy == t)
            #expect(copy.hashValue == t.hashValue)
            let other = DraftTerm(
                source: t.source, target: t.target, canonical: t.canonical, match: t.match, start: t.start, end: t.end,
                entryKind: t.entryKind, score: t.score, origin: "other.tsv:1", comment: t.comment)
            #expect(other != t)
        }
    }
}
