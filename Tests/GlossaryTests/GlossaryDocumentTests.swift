import Foundation
import Testing

@testable import Glossary

/// Fixture files of the GlossaryTests bundle.
enum GlossaryFixture {
    static func url(_ name: String) -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            preconditionFailure("missing test fixture \(name)")
        }
        return url
    }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    static func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }
}

@Suite struct GlossaryDocumentTests {
    /// A text the reader must refuse, and where.
    struct Refused: Sendable, CustomTestStringConvertible {
        let what: String
        let tsv: String
        let line: Int
        let column: Int
        let message: String

        init(_ what: String, _ tsv: String, line: Int, column: Int, _ message: String) {
            self.what = what
            self.tsv = tsv
            self.line = line
            self.column = column
            self.message = message
        }

        var testDescription: String { "\(what) -> \(line):\(column)" }
    }

    static let refused: [Refused] = [
        Refused("one column", "# header\nقلم\tPen\nكتاب\n", line: 3, column: 5, "expected a tab and an English term"),
        Refused("one column, CRLF lines", "# c\r\n\r\nقلم\tPen\r\nكتاب\r\n", line: 4, column: 5, "expected a tab"),
        Refused("seven columns", "قلم\tPen\tc\tv\tterm\tPens\textra\n", line: 1, column: 23, "too many columns (7)"),
        // Empty columns are trailing only after the last non-empty one: the seventh column is named.
        Refused("a value after empty columns", "قلم\tPen\t\t\t\t\t\tx\t\t\n", line: 1, column: 13, "too many columns (8)"),
        Refused("empty Arabic term", "قلم\tPen\n\tBook\n", line: 2, column: 1, "empty Arabic term"),
        Refused("Arabic term of spaces", "  \tBook\n", line: 1, column: 1, "empty Arabic term"),
        Refused("empty Arabic, English starting with #", "\t#tag\n", line: 1, column: 1, "empty Arabic term"),
        Refused("empty English term", "قلم\t\tcomment\n", line: 1, column: 5, "empty English term"),
        Refused("English term of spaces", "قلم\t \n", line: 1, column: 5, "empty English term"),
        Refused("English term cut by a trailing tab", "قلم\t\n", line: 1, column: 5, "empty English term"),
        Refused("unknown kind", "قلم\tPen\t\t\tanimal\n", line: 1, column: 11, "unknown kind 'animal'"),
        Refused("U+0000 NUL in the Arabic term", "قلم\u{0000}\tPen\n", line: 1, column: 4, "U+0000"),
        Refused("U+0001 in the Arabic term", "ق\u{0001}لم\tPen\n", line: 1, column: 2, "control character U+0001"),
        Refused("U+007F DEL in the English term", "قلم\tPe\u{007F}n\n", line: 1, column: 7, "control character U+007F"),
        Refused("U+0085 NEL (C1) in the comment", "قلم\tPen\tx\u{0085}\n", line: 1, column: 10, "control character U+0085"),
        Refused("U+009B CSI (C1) in a variant", "قلم\tPen\t\tق\u{009B}\n", line: 1, column: 11, "control character U+009B"),
        Refused("U+0007 BEL in a comment line", "# note \u{0007}\n", line: 1, column: 8, "control character U+0007"),
        Refused("U+000D lone CR inside a line", "قلم\tPen\rPens\n", line: 1, column: 8, "control character U+000D"),
        Refused("U+000D CR-only line ends (one long line)", "قلم\tPen\rكتاب\tBook\r", line: 1, column: 8, "U+000D"),
        Refused("U+000D U+000D U+000A (one CR too many)", "قلم\tPen\r\r\n", line: 1, column: 8, "U+000D"),
        Refused("U+000C form feed in a blank-looking line", "قلم\tPen\n\u{000C}\n", line: 2, column: 1, "U+000C"),
    ]

    @Test(arguments: refused)
    func refusesWithLineAndColumn(_ c: Refused) {
        do {
            let d = try GlossaryDocument(tsv: c.tsv, file: "t.tsv")
            Issue.record("parsed into \(d.lines.count) lines")
        } catch {
            guard case .malformed(let file, let line, let column, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "t.tsv")
            #expect(line == c.line)
            #expect(column == c.column)
            #expect(message.contains(c.message), "\(message)")
            #expect(error.description.hasPrefix("t.tsv:\(c.line):\(c.column): error: glossary: "))
        }
    }

