import ArgumentParser
import Foundation
import Glossary
import Testing

@testable import TarjimCLI

/// `tarjim glossary list|add|remove|lint`, run as a subprocess.
@Suite struct GlossaryEditCommandsTests {
    static let text = """
        # Test glossary (tab-separated)

        قلم\tPen\t\t\tterm
          # indented note\t
        كتاب \tBook\ta comment
        بيت\tHouse\t\tمنزل;دار\tplace\tHome

        """

    static func glossary(_ text: String = text, name: String = "g.tsv") throws -> (dir: URL, path: String) {
        let dir = try CLI.tempDirectory()
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (dir, path)
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Fixtures of the GlossaryTests target, by path (this test target does not bundle them).
    static func glossaryFixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GlossaryTests/Fixtures/" + name).path
    }

    // MARK: add and remove

    @Test func addAppendsAndKeepsEveryOtherByte() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([
            "glossary", "add", path, "نهر", "River", "--variant", "جدول", "--variant", "ساقية", "--comment", "fresh water", "--kind",
            "place",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
        #expect(try Self.read(path) == Self.text + "نهر\tRiver\tfresh water\tجدول;ساقية\tplace\n")
    }

    /// Fields are trimmed as the reader trims them: Foundation's `.whitespaces` would keep U+2028 and
    /// U+2029, which the reader then drops, so the line would not read back as written.
    @Test func addTrimsWhatTheReaderTrims() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "add", path, "\u{2028}نهر\u{3000}", "River\u{2029}", "--variant", "\u{2028}جدول"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.read(path) == Self.text + "نهر\tRiver\t\tجدول\tterm\n")
        #expect(
            try GlossaryDocument(tsv: Self.read(path)).entries.last == GlossaryEntry(arabic: "نهر", english: "River", variants: ["جدول"]))
    }

    @Test func removeDropsOnlyItsLine() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "remove", path, "كتاب"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.read(path) == Self.text.replacingOccurrences(of: "كتاب \tBook\ta comment\n", with: ""))
    }

    @Test func removeFindsTheEntryByMatchingKey() throws {
        let (dir, path) = try Self.glossary("مدرسة\tSchool\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "remove", path, "مَدرسه"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.read(path) == "")
    }

    @Test func addCreatesAMissingFileWithAHeader() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("new.tsv").path
        let r = try CLI.run(["glossary", "add", path, "قلم", "Pen"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try Self.read(path)
        #expect(text.hasPrefix("# Columns (tab-separated): Arabic term, English term, comment, variants"))
        #expect(text.hasSuffix("\nقلم\tPen\t\t\tterm\n"))
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func addRefusesADuplicateArabicKeyNamingTheLine() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        // أ/ا, ة/ه and harakat fold: بَيت is بيت.
        let r = try CLI.run(["glossary", "add", path, "بَيت", "Home"])
        #expect(r.status == 1)
        #expect(r.stderr == "tarjim: \(path):6:1: error: glossary: بَيت is already an entry\n")
        #expect(try Self.read(path) == Self.text)
    }

    @Test func addRefusesATermThatIsAnotherEntrysVariant() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "add", path, "دار", "Abode"])
        #expect(r.status == 1)
        #expect(r.stderr == "tarjim: \(path):6:17: error: glossary: 'دار' is already a variant of 'بيت' (House) [variant-collision]\n")
        #expect(try Self.read(path) == Self.text)
    }

    @Test func addRefusesAVariantThatIsAnotherEntrysTerm() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "add", path, "ريشة", "Quill", "--variant", "قلم"])
        #expect(r.status == 1)
        #expect(
            r.stderr
                == "tarjim: \(path):3:1: error: glossary: the variant 'قلم' is already the Arabic term of 'قلم' (Pen) [variant-collision]\n"
        )
        #expect(try Self.read(path) == Self.text)
    }

    @Test func removeOfAMissingEntryExitsOne() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "remove", path, "نهر"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: glossary: no entry نهر"))
        #expect(try Self.read(path) == Self.text)
    }

    @Test func removeFromAMissingFileExitsOne() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("none.tsv").path
        let r = try CLI.run(["glossary", "remove", path, "قلم"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path): error: glossary: no such file"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [["add", "نهر", "River"], ["remove", "قلم"]])
    func malformedFileIsNotRewritten(_ args: [String]) throws {
        let bad = Self.text + "جبل\tMountain\t\t\tmountainous\n"
        let (dir, path) = try Self.glossary(bad)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", args[0], path] + args.dropFirst())
        #expect(r.status == 1)
        #expect(r.stderr == "tarjim: \(path):7:16: error: glossary: unknown kind 'mountainous'; use person, place, org or term\n")
        #expect(try Self.read(path) == bad)
    }

    @Test func eightConcurrentAddProcessesLoseNothing() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shared.tsv").path
        // 8 x 50 distinct terms: none of these letters folds into another.
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمن").map(String.init)
        let failures = GlossaryEditFailures()
        let group = DispatchGroup()
        for worker in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                for j in 0..<50 {
                    let arabic = "ك" + letters[worker] + letters[j / 24] + letters[j % 24]
                    do {
                        let r = try CLI.run(["glossary", "add", path, arabic, "Term \(worker)-\(j)"])
                        if r.status != 0 { failures.append("\(arabic): \(r.status) \(r.stderr)") }
                    } catch {
                        failures.append("\(arabic): \(error)")
                    }
                }
            }.start()
        }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        let list = try CLI.run(["glossary", "list", path])
        #expect(list.status == 0, "\(list.stderr)")
        let english = list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(english.count == 400)
        #expect(Set(english).count == 400)
        let lint = try CLI.run(["glossary", "lint", path])
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    // MARK: Argument checks (usage errors, exit 64)

    @Test(arguments: [
        ("unknown kind", ["قلم", "Pen", "--kind", "animal"], "unknown kind 'animal'"),
        ("U+0009 tab in ARABIC", ["ق\tلم", "Pen"], "ARABIC contains a tab"),
        ("U+000A line break in ENGLISH", ["قلم", "Pe\nn"], "ENGLISH contains a line break"),
        ("U+000D carriage return in ENGLISH", ["قلم", "Pen\r"], "ENGLISH contains a line break"),
        ("U+0001 in the comment", ["قلم", "Pen", "--comment", "a\u{0001}"], "control character U+0001"),
        ("U+0085 (C1) in a variant", ["قلم", "Pen", "--variant", "ريشة\u{0085}"], "control character U+0085"),
        ("U+0009 tab in a variant", ["قلم", "Pen", "--variant", "ريشة\tمداد"], "contains a tab"),
        ("';' in a variant", ["قلم", "Pen", "--variant", "ريشة;مداد"], "contains ';'"),
        ("';' in an English variant", ["قلم", "Pen", "--english-variant", "Quill;Nib"], "contains ';'"),
        ("U+200F RLM in ARABIC", ["قلم\u{200F}", "Pen"], "invisible character U+200F"),
        ("Latin letters in ARABIC", ["Pen", "قلم"], "Latin letter 'P'"),
        ("Latin letters in a variant", ["قلم", "Pen", "--variant", "Pen"], "Latin letter 'P'"),
        ("ARABIC starting with '#'", ["#قلم", "Pen"], "would make the line a comment"),
        // '#' + a combining mark is one Character, so hasPrefix("#") missed it; the reader looks at the byte.
        ("ARABIC starting with '#' and a shadda", ["#\u{651}قلم", "Pen"], "would make the line a comment"),
        ("empty ENGLISH", ["قلم", "  "], "ENGLISH is empty"),
        ("variant equal to ARABIC once U+0629 folds to U+0647", ["شجرة", "Tree", "--variant", "شجره"], "is ARABIC once normalized"),
    ])
    func badArgumentsAreUsageErrors(_ what: String, _ args: [String], _ message: String) throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "add", path] + args)
        #expect(r.status == 64, "\(what)")
        #expect(r.stderr.contains(message), "\(what): \(r.stderr)")
        #expect(try Self.read(path) == Self.text, "\(what)")
    }

    @Test func removeChecksItsArgumentToo() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "remove", path, "قلم\tPen"])
        #expect(r.status == 64)
        #expect(try Self.read(path) == Self.text)
    }

    // MARK: In-process parsing

    @Test func addArgumentsParseIntoAnEntry() throws {
        let cmd = try GlossaryAddCommand.parse([
            "g.tsv", " قلم ", "Pen", "--variant", "ريشة", "--variant", "مداد", "--english-variant", "Quill", "--comment", "writing",
            "--kind", "Term",
        ])
        #expect(cmd.file == "g.tsv")
        #expect(
            try cmd.entry()
                == GlossaryEntry(
                    arabic: "قلم", english: "Pen", comment: "writing", variants: ["ريشة", "مداد"], kind: .term, englishVariants: ["Quill"]))
    }

    @Test func addValidationFailsInProcess() {
        #expect(throws: (any Error).self) { try GlossaryAddCommand.parse(["g.tsv", "قلم", "Pen", "--kind", "animal"]) }
        #expect(GlossaryAddCommand.exitCode(for: ValidationError("x")) == ExitCode(64))
    }

    @Test func listFormatParses() throws {
        #expect(try GlossaryListCommand.parse(["g.tsv", "--format", "json"]).format == .json)
        #expect(throws: (any Error).self) { try GlossaryListCommand.parse(["g.tsv", "--format", "xml"]) }
    }

    // MARK: list

    @Test func listJSONHasEveryColumnAndTheLine() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "list", path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                [
                  {"line":3,"arabic":"قلم","english":"Pen","comment":"","variants":[],"kind":"term","englishVariants":[]},
                  {"line":5,"arabic":"كتاب","english":"Book","comment":"a comment","variants":[],"kind":"term","englishVariants":[]},
                  {"line":6,"arabic":"بيت","english":"House","comment":"","variants":["منزل","دار"],"kind":"place","englishVariants":["Home"]}
                ]

                """)
        let objects = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(objects?.count == 3)
        #expect(objects?[2]["variants"] as? [String] == ["منزل", "دار"])
    }

    @Test func listJSONOfAnEmptyGlossaryIsAnEmptyArray() throws {
        let (dir, path) = try Self.glossary("# only a comment\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "list", path, "--format", "json"])
        #expect(r.stdout == "[]\n")
    }

    @Test func listTSVPrintsCanonicalEntryLines() throws {
        let (dir, path) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "list", path])
        #expect(r.status == 0)
        #expect(r.stdout == "قلم\tPen\t\t\tterm\nكتاب\tBook\ta comment\t\tterm\nبيت\tHouse\t\tمنزل;دار\tplace\tHome\n")
    }

    @Test func listOfAMalformedFileExitsOneWithLineAndColumn() throws {
        let (dir, path) = try Self.glossary("قلم\tPen\nكتاب\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "list", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(path):2:5: error: glossary: expected a tab"))
    }

    // MARK: lint

    @Test func lintOfACleanFileExitsZero() throws {
        let r = try CLI.run(["glossary", "lint", Self.glossaryFixture("canonical.tsv")])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout == "glossary lint: 0 errors, 0 warnings in 1 file\n")
    }

    @Test func lintPrintsOneFindingPerLineAndASummary() throws {
        let faults = Self.glossaryFixture("lint-faults.tsv")
        let r = try CLI.run(["glossary", "lint", faults])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 12)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix(faults + ":") })
        #expect(
            lines.first == "\(faults):6:1: error: glossary: duplicate entry 'بيت': the same entry is at \(faults):5:1 [duplicate-entry]")
        #expect(lines.last == "glossary lint: 7 errors, 4 warnings in 1 file")
    }

    @Test func lintWarningsAloneExitOne() throws {
        let (dir, path) = try Self.glossary("قلم\tPen \n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "lint", path])
        #expect(r.status == 1)
        #expect(
            r.stdout
                == "\(path):1:8: warning: glossary: trailing space in the English term [surrounding-space]\nglossary lint: 0 errors, 1 warning in 1 file\n"
        )
    }

    @Test func lintReportsCollisionsAcrossFilesWithBothLocations() throws {
        let canonical = Self.glossaryFixture("canonical.tsv")
        let cross = Self.glossaryFixture("lint-cross.tsv")
        let r = try CLI.run(["glossary", "lint", canonical, cross])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\(cross):2:1: error: glossary: ") && lines[0].contains("at \(canonical):5:1"))
        #expect(lines[1].hasPrefix("\(cross):3:19: error: glossary: ") && lines[1].contains("at \(canonical):6:17"))
    }

    @Test func lintOfAnUnreadableFileExitsOne() throws {
        let r = try CLI.run(["glossary", "lint", "/nonexistent/tarjim.tsv"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("/nonexistent/tarjim.tsv: error: glossary: "))
    }

    @Test func lintWithoutFilesIsAUsageError() throws {
        let r = try CLI.run(["glossary", "lint"])
        #expect(r.status == 64)
    }

    // MARK: help

    @Test(arguments: ["list", "add", "remove", "lint"])
    func eachSubcommandHasHelp(_ name: String) throws {
        let r = try CLI.run(["glossary", name, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: tarjim glossary \(name) "))
        #expect(r.stdout.contains("OVERVIEW: "))
    }

    @Test func groupHelpListsTheSubcommands() throws {
        let r = try CLI.run(["glossary", "--help"])
        #expect(r.status == 0)
        for name in ["list", "add", "remove", "lint"] { #expect(r.stdout.contains("\n  \(name) ")) }
        let top = try CLI.run(["--help"])
        #expect(top.stdout.contains("glossary"))
    }
}

/// Failures collected from several threads.
final class GlossaryEditFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
