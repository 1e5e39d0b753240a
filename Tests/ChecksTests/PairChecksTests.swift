import Checks
import Testing

/// Checks 5-9 on sentence pairs.
@Suite struct PairChecksTests {
    static func check(_ pairs: [SentencePair]) throws -> CheckReport {
        try Fixture.checker().check(pairs: pairs, pairFiles: ["p.tsv"])
    }

    @Test func missingKeyTermIsReportedAtTheArabicTerm() throws {
        let r = try Self.check([Fixture.pair("اجتمع مجلس الأمن في باريس.", "The council met in Paris.")])
        let f = try #require(r.findings.first { $0.kind == .missingTerm })
        #expect(r.findings.filter { $0.kind == .missingTerm }.count == 1)
        #expect(f.entity == "Security Council")
        #expect(f.found == "مجلس الأمن")
        #expect(f.occurrences.map { "\($0.line):\($0.column) \($0.side?.rawValue ?? "")" } == ["1:7 ar"])
    }

    @Test(arguments: [
        "Blinken's talks in Paris ended.", "BLINKEN held talks in Paris.", "The talk with Blinken in Paris ended.",
        "Antony Blinken held talks in Paris.",
    ])
    func termsMatchWholeWordsIgnoringCaseWithInflection(_ english: String) throws {
        let r = try Self.check([Fixture.pair("انتهت محادثات بلينكن في باريس.", english)])
        #expect(!r.findings.contains { $0.kind == .missingTerm }, "\(r.findings.map(\.message))")
    }

    @Test func termInsideAnotherWordDoesNotCount() throws {
        let r = try Self.check([Fixture.pair("وصل بلينكن إلى باريس.", "Blinkenship arrived in Lyon.")])
        #expect(Set(r.findings.filter { $0.kind == .missingTerm }.compactMap(\.entity)) == ["Blinken", "Paris"])
    }

