import ArabicText
import Testing

@testable import Alignment

@Suite struct EnglishSentenceSegmenterTests {
    let segmenter = EnglishSentenceSegmenter()

    func pieces(_ p: String) -> [String] {
        let u = Array(p.unicodeScalars)
        return segmenter.split(paragraph: p).map { String(String.UnicodeScalarView(u[$0])) }
    }

    @Test(arguments: [
        ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        ("Did they agree? No! They did not.", ["Did they agree?", "No!", "They did not."]),
        // Titles and initials.
        ("Mr. Haddad met Mrs. Mansour and Dr. Aziz. They spoke.", ["Mr. Haddad met Mrs. Mansour and Dr. Aziz.", "They spoke."]),
        (
            "The novel by J. K. Rowling sold well. George W. Bush read it.",
            ["The novel by J. K. Rowling sold well.", "George W. Bush read it."]
        ),
        // Abbreviations with inner dots: a break only before a sentence opener.
        ("U.S. President Joe Biden spoke. He left.", ["U.S. President Joe Biden spoke.", "He left."]),
        ("Talks were held in the U.S. The deal was signed.", ["Talks were held in the U.S.", "The deal was signed."]),
        ("Ministers from the U.K. and France met.", ["Ministers from the U.K. and France met."]),
        (
            "Some crops, e.g. wheat, failed. Others, i.e. rice, did not.",
            ["Some crops, e.g. wheat, failed.", "Others, i.e. rice, did not."]
        ),
        // Numbers, months, No.
        ("Growth was 3.5 percent. Prices rose 0.85 points.", ["Growth was 3.5 percent.", "Prices rose 0.85 points."]),
        ("The vote is on Jan. 5 in room No. 10. It is open.", ["The vote is on Jan. 5 in room No. 10.", "It is open."]),
        ("They met in Jan. The talks failed.", ["They met in Jan.", "The talks failed."]),
        // Quotes and brackets.
        ("He said: \"We will not retreat.\" Then he left.", ["He said: \"We will not retreat.\"", "Then he left."]),
        ("\u{201C}Where is the aid?\u{201D} she asked. Nobody knew.", ["\u{201C}Where is the aid?\u{201D} she asked.", "Nobody knew."]),
        ("(This was expected.) The market fell.", ["(This was expected.)", "The market fell."]),
        // Lower case after a stop: no break.
        ("It cost approx. two million. Nobody paid.", ["It cost approx. two million.", "Nobody paid."]),
        ("The year ended... The next began.", ["The year ended...", "The next began."]),
        ("A sentence without an end", ["A sentence without an end"]),
    ])
    func splits(_ input: String, _ expected: [String]) {
        #expect(pieces(input) == expected)
    }

    @Test func documentsKeepOffsetsAndLines() {
        let text = "First line. Second sentence.\n\nThird one.\r\nFourth?"
        let s = segmenter.sentences(in: text)
        #expect(s.map(\.text) == ["First line.", "Second sentence.", "Third one.", "Fourth?"])
        #expect(s.map(\.paragraph) == [1, 1, 3, 4])
        #expect(s.map(\.index) == [1, 2, 3, 4])
        let scalars = Array(text.unicodeScalars)
        for x in s { #expect(String(String.UnicodeScalarView(scalars[x.range])) == x.text) }
    }

    /// The pieces of a paragraph and the whitespace between them give the paragraph back.
    @Test(arguments: 0..<40)
    func piecesConcatenateBack(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let words = [
            "Mr.", "U.S.", "The", "talks", "ended.", "3.5", "\"Yes.\"", "No.", "e.g.", "J.", "why?", "Wow!", "...", "  ", "Dr.", "It",
        ]
        var p = ""
        for _ in 0..<Int(rng.next() % 30) {
            p += words[Int(rng.next() % UInt64(words.count))] + (rng.next() % 5 == 0 ? "  " : " ")
        }
        let u = Array(p.unicodeScalars)
        let ranges = segmenter.split(paragraph: p)
        var rebuilt = String.UnicodeScalarView()
        var last = 0
        for r in ranges {
            #expect(r.lowerBound >= last)
            #expect(u[last..<r.lowerBound].allSatisfy { ArabicScalar.isWhitespace($0.value) })
            rebuilt.append(contentsOf: u[last..<r.upperBound])
            last = r.upperBound
        }
        #expect(u[last...].allSatisfy { ArabicScalar.isWhitespace($0.value) })
        rebuilt.append(contentsOf: u[last...])
        #expect(String(rebuilt) == p)
    }
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
