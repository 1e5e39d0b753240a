import Foundation
import Testing

/// `--jobs`, streaming pieces, `--input-format jsonl`, the progress line and the GNU parallel
/// script, run as subprocesses: every way of spreading the work gives the one-process output.
@Suite struct ScalingTests {
    static let fixtures = Snapshot.directory(#filePath)
    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let glossary = ["--no-default-glossaries", "-g", path("draft-core/glossary.tsv")]

    /// `count` small news documents of the project's own sentences, as JSONL lines; ids alternate
    /// between strings and numbers. Some write a garbled name (فيدن) whose evidence is in the same
    /// document, others the known spelling.
    static func corpus(_ count: Int) -> String {
        let subjects = ["وزير الخارجية", "الرئيس بايدن", "المتحدث باسم الحكومة", "بلينجن", "المحلل تارنوفسكي"]
        let verbs = ["قال", "أكد", "أعلن", "أوضح"]
        let objects = [
            "إن المحادثات مع روسيا ستستمر", "أن الناتو سيجتمع في باريس", "أن العقوبات على روسيا باقية",
            "أن المساعدات إلى أوكرانيا ارتفعت بنسبة 12 في المئة", "أن الاجتماع كان مثمرا",
        ]
        var lines: [String] = []
        for n in 0..<count {
            var sentences: [String] = []
            for k in 0..<(2 + n % 3) {
                let i = n * 7 + k * 3
                sentences.append("\(verbs[i % verbs.count]) \(subjects[(i / 2) % subjects.count]) \(objects[(i / 3) % objects.count]).")
            }
            if n % 5 == 0 { sentences.append("وتحدث فيدن مع الرئيس بايدن هاتفيا.") }
            let text = sentences.joined(separator: n % 4 == 0 ? "\n" : " ")
            let id = n % 2 == 0 ? "\(n)" : "\"doc-\(n)\""
            var line = "{\"id\": \(id), \"text\": "
            line += String(decoding: try! JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]), as: UTF8.self)
            line += "}"
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func draft(_ args: [String], stdin: String = "") throws -> CLIResult {
        try CLI.run(["draft"] + glossary + args, stdin: Array(stdin.utf8))
    }

    /// Sentences gathered on the main thread (machine translation, whole-file formats) are numbered
    /// per JSONL document too.
    @Test func jsonlDocumentsNumberTheirSentencesFromOneWithAnEngine() throws {
        let input =
            #"{"id": "a", "text": "قال بلينجن إن الناتو مستعد. وأضاف أن المحادثات مستمرة."}"# + "\n"
            + #"{"id": "b", "text": "أكد الرئيس بايدن أن العقوبات باقية."}"# + "\n"
        let engine = "sh " + Self.path("draft-core/mt-echo.sh")
        let r = try Self.draft(["--input-format", "jsonl", "--format", "jsonl", "--mt-command", engine], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try Self.numbering(r.stdout).map { $0.split(separator: "|").prefix(3).joined(separator: "|") } == ["a|1|1", "a|1|2", "b|1|1"])
    }

    @Test(arguments: ["jsonl", "tsv", "text"])
    func jobsGiveTheSequentialOutput(_ format: String) throws {
        let files = [
            Self.path("draft-core/article.ar.txt"), Self.path("news.utf8.txt"), Self.path("draft/article.ar.txt"),
            Self.path("check/ar.txt"),
        ]
        let one = try Self.draft(["--format", format, "--jobs", "1"] + files)
        #expect(one.status == 0, "\(one.stderr)")
        for jobs in ["2", "4"] {
            let many = try Self.draft(["--format", format, "--jobs", jobs] + files)
            #expect(many.stdout == one.stdout)
            #expect(many.status == one.status)
        }
    }

    @Test func jsonlInputWithJobsGivesTheSequentialOutput() throws {
        let corpus = Self.corpus(200)
        let one = try Self.draft(["--input-format", "jsonl", "--format", "jsonl", "--jobs", "1"], stdin: corpus)
        #expect(one.status == 0, "\(one.stderr)")
        // Small pieces: many work items in flight, finishing out of order.
        let many = try Self.draft(["--input-format", "jsonl", "--format", "jsonl", "--jobs", "3", "--piece-size", "300"], stdin: corpus)
        #expect(many.stdout == one.stdout)
    }

    /// Pieces smaller than a line: paragraph and sentence numbers, sources and offsets are those of
    /// the whole document. Where a document needs no evidence from another paragraph, the whole
    /// output is identical.
    @Test(arguments: [1, 37, 200])
    func streamingPiecesKeepTheWholeDocumentNumbering(_ pieceSize: Int) throws {
        for file in ["news.utf8.txt", "draft/article.ar.txt", "check/ar.txt", "news.cp1256.txt"] {
            let whole = try Self.draft(["--format", "jsonl", "--jobs", "1", Self.path(file)])
            let pieces = try Self.draft(["--format", "jsonl", "--jobs", "2", "--piece-size", "\(pieceSize)", Self.path(file)])
            #expect(pieces.stdout == whole.stdout, "\(file)")
        }
        // Here the garbled فيدن is supported by بايدن in another paragraph: cut apart, the term
        // differs, the numbering does not.
        let file = Self.path("draft-core/article.ar.txt")
        let whole = try Self.draft(["--format", "jsonl", "--jobs", "1", file])
        let pieces = try Self.draft(["--format", "jsonl", "--jobs", "2", "--piece-size", "\(pieceSize)", file])
        #expect(try Self.numbering(pieces.stdout) == Self.numbering(whole.stdout))
        // The default piece (256 KB) holds the document: identical.
        #expect(try Self.draft(["--format", "jsonl", "--jobs", "2", file]).stdout == whole.stdout)
    }

    /// doc, para, index, source of every JSONL line.
    static func numbering(_ jsonl: String) throws -> [String] {
        try jsonl.split(separator: "\n").map { line in
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(o["doc"] ?? "")|\(o["para"] ?? "")|\(o["index"] ?? "")|\(o["source"] ?? "")"
        }
    }

    @Test func standardInputStreamsLikeAFile() throws {
        let text = try String(contentsOfFile: Self.path("news.utf8.txt"), encoding: .utf8)
        let file = try Self.draft(["--format", "tsv", Self.path("news.utf8.txt")])
        let piped = try Self.draft(["--format", "tsv", "--piece-size", "64"], stdin: text)
        #expect(piped.stdout == file.stdout)
    }

    @Test func jsonlResultsCarryTheIdVerbatim() throws {
        let input = """
            {"id": 17, "text": "قال بلينجن إن الناتو مستعد."}
            {"text": "أكد الرئيس بايدن أن العقوبات باقية.", "meta": {"source": ["wire", 2]}, "id": "a\\"b"}

            {"id": 1.50, "text": ""}

            """
        let r = try Self.draft(["--input-format", "jsonl", "--format", "jsonl"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"doc":"17","id":17,"para":1,"index":1,"#))
        #expect(lines[1].hasPrefix(#"{"doc":"a\"b","id":"a\"b","para":1,"index":1,"#))
        // TSV: the id as a first column.
        let tsv = try Self.draft(["--input-format", "jsonl", "--format", "tsv"], stdin: input)
        #expect(tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] } == ["17", "a\"b"])
        // Plain input keeps the old schema.
        #expect(!(try Self.draft(["--format", "jsonl"], stdin: "قال بلينجن.").stdout.contains("\"id\"")))
    }

    @Test(arguments: [
        (#"{"id": 1, "text": "سطر"}"# + "\n" + #"{"id": 2, "text": "سطر""#, "-:2:24: error: read: jsonl: expected ',' or '}'"),
        (#"{"id": true, "text": "سطر"}"#, "-:1:8: error: read: jsonl: \"id\" must be a string or a number"),
        (#"{"id": 3}"#, "-:1:1: error: read: jsonl: no \"text\" member"),
        (#"["id", 3]"#, "-:1:1: error: read: jsonl: expected a JSON object"),
    ])
    func aBadJSONLLineNamesTheInputLineAndColumn(_ input: String, _ message: String) throws {
        let r = try Self.draft(["--input-format", "jsonl", "--format", "jsonl"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func progressIsSilentWhenStandardErrorIsNotATerminal() throws {
        let r = try Self.draft(["--format", "tsv", Self.path("news.utf8.txt")])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let forced = try Self.draft(["--format", "tsv", "--progress", Self.path("news.utf8.txt")])
        #expect(forced.stdout == r.stdout)
        #expect(forced.stderr.hasPrefix("\r1 doc  "))
        #expect(forced.stderr.contains("MB/s  100%  ETA "))
        #expect(forced.stderr.hasSuffix("\n"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`) the progress line is shown by
    /// default and `--no-progress` turns it off; standard output goes to /dev/null either way.
    @Test func progressOnATerminalAndNoProgress() throws {
        func onTerminal(_ extra: [String]) throws -> String {
            let words = [CLI.executable.path, "draft"] + Self.glossary + ["--format", "tsv"] + extra + [Self.path("news.utf8.txt")]
            let command = words.map { "'" + $0 + "'" }.joined(separator: " ") + " >/dev/null"
            let r = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try onTerminal([]).contains("MB/s  100%  ETA "))
        #expect(try !onTerminal(["--no-progress"]).contains("MB/s"))
    }

    @Test(arguments: [["--progress", "--no-progress"], ["--jobs", "0"], ["--piece-size", "0"]])
    func scaleOptionsAreValidated(_ args: [String]) throws {
        let r = try Self.draft(args + [Self.path("news.utf8.txt")])
        #expect(r.status == 64)
        #expect(r.stderr.contains(args[0]) || r.stderr.contains(args[1]))
    }

    @Test func checkWithJobsGivesTheSequentialReport() throws {
        let files = ["shard1.txt", "shard2.txt", "ar.txt", "warnings.txt", "errors.txt"].map { Self.path("check/" + $0) }
        let args = ["check", "--no-default-glossaries", "-g", Self.path("check/glossary.tsv"), "--format", "json"]
        let one = try CLI.run(args + ["--jobs", "1"] + files)
        let many = try CLI.run(args + ["--jobs", "3"] + files)
        #expect(many.stdout == one.stdout)
        #expect(many.status == one.status)
        #expect(one.stdout.contains("\"findings\""))
        let corpus = Self.corpus(60)
        let j1 = try CLI.run(args + ["--input-format", "jsonl", "--jobs", "1"], stdin: Array(corpus.utf8))
        let j3 = try CLI.run(args + ["--input-format", "jsonl", "--jobs", "3", "--piece-size", "200"], stdin: Array(corpus.utf8))
        #expect(j3.stdout == j1.stdout)
        // A JSONL document's id is the unit of its occurrences.
        #expect(j1.stdout.contains(#""unit":"doc-1""#) || j1.stdout.contains(#""unit":"0""#))
    }

    static var script: String {
        fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/parallel-draft.sh").path
    }

    static func shell(_ command: String, environment: [String: String]) throws -> CLIResult {
        try CLI.run(program: URL(fileURLWithPath: "/bin/bash"), ["-c", command], environment: environment)
    }

    @Test func gnuParallelShardsGiveTheOneProcessOutput() throws {
        let tmp = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let corpus = tmp.appendingPathComponent("corpus.jsonl")
        try Self.corpus(200).write(to: corpus, atomically: true, encoding: .utf8)
        let one = try Self.draft(["--input-format", "jsonl", "--format", "jsonl", "--jobs", "1", corpus.path])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.split(separator: "\n").count > 600)
        let env = ["TARJIM": CLI.executable.path, "PROCS": "3", "BLOCK": "2k"]
        let sharded = try Self.shell(
            "'\(Self.script)' '\(corpus.path)' -- \(Self.glossary.map { "'\($0)'" }.joined(separator: " "))", environment: env)
        #expect(sharded.status == 0, "\(sharded.stderr)")
        #expect(sharded.stdout == one.stdout)
    }

    @Test func gnuParallelCheckShardsMergeIntoTheWholeReport() throws {
        let tmp = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let corpus = tmp.appendingPathComponent("corpus.jsonl")
        try Self.corpus(200).write(to: corpus, atomically: true, encoding: .utf8)
        let g = Self.glossary
        let whole = try CLI.run(["check"] + g + ["--input-format", "jsonl", "--format", "json", corpus.path])
        let shards = tmp.appendingPathComponent("shards")
        let env = ["TARJIM": CLI.executable.path, "PROCS": "3", "BLOCK": "3k", "MODE": "check", "SHARDS_DIR": shards.path]
        let run = try Self.shell("'\(Self.script)' '\(corpus.path)' -- \(g.map { "'\($0)'" }.joined(separator: " "))", environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(reports.count > 2)
        let merged = try CLI.run(["check"] + g + ["--format", "json", "--merge"] + reports.map { shards.appendingPathComponent($0).path })
        #expect(merged.stdout == whole.stdout.replacingOccurrences(of: corpus.path, with: "-"))
        #expect(merged.status == whole.status)
        #expect(whole.stdout.contains("\"findings\""))
    }
}
