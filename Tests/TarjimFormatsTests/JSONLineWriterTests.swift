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

    /// A byte to escape at every place around the sixteen-byte blocks that are copied without a
    /// look at each byte (and E2 bytes of other characters, not escaped), in ASCII and Arabic text.
    @Test func escapesAreFoundAtEveryPlace() {
        for base in ["abcdefghijklmnopqrstuvwxyz0123456789abcdefghij", "قال الوزير إن المحادثات ستستمر"] {
            let u = Array(base.unicodeScalars)
            for special in ["\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "\u{2026}", "\u{7F}"] {
                for k in 0...u.count {
                    let s = String(scalars: u[..<k]) + special + String(scalars: u[k...])
                    var expected: [UInt8] = []
                    JSONText.appendString(s, to: &expected)
                    var out: [UInt8] = []
                    JSONLineWriter.append(capacity: 8, maximum: JSONText.maxStringLength(utf8: s.utf8.count), to: &out) { $0.string(s) }
                    #expect(out == expected, "\(special.unicodeScalars.map { $0.value }) at \(k)")
                }
            }
        }
    }

    /// A string written in pieces cut between scalars is escaped as the whole is.
    @Test func contentInPiecesIsEscapedAsTheWhole() {
        let s = "قال \"بلينكن\" إن\u{2028}الناتو\tمستعد 😀 " + String(repeating: "نص طويل ", count: 10)
        var expected: [UInt8] = []
        JSONText.appendString(s, to: &expected)
        let u = Array(s.unicodeScalars)
        for cut in [0, 1, 4, 5, 17, u.count - 1, u.count] {
            var out: [UInt8] = []
            JSONLineWriter.append(capacity: 16, maximum: JSONText.maxStringLength(utf8: s.utf8.count), to: &out) { w in
                w.byte(0x22)
                for piece in [String(scalars: u[..<cut]), String(scalars: u[cut...])] {
                    var p = piece
                    p.withUTF8 { w.escapedContent($0) }
                }
                w.byte(0x22)
            }
            #expect(out == expected, "cut at \(cut)")
        }
    }

    /// Room for a line larger than the zeroed buffer it is filled from.
    @Test func longLinesFit() {
        let s = String(repeating: "قال الوزير \"نعم\". ", count: 2_000)
        var expected: [UInt8] = [7]
        JSONText.appendString(s, to: &expected)
        for guess in [s.utf8.count + 2, 50_000, 100_000] {
            var out: [UInt8] = [7]
            JSONLineWriter.append(capacity: guess, maximum: JSONText.maxStringLength(utf8: s.utf8.count), to: &out) { $0.string(s) }
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
