import Foundation
import Testing

@testable import Glossary

@Suite struct GlossaryLinterTests {
    typealias Code = GlossaryLintFinding.Code

    /// What lint must report for each faulty line of Fixtures/lint-faults.tsv, exactly once each.
    struct Expected: Sendable, CustomTestStringConvertible {
        let line: Int
        let column: Int
        let code: Code
        let severity: GlossaryLintFinding.Severity
        let message: String
        var related: Int? = nil

        var testDescription: String { "line \(line):\(column) \(code.rawValue)" }
    }

    static let expected: [Expected] = [
        Expected(line: 6, column: 1, code: .duplicateEntry, severity: .error, message: "duplicate entry 'بيت'", related: 5),
        Expected(
            line: 8, column: 1, code: .conflictingEnglish, severity: .error, message: "'Pen' at lint-faults.tsv:7:1, 'Pencil' here",
            related: 7),
        Expected(line: 10, column: 1, code: .duplicateKey, severity: .error, message: "same matching key 'مدرسه' as 'مدرسة'", related: 9),
        Expected(line: 11, column: 16, code: .variantCollision, severity: .error, message: "variant 'بيت' of 'مكتبة'", related: 5),
        // U+0629 (ة) and U+0647 (ه) share a key: the variant adds nothing.
        Expected(line: 12, column: 12, code: .redundantVariant, severity: .warning, message: "of its own term 'شجرة'"),
        Expected(line: 13, column: 17, code: .emptyVariant, severity: .warning, message: "empty variant"),
        Expected(line: 14, column: 7, code: .latinInArabic, severity: .error, message: "Latin letter 'B'"),
        Expected(line: 15, column: 4, code: .invisibleCharacter, severity: .error, message: "U+200F RIGHT-TO-LEFT MARK"),
        Expected(line: 16, column: 9, code: .surroundingSpace, severity: .warning, message: "trailing space in the English term"),
        Expected(line: 17, column: 2, code: .harakat, severity: .warning, message: "U+064E ARABIC FATHA"),
        Expected(line: 18, column: 25, code: .malformed, severity: .error, message: "unknown kind 'mountainous'"),
    ]

    static func faults() throws -> [GlossaryLintFinding] {
        GlossaryLinter.lint(sources: [(file: "lint-faults.tsv", tsv: try GlossaryFixture.text("lint-faults.tsv"))])
    }

    @Test func faultFixtureGivesExactlyOneFindingPerFaultyLine() throws {
        let findings = try Self.faults()
        #expect(findings.map(\.line) == Self.expected.map(\.line), "\(findings.map(\.description).joined(separator: "\n"))")
        #expect(Set(findings.map(\.code)) == Set(Code.allCases).subtracting([.unreadable]), "every code but unreadable occurs")
    }

    @Test(arguments: expected)
    func eachFaultIsReportedWhereItIs(_ e: Expected) throws {
        let findings = try Self.faults().filter { $0.line == e.line }
        try #require(findings.count == 1, "\(findings)")
        let f = findings[0]
        #expect(f.file == "lint-faults.tsv")
        #expect(f.column == e.column)
        #expect(f.code == e.code)
        #expect(f.severity == e.severity)
        #expect(f.message.contains(e.message), "\(f.message)")
        #expect(f.related?.line == e.related)
        #expect(f.description.hasPrefix("lint-faults.tsv:\(e.line):\(e.column): \(e.severity.rawValue): glossary: "))
        #expect(f.description.hasSuffix("[\(e.code.rawValue)]"))
    }

