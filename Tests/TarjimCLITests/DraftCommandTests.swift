import Foundation
import Testing

@Suite struct DraftCommandTests {
    static let dir = Snapshot.directory(#filePath).appendingPathComponent("draft-core")
    static var article: String { dir.appendingPathComponent("article.ar.txt").path }
    static var glossaryArgs: [String] { ["--no-default-glossaries", "-g", dir.appendingPathComponent("glossary.tsv").path] }

    @Test(arguments: ["jsonl", "tsv", "text"])
    func formatsMatchTheirGoldenFiles(_ format: String) throws {
        let r = try CLI.run(["draft", "--format", format] + Self.glossaryArgs + [Self.article], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        try Snapshot.assert(r.stdout.replacingOccurrences(of: Self.article, with: "ARTICLE"), matches: "draft-core/expected.\(format)")
    }

    @Test func jsonlIsOneObjectPerSentenceWithTheDocumentedFields() throws {
        let r = try CLI.run(["draft", "--format", "jsonl"] + Self.glossaryArgs + [Self.article])
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 3)
        for o in objects {
            #expect(Set(o.keys) == ["doc", "para", "index", "source", "draft", "terms", "flags"])
        }
        let terms = objects.flatMap { $0["terms"] as? [[String: Any]] ?? [] }
        #expect(
            terms.contains { $0["source"] as? String == "فيدن" && $0["target"] as? String == "Biden" && $0["match"] as? String == "fuzzy" })
        #expect(terms.contains { $0["source"] as? String == "بلينجن" && $0["match"] as? String == "variant" })
        #expect(terms.contains { $0["source"] as? String == "تارنوفسكي" && $0["match"] as? String == "transliterated" })
        for t in terms {
            #expect(Set(t.keys) == ["source", "target", "canonical", "match", "start", "end", "entry_kind", "score"])
        }
    }

    @Test func draftNeverLosesAWordOfTheSource() throws {
        // Every Arabic word of the source that is not a matched term is still in the draft.
        let r = try CLI.run(["draft", "--format", "jsonl"] + Self.glossaryArgs + [Self.article])
        for line in r.stdout.split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(o["source"] as? String)
            let draft = try #require(o["draft"] as? String)
            let terms = try #require(o["terms"] as? [[String: Any]])
            var rest = Array(source.unicodeScalars)
            for t in terms.reversed() {
                let s = try #require(t["start"] as? Int)
                let e = try #require(t["end"] as? Int)
                rest.replaceSubrange(s..<e, with: [" "])
            }
            for word in String(String.UnicodeScalarView(rest)).split(whereSeparator: { $0 == " " || $0 == "،" || $0 == "." }) {
                #expect(draft.contains(word), "\(word) lost from \(draft)")
            }
        }
    }

    @Test func correctedSourceChangesOnlyNames() throws {
        let dir = try CLI.tempDirectory()
        let out = dir.appendingPathComponent("fixed.txt")
        let r = try CLI.run(["draft", "--format", "tsv", "--corrected-source", out.path] + Self.glossaryArgs + [Self.article])
        #expect(r.status == 0, "\(r.stderr)")
        let original = try String(contentsOfFile: Self.article, encoding: .utf8)
        let fixed = try String(contentsOf: out, encoding: .utf8)
        let expected = original.replacingOccurrences(of: "بلينجن", with: "بلينكن").replacingOccurrences(of: "بلينكين", with: "بلينكن")
            .replacingOccurrences(of: "فيدن", with: "بايدن")
        #expect(fixed == expected)
    }

    @Test func correctedSourceKeepsTheInputEncoding() throws {
        let dir = try CLI.tempDirectory()
        let input = dir.appendingPathComponent("in.txt")
        let text = "قال الرئيس بايدن أمس إن بلينجن سيسافر، ثم اتصل فيدن بالوزير.\r\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: input)
        let out = dir.appendingPathComponent("fixed.txt")
        let r = try CLI.run(["draft", "--format", "tsv", "--corrected-source", out.path] + Self.glossaryArgs + [input.path])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try [UInt8](Data(contentsOf: out))
        let expected = "قال الرئيس بايدن أمس إن بلينكن سيسافر، ثم اتصل بايدن بالوزير.\r\n"
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array(expected.utf8))
    }

    @Test func machineTranslationReplacesTheDraftAndFlagsMissingTerms() throws {
        let r = try CLI.run(
            ["draft", "--format", "jsonl", "--mt-command", "sh " + Self.dir.appendingPathComponent("mt-echo.sh").path] + Self.glossaryArgs
                + [Self.article])
        #expect(r.status == 0, "\(r.stderr)")
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect((objects[0]["draft"] as? String)?.hasPrefix("Sentence 1:") == true)
        #expect((objects[2]["draft"] as? String)?.hasPrefix("Sentence 3:") == true)
        let flags = objects.flatMap { $0["flags"] as? [[String: Any]] ?? [] }
        let missing = flags.filter { $0["kind"] as? String == "mt-missing-term" }.compactMap { $0["message"] as? String }
        // The engine never writes NATO or "foreign minister"; it writes the other terms.
        #expect(missing.contains { $0.contains("NATO") })
        #expect(missing.contains { $0.contains("foreign minister") })
        #expect(!missing.contains { $0.contains("Blinken") || $0.contains("Russia") })
    }

    @Test func deadEngineIsAClearError() throws {
        let r = try CLI.run(
            ["draft", "--format", "jsonl", "--mt-command", "sh " + Self.dir.appendingPathComponent("mt-dead.sh").path] + Self.glossaryArgs
                + [Self.article])
        #expect(r.status == 1)
        #expect(r.stderr.contains("exited with status 3 after answering 1 of 3 sentences"))
    }

    @Test func silentEngineTimesOut() throws {
        let start = Date()
        let r = try CLI.run(
            [
                "draft", "--format", "jsonl", "--mt-timeout", "1", "--mt-command",
                "sh " + Self.dir.appendingPathComponent("mt-silent.sh").path,
            ]
                + Self.glossaryArgs + [Self.article])
        #expect(r.status == 1)
        #expect(r.stderr.contains("gave no line for sentence 1 within 1.0 s"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func missingEngineIsAClearError() throws {
        let r = try CLI.run(["draft", "--mt-command", "/nonexistent/engine"] + Self.glossaryArgs + [Self.article])
        #expect(r.status == 1)
        #expect(r.stderr.contains("MT engine"))
    }

    @Test func noFuzzyLeavesGarblesAlone() throws {
        let r = try CLI.run(["draft", "--format", "jsonl", "--no-fuzzy"] + Self.glossaryArgs + [Self.article])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\"fuzzy\""))
        #expect(r.stdout.contains("\"variant\""))
    }

    @Test func textFormatInVisualOrder() throws {
        let r = try CLI.run(
            ["draft", "--format", "text", "--bidi", "visual"] + Self.glossaryArgs + [Self.article], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        // The Arabic line is reordered for display: its first logical word is no longer first.
        let arLine = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("  ar: ") })
        #expect(!arLine.hasPrefix("  ar: التقى"))
        #expect(arLine.contains(String("التقى".reversed())))
    }

    @Test func helpDescribesTheCommand() throws {
        let h = try CLI.run(["draft", "--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("--corrected-source"))
        #expect(h.stdout.contains("--mt-command"))
    }
}
