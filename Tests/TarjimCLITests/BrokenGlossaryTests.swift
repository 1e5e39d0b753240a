import Foundation
import Testing

/// Glossary files with mixed line ends, BOMs, CRLF, trailing tabs, a column count that changes and
/// control characters, through every command that reads one (`-g` of draft and check, `glossary
/// lint`, `glossary add`): each is either loaded whole or refused with the same line and column, never
/// half-loaded without a word.
@Suite struct BrokenGlossaryTests {
    /// A glossary file's bytes and where it must be refused (nil: it must load whole).
    struct Case: Sendable, CustomTestStringConvertible {
        let what: String
        let bytes: [UInt8]
        let place: (line: Int, column: Int)?
        var testDescription: String { what }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let loaded = Case(
        what: "BOM, CRLF and LF mixed, trailing tabs, 2 to 6 columns",
        bytes: bom
            + Array(
                "# news terms\r\nقلم\tPen\t\t\r\nكتاب\tBook\ta comment\nبيت\tHouse\t\tمنزل\tplace\r\nنهر\tRiver\t\t\t\t\t\nجبل\tMountain\t\t\tplace\tMount"
                    .utf8),
        place: nil)

    static let refused: [Case] = [
        Case(what: "U+0007 BEL in the second entry", bytes: Array("قلم\tPen\r\nكتاب\tBo\u{0007}ok\r\n".utf8), place: (2, 8)),
        Case(what: "one column from the third line on", bytes: Array("قلم\tPen\nكتاب\tBook\nبيت\nنهر\tRiver\n".utf8), place: (3, 4)),
        Case(what: "seven columns on the second line", bytes: Array("قلم\tPen\nكتاب\tBook\tc\tv\tterm\tBooks\tx\n".utf8), place: (2, 26)),
        Case(what: "CR-only line ends (old Mac)", bytes: Array("قلم\tPen\rكتاب\tBook\r".utf8), place: (1, 8)),
        Case(
            what: "U+001B ESC after a BOM and CRLF lines", bytes: bom + Array("قلم\tPen\r\n\u{001B}[31mكتاب\tBook\r\n".utf8), place: (2, 1)),
        Case(what: "U+0085 NEL (C1) in a comment", bytes: Array("قلم\tPen\tnote\u{0085}x\n".utf8), place: (1, 13)),
    ]

    static func write(_ c: Case) throws -> (dir: URL, path: String) {
        let dir = try CLI.tempDirectory()
        let path = dir.appendingPathComponent("g.tsv").path
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        return (dir, path)
    }

    static let source = "ذكر المتحدث قلم ثم كتاب ثم بيت ثم نهر ثم جبل."

    @Test func aFileOfEveryToleratedOddityLoadsWhole() throws {
        let (dir, path) = try Self.write(Self.loaded)
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = try CLI.run(["draft", "--no-default-glossaries", "-g", path, "--format", "tsv"], stdin: Array(Self.source.utf8))
        #expect(draft.status == 0, "\(draft.stderr)")
        for english in ["Pen", "Book", "House", "River", "Mountain"] { #expect(draft.stdout.contains(english), "\(english)") }
        let list = try CLI.run(["glossary", "list", path])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 5)
        let lint = try CLI.run(["glossary", "lint", path])
        #expect(!lint.stdout.contains("[malformed]"), "\(lint.stdout)")
        let add = try CLI.run(["glossary", "add", path, "شجرة", "Tree"])
        #expect(add.status == 0, "\(add.stderr)")
        let after = try CLI.run(["glossary", "list", path])
        #expect(after.stdout.split(separator: "\n").count == 6)
        #expect(after.stdout.hasPrefix(list.stdout))
    }

    @Test(arguments: refused) func draftRefusesTheWholeFileNamingLineAndColumn(_ c: Case) throws {
        let (dir, path) = try Self.write(c)
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try #require(c.place)
        for command in ["draft", "check"] {
            let r = try CLI.run([command, "--no-default-glossaries", "-g", path], stdin: Array(Self.source.utf8))
            #expect(r.status != 0, "\(command)")
            #expect(r.stdout.isEmpty, "\(command) wrote \(r.stdout)")
            #expect(r.stderr.contains("\(path):\(place.line):\(place.column): error: glossary: "), "\(command): \(r.stderr)")
        }
    }

    @Test(arguments: refused) func lintReportsTheSamePlace(_ c: Case) throws {
        let (dir, path) = try Self.write(c)
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try #require(c.place)
        let r = try CLI.run(["glossary", "lint", path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(path):\(place.line):\(place.column): error: glossary: "), "\(r.stdout)")
    }

    @Test(arguments: refused) func addRefusesAndLeavesEveryByte(_ c: Case) throws {
        let (dir, path) = try Self.write(c)
        defer { try? FileManager.default.removeItem(at: dir) }
        let place = try #require(c.place)
        let r = try CLI.run(["glossary", "add", path, "شجرة", "Tree"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):\(place.line):\(place.column): error: glossary: "), "\(r.stderr)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == c.bytes)
    }

    /// A glossary that cannot be read or is not UTF-8: the file named once, with the system's reason
    /// or the byte, through every command that reads one.
    @Test func unreadableGlossariesAreNamedOnceWithTheReason() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.tsv").path
        let latin1 = dir.appendingPathComponent("latin1.tsv").path
        try Data(Array("قلم\tPen\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x09, 0x43, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let cases = [
            (missing, "\(missing): error: glossary: cannot read: No such file or directory"),
            (latin1, "\(latin1): error: glossary: byte 14: invalid UTF-8 input: "),
        ]
        for (path, message) in cases {
            for args in [["draft", "--no-default-glossaries", "-g", path], ["check", "--no-default-glossaries", "-g", path]] {
                let r = try CLI.run(args, stdin: Array(Self.source.utf8))
                #expect(r.status != 0)
                #expect(r.stderr.hasPrefix("tarjim: " + message), "\(args[0]): \(r.stderr)")
            }
            let lint = try CLI.run(["glossary", "lint", path])
            #expect(lint.stdout.hasPrefix(message), "\(lint.stdout)")
            #expect(lint.stdout.components(separatedBy: path).count == 2, "the file named once: \(lint.stdout)")
        }
        let add = try CLI.run(["glossary", "add", latin1, "شجرة", "Tree"])
        #expect(add.stderr.hasPrefix("tarjim: \(latin1): error: glossary: byte 14: invalid UTF-8 input: "), "\(add.stderr)")
    }
}