    @Test func englishNameVariantsAcrossPairs() throws {
        let r = try Self.check([
            Fixture.pair("قال بلينكن إن الخطة جاهزة.", "Blinken said the plan was ready.", line: 1),
            Fixture.pair("وصل بلينكن إلى باريس.", "Blinkin arrived in Paris.", line: 2),
            Fixture.pair("غادر بلينكن باريس.", "Blinken left Paris.", line: 3),
        ])
        let f = try #require(r.findings.first { $0.kind == .englishNameVariants })
        #expect(f.entity == "Blinken")
        #expect(f.expected == "Blinken")
        #expect(f.found == "Blinkin")
        #expect(
            f.spellings == [
                SpellingCount(spelling: "Blinken", count: 2, isExpected: true),
                SpellingCount(spelling: "Blinkin", count: 1, isExpected: false),
            ])
        #expect(f.occurrences.map { "\($0.line):\($0.column) \($0.found)" }.contains("2:23 Blinkin"))
        #expect(!r.findings.contains { $0.kind == .missingTerm })
    }

    @Test func adjectiveOfAPlaceIsATranslation() throws {
        let r = try Self.check([
            Fixture.pair("قال مسؤول في روسيا إن اليابان مستعدة.", "A Russian official said the Japanese side was ready.")
        ])
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    struct NumberCase: CustomTestStringConvertible, Sendable {
        let arabic: String
        let english: String
        let name: String
        var testDescription: String { name }
    }

    static let equalNumbers: [NumberCase] = [
        NumberCase(arabic: "وصل ١٤٠٠٠ جندي.", english: "14,000 soldiers arrived.", name: "U+0661.. Arabic-Indic 14000 = 14,000"),
        NumberCase(arabic: "وصل ١٤٬٠٠٠ جندي.", english: "14000 soldiers arrived.", name: "U+066C Arabic thousands separator = 14000"),
        NumberCase(arabic: "وصل ۱۴۰۰۰ جندي.", english: "14,000 soldiers arrived.", name: "U+06F1.. Persian digits = 14,000"),
        NumberCase(arabic: "وصل 14.000 جندي.", english: "14,000 soldiers arrived.", name: "14.000 (dot grouping) = 14,000"),
        NumberCase(arabic: "وصل 14 ألف جندي.", english: "14,000 soldiers arrived.", name: "14 thousand (Arabic scale word) = 14,000"),
        NumberCase(arabic: "بلغ النمو ٣٫٥ في المئة.", english: "Growth reached 3.5 percent.", name: "U+066B Arabic decimal separator 3.5"),
        NumberCase(arabic: "ارتفع بنسبة ٥٠٪.", english: "It rose by 50%.", name: "percentage U+066A"),
        NumberCase(arabic: "جرى ذلك في ١٢/٣/٢٠٢٤.", english: "It happened on March 12, 2024.", name: "date 12/3/2024 = March 12, 2024"),
        NumberCase(arabic: "بدأ الاجتماع في الساعة 5:30.", english: "The meeting began at 5.30.", name: "time 5:30 = 5.30"),
        NumberCase(arabic: "بلغت الكلفة 1.5 مليار دولار.", english: "The cost was $1.5bn, or 1.5 billion dollars.", name: "1.5 billion"),
    ]

    @Test(arguments: equalNumbers) func digitSystemsAndSeparatorsAreEqual(_ c: NumberCase) throws {
        let r = try Self.check([Fixture.pair(c.arabic, c.english)])
        #expect(!r.findings.contains { $0.kind == .numberMismatch }, "\(r.findings.map(\.message))")
    }

    @Test func missingNumberIsAnErrorAtItsPlace() throws {
        let r = try Self.check([Fixture.pair("حضر ٣٠٠ مندوب و٥ مراقبين.", "Some 30 delegates and five observers attended.")])
        let numbers = r.findings.filter { $0.kind == .numberMismatch }
        #expect(numbers.map(\.found) == ["٣٠٠", "٥"])
        #expect(numbers.map(\.severity) == [.error, .warning])
        #expect(numbers.map(\.expected) == ["300", "5"])
        #expect(numbers[0].occurrences.map(\.column) == [5])
    }

    @Test func untranslatedEnglishSides() throws {
        let r = try Self.check([
            Fixture.pair("قال الوزير إن الخطة جاهزة.", "قال الوزير إن الخطة جاهزة.", line: 1),
            Fixture.pair("وصل الوفد مساء الأحد.", "The delegation arrived on Sunday مساء.", line: 2),
            Fixture.pair("غادر الوفد.", "", line: 3),
        ])
        let u = r.findings.filter { $0.kind == .untranslated }
        #expect(u.count == 3)
        #expect(u.allSatisfy { $0.severity == .error })
        #expect(
            Set(u.map(\.message)) == [
                "the English side is identical to the Arabic side", "Arabic left in the English side", "the English side is empty",
            ])
        let left = try #require(u.first { $0.message == "Arabic left in the English side" })
        #expect(left.found == "مساء")
        #expect(left.occurrences.map(\.side) == [.english])
    }

    @Test func sameSourceDifferentTargetAndTheReverse() throws {
        let r = try Self.check([
            Fixture.pair("وافق الوزير على المقترح.", "The minister approved the proposal.", line: 1),
            Fixture.pair("وافق الوزير على المقترح.", "The minister agreed to the plan.", line: 2),
            Fixture.pair("وافق الوزير على المقترح.", "the minister approved  the proposal.", line: 3),
            Fixture.pair("رحب الوزير بالمقترح.", "The minister agreed to the plan.", line: 4),
        ])
        let f = r.findings.filter { $0.kind == .inconsistentTranslation }
        #expect(f.count == 2)
        let forward = try #require(f.first { $0.severity == .warning })
        #expect(forward.spellings.map(\.count) == [2, 1])
        #expect(forward.occurrences.map(\.line) == [1, 2, 3])
        let reverse = try #require(f.first { $0.severity == .info })
        #expect(reverse.occurrences.map(\.line) == [2, 4])
    }

    /// Sources and targets are compared by their keys with whitespace runs made one space, split at
    /// whitespace scalars: split at whitespace Characters, a space and the combining mark after it
    /// (U+0301, which the matching key keeps) were one separator and the mark was lost, so two
    /// different sentences counted as one.
    @Test func aCombiningMarkAfterASpaceIsPartOfTheKey() throws {
        let r = try Self.check([
            Fixture.pair("وافق الوزير على المقترح.", "The minister approved the proposal.", line: 1),
            Fixture.pair("وافق الوزير \u{301}على المقترح.", "The minister agreed to the plan.", line: 2),
            Fixture.pair("رحب الوزير بالمقترح.", "The minister agreed \u{301}to the plan.", line: 3),
        ])
        #expect(!r.findings.contains { $0.kind == .inconsistentTranslation }, "\(r.findings.map(\.message))")
    }
}