    @Test func canonicalFixtureIsClean() throws {
        let findings = GlossaryLinter.lint(paths: [GlossaryFixture.url("canonical.tsv").path])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func collisionsAcrossFilesNameBothLocations() throws {
        let findings = GlossaryLinter.lint(sources: [
            (file: "canonical.tsv", tsv: try GlossaryFixture.text("canonical.tsv")),
            (file: "lint-cross.tsv", tsv: try GlossaryFixture.text("lint-cross.tsv")),
        ])
        #expect(
            findings.map(\.description) == [
                "lint-cross.tsv:2:1: error: glossary: 'القاهره' has the same matching key 'القاهره' as 'القاهرة' at canonical.tsv:5:1; merge the two entries [duplicate-key]",
                "lint-cross.tsv:3:19: error: glossary: variant 'النيل' of 'الخرطوم' has the matching key of the variant 'النيل' of 'نهر النيل' at canonical.tsv:6:17 [variant-collision]",
            ])
        #expect(
            findings.map(\.related) == [
                GlossaryLintFinding.Location(file: "canonical.tsv", line: 5, column: 1),
                GlossaryLintFinding.Location(file: "canonical.tsv", line: 6, column: 17),
            ])
    }

    @Test func findingsFollowTheOrderOfTheFiles() throws {
        let findings = GlossaryLinter.lint(sources: [
            (file: "b.tsv", tsv: "قلم\tPen \n"),
            (file: "a.tsv", tsv: "قلم\tQuill\nكتاب \tBook\n"),
        ])
        #expect(findings.map(\.location.description) == ["b.tsv:1:8", "a.tsv:1:1", "a.tsv:2:5"])
        #expect(findings.map(\.code) == [.surroundingSpace, .conflictingEnglish, .surroundingSpace])
    }

    @Test func variantCollidingWithALaterTermIsReportedAtTheVariant() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "مكتبة\tLibrary\t\tكتاب\nكتاب\tBook\n")])
        #expect(findings.map(\.location.description) == ["g.tsv:1:16"])
        #expect(findings.first?.related?.line == 2)
    }

    @Test func repeatedVariantOfOneEntryIsRedundant() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "بيت\tHouse\t\tمنزل;دار;منزل\n")])
        #expect(findings.map(\.code) == [.redundantVariant])
        #expect(findings.first?.column == 21)
    }

    @Test func malformedLinesDoNotStopTheOtherChecks() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "قلم\nكتاب\tBook\nقلم\tPen\nكتاب\tTome\n")])
        #expect(
            findings.map(\.description) == [
                "g.tsv:1:4: error: glossary: expected a tab and an English term after the Arabic term [malformed]",
                "g.tsv:4:1: error: glossary: 'كتاب' is already an entry with another English term: 'Book' at g.tsv:2:1, 'Tome' here [conflicting-english]",
            ])
    }

    /// Invisible characters, by code point, wherever they are in a line.
    @Test(arguments: [
        ("U+200E LEFT-TO-RIGHT MARK in the English term", "قلم\tPen\u{200E}\n", 8),
        ("U+202E RIGHT-TO-LEFT OVERRIDE in a comment column", "قلم\tPen\t\u{202E}x\n", 9),
        ("U+2066 LEFT-TO-RIGHT ISOLATE in a variant", "قلم\tPen\t\tريشة\u{2066}\n", 14),
        ("U+061C ARABIC LETTER MARK in the Arabic term", "ق\u{061C}لم\tPen\n", 2),
        ("U+200D ZERO WIDTH JOINER in the Arabic term", "قل\u{200D}م\tPen\n", 3),
        ("U+FEFF BOM at the start of a second line", "قلم\tPen\n\u{FEFF}كتاب\tBook\n", 1),
    ])
    func invisibleCharactersAreReportedWithTheirColumn(_ what: String, _ tsv: String, _ column: Int) {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: tsv)]).filter { $0.code == .invisibleCharacter }
        #expect(findings.count == 1, "\(what)")
        #expect(findings.first?.column == column, "\(what)")
        #expect(findings.first?.severity == .error)
    }

    @Test func invisibleCharacterInACommentLineIsAWarning() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "# note \u{200F}\nقلم\tPen\n")])
        #expect(findings.map(\.location.description) == ["g.tsv:1:8"])
        #expect(findings.first?.severity == .warning)
    }

    @Test func surroundingSpacesAreReportedPerFieldAndPerVariant() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: " قلم\tPen\t \tريشة; مداد\tplace \n")])
        #expect(findings.map(\.code) == Array(repeating: .surroundingSpace, count: 4))
        #expect(findings.map(\.column) == [1, 10, 17, 28])
        #expect(
            findings.map(\.message) == [
                "leading space in the Arabic term", "the comment holds only spaces", "leading space in variant 'مداد'",
                "trailing space in the kind",
            ])
    }

    @Test func tatweelInAVariantIsReported() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "قلم\tPen\t\tقــلم\n")])
        #expect(findings.map(\.code) == [.redundantVariant, .harakat])
        #expect(findings.map(\.column) == [10, 11])
        let message = findings.last?.message ?? ""
        #expect(message.hasPrefix("tatweel in the variant") && message.contains("U+0640 ARABIC TATWEEL"), "\(message)")
    }

    @Test func emptyEnglishVariantIsAWarning() {
        let findings = GlossaryLinter.lint(sources: [(file: "g.tsv", tsv: "قلم\tPen\t\t\tterm\tQuill;\n")])
        #expect(findings.map(\.code) == [.emptyVariant])
        #expect(findings.first?.column == 22)
    }

    @Test func entriesAddedInMemoryAreLintedAsTheyWouldBeWritten() throws {
        var d = try GlossaryDocument(tsv: "# c\nقلم\tPen\n", file: "g.tsv")
        d.lines.append(.entry(GlossaryEntry(arabic: "كتاب", english: "Book", variants: ["قلم"]), lineNumber: 0, raw: nil))
        let findings = GlossaryLinter.lint([d])
        #expect(findings.map(\.location.description) == ["g.tsv:3:12"])
        #expect(findings.first?.code == .variantCollision)
    }

    @Test func conflictsOfANewEntryAreFoundAtTheExistingOnes() throws {
        let d = try GlossaryDocument(tsv: "# c\nبيت\tHouse\t\tمنزل;دار\nقلم\tPen\n", file: "g.tsv")
        #expect(GlossaryLinter.conflicts(adding: GlossaryEntry(arabic: "نهر", english: "River"), to: d).isEmpty)
        // The same term is GlossaryDocument.add's to refuse.
        #expect(GlossaryLinter.conflicts(adding: GlossaryEntry(arabic: "بيت", english: "Home"), to: d).isEmpty)
        let asVariant = GlossaryLinter.conflicts(adding: GlossaryEntry(arabic: "منزل", english: "Home"), to: d)
        #expect(
            asVariant.map(\.description) == [
                "g.tsv:2:12: error: glossary: 'منزل' is already a variant of 'بيت' (House) [variant-collision]"
            ])
        let variants = GlossaryLinter.conflicts(
            adding: GlossaryEntry(arabic: "مسكن", english: "Dwelling", variants: ["دار", "قلم"]), to: d)
        #expect(variants.map(\.location.description) == ["g.tsv:2:17", "g.tsv:3:1"])
        #expect(
            variants.map(\.message) == [
                "the variant 'دار' is already a variant of 'بيت' (House)", "the variant 'قلم' is already the Arabic term of 'قلم' (Pen)",
            ])
    }

    @Test func unreadableFileIsAFinding() {
        let findings = GlossaryLinter.lint(paths: ["/nonexistent/tarjim-glossary.tsv"])
        #expect(findings.map(\.code) == [.unreadable])
        #expect(findings.first?.description.hasPrefix("/nonexistent/tarjim-glossary.tsv: error: glossary: ") == true)
    }

    @Test func shippedGlossaryHasNoErrors() throws {
        let findings = GlossaryLinter.lint(paths: try Glossary.defaultGlossaryFiles().map(\.path))
        #expect(findings.filter { $0.severity == .error }.map(\.description) == [])
    }
}
