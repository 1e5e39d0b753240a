import Testing

@testable import TarjimFormats

@Suite struct JSONLineWriterTests {
    /// Strings come out as `JSONText.appendString` writes them, after what `out` held.
    @Test(arguments: [
        "", "قال \"إن\" 3\\4", "a\u{2028}b\u{2029}c\u{E2}", "tab\there\r\nnew line\u{0}\u{1F}\u{7F}", "€ \u{200F}\u{202E} 😀 ok",
        String(repeating: "قال الوزير إن المحادثات ستستمر. ", count: 20),
    ])
    func stringsAreEscapedAsJSONText(_ s: String) {
        var expected: [UInt8] = [1, 2]
        JSONText.appendString(s, to: &expected)
        let maximum = JSONText.maxStringLength(utf8: s.utf8.count)
        // A guess that fits, one that does not (written again in the maximum), the maximum itself.
        for guess in [maximum + 10, s.utf8.count / 2, s.utf8.count + 2, maximum] {
            var out: [UInt8] = [1, 2]
            JSONLineWriter.append(capacity: guess, maximum: maximum, to: &out) { $0.string(s) }
            #expect(out == expected, "guess \(guess)")
        }
    }

    @Test(arguments: [0, 7, 10, 99, 1_000_001, -1, -10, -250, Int.max, Int.min])
    func integers(_ n: Int) {
        var out: [UInt8] = []
        JSONLineWriter.append(capacity: 1, maximum: 20, to: &out) { $0.int(n) }
        #expect(String(decoding: out, as: UTF8.self) == String(n))
    }

    /// A line may fill its capacity exactly; what is left over is cut off. Literals of every
    /// length from 0 to 40 bytes are copied whole.
    @Test func capacityIsAnUpperBound() {
        var out: [UInt8] = []
        JSONLineWriter.append(capacity: 8, maximum: 8, to: &out) { w in
            w.raw("{\"a\":")
            w.int(12)
            w.raw("}")
        }
        #expect(out == Array("{\"a\":12}".utf8))
        JSONLineWriter.append(capacity: 100, maximum: 100, to: &out) { w in
            w.raw("[")
            w.raw(utf8: "ok")
            w.byte(UInt8(ascii: "]"))
        }
        #expect(out == Array("{\"a\":12}[ok]".utf8))
        for n in 0...40 {
            let text = String((0..<n).map { Character(Unicode.Scalar(UInt8(65 + $0 % 26))) })
            var line: [UInt8] = [9]
            JSONLineWriter.append(capacity: n / 2, maximum: n + 1, to: &line) { w in
                w.raw(utf8: text)
                w.byte(0x0A)
            }
            #expect(line == [9] + Array(text.utf8) + [0x0A], "\(n) bytes")
        }
    }
}
