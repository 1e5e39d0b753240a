import Checks
import Foundation
import TarjimFormats
import Testing

/// The report writers (golden files), the JSON scope round trip and merging shards.
@Suite struct ReportFormatTests {
    /// The golden corpus: two Arabic sources and a pairs file, one scope.
    static func report() throws -> CheckReport {
        let pairs = try PairReader.read(Fixture.bytes("pairs/pairs.tsv"), file: "pairs/pairs.tsv").pairs
        return try Fixture.checker().check(documents: Fixture.sources(), pairs: pairs, pairFiles: ["pairs/pairs.tsv"])
    }

    @Test func everyKindIsInTheGoldenCorpus() throws {
        let kinds = Set(try Self.report().findings.map(\.kind))
        #expect(kinds == Set(FindingKind.allCases), "missing: \(Set(FindingKind.allCases).subtracting(kinds))")
    }

    @Test func jsonGolden() throws {
        try Fixture.assertSnapshot(CheckReportJSON.write(Self.report()), named: "report.json")
    }

    @Test func textGolden() throws {
        try Fixture.assertSnapshot(CheckReportText(color: false, visualBidi: false).render(Self.report()), named: "report.txt")
    }

    @Test func textGoldenInColour() throws {
        try Fixture.assertSnapshot(CheckReportText(color: true, visualBidi: false).render(Self.report()), named: "report-color.txt")
    }

    @Test func textGoldenInVisualOrder() throws {
        try Fixture.assertSnapshot(CheckReportText(color: false, visualBidi: true).render(Self.report()), named: "report-visual.txt")
    }

    @Test func htmlGolden() throws {
        try Fixture.assertSnapshot(CheckReportHTML.render(Self.report()), named: "report.html")
    }

    @Test func jsonIsValidAndFollowsTheSchema() throws {
        let text = CheckReportJSON.write(try Self.report())
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        for f in findings {
            #expect(Set(f.keys).isSuperset(of: ["kind", "severity", "entity", "expected", "found", "occurrences", "message"]))
            #expect(FindingKind(rawValue: f["kind"] as? String ?? "") != nil)
            #expect(["error", "warning", "info"].contains(f["severity"] as? String ?? ""))
            for o in try #require(f["occurrences"] as? [[String: Any]]) {
                #expect(o["file"] is String && o["line"] is Int && o["column"] is Int)
            }
        }
        let summary = try #require(root["summary"] as? [String: Any])
        #expect((summary["by_kind"] as? [String: Int])?.count == 9)
        #expect(summary["documents"] as? Int == 2)
        #expect(summary["pairs"] as? Int == 9)
    }

    @Test func jsonScopeRoundTrips() throws {
        let report = try Self.report()
        let scope = try CheckReportJSON.readScope(Array(CheckReportJSON.write(report).utf8), file: "r.json")
        #expect(scope == report.scope)
    }

    @Test func checkingShardsAndMergingEqualsCheckingEverything() throws {
        let checker = try Fixture.checker()
        let docs = try Fixture.sources()
        let pairs = try PairReader.read(Fixture.bytes("pairs/pairs.tsv"), file: "pairs/pairs.tsv").pairs
        let whole = CheckReportJSON.write(checker.check(documents: docs, pairs: pairs, pairFiles: ["pairs/pairs.tsv"]))
        // Shards: a.txt with the first pairs, b.txt with the others (pairs split inside one file too).
        let shard1 = CheckReportJSON.write(checker.check(documents: [docs[0]], pairs: Array(pairs[..<4]), pairFiles: ["pairs/pairs.tsv"]))
        let shard2 = CheckReportJSON.write(checker.check(documents: [docs[1]], pairs: Array(pairs[4...]), pairFiles: ["pairs/pairs.tsv"]))
        var shard2Report = try CheckReportJSON.readScope(Array(shard2.utf8), file: "2.json")
        shard2Report.pairCount = pairs.count - 4
        let merged = try checker.merge([
            ("1.json", try CheckReportJSON.readScope(Array(shard1.utf8), file: "1.json")), ("2.json", shard2Report),
        ])
        #expect(CheckReportJSON.write(merged) == whole)
        // The shards alone miss what only the whole shows.
        #expect(shard1 != whole)
    }

    @Test func reportsOfOtherSettingsAreNotMerged() throws {
        let checker = try Fixture.checker()
        var scope = checker.collect(documents: try Fixture.sources())
        scope.settings = "fnv1a64:0000000000000000"
        #expect(throws: CheckError.self) { try checker.merge([("old.json", scope)]) }
    }

    @Test func malformedReportsAreTypedErrors() throws {
        #expect(throws: FormatError.self) { try CheckReportJSON.readScope(Array("{\"findings\": [".utf8), file: "r.json") }
        do {
            _ = try CheckReportJSON.readScope(Array("{\"findings\": [], \"scope\": {\"version\": 1}}".utf8), file: "r.json")
            Issue.record("read")
        } catch {
            #expect(error.description.contains("$.scope.settings"))
        }
    }
}
