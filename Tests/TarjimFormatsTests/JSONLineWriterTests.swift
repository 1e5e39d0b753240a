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
        var out: [UInt8] = [1, 2]
        JSONLineWriter.append(capacity: JSONText.maxStringLength(utf8: s.utf8.count), to: &out) { $0.string(s) }
        #expect(out == expected)
    }

    @Test(arguments: [0, 7, 10, 99, 1_000_001, -1, -10, -250, Int.max, Int.min])
    func integers(_ n: Int) {
        var out: [UInt8] = []
        JSONLineWriter.append(capacity: 20, to: &out) { $0.int(n) }
        #expect(String(decoding: out, as: UTF8.self) == String(n))
    }

    /// A line may fill its capacity exactly; what is left over is cut off.
    @Test func capacityIsAnUpperBound() {
        var out: [UInt8] = []
        JSONLineWriter.append(capacity: 8, to: &out) { w in
            w.raw("{\"a\":")
            w.int(12)
            w.raw("}")
        }
        #expect(out == Array("{\"a\":12}".utf8))
        JSONLineWriter.append(capacity: 100, to: &out) { w in
            w.raw("[")
            w.raw(String("ok"))
            w.byte(UInt8(ascii: "]"))
        }
        #expect(out == Array("{\"a\":12}[ok]".utf8))
        #expect(out.capacity >= out.count)
    }
}
