import ArabicText
import Foundation
import TarjimFormats
import TarjimIO
import Testing

@testable import TarjimCLI

/// The pieces of `--jobs` and streaming, in process.
@Suite struct ScalingUnitTests {
    @Test(arguments: [1, 2, 5])
    func orderedParallelMapKeepsInputOrder(_ jobs: Int) throws {
        var items = Array(0..<500).makeIterator()
        var out: [Int] = []
        try OrderedParallelMap.run(
            jobs: jobs, window: 7, next: { items.next() },
            transform: { _, n in
                // Early items take longest, so later ones finish first.
                if n % 50 == 0 { usleep(2000) }
                return n * 3
            }, consume: { out.append($0) })
        #expect(out == (0..<500).map { $0 * 3 })
    }

    struct Boom: Error, Equatable { let n: Int }

    @Test func orderedParallelMapStopsAtTheFirstErrorInInputOrder() {
        var items = Array(0..<200).makeIterator()
        var out: [Int] = []
        #expect(throws: Boom(n: 40)) {
            try OrderedParallelMap.run(
                jobs: 3, next: { items.next() },
                transform: { _, n in
                    if n == 40 || n == 41 { throw Boom(n: n) }
                    return n
                }, consume: { out.append($0) })
        }
        #expect(out == Array(0..<40))
    }

    @Test(arguments: [
        (3, 1_500_000, 2.0, Int?.none, "3 docs  1.5 MB  0.8 MB/s"),
        (1, 0, 0.0, Int?.some(10), "1 doc  0.0 MB  0.0 MB/s  0%"),
        (120, 25_000_000, 5.0, Int?.some(100_000_000), "120 docs  25.0 MB  5.0 MB/s  25%  ETA 0:00:15"),
        (9, 3_600_000_000, 1000.0, Int?.some(7_200_000_000), "9 docs  3600.0 MB  3.6 MB/s  50%  ETA 0:16:40"),
    ])
    func progressLineFormat(_ docs: Int, _ bytes: Int, _ seconds: Double, _ total: Int?, _ expected: String) {
        #expect(ProgressLine.format(documents: docs, bytes: bytes, seconds: seconds, total: total) == expected)
    }

    /// Sparse files claim any size (`truncate -s 4E f`; `draft --progress f f` overflowed the
    /// total): a total past Int.max is unknown, and an ETA past Int.max seconds is shown clamped.
    @Test func hugeClaimedSizesGiveNoTotalAndABoundedETA() {
        #expect(DocumentSource.sum(ofSizes: [Int.max / 2 + 1, Int.max / 2 + 1]) == nil)
        #expect(DocumentSource.sum(ofSizes: [Int.max - 1, 1]) == Int.max)
        #expect(DocumentSource.sum(ofSizes: []) == 0)
        let line = ProgressLine.format(documents: 1, bytes: 1, seconds: 1000, total: Int.max)
        #expect(line.hasPrefix("1 doc  0.0 MB  0.0 MB/s  0%  ETA 277777777777:46:40"), "\(line)")
        #expect(ProgressLine.clock(.infinity) == ProgressLine.clock(1e15))
        #expect(ProgressLine.clock(.nan) == "0:00:00")
    }

    @Test(arguments: ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\n\n", "\u{85}x\u{2028}y\u{2029}", "\r\n\r", "ب\u{2029}\u{2028}"])
    func paragraphBreaksCountAsParagraphSplitDoes(_ text: String) {
        // A piece whose text ends in a terminator is followed by paragraph number breaks + 1.
        let p = Paragraph.split(text + "z")
        #expect(DocumentSource.paragraphBreaks(text) + 1 == p.last?.number)
    }

    /// Long texts, where the count skips eight bytes at a time: terminators (and the bytes
    /// that start them in other characters: C2 of é's neighbours, E2 of the euro sign) at every
    /// place relative to the eight-byte steps, a CRLF or an LS split across two steps.
    @Test func paragraphBreaksInLongTextsCountAsParagraphSplitDoes() {
        let pieces = ["قال", " ", "الرئيس", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "€", "a", "؟", "\u{2009}"]
        var state: UInt64 = 11
        for n in 0..<300 {
            var text = ""
            for _ in 0..<(n % 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let p = Paragraph.split(text + "z")
            #expect(
                DocumentSource.paragraphBreaks(text) + 1 == p.last?.number, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func jsonlDocumentParsing() throws {
        let d = try JSONLDocument(
            line: #" {"text": "\u0642\u0627\u0644 \ud83d\ude00\n", "id": -2.5e3, "x": [1, {"y": null}]} "#, file: "c.jsonl", line: 4)
        #expect(d == JSONLDocument(idJSON: "-2.5e3", name: "-2.5e3", text: "قال 😀\n"))
        let s = try JSONLDocument(line: #"{"id": "\u0041/b", "text": "x"}"#, file: nil, line: 1)
        #expect(s.idJSON == #""A/b""#)
        #expect(s.name == "A/b")
        #expect(throws: FormatError.unreadable(file: "c.jsonl", line: 9, column: 16, message: "jsonl: unterminated string")) {
            try JSONLDocument(line: #"{"id": 1, "ب": "x}"#, file: "c.jsonl", line: 9)
        }
        #expect(throws: FormatError.unreadable(file: "c.jsonl", line: 2, column: 8, message: "jsonl: \"id\" must be a string or a number"))
        {
            try JSONLDocument(line: #"{"id": 01, "text": "x"}"#, file: "c.jsonl", line: 2)
        }
    }
}
