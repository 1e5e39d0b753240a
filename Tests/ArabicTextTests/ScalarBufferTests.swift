import Testing

@testable import ArabicText

/// `ScalarBuffer.load` decodes UTF-8 bytes itself (one branch per lead byte, no validation): its
/// scalars must be the string's and its offsets the byte where each starts, for sequences of one to
/// four bytes, in any part of the buffer, loaded one after another into the same buffer.
@Suite struct ScalarBufferTests {
    static let pieces = ["قال", " ", "بايدن", "،", "COVID-19", "\u{064E}", "\u{200F}", "€", "\u{FDFA}", "\u{1F600}", "é", "\n", "٣"]

    @Test func loadGivesTheScalarsAndTheirByteOffsets() {
        var rng = SplitMix(seed: 7)
        var buffer = ScalarBuffer()
        for n in 0..<500 {
            var text = (0..<(n % 40)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            let all = Array(text.unicodeScalars)
            // Every scalar's byte offset, and one more for the end.
            var starts: [Int] = []
            var offset = 0
            for u in all {
                starts.append(offset)
                offset += String(u).utf8.count
            }
            starts.append(offset)
            // A part of the text that starts and ends on scalar boundaries.
            let lo = all.isEmpty ? 0 : Int(rng.next() % UInt64(all.count))
            let hi = lo + (all.count == lo ? 0 : Int(rng.next() % UInt64(all.count - lo + 1)))
            text.withUTF8 { b in buffer.load(b, starts[lo]..<starts[hi]) }
            #expect(buffer.scalars == Array(all[lo..<hi]))
            #expect(buffer.offsets == Array(starts[lo...hi]))
        }
    }

    @Test func scalarsOfATextAreItsUnicodeScalars() {
        let text = "قال بايدن ١٤ \u{1F600} e\u{0301}"
        #expect(ScalarBuffer.scalars(of: text) == Array(text.unicodeScalars))
        #expect(ScalarBuffer.scalars(of: text.dropFirst(4)) == Array(text.dropFirst(4).unicodeScalars))
    }
}
