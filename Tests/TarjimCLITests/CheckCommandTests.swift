import Foundation
import Testing

/// `tarjim check` run as a subprocess: exit codes, formats, --fix, --merge, --english.
@Suite struct CheckCommandTests {
    static let dir = Snapshot.directory(#filePath).appendingPathComponent("check")

    static func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The test glossary only (the shipped one changes as it grows).
    static let glossary = ["--no-default-glossaries", "-g", path("glossary.tsv")]

    static func check(_ args: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["check"] + glossary + args, environment: environment)
    }

    static func json(_ r: CLIResult) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stdout is not a JSON object: \(r.stdout)")
    }

    static func kinds(_ r: CLIResult) throws -> [String] {
        let findings = try #require(try json(r)["findings"] as? [[String: Any]])
        return findings.compactMap { $0["kind"] as? String }
    }

    @Test func exitZeroWhenNothingIsFound() throws {
        let r = try Self.check([Self.path("clean.txt")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.kinds(r).isEmpty)
        #expect(r.stderr.isEmpty)
    }

    @Test func exitOneForErrorsAndFailOnDecidesForWarnings() throws {
        let errors = try Self.check([Self.path("errors.txt")])
        #expect(errors.status == 1)
        #expect(try Self.kinds(errors) == ["garbled-name"])
        let warnings = try Self.check([Self.path("warnings.txt")])
        #expect(warnings.status == 0)
        #expect(try Self.kinds(warnings) == ["variant-spelling"])
        #expect(try Self.check(["--fail-on", "warning", Self.path("warnings.txt")]).status == 1)
        #expect(try Self.check(["--fail-on", "info", Self.path("clean.txt")]).status == 0)
    }

    @Test(arguments: [
        (["--format", "xml"], "unknown format 'xml'"),
        (["--fail-on", "fatal"], "unknown severity 'fatal'"),
        (["--bidi", "sideways"], "unknown --bidi"),
        (["--encoding", "latin9"], "unknown encoding"),
        (["--fix"], "--fix takes exactly one Arabic FILE"),
        (["--english", "en.txt"], "--english EN_FILE takes exactly one Arabic FILE"),
        (["--max-occurrences=-1"], "--max-occurrences must be 0 (all) or more"),
    ])
    func badUsageExitsTwo(_ args: [String], _ message: String) throws {
        let r = try Self.check(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func unreadableInputExitsTwo() throws {
        let missing = try Self.check([Self.path("no-such-file.txt")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.txt"))
        let bad = try Self.check(["--pairs", Self.path("bad.tsv")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.tsv:2:14: error: read: pairs: this line has 1 tab-separated field"), "\(bad.stderr)")
    }

    @Test func argumentParserSyntaxErrorsKeepItsCode() throws {
        // Documented: options the argument parser itself rejects exit 64, before check runs.
        let r = try Self.check(["--no-such-option"])
        #expect(r.status == 64)
    }

    @Test func textFormatGolden() throws {
        let r = try Self.check(["--format", "text", Self.path("shard1.txt"), Self.path("shard2.txt")], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\u{1B}["))
        try Snapshot.assert(r.stdout.replacingOccurrences(of: Self.dir.path + "/", with: ""), matches: "check/expected.text")
    }

    @Test func htmlFormat() throws {
        let r = try Self.check(["--format", "html", "--pairs", Self.path("pairs1.tsv"), Self.path("pairs2.tsv")])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(r.stdout.contains("<table class=\"summary\">"))
        #expect(r.stdout.contains("number-mismatch"))
    }

    @Test func jsonIsTheDefaultWhenNotATerminal() throws {
        let r = try Self.check(["--pairs", Self.path("pairs1.tsv"), Self.path("pairs2.tsv")])
        let summary = try #require(try Self.json(r)["summary"] as? [String: Any])
        #expect(summary["pairs"] as? Int == 4)
        #expect(Set(try Self.kinds(r)) == ["number-mismatch", "english-name-variants", "inconsistent-translation"])
    }

    @Test(arguments: [
        ("fix.bom.txt", [String]()), ("fix.cp1256.txt", ["--encoding", "windows-1256"]),
        // Read in pieces (a large file): the corrected pieces are written in order, the BOM once.
        ("fix.bom.txt", ["--piece-size", "40"]), ("fix.cp1256.txt", ["--encoding", "windows-1256", "--piece-size", "30"]),
    ])
    func fixWritesTheSameBytesButTheNames(_ input: String, _ extra: [String]) throws {
        let out = try CLI.tempDirectory().appendingPathComponent("fixed.txt")
        let r = try Self.check(extra + ["--fix", "-o", out.path, Self.path(input)])
        #expect(r.status == 1, "\(r.stderr)")  // the garbled name is an error
        let expected = try Data(contentsOf: Self.dir.appendingPathComponent(input.replacingOccurrences(of: ".txt", with: ".expected.txt")))
        #expect(try Data(contentsOf: out) == expected)
        // The report still goes to standard output.
        #expect(Set(try Self.kinds(r)).isSuperset(of: ["garbled-name", "variant-spelling"]))
    }

    @Test(arguments: [[String](), ["--max-occurrences", "1"]])
    func mergingShardReportsEqualsCheckingEverything(_ limit: [String]) throws {
        let tmp = try CLI.tempDirectory()
        let r1 = try Self.check(limit + ["--format", "json", Self.path("shard1.txt"), "--pairs", Self.path("pairs1.tsv")])
        let r2 = try Self.check(limit + ["--format", "json", Self.path("shard2.txt"), "--pairs", Self.path("pairs2.tsv")])
        try Data(r1.stdout.utf8).write(to: tmp.appendingPathComponent("1.json"))
        try Data(r2.stdout.utf8).write(to: tmp.appendingPathComponent("2.json"))
        let merged = try Self.check([
            "--format", "json", "--merge", tmp.appendingPathComponent("1.json").path, tmp.appendingPathComponent("2.json").path,
        ])
        let whole = try Self.check(
            limit + [
                "--format", "json", Self.path("shard1.txt"), Self.path("shard2.txt"), "--pairs", Self.path("pairs1.tsv"),
                Self.path("pairs2.tsv"),
            ])
        #expect(merged.status == whole.status)
        #expect(merged.stdout == whole.stdout)
        // Each shard alone misses the cross-document findings.
        #expect(!(try Self.kinds(r1)).contains("unknown-name-variants"))
        #expect(try Self.kinds(whole).contains("unknown-name-variants"))
        #expect(try Self.kinds(whole).contains("inconsistent-translation"))
    }

    /// A line starting with U+FEFF (a hidden character, whose excerpt starts with it) survives the
    /// report's JSON: Foundation's JSONSerialization drops it at the start of a string, and the
    /// merged report then differed from checking the file directly.
    @Test func mergingAReportWithAByteOrderMarkInsideEqualsCheckingTheFile() throws {
        let tmp = try CLI.tempDirectory()
        let file = tmp.appendingPathComponent("marked.txt")
        try Data("قال الوزير إن الاجتماع انتهى.\n\u{FEFF}وقال بلينجن إن الناتو مستعد.\n".utf8).write(to: file)
        let whole = try Self.check(["--format", "json", file.path])
        #expect(whole.stdout.unicodeScalars.contains("\u{FEFF}"), "\(whole.stdout)")
        try Data(whole.stdout.utf8).write(to: tmp.appendingPathComponent("1.json"))
        let merged = try Self.check(["--format", "json", "--merge", tmp.appendingPathComponent("1.json").path])
        #expect(merged.status == whole.status)
        #expect(merged.stdout == whole.stdout)
    }

    /// A large text file is read in pieces (`--piece-size`, 256 KB by default), observed on the
    /// `--jobs` threads: the report names the lines of the whole file and equals the one-piece report.
    @Test(arguments: [["--jobs", "1"], ["--jobs", "3"]])
    func aFileReadInPiecesGivesTheWholeFileReport(_ jobs: [String]) throws {
        let tmp = try CLI.tempDirectory()
        let parts = try ["shard1.txt", "warnings.txt", "shard2.txt", "clean.txt"].map {
            try String(contentsOf: Self.dir.appendingPathComponent($0), encoding: .utf8)
        }
        let file = tmp.appendingPathComponent("long.txt")
        try Data(String(repeating: parts.joined(), count: 5).utf8).write(to: file)
        let whole = try Self.check(["--format", "json", file.path])
        let pieces = try Self.check(jobs + ["--format", "json", "--piece-size", "100", file.path])
        #expect(pieces.status == whole.status)
        #expect(pieces.stdout == whole.stdout)
        let findings = try #require(try Self.json(whole)["findings"] as? [[String: Any]])
        let lines = findings.flatMap { ($0["occurrences"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int } }
        #expect(lines.max() ?? 0 > 20)
    }

    @Test func mergeRefusesReportsOfOtherGlossaries() throws {
        let tmp = try CLI.tempDirectory()
        let r = try Self.check(["--format", "json", Self.path("shard1.txt")])
        try Data(r.stdout.utf8).write(to: tmp.appendingPathComponent("1.json"))
        let merged = try CLI.run(["check", "--merge", tmp.appendingPathComponent("1.json").path])
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("other settings"))
    }

    @Test func englishFileIsAlignedFirst() throws {
        let r = try Self.check(["--format", "json", Self.path("ar.txt"), "--english", Self.path("en.txt")])
        #expect(r.status == 1)
        let findings = try #require(try Self.json(r)["findings"] as? [[String: Any]])
        let number = try #require(findings.first { $0["kind"] as? String == "number-mismatch" })
        let o = try #require((number["occurrences"] as? [[String: Any]])?.first)
        #expect(o["file"] as? String == Self.path("ar.txt"))
        #expect(o["line"] as? Int == 2)
        #expect(o["column"] as? Int == 6)
    }

    @Test func helpText() throws {
        let r = try CLI.run(["check", "--help"], environment: ["COLUMNS": "100"])
        #expect(r.status == 0)
        try Snapshot.assert(r.stdout, matches: "check/help.txt")
    }
}
