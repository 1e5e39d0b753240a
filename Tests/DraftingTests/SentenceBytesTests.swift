import ArabicText
import Testing

@testable import Drafting

@Suite struct SentenceBytesTests {
    /// A document of three sentences with one-, two-, three- and four-byte scalars.
    static let document = "Intro: €5.\nقال الوزير \"بلينكن\" إن 😀 المحادثات ستستمر في جنيف. آخر"

    /// Calls `body` with each sentence of `document` as the drafter makes it (its scalars loaded
    /// from the document's bytes, not from offset 0) and its text.
    static func withSentences(_ document: String, _ body: (SentenceBytes, [Unicode.Scalar]) throws -> Void) rethrows {
        var copy = document
        let sentences = SentenceSegmenter().sentences(in: document)
        try copy.withUTF8 { b in
            var buffer = ScalarBuffer()
            var spans: [SentenceSpan] = []
            SentenceSegmenter().forEachSentence(utf8: b) { spans.append($0) }
            #expect(spans.count == sentences.count)
            for (span, s) in zip(spans, sentences) {
                buffer.load(b, span.bytes)
                try body(SentenceBytes(text: s.text, document: b, offsets: buffer.offsets), buffer.scalars)
            }
        }
    }

    @Test func piecesAreTheScalarsOfTheirRange() {
        Self.withSentences(Self.document) { s, u in
            #expect(s.scalarCount == u.count)
            for a in 0...u.count {
                for b in a...u.count {
                    #expect(s.string(a..<b) == String(scalars: u[a..<b]))
                    #expect(Array(s.bytes(a..<b)) == Array(String(scalars: u[a..<b]).utf8))
                }
            }
        }
    }

    /// A piece written as the given string comes back as that string's storage; any other piece
    /// as a copy of its own text.
    @Test func piecesShareAStringWrittenTheSame() {
        Self.withSentences("قال بلينكن إن بلينكين وصل.") { s, u in
            let name = String(scalars: u[4..<10])
            #expect(s.string(4..<10, reusing: name) == name)
            #expect(s.string(14..<21, reusing: name) == "بلينكين")
            #expect(s.string(4..<9, reusing: name) == "بلينك")
            #expect(s.string(0..<0, reusing: "") == "")
        }
    }

    @Test func concatenatedIsTheConcatenation() {
        #expect(
            Drafter.concatenated("تارنوفسكي", " is in no glossary; transliterated as ", "Tarnufski")
                == "تارنوفسكي is in no glossary; transliterated as Tarnufski")
        #expect(Drafter.concatenated("", "", "") == "")
        #expect(Drafter.concatenated() == "")
        #expect(Drafter.concatenated("a", "", "😀", "\u{0640}", "short") == "a😀\u{0640}short")
        let long = String(repeating: "بلينكن ", count: 40)
        #expect(Drafter.concatenated(long, "x", long) == long + "x" + long)
    }

    /// An `EditedText` over a sentence's bytes gives what `Drafter.apply` gives (scalar by scalar)
    /// for sorted edits, with edits that touch, overlap, are empty, or cover the whole sentence, and
    /// with or without a prefix; its length and its pieces agree with its string.
    @Test func editedTextAgreesWithApply() {
        var rng = SystemRandomNumberGenerator()
        let words = ["", "Blinken", "and to NATO", "ب", "€", "😀", "\""]
        let prefixes = ["", "", "and ", "and to their ", "😀 "]
        Self.withSentences(Self.document) { s, u in
            func edited(_ edits: [(Range<Int>, String, String)]) -> EditedText {
                EditedText(s.text, edits: edits.map { DraftEdit(range: s.byteRange($0.0), prefix: $0.1, text: $0.2) })
            }
            #expect(edited([]).string == s.text)
            #expect(edited([(0..<u.count, "", "x")]).string == "x")
            #expect(edited([(0..<u.count, "and ", "x")]).string == "and x")
            for _ in 0..<300 {
                var edits: [(Range<Int>, String, String)] = []
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    let a = Int.random(in: 0...u.count, using: &rng)
                    let b = Int.random(in: a...min(u.count, a + 6), using: &rng)
                    edits.append((a..<b, prefixes.randomElement(using: &rng)!, words.randomElement(using: &rng)!))
                }
                edits.sort { $0.0.lowerBound < $1.0.lowerBound }
                let expected = Drafter.apply(edits.map { ($0.0, $0.1 + $0.2) }, to: s.text)
                let t = edited(edits)
                #expect(t.string == expected, "\(edits)")
                #expect(t.utf8Count == expected.utf8.count)
                var pieces: [UInt8] = []
                t.forEachPiece { p in
                    #expect(!p.isEmpty)
                    pieces.append(contentsOf: p)
                }
                #expect(pieces == Array(expected.utf8))
            }
        }
    }

    @Test func byteRangesAreTheUTF8OfTheScalars() {
        Self.withSentences(Self.document) { s, u in
            for a in 0...u.count {
                for b in a...u.count {
                    let r = s.byteRange(a..<b)
                    #expect(Array(s.text.utf8)[r] == Array(String(scalars: u[a..<b]).utf8)[...])
                }
            }
        }
    }

    @Test func substringsAreTheScalarsOfTheirRange() {
        Self.withSentences(Self.document) { s, u in
            for a in 0...u.count {
                for b in a...u.count { #expect(String(s.substring(a..<b)) == String(scalars: u[a..<b])) }
            }
        }
    }

    /// Every bidi control (U+061C, U+200E-F, U+202A-E, U+2066-9) is found at every position, and
    /// the characters whose UTF-8 is closest to theirs (quotes, ellipsis, U+065C, U+069C, U+2065,
    /// U+206A, U+2029, U+202F) are not.
    @Test func bidiControlsAreFoundByTheirBytes() {
        let controls: [Unicode.Scalar] = [
            "\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}",
            "\u{2067}", "\u{2068}", "\u{2069}",
        ]
        let others: [Unicode.Scalar] = [
            "\u{201C}", "\u{201D}", "\u{2026}", "\u{065C}", "\u{069C}", "\u{2065}", "\u{206A}", "\u{2029}", "\u{202F}", "\u{200D}",
            "\u{2010}", "\u{0618}",
        ]
        let base = Array("قال الوزير إن المحادثات ستستمر في جنيف.".unicodeScalars)
        for c in controls + others {
            for k in 0...base.count {
                var u = base
                u.insert(c, at: k)
                let text = "مقدمة. " + String(scalars: u)
                Self.withSentences(text) { s, scalars in
                    let expected = scalars.contains { ArabicScalar.isBidiControl($0.value) }
                    #expect(s.holdsBidiControl == expected, "U+\(String(c.value, radix: 16, uppercase: true)) at \(k)")
                }
            }
        }
        Self.withSentences(Self.document) { s, _ in #expect(!s.holdsBidiControl) }
    }

    @Test func flagKindsAreOrderedAsTheirRawValues() {
        for a in FlagKind.allCases {
            for b in FlagKind.allCases {
                #expect((a.order < b.order) == (a.rawValue < b.rawValue), "\(a) \(b)")
            }
        }
    }
}
