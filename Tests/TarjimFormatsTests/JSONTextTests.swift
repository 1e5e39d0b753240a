import Foundation
import Testing

@testable import TarjimFormats

@Suite struct JSONTextTests {
    /// Every string comes back from a JSON parser as it went in; controls, quotes, backslashes and
    /// the line and paragraph separators are escaped, everything else is copied as UTF-8.
    @Test func stringsRoundTripThroughAJSONParser() throws {
        var samples = [
            "", "قال الوزير \"إن\" 3\\4", "a\u{2028}b\u{2029}c", "\u{E2}", "€ \u{200F}\u{202E} ok", "tab\there\r\nnew line",
            String(decoding: (0..<32).map { UInt8($0) }, as: UTF8.self),
        ]
        var rng = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = [
            "\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "ب", "a", "€", "😀", "\u{7F}",
        ]
        for _ in 0..<300 {
            samples.append(String((0..<Int.random(in: 0..<12, using: &rng)).map { _ in Character(pool.randomElement(using: &rng)!) }))
        }
        // Long runs with nothing to escape (the eight-byte scan) and one special scalar anywhere.
        let plain = "قال الوزير إن المحادثات ستستمر في جنيف. The talks go on €"
        for special in pool where !["ب", "a", "€", "\u{2027}", "😀"].contains(String(special)) {
            for k in 0...plain.unicodeScalars.count {
                var u = Array(plain.unicodeScalars)
                u.insert(special, at: k)
                var t = String.UnicodeScalarView()
                t.append(contentsOf: u)
                samples.append(String(t))
            }
        }
        for s in samples {
            let literal = JSONText.string(s)
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(parsed == [s], "\(literal)")
            #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
            var bytes: [UInt8] = []
            JSONText.appendString(s, to: &bytes)
            #expect(bytes == Array(literal.utf8))
        }
        #expect(JSONText.string("a\u{01}\u{2028}") == "\"a\\u0001\\u2028\"")
    }

    @Test(arguments: [0, 7, 10, 99, 1_000_001, -1, -250, Int.max, Int.min])
    func integers(_ n: Int) {
        var bytes: [UInt8] = []
        JSONText.appendInt(n, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(n))
    }
}
