import ArabicText
import Foundation
import Testing

@testable import Glossary

/// The fixture corpus (Fixtures/suggest): two news-style documents about a port town, with the names
/// سولميرا (7 times, once as لسولميرا), كوفالينكو (3 times, then 2 times spelt كوفالنكو), هالفورسن (4
/// times, once with a sukun) and دنمور (covered by the fixture glossary), and the multiword terms
/// محطة تحلية المياه, شركة الحبوب الشمالية, لجنة تحقيق مستقلة, رئيس البلدية and مجلس الأمن (covered).
@Suite(.enabled(if: Lexicon.system() != nil, "needs hunspell-ar"))
struct TermSuggesterTests {
    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/suggest/" + name, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func corpus(english: Bool) throws -> [TermSuggester.Document] {
        try [("port", "port"), ("inquiry", "inquiry")].map { ar, en in
            TermSuggester.Document(
                name: ar + ".ar.txt", text: try fixture(ar + ".ar.txt"), english: english ? try fixture(en + ".en.txt") : nil,
                englishName: english ? en + ".en.txt" : nil)
        }
    }

    static func suggester(glossary: Glossary? = nil, options: TermSuggester.Options = .init()) throws -> TermSuggester {
        let g = try glossary ?? Glossary(tsv: fixture("glossary.tsv"), file: "glossary.tsv")
        guard let lexicon = Lexicon.system() else { throw GlossaryError.unreadable(file: "ar.dic", reason: "no hunspell-ar") }
        return TermSuggester(glossary: g, lexicon: lexicon, options: options, transliterator: try NameTransliterator())
    }

    static func suggest(english: Bool = true) throws -> [TermSuggestion] {
        try suggester().suggestions(for: corpus(english: english))
    }

    @Test func namesAreFoundWithCountsAndRankedByFrequency() throws {
        let names = try Self.suggest(english: false).filter { $0.kind == .person }
        #expect(names.map(\.arabic) == ["سولميرا", "كوفالينكو", "هالفورسن"])
        #expect(names.map(\.count) == [7, 5, 4])
        #expect(names.allSatisfy { $0.documentCount == 2 && $0.wordCount == 1 })
    }

    @Test func aProcliticIsRemovedWhenTheBareNameOccurs() throws {
        let all = try Self.suggest(english: false)
        // لسولميرا counts for سولميرا (7 = 6 bare + 1 with ل) and is never a suggestion of its own.
        #expect(all.first { $0.arabic == "سولميرا" }?.count == 7)
        #expect(!all.contains { $0.arabic.hasPrefix("لسولميرا") || $0.variants.contains("لسولميرا") })
    }

    @Test func harakatAreFoldedAndTheCommonestSpellingShown() throws {
        // هالْفورسن (with U+0652 sukun) once, هالفورسن three times.
        let h = try #require(try Self.suggest(english: false).first { Normalizer.key($0.arabic) == "هالفورسن" })
        #expect(h.arabic == "هالفورسن")
        #expect(h.count == 4)
        #expect(h.variants.isEmpty)
    }

    @Test func spellingsWithOnePhoneticKeyAreGroupedAsVariants() throws {
        let k = try #require(try Self.suggest(english: false).first { $0.arabic == "كوفالينكو" })
        #expect(k.variants == ["كوفالنكو"])
        #expect(k.count == 5)
        #expect(PhoneticKey.of(key: "كوفالينكو") == PhoneticKey.of(key: "كوفالنكو"))
    }

    @Test func theEnglishSideKeepsApartNamesThatSoundAlike() throws {
        // كريستين and كريستيانو share the phonetic key KRSTN and are two vowel letters apart.
        let arabic = """
            قالت كريستين إن الاجتماع انتهى.
            وأكدت كريستين أنها ستعود.
            ورحبت كريستين بالقرار.
            سجل كريستيانو هدفا رائعا.
            وغاب كريستيانو عن التدريب.

            """
        let english = """
            Christine said the meeting was over.
            Christine confirmed that she would return.
            Christine welcomed the decision.
            Cristiano scored a great goal.
            Cristiano missed training.

            """
        let suggester = try Self.suggester(glossary: Glossary())
        let alone = try suggester.suggestions(for: [.init(name: "a", text: arabic)]).filter { $0.kind == .person }
        #expect(alone.map(\.arabic) == ["كريستين"])
        #expect(alone.first?.variants == ["كريستيانو"])
        let aligned = try suggester.suggestions(for: [.init(name: "a", text: arabic, english: english, englishName: "e")])
            .filter { $0.kind == .person }
        #expect(aligned.map(\.arabic) == ["كريستين", "كريستيانو"])
        #expect(aligned.map { $0.english?.term } == ["Christine", "Cristiano"])
        #expect(aligned.allSatisfy { $0.variants.isEmpty })
    }

    @Test func termsTheGlossaryCoversAreNotSuggested() throws {
        let covered = try Self.suggest(english: false)
        #expect(!covered.contains { $0.arabic.contains("دنمور") || $0.arabic.contains("مجلس الأمن") })
        // Without the glossary they are.
        let uncovered = try Self.suggester(glossary: Glossary()).suggestions(for: Self.corpus(english: false))
        #expect(uncovered.contains { $0.arabic == "دنمور" && $0.count == 2 })
        #expect(uncovered.contains { $0.arabic == "مجلس الأمن" && $0.count == 2 })
    }

    @Test func multiwordTermsAreFoundWithoutTheirFragments() throws {
        let terms = try Self.suggest(english: false).filter { $0.kind == .term }
        let byArabic = Dictionary(terms.map { ($0.arabic, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byArabic["محطة تحلية المياه"]?.count == 3)
        #expect(byArabic["شركة الحبوب الشمالية"]?.count == 4)
        #expect(byArabic["لجنة تحقيق مستقلة"]?.count == 2)
        #expect(byArabic["لجنة تحقيق مستقلة"]?.documentCount == 1)
        #expect(byArabic["رئيس البلدية"]?.count == 2)
        // Nested in a longer term every time: the C-value leaves nothing.
        #expect(byArabic["تحلية المياه"] == nil)
        #expect(byArabic["الحبوب الشمالية"] == nil)
        // Time words and function words do not start or end a term.
        #expect(byArabic["الأسبوع الماضي"] == nil)
        for t in terms {
            let words = t.arabic.split(separator: " ").map { Normalizer.key(String($0)) }
            #expect(!TermSuggester.isFunctionWord(words[0]) && !TermSuggester.isFunctionWord(words[words.count - 1]), "\(t.arabic)")
        }
        // Three-word terms rank above the names (C-value weight log2(3) + 1).
        #expect(terms.first?.score ?? 0 > 7)
    }

    @Test func englishEquivalentsAreProposedByCoOccurrence() throws {
        let all = try Self.suggest()
        let english = Dictionary(all.map { ($0.arabic, $0.english?.term) }, uniquingKeysWith: { a, _ in a })
        #expect(english["سولميرا"] == "Solmera")
        #expect(english["كوفالينكو"] == "Kovalenko")
        #expect(english["هالفورسن"] == "Halvorsen")
        #expect(english["شركة الحبوب الشمالية"] == "Northern Grain Company")
        // Lowercase in the English text: no capitalized candidate scores high enough (Solmera shares
        // all three lines of the plant, but also has four others, and does not sound like it).
        #expect(english["محطة تحلية المياه"] == .some(nil))
        #expect(english["لجنة تحقيق مستقلة"] == .some(nil))
        let k = try #require(all.first { $0.arabic == "كوفالينكو" }?.english)
        #expect(k.dice == 1 && k.sharedLines == 5 && k.transliterationSimilarity >= 0.5)
    }

    @Test func mismatchedLineCountsAreRefused() throws {
        var docs = try Self.corpus(english: true)
        docs[1].english = try Self.fixture("inquiry.short.en.txt")
        docs[1].englishName = "inquiry.short.en.txt"
        #expect(
            throws: TermSuggester.MisalignedTranslation(
                arabicFile: "inquiry.ar.txt", arabicLines: 7, englishFile: "inquiry.short.en.txt", englishLines: 6)
        ) {
            try Self.suggester().suggestions(for: docs)
        }
        let message = TermSuggester.MisalignedTranslation(arabicFile: "a.txt", arabicLines: 6, englishFile: "b.txt", englishLines: 5)
            .description
        #expect(message.hasPrefix("b.txt: error: suggest: 5 lines, but the Arabic file a.txt has 6"))
    }

    @Test func outputParsesAsAGlossaryOnceQuestionMarksAreFilledIn() throws {
        let all = try Self.suggest()
        let tsv = TermSuggestion.glossaryDocument(all).tsv
        #expect(tsv.hasPrefix("# "))
        // As written ("?" parses, it is not empty).
        let parsed = try GlossaryDocument(tsv: tsv)
        #expect(parsed.entries.count == all.count)
        #expect(parsed.entries.filter { $0.english == "?" }.count == all.filter { $0.english == nil }.count)
        // After a reviewer fills in the question marks.
        let filled = tsv.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cols.count > 1 && cols[1] == "?" { cols[1] = "TODO" }
            return cols.joined(separator: "\t")
        }.joined(separator: "\n")
        let glossary = try Glossary(tsv: filled)
        #expect(glossary.entries.count == all.count)
        let k = try #require(glossary.entries.first { $0.arabic == "كوفالينكو" })
        #expect(k.english == "Kovalenko" && k.kind == .person && k.variants == ["كوفالنكو"])
        #expect(k.comment.hasPrefix("count 5 in 2 docs; english 1.00; ctx: "))
        // The suggestions are what a glossary built from them would now cover.
        let again = try Self.suggester(
            glossary: {
                var g = try Glossary(tsv: Self.fixture("glossary.tsv"))
                g.merge(glossary)
                return g
            }()
        ).suggestions(for: Self.corpus(english: false))
        #expect(again.isEmpty)
    }

    @Test func contextsAreTheSentencesTrimmedAroundTheTerm() throws {
        let s = try #require(
            try Self.suggester(options: .init(contextWidth: 20)).suggestions(for: Self.corpus(english: false)).first {
                $0.arabic == "محطة تحلية المياه"
            })
        #expect(s.contexts.count == 2)
        for c in s.contexts {
            #expect(c.contains("محطة تحلية المياه"))
            #expect(c.unicodeScalars.count <= "محطة تحلية المياه".unicodeScalars.count + 2 * 20 + 2)
        }
        #expect(s.contexts[0].hasPrefix("…"))
    }

    @Test func termsNeverCrossPunctuationOrSentences() throws {
        let text = "وصل الفريق الأحمر إلى المدينة.\nوغادر الفريق الأحمر المدينة.\nشكر الفريق. الأحمر لون جميل، الفريق الأحمر فاز.\n"
        let found = try Self.suggester(glossary: Glossary()).suggestions(for: [.init(name: "t", text: text)])
        #expect(found.first { $0.arabic == "الفريق الأحمر" }?.count == 3)
    }

    @Test func limitAndMinimumCount() throws {
        let docs = try Self.corpus(english: false)
        #expect(try Self.suggester(options: .init(limit: 2)).suggestions(for: docs).count == 2)
        let strict = try Self.suggester(options: .init(minimumCount: 5)).suggestions(for: docs)
        #expect(strict.map(\.arabic) == ["سولميرا", "كوفالينكو"])
    }

    /// `closeSpellings` pairs each word key with its surface word, split at space scalars: split at
    /// " " Characters, a space followed by a stray fatha was no split, the surfaces no longer lined up
    /// with the words, and two words the lexicon knows (جنوب, الجنوبي) were grouped as one spelling.
    @Test func closeSpellingsSplitsSurfacesAtEverySpace() {
        let suggester = TermSuggester(glossary: Glossary(), lexicon: Lexicon(words: ["جنوب", "الجنوبي"]))
        func tally(_ surface: String) -> TermSuggester.Tally {
            let words = surface.unicodeScalars.split(separator: " ").map { Normalizer.key(String(scalars: $0)) }
            var t = TermSuggester.Tally(words: words, nameLike: false, hasNameLikeWord: false)
            t.surfaceOrder = [surface]
            t.surfaces = [surface: 1]
            return t
        }
        #expect(!suggester.closeSpellings(tally("جنوب المدينة"), tally("الجنوبي \u{64E}المدينة")))
        #expect(!suggester.closeSpellings(tally("جنوب المدينة"), tally("الجنوبي المدينة")))
    }

    @Test(arguments: [
        ("في", true), ("وفي", true), ("الذي", true), ("قال", true), ("الماضي", true), ("مليون", true),
        ("محطة", false), ("الشمالية", false), ("فرنسا", false),
    ])
    func functionWords(word: String, expected: Bool) {
        #expect(TermSuggester.isFunctionWord(Normalizer.key(word)) == expected)
    }

    @Test(arguments: [("Macron", "Makrun"), ("Lavrov", "Lafruf"), ("Putin", "Butin"), ("Biden", "Baydn"), ("Trump", "Tramb")])
    func consonantSkeletonsOfNameAndTransliterationAgree(english: String, transliteration: String) {
        #expect(TermSuggester.skeleton(english) == TermSuggester.skeleton(transliteration))
    }

    @Test func englishCandidatesAreCapitalizedRuns() {
        let c = TermSuggester.EnglishIndex.candidates(in: "The Game of Thrones star met Mayor Kovalenko's aide, Anna Berg.")
        #expect(c.contains("Game of Thrones"))
        #expect(c.contains("Kovalenko") && c.contains("Mayor Kovalenko"))
        #expect(c.contains("Anna Berg"))
        #expect(!c.contains("The") && !c.contains("Kovalenko's") && !c.contains("Kovalenko Anna"))
    }
}
