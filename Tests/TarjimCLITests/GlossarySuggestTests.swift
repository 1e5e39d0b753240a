import Foundation
import Testing

/// `tarjim glossary suggest` run as a subprocess on the suggest fixtures of the Glossary tests
/// (read by path: Tests/GlossaryTests/Fixtures/suggest). Needs hunspell-ar.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/hunspell/ar.dic"), "needs hunspell-ar"))
struct GlossarySuggestTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GlossaryTests/Fixtures/suggest")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static let base = [
        "glossary", "suggest", path("port.ar.txt"), path("inquiry.ar.txt"), "--no-default-glossaries", "-g", path("glossary.tsv"),
    ]

    /// The entry lines of a TSV output, split into columns.
    static func rows(_ tsv: String) -> [[String]] {
        tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func tsvWithEnglishProposals() throws {
        let r = try CLI.run(Self.base + ["--english", Self.path("port.en.txt"), Self.path("inquiry.en.txt")])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# Suggested glossary entries") == true)
        #expect(lines.first?.contains("? = no proposal") == true)
        let rows = Self.rows(r.stdout)
        // Five glossary columns on every line, never an empty English column.
        #expect(rows.allSatisfy { $0.count == 5 && !$0[1].isEmpty })
        let byArabic = Dictionary(rows.map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byArabic["سولميرا"]?[1] == "Solmera")
        #expect(byArabic["سولميرا"]?[2].hasPrefix("count 7 in 2 docs; english 1.00; ctx: ") == true)
        #expect(byArabic["كوفالينكو"].map { [$0[1], $0[3], $0[4]] } == ["Kovalenko", "كوفالنكو", "person"])
        #expect(byArabic["هالفورسن"]?[1] == "Halvorsen")
        #expect(byArabic["شركة الحبوب الشمالية"]?[1] == "Northern Grain Company")
        #expect(byArabic["محطة تحلية المياه"].map { [$0[1], $0[4]] } == ["?", "term"])
        // Covered by the fixture glossary.
        #expect(byArabic["دنمور"] == nil)
        #expect(!rows.contains { $0[0].contains("مجلس الأمن") })
    }

    @Test func withoutEnglishEveryEnglishColumnIsAQuestionMark() throws {
        let r = try CLI.run(Self.base + ["--limit", "3"])
        #expect(r.status == 0)
        let rows = Self.rows(r.stdout)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0[1] == "?" })
    }

    @Test func mismatchedLineCountsAreAnError() throws {
        let r = try CLI.run(Self.base + ["--english", Self.path("port.en.txt"), Self.path("inquiry.short.en.txt")])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("inquiry.short.en.txt: error: suggest: 6 lines, but the Arabic file "))
        #expect(r.stderr.contains("inquiry.ar.txt has 7"))
    }

    @Test func oneEnglishFilePerCorpusFile() throws {
        let r = try CLI.run(Self.base + ["--english", Self.path("port.en.txt")])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--english needs one file per corpus file: 2 corpus files, 1 English"))
    }

    @Test func jsonFormat() throws {
        let r = try CLI.run(Self.base + ["--english", Self.path("port.en.txt"), Self.path("inquiry.en.txt"), "--format", "json"])
        #expect(r.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let k = try #require(items.first { $0["arabic"] as? String == "كوفالينكو" })
        #expect(k["english"] as? String == "Kovalenko")
        #expect(k["count"] as? Int == 5)
        #expect(k["documents"] as? Int == 2)
        #expect(k["variants"] as? [String] == ["كوفالنكو"])
        #expect((k["contexts"] as? [String])?.count == 2)
        let plant = try #require(items.first { $0["arabic"] as? String == "محطة تحلية المياه" })
        #expect(plant["english"] is NSNull)
    }

    @Test func outputFileAndMinimumCount() throws {
        let dir = try CLI.tempDirectory()
        let out = dir.appendingPathComponent("suggested.tsv")
        let r = try CLI.run(Self.base + ["--min-count", "5", "-o", out.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let rows = Self.rows(try String(contentsOf: out, encoding: .utf8))
        #expect(rows.map { $0[0] } == ["سولميرا", "كوفالينكو"])
    }
}
