import Testing

@testable import ArabicText

@Suite struct TokenizerTests {
    func texts(_ s: String) -> [(TokenKind, String)] {
        let u = Array(s.unicodeScalars)
        return Tokenizer.tokenize(s).map { t in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: u[t.range])
            return (t.kind, String(v))
        }
    }

    @Test func wordsNumbersPunctuationAndLatin() {
        let t = texts("وقال بلينكن (U.S.) إن 14,000 جندي، و٣٫٥ COVID-19؟")
        #expect(t.map(\.1) == ["وقال", "بلينكن", "(", "U.S", ".", ")", "إن", "14,000", "جندي", "،", "و", "٣٫٥", "COVID-19", "؟"])
        #expect(
            t.map(\.0) == [
                .arabicWord, .arabicWord, .punctuation, .latinWord, .punctuation, .punctuation, .arabicWord, .number, .arabicWord,
                .punctuation, .arabicWord, .number, .latinWord, .punctuation,
            ])
    }

    @Test func harakatTatweelAndZWNJStayInTheWord() {
        let t = texts("مُحَمَّد مـصـر می\u{200C}خواهم")
        #expect(t.map(\.1) == ["مُحَمَّد", "مـصـر", "می\u{200C}خواهم"])
    }

    @Test func bidiControlsAreSkippedNotTokens() {
        let t = texts("\u{200F}بايدن\u{200E} قال")
        #expect(t.map(\.1) == ["بايدن", "قال"])
    }

    /// Arabic word boundaries agree with ICU's word break iterator.
    @Test func agreesWithICUWordBreaksOnArabicWords() throws {
        let text = "أعلن وزير الخارجية، يوم الاثنين، أن بلاده سترسل مساعدات إنسانية إلى السودان؛ وقال إن القرار نهائي."
        let utf8 = Array(text.utf8)
        let icu = try #require(ICUBreaker(.word))
        let (bytes, _) = utf8.withUnsafeBufferPointer { icu.boundaries(utf8: $0) }
        // Byte offsets to scalar offsets.
        var scalarAt: [Int] = []
        var k = 0
        for b in utf8 {
            scalarAt.append(k)
            if b & 0xC0 != 0x80 { k += 0 }
            if b & 0xC0 == 0x80 { continue }
            k += 1
        }
        var boundaries = Set<Int>([0])
        var count = 0
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 {
            _ = i
            count += 1
        }
        var scalarOfByte: [Int: Int] = [:]
        var s = 0
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 {
            scalarOfByte[i] = s
            s += 1
        }
        scalarOfByte[utf8.count] = count
        for b in bytes { boundaries.insert(scalarOfByte[Int(b)]!) }
        for t in Tokenizer.tokenize(text) where t.kind == .arabicWord {
            #expect(boundaries.contains(t.range.lowerBound) && boundaries.contains(t.range.upperBound))
        }
    }
}