    @Test func crlfLinesAreAcceptedAndWrittenWithLF() throws {
        let d = try GlossaryDocument(tsv: "# c\r\nقلم\tPen\r\nكتاب\tBook\t\t\tplace\r\n\r\n")
        #expect(d.entries.map(\.english) == ["Pen", "Book"])
        #expect(d.entries[1].kind == .place)
        #expect(d.numberedEntries.map(\.line) == [2, 3])
        #expect(d.tsv == "# c\nقلم\tPen\nكتاب\tBook\t\t\tplace\n\n")
    }

    @Test func mixedLineEndsAreAccepted() throws {
        let d = try GlossaryDocument(tsv: "قلم\tPen\r\nكتاب\tBook\nبيت\tHouse\r\nنهر\tRiver")
        #expect(d.entries.map(\.english) == ["Pen", "Book", "House", "River"])
        #expect(d.tsv == "قلم\tPen\nكتاب\tBook\nبيت\tHouse\nنهر\tRiver\n")
    }

    @Test func leadingBOMIsDroppedFromTheFirstLine() throws {
        let entry = try GlossaryDocument(tsv: "\u{FEFF}قلم\tPen\n")
        #expect(entry.entries.first?.arabic == "قلم")
        let comment = try GlossaryDocument(tsv: "\u{FEFF}# c\nقلم\tPen\n")
        #expect(comment.lines.first == .verbatim("# c"))
        #expect(comment.tsv == "# c\nقلم\tPen\n")
    }

    @Test func bomFileReadFromDiskParses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tarjim-doc-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bom.tsv")
        try Data([0xEF, 0xBB, 0xBF] + Array("قلم\tPen\r\n".utf8)).write(to: url)
        let d = try GlossaryDocument(contentsOf: url)
        #expect(d.entries == [GlossaryEntry(arabic: "قلم", english: "Pen")])
    }

    @Test func trailingTabsAreToleratedAndKept() throws {
        let text = "قلم\tPen\t\t\t\t\t\t\t\nكتاب\tBook\t\n"
        let d = try GlossaryDocument(tsv: text)
        #expect(d.entries == [GlossaryEntry(arabic: "قلم", english: "Pen"), GlossaryEntry(arabic: "كتاب", english: "Book")])
        #expect(d.tsv == text)
    }

    @Test func columnCountMayChangeFromLineToLine() throws {
        let text = """
            قلم\tPen
            كتاب\tBook\ta comment
            بيت\tHouse\t\tمنزل;دار
            نهر\tRiver\t\t\tplace
            جبل\tMountain\t\tطود\tplace\tMount;Mt
            شجرة\tTree

            """
        let d = try GlossaryDocument(tsv: text)
        #expect(d.entries.count == 6)
        #expect(d.entries[1].comment == "a comment")
        #expect(d.entries[2].variants == ["منزل", "دار"])
        #expect(d.entries[3].kind == .place)
        #expect(d.entries[4].englishVariants == ["Mount", "Mt"])
        #expect(d.entries[5] == GlossaryEntry(arabic: "شجرة", english: "Tree"))
        #expect(d.tsv == text)
    }

    @Test func fieldsAreTrimmedAndEmptyVariantsDropped() throws {
        let d = try GlossaryDocument(tsv: " قلم \t Pen \t note \t ريشة ;; مداد ;\t PERSON \n")
        let e = try #require(d.entries.first)
        #expect(e.arabic == "قلم")
        #expect(e.english == "Pen")
        #expect(e.comment == " note ")
        #expect(e.variants == ["ريشة", "مداد"])
        #expect(e.kind == .person)
    }

    /// Comment and blank lines of every shape, and entries written in non-canonical ways.
    static let untidy =
        "# comment\n#\ttab inside a comment\n  # indented comment\n\n   \n\t\n# trailing space \n"
        + " قلم \t Pen \n" + "كتاب\tBook\t\t\t\t\n" + "بيت\tHouse\t\tمنزل;;دار\tTERM\n"
        + "# between entries\n" + "نهر\tRiver\n"

    @Test func untouchedDocumentSerializesBackIdentically() throws {
        let d = try GlossaryDocument(tsv: Self.untidy)
        #expect(d.entries.count == 4)
        #expect(d.lines.count == 12)
        #expect(d.tsv == Self.untidy)
    }

    @Test func missingFinalNewlineIsAdded() throws {
        #expect(try GlossaryDocument(tsv: "# c\nقلم\tPen").tsv == "# c\nقلم\tPen\n")
        #expect(try GlossaryDocument(tsv: "").tsv == "")
        #expect(try GlossaryDocument(tsv: "\n").tsv == "\n")
    }

    @Test func addKeepsEveryOtherLineByteForByte() throws {
        var d = try GlossaryDocument(tsv: Self.untidy)
        try d.add(GlossaryEntry(arabic: "جبل", english: "Mountain", variants: ["طود"], kind: .place))
        #expect(d.tsv == Self.untidy + "جبل\tMountain\t\tطود\tplace\n")
    }

    @Test func removeKeepsEveryOtherLineByteForByte() throws {
        var d = try GlossaryDocument(tsv: Self.untidy)
        let removed = try d.remove(arabic: "كتاب")
        #expect(removed.english == "Book")
        #expect(d.tsv == Self.untidy.replacingOccurrences(of: "كتاب\tBook\t\t\t\t\n", with: ""))
    }

    @Test func addRefusesAnArabicTermWithTheSameKey() throws {
        var d = try GlossaryDocument(tsv: "# c\nمدرسة\tSchool\n", file: "g.tsv")
        #expect(throws: GlossaryError.duplicate(file: "g.tsv", arabic: "مدرسه", line: 2)) {
            try d.add(GlossaryEntry(arabic: "مدرسه", english: "School"))
        }
    }

    @Test func removeOfAMissingTermThrowsNotFound() throws {
        var d = try GlossaryDocument(tsv: "قلم\tPen\n", file: "g.tsv")
        #expect(throws: GlossaryError.notFound(file: "g.tsv", arabic: "كتاب")) { try d.remove(arabic: "كتاب") }
    }

    @Test func canonicalFixtureComesBackByteIdentical() throws {
        let bytes = try GlossaryFixture.bytes("canonical.tsv")
        let d = try GlossaryDocument(contentsOf: GlossaryFixture.url("canonical.tsv"))
        #expect(Array(d.tsv.utf8) == bytes)
        // Canonical: every entry line is exactly what the writer produces for its entry.
        var rewritten = d
        rewritten.lines = d.lines.map { line in
            if case .entry(let e, let n, _) = line { return .entry(e, lineNumber: n, raw: nil) }
            return line
        }
        #expect(Array(rewritten.tsv.utf8) == bytes)
        // And it reads back to the same entries.
        #expect(try GlossaryDocument(tsv: rewritten.tsv).entries == d.entries)
        #expect(d.entries.count == 7)
    }

    @Test func formatWritesFiveColumnsAndASixthOnlyForEnglishVariants() {
        #expect(GlossaryDocument.format(GlossaryEntry(arabic: "قلم", english: "Pen")) == "قلم\tPen\t\t\tterm")
        #expect(
            GlossaryDocument.format(
                GlossaryEntry(arabic: "جبل", english: "Mountain", variants: ["طود", "علم"], kind: .place, englishVariants: ["Mt"]))
                == "جبل\tMountain\t\tطود;علم\tplace\tMt")
    }
}

