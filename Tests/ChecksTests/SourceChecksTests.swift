import ArabicText
import Checks
import Testing

/// Checks 1-4 on Arabic sources, and --fix.
@Suite struct SourceChecksTests {
    @Test func variantSpellingsOfOneEntityAreOneFindingAcrossDocuments() throws {
        let report = try Fixture.checker().check(documents: [
            ArabicDocument(name: "a.txt", text: "وصل بلينجن إلى المدينة.\nوقال بلينجن إن الزيارة مهمة."),
            ArabicDocument(name: "b.txt", text: "أكد بلينكين أن بلينكن سيعود."),
        ])
        let f = try #require(report.findings.first { $0.kind == .variantSpelling && $0.entity == "Blinken" })
        #expect(report.findings.filter { $0.kind == .variantSpelling }.count == 1)
        #expect(f.severity == .warning)
        #expect(f.expected == "بلينكن")
        #expect(f.found == "بلينجن")
        #expect(
            f.spellings == [
                SpellingCount(spelling: "بلينجن", count: 2, isExpected: false),
                SpellingCount(spelling: "بلينكن", count: 1, isExpected: true),
                SpellingCount(spelling: "بلينكين", count: 1, isExpected: false),
            ])
        // The places to fix: the canonical spelling is counted, not listed.
        #expect(
            f.occurrences.map { "\($0.file):\($0.line):\($0.column) \($0.found)" } == [
                "a.txt:1:5 بلينجن", "a.txt:2:6 بلينجن", "b.txt:1:5 بلينكين",
            ])
        #expect(f.totalOccurrences == 3)
        #expect(f.fixable)
    }

    /// Lines end at LF, CRLF, CR, NEL (U+0085), LS (U+2028) and PS (U+2029), as `Paragraph.split`
    /// counts them, and a piece of a file keeps the file's numbers.
    @Test(arguments: [0, 40])
    func everyLineTerminatorEndsALine(_ linesBefore: Int) throws {
        let breaks = ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        let text = breaks.map { "قال بلينجن\u{200B} ذلك." + $0 }.joined()
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "a.txt", text: text, linesBefore: linesBefore)])
        let variant = try #require(report.findings.first { $0.kind == .variantSpelling })
        #expect(variant.occurrences.map(\.line) == Array((1 + linesBefore)...(6 + linesBefore)))
        #expect(variant.occurrences.allSatisfy { $0.column == 5 && $0.context == "قال بلينجن\u{200B} ذلك." })
        let hidden = try #require(report.findings.first { $0.kind == .hiddenCharacter })
        #expect(hidden.occurrences.map { "\($0.line):\($0.column)" } == (1...6).map { "\($0 + linesBefore):11" })
    }

    @Test func garbledNameIsAnErrorWithTheSuggestion() throws {
        let report = try Fixture.checker().check(documents: [
            ArabicDocument(name: "a.txt", text: "استقبل كيشيدا الوفد.\nوقال كيشدا إن المحادثات مثمرة.")
        ])
        let f = try #require(report.findings.first { $0.kind == .garbledName })
        #expect(f.severity == .error)
        #expect(f.entity == "Kishida")
        #expect(f.expected == "كيشيدا")
        #expect(f.found == "كيشدا")
        #expect(f.occurrences.map { "\($0.line):\($0.column)" } == ["2:6"])
        #expect(f.fixable)
    }

    @Test func tehMarbutaWrittenHehIsAnotherSpellingOfTheName() throws {
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "a.txt", text: "وصل الوفد إلى جدة.\nوغادر جده مساء.")])
        let f = try #require(report.findings.first { $0.kind == .variantSpelling })
        #expect(f.entity == "Jeddah")
        #expect(f.spellings.map(\.spelling).sorted() == ["جدة", "جده"])
        #expect(!f.fixable)  // the drafter's corrected source leaves spellings the key treats as equal
    }

    @Test func cliticsStayOutsideTheSpellingFound() throws {
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "-", text: "التقى الوزير وبلينجن.")])
        let f = try #require(report.findings.first { $0.kind == .variantSpelling })
        // و is a proclitic: the occurrence starts after it.
        #expect(f.occurrences.map(\.column) == [15])
        #expect(f.occurrences.map(\.found) == ["بلينجن"])
    }

    @Test func unknownNameSpeltTwoWaysGetsAGlossaryProposal() throws {
        let report = try Fixture.checker().check(documents: [
            ArabicDocument(name: "a.txt", text: "وكتب المراسل فالنتينوفسكي أن الاجتماع انتهى."),
            ArabicDocument(name: "b.txt", text: "وقال فالنتينوفسكي إن الوفد غادر.\nوأضاف فالنتينفسكي أن الرحلة طويلة."),
        ])
        let f = try #require(report.findings.first { $0.kind == .unknownNameVariants })
        #expect(f.expected == "فالنتينوفسكي")
        #expect(f.found == "فالنتينفسكي")
        #expect(f.spellings.map(\.count) == [2, 1])
        #expect(f.occurrences.count == 3)
        let proposal = try #require(f.proposal)
        let columns = proposal.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(columns.count == 5)
        #expect(columns[0] == "فالنتينوفسكي")
        #expect(columns[3] == "فالنتينفسكي")
        #expect(columns[4] == "person")
        #expect(!columns[1].isEmpty)
    }

    @Test func differentNamesWithOneSkeletonAreNotVariants() throws {
        // Same consonants, two vowels apart: two names, not two spellings of one.
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "a.txt", text: "التقى جونز وجاينز في المدينة.")])
        #expect(!report.findings.contains { $0.kind == .unknownNameVariants })
    }

    struct HiddenCase: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let severity: Severity
        let found: String
        let expected: String?
        let column: Int
        var testDescription: String { name }
    }

    static let hiddenCases: [HiddenCase] = [
        HiddenCase(
            name: "U+200F RLM", text: "قال\u{200F} الوزير", severity: .warning, found: "U+200F RIGHT-TO-LEFT MARK", expected: nil, column: 4
        ),
        HiddenCase(
            name: "U+202E RLO never closed", text: "قال \u{202E}abc", severity: .error, found: "U+202E RIGHT-TO-LEFT OVERRIDE",
            expected: nil, column: 5),
        HiddenCase(
            name: "U+200B ZWSP", text: "قال الوز\u{200B}ير", severity: .warning, found: "U+200B ZERO WIDTH SPACE", expected: nil, column: 9),
        HiddenCase(
            name: "U+0640 tatweel", text: "قال الوز\u{0640}\u{0640}ير", severity: .info, found: "الوز\u{0640}\u{0640}ير",
            expected: "الوزير", column: 5),
        HiddenCase(
            name: "U+FEB3 U+FEE0 U+FE8E U+FEE1 presentation forms", text: "قال \u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}", severity: .warning,
            found: "\u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}", expected: "سلام", column: 5),
        HiddenCase(
            name: "U+06CC Persian yeh with U+064A in one word", text: "نشر تقرير\u{06CC} اليوم", severity: .warning, found: "تقرير\u{06CC}",
            expected: "تقريري", column: 5),
        HiddenCase(
            name: "U+06A9 Persian kaf with U+0629", text: "وصلت \u{06A9}تابة", severity: .warning, found: "\u{06A9}تابة", expected: "كتابة",
            column: 6),
    ]

    @Test(arguments: hiddenCases) func hiddenCharacters(_ c: HiddenCase) throws {
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "h.txt", text: c.text)])
        let hidden = report.findings.filter { $0.kind == .hiddenCharacter }
        let f = try #require(hidden.first { $0.found == c.found && $0.severity == c.severity }, "findings: \(hidden.map(\.message))")
        #expect(f.expected == c.expected)
        #expect(f.occurrences.map(\.column) == [c.column])
        #expect(f.occurrences.map(\.line) == [1])
    }

    @Test func persianLettersAloneAreNotMixed() throws {
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "h.txt", text: "قال \u{06A9}\u{06CC}")])
        #expect(!report.findings.contains { $0.kind == .hiddenCharacter })
    }

    @Test func cleanTextHasNoFindings() throws {
        let report = try Fixture.checker().check(documents: [
            ArabicDocument(name: "c.txt", text: "قال بلينكن إن المحادثات مع كيشيدا مستمرة.\n")
        ])
        #expect(report.findings.isEmpty)
        #expect(!report.hasFindings(atOrAbove: .info))
    }

    @Test func columnsCountUnicodeScalarsAndLinesCountCRLFOnce() throws {
        let report = try Fixture.checker().check(documents: [ArabicDocument(name: "c.txt", text: "سطر أول\r\nقَالَ بلينجن\r\n")])
        let f = try #require(report.findings.first { $0.kind == .variantSpelling })
        #expect(f.occurrences.map { "\($0.line):\($0.column)" } == ["2:7"])
    }
}
