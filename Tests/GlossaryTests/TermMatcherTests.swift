import ArabicText
import Testing

@testable import Glossary

@Suite struct TermMatcherTests {
    static let glossary = try! Glossary(
        tsv: """
            روسيا\tRussia\t\t\tplace
            أوكرانيا\tUkraine\t\t\tplace
            الناتو\tNATO\t\t\torg
            الولايات المتحدة\tUnited States\t\t\tplace
            الأمم المتحدة\tUnited Nations\t\t\torg
            مجلس الأمن\tSecurity Council\t\t\torg
            مجلس الأمن الدولي\tUN Security Council\t\t\torg
            بلينكن\tBlinken\t\tبلينكين;بلينجن\tperson
            بايدن\tBiden\t\t\tperson
            جو بايدن\tJoe Biden\t\t\tperson
            وقف إطلاق النار\tceasefire\t\t\tterm

            """)

    func found(_ text: String, _ matcher: TermMatcher = TermMatcher(glossary: glossary)) -> [(String, String, MatchKind)] {
        let u = Array(text.unicodeScalars)
        return matcher.matches(in: text).map { m in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: u[m.range])
            return (String(v), matcher.glossary.entries[m.entryIndex].english, m.kind)
        }
    }

    func slice(_ text: String, _ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: Array(text.unicodeScalars)[r])
        return String(v)
    }

    @Test(
        arguments: [
            ("وروسيا", "Russia", [Proclitic.wa], "روسيا"),
            ("لروسيا", "Russia", [.li], "روسيا"),
            ("بروسيا", "Russia", [.bi], "روسيا"),
            ("لأوكرانيا", "Ukraine", [.li], "أوكرانيا"),
            ("وأوكرانيا", "Ukraine", [.wa], "أوكرانيا"),
            ("الناتو", "NATO", [], "الناتو"),
            ("والناتو", "NATO", [.wa], "الناتو"),
            ("بالناتو", "NATO", [.bi], "الناتو"),
            ("وبالناتو", "NATO", [.wa, .bi], "الناتو"),
            ("للناتو", "NATO", [.li], "لناتو"),  // the ل of لل is the article's, its alef is not written
            ("وللناتو", "NATO", [.wa, .li], "لناتو"),
            ("والولايات المتحدة", "United States", [.wa], "الولايات المتحدة"),
        ] as [(String, String, [Proclitic], String)])
    func cliticForms(_ text: String, _ english: String, _ pro: [Proclitic], _ term: String) throws {
        let m = try #require(TermMatcher(glossary: Self.glossary).matches(in: "قال " + text + " أمس").first)
        #expect(Self.glossary.entries[m.entryIndex].english == english)
        #expect(m.proclitics == pro)
        #expect(slice("قال " + text + " أمس", m.range) == text)
        #expect(slice("قال " + text + " أمس", m.termRange) == term)
        #expect(m.kind == .exact)
    }

    @Test func generalTermsMatchTheirDefiniteForm() throws {
        let g = try Glossary(tsv: "عقوبات\tsanctions\nروسيا\tRussia\t\t\tplace\n")
        let text = "فرضت العقوبات وبالعقوبات على الروسيا"
        let m = TermMatcher(glossary: g).matches(in: text)
        // Terms take the article; names do not (الروسيا is not Russia).
        #expect(m.map { g.entries[$0.entryIndex].english } == ["sanctions", "sanctions"])
        #expect(slice(text, m[1].termRange) == "عقوبات")
        #expect(m[1].proclitics == [.wa, .bi])
    }

    @Test func mergedArticleIsReported() throws {
        let m = try #require(TermMatcher(glossary: Self.glossary).matches(in: "للناتو").first)
        #expect(m.articleMerged && m.hasArticle)
    }

    @Test func leftmostLongest() {
        let f = found("دعا مجلس الأمن الدولي إلى وقف إطلاق النار في أوكرانيا")
        #expect(f.map(\.1) == ["UN Security Council", "ceasefire", "Ukraine"])
        #expect(found("مجلس الأمن يجتمع").map(\.1) == ["Security Council"])
    }

    @Test func termsDoNotSpanPunctuation() {
        #expect(found("الولايات، المتحدة").isEmpty)
    }

    @Test func harakatAndTatweelDoNotHideATerm() {
        #expect(found("رُوسْيَا ورـــوسيا").map(\.1) == ["Russia", "Russia"])
    }

    @Test func variantsAreReportedAsVariants() {
        let f = found("التقى بلينجن مع بلينكين ثم بلينكن")
        #expect(f.map(\.2) == [.variant, .variant, .exact])
        #expect(f.allSatisfy { $0.1 == "Blinken" })
    }

    @Test func encliticOnTheLastWord() throws {
        let text = "روسياهم"  // contrived, but the enclitic must stay out of the term
        let m = try #require(TermMatcher(glossary: Self.glossary).matches(in: text).first)
        #expect(m.enclitic == .hum)
        #expect(slice(text, m.termRange) == "روسيا")
    }

    // MARK: fuzzy

    static let namesOnly = try! Glossary(tsv: "بلينكن\tBlinken\t\t\tperson\nبايدن\tBiden\t\t\tperson\nجو بايدن\tJoe Biden\t\t\tperson\n")
    static let lexicon = Lexicon(words: ["قال", "بدن", "الرئيس", "مع", "في", "كلمة", "اجتمع", "ثم", "بلد"])

    @Test func garblesAreFoundWithALexicon() {
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(lexicon: Self.lexicon))
        // Long names the lexicon does not know, one class substitution or vowel away: enough alone.
        let f = found("اجتمع بلينجن مع بلينكين ثم قال كلمة", m)
        #expect(f.map(\.0) == ["بلينجن", "بلينكين"])
        #expect(f.map(\.1) == ["Blinken", "Blinken"])
        #expect(f.allSatisfy { $0.2 == .fuzzy })
        // A short one (فيدن) needs more: Biden named elsewhere in the scope.
        #expect(found("ثم قال فيدن كلمة", m).isEmpty)
        #expect(found("قال بايدن كلمة ثم قال فيدن كلمة", m).map(\.1) == ["Biden", "Biden"])
    }

    static let places = try! Glossary(
        tsv: """
            لندن\tLondon\t\t\tplace
            ليما\tLima\t\t\tplace
            ألمانيا\tGermany\t\t\tplace
            الكونغرس\tCongress\t\t\torg
            روسيا\tRussia\t\t\tplace
            فيينا\tVienna\t\t\tplace

            """)

    @Test(arguments: [
        ("وصل الوفد إلى لاندن", "لاندن", "London"),  // a long vowel added inside a four-letter name
        ("ناقش الكونغروس القانون", "الكونغروس", "Congress"),  // the article is no penalty
        ("وصل الوفد إلى ألامانيا", "ألامانيا", "Germany"),  // the hamzated أل of ألمانيا is not the article
        ("قال مسؤول في روصيا", "روصيا", "Russia"),  // س/ص
        ("وصل الوفد إلى فيين", "فيين", "Vienna"),  // a final alef dropped
        ("وصل الوفد إلى ولاندن", "ولاندن", "London"),  // through a proclitic
    ])
    func oneSlipFromAShortNameIsAGarbleOfAnUnknownWord(_ text: String, _ word: String, _ english: String) {
        let m = TermMatcher(glossary: Self.places, options: .init(lexicon: Self.lexicon))
        let f = found(text, m)
        #expect(f.map(\.0) == [word])
        #expect(f.map(\.1) == [english])
        #expect(f.map(\.2) == [.fuzzy])
    }

    @Test(arguments: [
        "قال المدرب ليمو",  // a vowel turned into another vowel: another name (ليما/ليمو)
        "انتقد الألمان القرار",  // الألمان "the Germans": read with an article that ألمانيا does not have
        "قال لندني",  // a final vowel added: a nisba or another name
    ])
    func notASlip(_ text: String) {
        let m = TermMatcher(glossary: Self.places, options: .init(lexicon: Self.lexicon))
        #expect(found(text, m).isEmpty)
    }

    @Test func oneSlipNeedsTheLexiconToRejectTheWord() {
        let lexicon = Lexicon(words: ["لاندن", "إلى", "وصل", "الوفد"])
        let m = TermMatcher(glossary: Self.places, options: .init(lexicon: lexicon))
        #expect(found("وصل الوفد إلى لاندن", m).isEmpty)
    }

    /// A matcher compiled without a lexicon and given one afterwards matches as one built with it.
    @Test func aLexiconGivenAfterCompilingActsAsOneGivenBefore() {
        let texts = [
            "اجتمع بلينجن مع بلينكين ثم قال كلمة", "قال بايدن كلمة ثم قال فيدن كلمة", "قال الرئيس بدن", "وصل الوفد إلى لاندن",
        ]
        let glossary = Glossary(entries: Self.namesOnly.entries + Self.places.entries)
        let compiled = TermMatcher(glossary: glossary)
        let joined = compiled.with(lexicon: Self.lexicon)
        let direct = TermMatcher(glossary: glossary, options: .init(lexicon: Self.lexicon))
        #expect(joined.options.lexicon === Self.lexicon)
        #expect(joined.matches(inScope: texts) == direct.matches(inScope: texts))
        #expect(joined.matches(inScope: texts).joined().contains { $0.kind == .fuzzy })
        // Without the lexicon, one-slip garbles are not taken: the lexicon is what changed.
        #expect(compiled.matches(inScope: texts) != direct.matches(inScope: texts))
    }

    @Test func lexiconWordsAreNeverGarblesWithoutScopeEvidence() {
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(lexicon: Self.lexicon))
        // بدن (body) shares Biden's phonetic key but is an ordinary word.
        #expect(found("قال الرئيس بدن", m).isEmpty)
    }

    @Test func afterATitleAnUnknownWordNeedsLessSimilarity() {
        let g = try! Glossary(tsv: "زيلينسكي\tZelensky\t\t\tperson\n")
        let m = TermMatcher(glossary: g, options: .init(lexicon: Self.lexicon))
        // زلنسكاي: 0.75 <= similarity < 0.9.
        #expect(found("قال زلنسكاي", m).isEmpty)
        #expect(found("قال الرئيس زلنسكاي", m).map(\.1) == ["Zelensky"])
    }

    @Test func withoutLexiconOnlyScopeOrFirstNameEvidenceCounts() {
        let m = TermMatcher(glossary: Self.namesOnly)
        #expect(found("قال الرئيس بلينجن", m).isEmpty)
        #expect(found("قال جو فيدن", m).map(\.1) == ["Joe Biden"])
    }

    @Test func firstNameMakesAFullNameMatch() throws {
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(lexicon: Self.lexicon))
        let text = "قال جو فيدن"
        let match = try #require(m.matches(in: text).first)
        #expect(m.glossary.entries[match.entryIndex].english == "Joe Biden")
        #expect(slice(text, match.range) == "جو فيدن")
        #expect(match.kind == .fuzzy && match.score > 0.7)
    }

    @Test func fuzzyKeepsProclitics() throws {
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(lexicon: Self.lexicon))
        let text = "قال بايدن ثم قال وفيدن"
        let match = try #require(m.matches(in: text).last)
        #expect(match.kind == .fuzzy)
        #expect(match.proclitics == [.wa])
        #expect(slice(text, match.termRange) == "فيدن")
    }

    @Test func aNameWrittenCorrectlyElsewhereInTheScopeSupportsTheGarble() {
        // فيدن is also an ordinary verb form (ف + يدن), so the lexicon knows it; but the scope names بايدن.
        let lexicon = Lexicon(words: ["فيدن", "قال", "ثم"])
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(lexicon: lexicon))
        #expect(m.matches(in: "قال فيدن").isEmpty)
        let scoped = m.matches(inScope: ["قال بايدن", "ثم قال فيدن"])
        #expect(scoped[1].map(\.kind) == [.fuzzy])
        #expect(scoped[1].map { m.glossary.entries[$0.entryIndex].english } == ["Biden"])
    }

    @Test func hunspellLexiconKnowsInflectedWordsAndNotForeignNames() throws {
        let lex = try #require(Lexicon.system(), "hunspell-ar must be installed (apt-get install hunspell-ar)")
        #expect(lex.knows("وللصحفيين"))
        #expect(lex.knows("دعمها"))
        #expect(!lex.knows("بلينجن"))
        #expect(!lex.knows("تارنوفسكي"))
    }

    @Test func fuzzyCanBeTurnedOff() {
        let m = TermMatcher(glossary: Self.namesOnly, options: .init(fuzzy: false, lexicon: Self.lexicon))
        #expect(found("اجتمع بلينجن", m).isEmpty)
    }

    @Test func laterGlossariesOverrideEarlierOnes() {
        var g = Self.glossary
        g.merge(try! Glossary(tsv: "روسيا\tthe Russian Federation\n"))
        #expect(found("روسيا", TermMatcher(glossary: g)).map(\.1) == ["the Russian Federation"])
    }
}