/// Fields are trimmed of whitespace scalars at both ends (ASCII and Unicode spaces alike); a field
/// whose first and last bytes are of no whitespace scalar is taken as it is, and a kind written
/// exactly as the format names it is read without making a String: both shortcuts must give what
/// trimming and parsing in full give.
@Suite struct GlossaryFieldTrimmingTests {
    @Test(arguments: [
        ("بايدن", "بايدن"), (" بايدن", "بايدن"), ("بايدن ", "بايدن"), ("\u{00A0}بايدن\u{3000}", "بايدن"),
        ("\u{2009}جو بايدن\u{202F}", "جو بايدن"), ("\u{1680}بايدن", "بايدن"),
        ("بايدنé", "بايدنé"), ("€بايدن€", "€بايدن€"), ("بايدن\u{1F600}", "بايدن\u{1F600}"), ("ـبايدنـ", "ـبايدنـ"),
    ])
    func arabicAndEnglishAreTrimmed(_ written: String, _ read: String) throws {
        let g = try Glossary(tsv: "\(written)\t \(written)\u{00A0}\t\t\tperson\n")
        #expect(g.entries[0].arabic == read)
        #expect(g.entries[0].english == read)
    }

    @Test(arguments: [
        ("person", EntryKind.person), ("place", .place), ("org", .org), ("term", .term), ("Person", .person), (" place ", .place),
        ("ORG", .org), ("\u{00A0}term", .term), ("", .term),
    ])
    func kindsAreReadWhateverTheirCaseAndSpaces(_ written: String, _ kind: EntryKind) throws {
        let g = try Glossary(tsv: "روسيا\tRussia\t\t\t\(written)\n")
        #expect(g.entries[0].kind == kind)
    }

    @Test(arguments: ["persons", "per son", "orga", "ter"])
    func otherKindsAreRefused(_ written: String) {
        #expect(throws: GlossaryError.self) { try Glossary(tsv: "روسيا\tRussia\t\t\t\(written)\n") }
    }
}
