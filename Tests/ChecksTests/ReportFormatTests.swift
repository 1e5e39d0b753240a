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

    /// Foundation's JSONSerialization drops a U+FEFF written as itself at the start of a string
    /// (swiftlang/swift-foundation#300): a report of a document named so read back another name, and
    /// its merge differed from the whole corpus' report.
    @Test func aScopeWithAByteOrderMarkAtTheStartOfAStringRoundTrips() throws {
        let doc = ArabicDocument(name: "\u{FEFF}news.txt", text: "\u{FEFF}قال بلينجن إن الناتو مستعد.\n")
        let report = try Fixture.checker().check(documents: [doc])
        let scope = try CheckReportJSON.readScope(Array(CheckReportJSON.write(report).utf8), file: "r.json")
        #expect(scope.documents.map { Array($0.unicodeScalars) } == [Array("\u{FEFF}news.txt".unicodeScalars)])
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

    /// Counts read from reports are the user's: two reports whose counts add up past Int.max
    /// (hand-edited or corrupt) are an error naming the report, not an overflow trap when merged.
    @Test func mergingCountsPastIntMaxIsAnErrorNamingTheReport() throws {
        let checker = try Fixture.checker()
        var scope = try CheckReportJSON.readScope(Array(CheckReportJSON.write(Self.report()).utf8), file: "1.json")
        let half = Int.max / 2 + 1
        scope.names[0].count = half
        #expect(throws: CheckError.countsTooLarge(file: "2.json")) { try checker.merge([("1.json", scope), ("2.json", scope)]) }
        var pairs = try CheckReportJSON.readScope(Array(CheckReportJSON.write(Self.report()).utf8), file: "1.json")
        pairs.pairCount = half
        #expect(throws: CheckError.countsTooLarge(file: "2.json")) { try checker.merge([("1.json", pairs), ("2.json", pairs)]) }
        #expect(CheckError.countsTooLarge(file: "2.json").description.hasPrefix("2.json: error: check: "))
    }

    /// A record that counts fewer places than it lists (edited or damaged) is refused when read:
    /// merged, it gave a report whose findings list more places than they count, which did not
    /// read back (found by the `check-report` fuzz target).
    @Test func aRecordCountingFewerPlacesThanItListsIsRefused() throws {
        let json = CheckReportJSON.write(try Self.report())
        var scope = try CheckReportJSON.readScope(Array(json.utf8), file: "r.json")
        let k = try #require(scope.names.firstIndex { !$0.occurrences.isEmpty })
        scope.names[k].count = scope.names[k].occurrences.count - 1
        let report = CheckReport(findings: [], scope: scope)
        #expect(
            throws: FormatError.unreadable(
                file: "r.json", line: 0, column: 0, message: "report: $.scope.names[\(k)].count: fewer than the occurrences listed")
        ) {
            try CheckReportJSON.readScope(Array(CheckReportJSON.write(report).utf8), file: "r.json")
        }
    }

    /// A record naming a glossary entry past the glossary's end (or below 0), in a report that
    /// otherwise matches the settings (edited or damaged), is an error naming the report and the
    /// record; drawing the findings from it trapped before.
    @Test(arguments: [1_000_000, -5])
    func mergingARecordOfNoGlossaryEntryIsAnError(_ entry: Int) throws {
        let checker = try Fixture.checker()
        var scope = try CheckReportJSON.readScope(Array(CheckReportJSON.write(Self.report()).utf8), file: "1.json")
        try #require(!scope.names.isEmpty)
        scope.names[scope.names.count - 1].entry = entry
        let count = checker.glossary.entries.count
        let message = "$.scope.names[\(scope.names.count - 1)].entry is \(entry), not an entry of the glossary (0 to \(count - 1))"
        #expect(throws: CheckError.invalidScope(file: "1.json", message: message)) { try checker.merge([("1.json", scope)]) }
        #expect(CheckError.invalidScope(file: "1.json", message: message).description.hasPrefix("1.json: error: check: $.scope"))
    }

    /// A report's numbers must be integers that fit: 1e300 or 2^64 is an error naming the path,
    /// not some other number.
    @Test(arguments: ["1e300", "18446744073709551616", "-1e300", "-1"])
    func hugeCountInAReportIsAnError(_ value: String) throws {
        let json = CheckReportJSON.write(try Self.report())
        let edited = json.replacingOccurrences(of: "\"pairs\": ", with: "\"pairs\": \(value), \"was\": ")
        #expect(edited != json)
        #expect(throws: FormatError.self) { _ = try CheckReportJSON.readScope(Array(edited.utf8), file: "r.json") }
    }

    /// Six documents (the golden sources' lines, shuffled), so that names recur across documents.
    static func manyDocuments() throws -> [ArabicDocument] {
        let lines = try Fixture.sources().flatMap { $0.text.split(separator: "\n").map(String.init) }
        return (0..<6).map { k in
            let text = lines.indices.map { lines[($0 * (k + 1) + k) % lines.count] }.joined(separator: "\n")
            return ArabicDocument(name: "doc\(k).txt", text: text)
        }
    }

    @Test(arguments: [0, 1, 2, 50])
    func shardsMergeExactlyWhateverThePlacesKept(_ limit: Int) throws {
        let checker = try Fixture.checker(maxOccurrences: limit)
        let docs = try Self.manyDocuments()
        let whole = CheckReportJSON.write(checker.check(documents: docs))
        // Interleaved shards, merged in another order: places of one name are spread over all three.
        let shards = try [[5, 2], [0, 3], [4, 1]].enumerated().map { n, ks in
            let json = CheckReportJSON.write(checker.check(documents: ks.map { docs[$0] }))
            return ("\(n).json", try CheckReportJSON.readScope(Array(json.utf8), file: "\(n).json"))
        }
        #expect(CheckReportJSON.write(try checker.merge(shards)) == whole)
        let report = checker.check(documents: docs)
        let blinken = try #require(report.findings.first { $0.kind == .variantSpelling && $0.entity == "Blinken" })
        // Counts are exact whatever is listed; the places to fix are the misspellings only.
        #expect(blinken.totalOccurrences == blinken.spellings.filter { !$0.isExpected }.reduce(0) { $0 + $1.count })
        #expect(blinken.occurrences.allSatisfy { $0.found != "بلينكن" })
        #expect(blinken.occurrences.count == (limit == 0 ? blinken.totalOccurrences : min(limit, blinken.totalOccurrences)))
        #expect(blinken.occurrences == blinken.occurrences.sorted())
    }

    @Test func unlistedPlacesAreCountedInEveryFormat() throws {
        let report = try Fixture.checker(maxOccurrences: 1).check(documents: try Self.manyDocuments())
        let all = try Fixture.checker(maxOccurrences: 0).check(documents: try Self.manyDocuments())
        let f = try #require(report.findings.first { $0.kind == .variantSpelling && $0.entity == "Blinken" })
        let g = try #require(all.findings.first { $0.kind == .variantSpelling && $0.entity == "Blinken" })
        #expect(f.occurrences == [g.occurrences[0]])
        #expect(f.totalOccurrences == g.occurrences.count)
        #expect(report.summary.occurrences == all.summary.occurrences)
        let more = "… and \(f.totalOccurrences - 1) more"
        #expect(CheckReportText(color: false, visualBidi: false).render(report).contains("\n  " + more + "\n"))
        #expect(CheckReportHTML.render(report).contains("<p class=\"more\">" + more + "</p>"))
        #expect(CheckReportJSON.write(report).contains("\"total_occurrences\":\(f.totalOccurrences)"))
        #expect(!CheckReportText(color: false, visualBidi: false).render(all).contains("more\n"))
    }

    @Test func aPieceOfAFileKeepsTheFileLineNumbers() throws {
        let checker = try Fixture.checker()
        let text = try Fixture.text("sources/a.txt") + Fixture.text("sources/b.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let whole = checker.check(documents: [ArabicDocument(name: "ab.txt", text: text)])
        // The file in two pieces cut at a line end, as `tarjim check` reads large files.
        let first = lines[..<3].joined(separator: "\n") + "\n"
        let rest = lines[3...].joined(separator: "\n")
        var scope = checker.collect(documents: [ArabicDocument(name: "ab.txt", text: first)])
        scope.merge(checker.collect(documents: [ArabicDocument(name: "ab.txt", text: rest, linesBefore: 3)]))
        let pieces = checker.resolve(scope)
        // The garbled name's evidence (كيشيدا) is in its own piece, so nothing differs.
        #expect(CheckReportJSON.write(pieces) == CheckReportJSON.write(whole))
        #expect(pieces.findings.contains { $0.occurrences.contains { $0.line == 6 } })
    }

    @Test(arguments: [1, 2])
    func skippingPlacesEarlierPiecesListChangesNothing(_ limit: Int) throws {
        let checker = try Fixture.checker(maxOccurrences: limit)
        let lines = try Self.manyDocuments().flatMap { $0.text.split(separator: "\n").map(String.init) }
        // One file in pieces of five lines, observed in order as `tarjim check` does.
        let pieces = stride(from: 0, to: lines.count, by: 5).map { k in
            ArabicDocument(name: "big.txt", text: lines[k..<min(k + 5, lines.count)].joined(separator: "\n") + "\n", linesBefore: k)
        }
        let kept = KeptPlaces()
        var skipping = CheckScope(settings: checker.settingsFingerprint, maxOccurrences: limit)
        var plain = skipping
        var skipped = 0
        for p in pieces {
            let s = checker.collect(documents: [p], skipping: kept)
            let t = checker.collect(documents: [p])
            kept.add(s)
            skipping.merge(s)
            plain.merge(t)
            skipped += t.names.reduce(0) { $0 + $1.occurrences.count } - s.names.reduce(0) { $0 + $1.occurrences.count }
        }
        #expect(skipping == plain)
        #expect(skipped > 0)
        #expect(skipping.names.contains { $0.count > limit && $0.occurrences.count == limit })
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
            _ = try CheckReportJSON.readScope(
                Array("{\"findings\": [], \"scope\": {\"version\": \(CheckScope.version)}}".utf8), file: "r.json")
            Issue.record("read")
        } catch {
            #expect(error.description.contains("$.scope.settings"))
        }
    }
}
