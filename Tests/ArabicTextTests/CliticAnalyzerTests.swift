import Testing

@testable import ArabicText

@Suite struct CliticAnalyzerTests {
    /// Whether some analysis of `word` has these proclitics, article and enclitic around `stem`.
    func hasAnalysis(_ word: String, _ pro: [Proclitic], article: Bool, stem: String, enclitic: Enclitic? = nil) -> Bool {
        CliticAnalyzer.analyses(ofKey: MatchingKey(word).string).contains {
            $0.proclitics == pro && $0.hasArticle == article && $0.stem == stem && $0.enclitic == enclitic
        }
    }

    @Test(
        arguments: [
            ("وروسيا", [Proclitic.wa], false, "روسيا"),
            ("فروسيا", [.fa], false, "روسيا"),
            ("بروسيا", [.bi], false, "روسيا"),
            ("لروسيا", [.li], false, "روسيا"),
            ("كروسيا", [.ka], false, "روسيا"),
            ("لأوكرانيا", [.li], false, "اوكرانيا"),
            ("وأوكرانيا", [.wa], false, "اوكرانيا"),
            ("وبروسيا", [.wa, .bi], false, "روسيا"),
            ("الناتو", [], true, "ناتو"),
            ("والناتو", [.wa], true, "ناتو"),
            ("فالناتو", [.fa], true, "ناتو"),
            ("بالناتو", [.bi], true, "ناتو"),
            ("كالناتو", [.ka], true, "ناتو"),
            ("للناتو", [.li], true, "ناتو"),  // ل + ال written لل
            ("وبالناتو", [.wa, .bi], true, "ناتو"),
            ("وللناتو", [.wa, .li], true, "ناتو"),
            ("فبالناتو", [.fa, .bi], true, "ناتو"),
            ("فللناتو", [.fa, .li], true, "ناتو"),
            ("وكالناتو", [.wa, .ka], true, "ناتو"),
            ("سيقول", [.sa], false, "يقول"),
            ("وسيقول", [.wa, .sa], false, "يقول"),
        ] as [(String, [Proclitic], Bool, String)])
    func proclitics(_ word: String, _ pro: [Proclitic], _ article: Bool, _ stem: String) {
        #expect(hasAnalysis(word, pro, article: article, stem: stem))
    }

    @Test(arguments: Enclitic.allCases)
    func enclitics(_ enc: Enclitic) {
        let word = "وكتاب" + enc.rawValue
        #expect(hasAnalysis(word, [.wa], article: false, stem: "كتاب", enclitic: enc))
    }

    @Test func bareAnalysisComesFirstAndStemsKeepTwoLetters() {
        let a = CliticAnalyzer.analyses(ofKey: "وله")
        #expect(a.first?.isBare == true)
        #expect(a.allSatisfy { $0.stem.unicodeScalars.count >= 2 })
        // لبنان is also ل + بنان: both readings are offered, the bare one first.
        let l = CliticAnalyzer.analyses(ofKey: "لبنان")
        #expect(l.first?.stem == "لبنان")
        #expect(l.contains { $0.proclitics == [.li] && $0.stem == "بنان" })
    }

    @Test func articleAndEncliticNeverTogether() {
        #expect(!CliticAnalyzer.analyses(ofKey: "الكتابهم").contains { $0.hasArticle && $0.enclitic != nil })
    }

    @Test func stemWithArticleIsTheGlossarySpelling() {
        let a = CliticAnalyzer.analyses(ofKey: "للناتو")
        #expect(a.contains { $0.stemWithArticle == "الناتو" && $0.prefixLength == 2 })
    }
}
