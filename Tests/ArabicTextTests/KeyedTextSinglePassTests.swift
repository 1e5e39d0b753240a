import Testing

@testable import ArabicText

/// `KeyedText.reset` keys and tokenizes in one pass; `resetByDefinition` does it in three
/// (`MatchingKey.fold`, `Tokenizer.tokenize`, each token's key slice and hash). They must agree on
/// the key, the offset map, the tokens, their key ranges and hashes, on texts made of pieces that
/// hit every branch of both: clitics, harakat in and out of canonical order, hamza and madda above
/// that NFKC composes, tatweel, digits of three systems with separators, Latin with accents,
/// hyphens and apostrophes, presentation forms and ligatures that NFKC rewrites (one into 18
/// scalars, longer than a short text's buffers), invisible format characters inside and between
/// words, combining marks after spaces, Hangul jamo and scalars outside the BMP.
@Suite struct KeyedTextSinglePassTests {
    static let pieces: [String] = [
        "وبالعقوبات", "للناتو", "وأوكرانيا", "فسيقولون", "بايدن", "الرئيس", "كتب", "ب", "و",
        "\u{064E}", "\u{064B}", "\u{0651}\u{064E}", "\u{064E}\u{0651}", "\u{0654}", "\u{0655}", "\u{0653}", "\u{0670}", "ا\u{0654}",
        "ا\u{0653}", "\u{0640}", "\u{0640}\u{0640}",
        "١٤", "٣٫٥", "۱۲", "3.5", "14,000", "12:30", "1/2", "٢٠٢٤", ".", ",", "٬",
        "COVID-19", "U.S", "don't", "rock’n", "e\u{0301}", "Å", "x-", "-9", "a.", "ﬁ", "²",
        "\u{FE8D}", "\u{FEFB}", "\u{FDF2}", "\u{FC5E}", "\u{FB50}", "\u{FDFA}", "\u{FE70}",
        "\u{200C}", "\u{200D}", "\u{200F}", "\u{FEFF}", "\u{00AD}", "\u{202B}",
        " ", " ", " ", "\u{00A0}", "\t", "\n", "\u{3000}",
        "،", "؟", "؛", "!", "(", "”", "'", "’", "\u{0301}", "\u{0300}\u{0327}", "\u{0327}\u{0300}",
        "\u{1F600}", "\u{1D400}", "\u{1100}\u{1161}", "가\u{11A8}",
    ]

    static func text(_ rng: inout SplitMix, pieces count: Int) -> [Unicode.Scalar] {
        var u: [Unicode.Scalar] = []
        for _ in 0..<count { u += pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars }
        return u
    }

    static func expectSame(_ fused: KeyedText, _ definition: KeyedText, _ u: [Unicode.Scalar]) {
        let text = u.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        #expect(fused.keyCount == definition.keyCount, "\(text)")
        #expect(Array(fused.key[..<fused.keyCount]) == Array(definition.key[..<definition.keyCount]), "\(text)")
        #expect(Array(fused.keyStart[..<fused.keyCount]) == Array(definition.keyStart[..<definition.keyCount]), "\(text)")
        #expect(Array(fused.keyEnd[..<fused.keyCount]) == Array(definition.keyEnd[..<definition.keyCount]), "\(text)")
        #expect(fused.tokens == definition.tokens, "\(text)")
    }

    /// One reused buffer for each side, over texts of every length: buffers grow, and a short text
    /// after a long one is written into longer buffers than it needs. `reset(scalarsOf:)`, which
    /// writes a string's scalars into the buffer it kept its source in, must give the same.
    @Test func singlePassEqualsThreePasses() {
        var rng = SplitMix(seed: 29)
        var fused = KeyedText()
        var fromString = KeyedText()
        var definition = KeyedText()
        for n in 0..<6_000 {
            let u = Self.text(&rng, pieces: n % 3 == 0 ? n % 7 : n % 45)
            fused.reset(u)
            fromString.reset(scalarsOf: String(String.UnicodeScalarView(u)))
            definition.resetByDefinition(u)
            Self.expectSame(fused, definition, u)
            #expect(fromString.source == u)
            Self.expectSame(fromString, definition, u)
        }
    }

    /// Fresh buffers: a ligature that NFKC makes 18 scalars long overflows the first buffers of a
    /// short text, and the key is built again with more room.
    @Test(arguments: [
        "\u{FDFA}", "\u{FDFA}\u{FDFA}\u{FDFA}", "ب\u{FDFA}", "\u{FDFA} كتب", "\u{0640}\u{FDFA}\u{064E}", "abc \u{FDFA}\u{FDFA}",
    ])
    func ligaturesLongerThanTheText(_ s: String) {
        let u = Array(s.unicodeScalars)
        var fused = KeyedText()
        var definition = KeyedText()
        fused.reset(u)
        definition.resetByDefinition(u)
        Self.expectSame(fused, definition, u)
        #expect(fused.keyCount > u.count)
    }

    /// Every scalar of the Arabic blocks and of the Latin range, alone and between letters.
    @Test func everyArabicAndLatinScalarInContext() {
        var fused = KeyedText()
        var definition = KeyedText()
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x036F, 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0x2000...0x206F, 0xFB50...0xFDFF, 0xFE70...0xFEFF,
        ]
        for r in ranges {
            for v in r {
                guard let s = Unicode.Scalar(v) else { continue }
                for u in [[s], Array("كتب".unicodeScalars) + [s] + Array("ب ".unicodeScalars), [" ", s, "a"], ["3", s, "4"]] {
                    fused.reset(u)
                    definition.resetByDefinition(u)
                    Self.expectSame(fused, definition, u)
                }
            }
        }
    }
}
