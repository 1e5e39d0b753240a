import Foundation
import TarjimFormats
import Testing

@testable import TarjimCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct AlignCommandTests {
    struct JSONBead: Decodable, Equatable {
        let ar: [Int]
        let en: [Int]
        let arText: String
        let enText: String
        let score: Double

        enum CodingKeys: String, CodingKey {
            case ar, en, score
            case arText = "ar_text"
            case enText = "en_text"
        }
    }

    func jsonl(_ stdout: String) throws -> [JSONBead] {
        try stdout.split(separator: "\n").map { try JSONDecoder().decode(JSONBead.self, from: Data($0.utf8)) }
    }

    let noExtras = ["--dictionary", "none"]

    @Test func parsesItsOptions() throws {
        let c = try AlignCommand.parse([
            "a.txt", "b.txt", "--segmented", "-g", "x.tsv", "-g", "y.tsv", "--format", "tmx", "--min-score", "0.5",
        ])
        #expect(c.arabicFile == "a.txt" && c.englishFile == "b.txt")
        #expect(c.segmented && c.glossaries == ["x.tsv", "y.tsv"] && c.format == .tmx && c.minScore == 0.5)
        #expect(c.dictionary == "auto")
        #expect(throws: (any Error).self) { try AlignCommand.parse(["a.txt", "b.txt", "--format", "xml"]) }
        #expect(throws: (any Error).self) { try AlignCommand.parse(["a.txt"]) }
    }

    @Test func sentencesAreSplitAndPairedInJSONL() throws {
        let r = try CLI.run(["align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--format", "jsonl"] + noExtras)
        #expect(r.status == 0, "\(r.stderr)")
        let beads = try jsonl(r.stdout)
        #expect(beads.map(\.ar) == [[1], [2], [3], [4], [5]])
        #expect(beads.map(\.en) == [[1], [2], [3], [4], [5]])
        // "Dr." does not end the English sentence, "د." does not end the Arabic one.
        #expect(beads[3].enText.hasPrefix("Dr. Karim Atiyah"))
        #expect(beads[3].arText.contains("د. كريم"))
        #expect(beads.allSatisfy { (0...1).contains($0.score) })
    }

    @Test func segmentedKeepsLineNumbersAcrossBlankLines() throws {
        let r = try CLI.run(
            ["align", "--segmented", CLI.fixture("align/lines.ar.txt"), CLI.fixture("align/lines.en.txt"), "--format", "jsonl"] + noExtras)
        #expect(r.status == 0, "\(r.stderr)")
        let beads = try jsonl(r.stdout)
        #expect(beads.map(\.ar) == [[1], [2], [3, 4], [5], [], [6]])
        #expect(beads.map(\.en) == [[1], [2], [3], [4], [5], [6]])
        #expect(beads[2].arText.contains("NYK") && beads[2].enText.contains("NYK"))
        #expect(beads[4].arText.isEmpty && beads[4].enText.isEmpty)
    }

    @Test func tsvEscapesAndMinScoreDropsWeakAndOneSidedBeads() throws {
        let dir = try CLI.tempDirectory()
        let ar = dir.appendingPathComponent("ar.txt")
        let en = dir.appendingPathComponent("en.txt")
        try
            "قال الوزير إن ٥ سفن وصلت إلى الميناء صباح اليوم.\nوأضاف أن أعمال التفريغ ستستمر طوال الأسبوع المقبل بسبب الازدحام الشديد في الأرصفة.\nولم يعلق أحد على التصريحات.\n"
            .write(to: ar, atomically: true, encoding: .utf8)
        try "The minister said 5\\ships\tarrived at the port this morning.\nNobody commented on the remarks.\n".write(
            to: en, atomically: true, encoding: .utf8)
        let all = try CLI.run(["align", "--segmented", ar.path, en.path, "--format", "tsv"] + noExtras)
        #expect(all.status == 0)
        let rows = all.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == 3 })
        #expect(rows[0][1] == #"The minister said 5\\ships\tarrived at the port this morning."#)
        #expect(rows[1][1].isEmpty)  // the Arabic sentence nobody translated
        let strict = try CLI.run(["align", "--segmented", ar.path, en.path, "--format", "tsv", "--min-score", "0.01"] + noExtras)
        #expect(strict.stdout.split(separator: "\n").count == 2)
        let none = try CLI.run(["align", "--segmented", ar.path, en.path, "--format", "tsv", "--min-score", "1"] + noExtras)
        #expect(none.stdout.split(separator: "\n").count <= 2)
    }

    @Test func tmxIsWellFormedWithTheRequiredHeader() throws {
        let r = try CLI.run(
            ["align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--format", "tmx"] + noExtras,
            environment: ["SOURCE_DATE_EPOCH": "1767268800"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try TMXProbe(Data(r.stdout.utf8))
        #expect(doc.header["creationdate"] == "20260101T120000Z")
        for a in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(doc.header[a] != nil, "header attribute \(a)")
        }
        #expect(doc.header["srclang"] == "ar")
        #expect(doc.units.count == 5)
        #expect(doc.units.allSatisfy { $0.map(\.lang) == ["ar", "en"] && $0.allSatisfy { !$0.text.isEmpty } })
        #expect(doc.units[3][1].text.hasPrefix("Dr. Karim Atiyah"))
    }

    @Test func tmxLeavesOutOneSidedBeadsAndEscapes() throws {
        let dir = try CLI.tempDirectory()
        let ar = dir.appendingPathComponent("ar.txt")
        let en = dir.appendingPathComponent("en.txt")
        try "قال الوزير إن ٥ سفن وصلت.\nوأضاف أن العمل مستمر في الميناء منذ الصباح الباكر.\n".write(
            to: ar, atomically: true, encoding: .utf8)
        try "The minister said 5 ships <& \"boats\"> arrived.\n".write(to: en, atomically: true, encoding: .utf8)
        let r = try CLI.run(["align", "--segmented", ar.path, en.path, "--format", "tmx"] + noExtras)
        #expect(r.status == 0)
        let doc = try TMXProbe(Data(r.stdout.utf8))
        #expect(doc.units.count == 1)
        #expect(doc.units.first?.last?.text == "The minister said 5 ships <& \"boats\"> arrived.")
    }

    /// What align writes, the pair readers of `tarjim check --pairs` read back: the same pairs from
    /// tmx, tsv and jsonl.
    @Test func everyFormatReadsBackAsTheSamePairs() throws {
        let dir = try CLI.tempDirectory()
        let args = ["align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt")] + noExtras
        let beads = try jsonl(try CLI.run(args + ["--format", "jsonl"]).stdout).filter { !$0.ar.isEmpty && !$0.en.isEmpty }
        #expect(beads.count == 5)
        for format in ["tmx", "tsv", "jsonl"] {
            let file = dir.appendingPathComponent("pairs." + format)
            let r = try CLI.run(args + ["--format", format, "-o", file.path])
            #expect(r.status == 0)
            let pairs = try PairReader.read(contentsOf: file).pairs
            #expect(pairs.map { [$0.arabic, $0.english] } == beads.map { [$0.arText, $0.enText] }, "\(format)")
        }
    }

    @Test func tmxRefusesCharactersXMLCannotCarry() throws {
        let dir = try CLI.tempDirectory()
        let ar = dir.appendingPathComponent("ar.txt")
        let en = dir.appendingPathComponent("en.txt")
        try "قال الوزير إن السفن وصلت.\n".write(to: ar, atomically: true, encoding: .utf8)
        try "The minister said the \u{1}ships arrived.\n".write(to: en, atomically: true, encoding: .utf8)
        let r = try CLI.run(["align", "--segmented", ar.path, en.path, "--format", "tmx"] + noExtras)
        #expect(r.status == 1)
        #expect(r.stderr.contains("U+0001 cannot be written in XML 1.0"))
        #expect(r.stdout.isEmpty)
    }

    @Test func textFormatShowsBothSides() throws {
        let r = try CLI.run(["align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--format", "text"] + noExtras)
        #expect(r.status == 0)
        #expect(r.stdout.contains("en 1 | ar 1"))
        #expect(r.stdout.contains("The finance minister") && r.stdout.contains("وزير المالية"))
    }

    @Test func hunalignDictionaryIsAccepted() throws {
        let dir = try CLI.tempDirectory()
        let dic = dir.appendingPathComponent("d.dic")
        try "port @ ميناء\nceremony @ الحفل\n".write(to: dic, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--format", "jsonl", "--dictionary", dic.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try jsonl(r.stdout).count == 5)
    }

    @Test func errorsExitOneAndUsageErrors64() throws {
        let missing = try CLI.run(["align", "/nonexistent/ar.txt", CLI.fixture("align/port.en.txt")] + noExtras)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/ar.txt"))
        let badDictionary = try CLI.run([
            "align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--dictionary", "/nonexistent.dic",
        ])
        #expect(badDictionary.status == 1)
        let badScore = try CLI.run(["align", CLI.fixture("align/port.ar.txt"), CLI.fixture("align/port.en.txt"), "--min-score", "2"])
        #expect(badScore.status == 64)
    }
}

/// Reads a TMX document with Foundation's XMLParser (which fails on anything not well-formed) and
/// keeps the header's attributes and each unit's (language, text) variants.
final class TMXProbe: NSObject, XMLParserDelegate {
    var header: [String: String] = [:]
    var units: [[(lang: String, text: String)]] = []
    private var lang = ""
    private var text: String?

    init(_ data: Data) throws {
        super.init()
        let p = XMLParser(data: data)
        p.shouldProcessNamespaces = false
        p.delegate = self
        guard p.parse() else { throw p.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        switch name {
        case "header": header = attributes
        case "tu": units.append([])
        case "tuv": lang = attributes["xml:lang"] ?? ""
        case "seg": text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "seg", let t = text, !units.isEmpty {
            units[units.count - 1].append((lang, t))
            text = nil
        }
    }
}
