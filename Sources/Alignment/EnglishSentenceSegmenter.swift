import ArabicText

/// Splits English text into sentences, the counterpart of `SentenceSegmenter` for the English side of
/// an alignment.
///
/// - `.` `?` `!` `…` end a sentence when whitespace and then an upper-case letter, a digit or an
///   opening quote or bracket follow, also when closing quotes or brackets come first (`"Stop."`);
/// - a full stop does not end a sentence after a title or other abbreviation (Mr., Mrs., Dr., Prof.,
///   Gen., St., No., Jan., e.g., i.e., etc.), after an initial (`George W. Bush`), inside a number
///   (3.5, which has no space after the dot anyway), or when a lower-case word follows;
/// - after an abbreviation written with inner dots (U.S., U.K., U.N.) a sentence ends only when a
///   common sentence opener follows (`... in the U.S. The talks ...`), not before a name
///   (`U.S. President ...`);
/// - a line break always ends a paragraph, and so a sentence;
/// - the pieces of a paragraph and the whitespace between them concatenate back to the paragraph.
///
/// ```swift
/// let s = EnglishSentenceSegmenter()
/// s.sentences(in: "Mr. Smith paid $3.5 million. He left.").map(\.text)
/// // ["Mr. Smith paid $3.5 million.", "He left."]
/// ```
/// - Complexity: O(n) in the length of the text.
public struct EnglishSentenceSegmenter: Sendable {
    public init() {}

    /// The sentences of a whole document, numbered from 1, with paragraph numbers and scalar offsets.
    public func sentences(in text: String) -> [Sentence] {
        var result: [Sentence] = []
        for p in Paragraph.split(text) {
            let scalars = Array(p.text.unicodeScalars)
            for r in split(scalars: scalars) {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[r])
                result.append(
                    Sentence(
                        paragraph: p.number, index: result.count + 1,
                        range: (p.range.lowerBound + r.lowerBound)..<(p.range.lowerBound + r.upperBound), text: String(v)))
            }
        }
        return result
    }

    /// The sentence spans (scalar offsets) of one paragraph, without surrounding whitespace.
    public func split(paragraph: some StringProtocol) -> [Range<Int>] {
        split(scalars: Array(paragraph.unicodeScalars))
    }

    func split(scalars u: [Unicode.Scalar]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = u.count
        while i < n {
            guard Self.terminators.contains(u[i].value) else {
                i += 1
                continue
            }
            // The run of terminators and closing quotes or brackets.
            var end = i + 1
            while end < n && (Self.terminators.contains(u[end].value) || Self.closers.contains(u[end].value)) { end += 1 }
            var next = end
            while next < n && ArabicScalar.isWhitespace(u[next].value) { next += 1 }
            if next > end && next < n && isBoundary(u, terminator: i, runEnd: end, next: next) {
                appendPiece(u, start..<end, to: &pieces)
                start = next
            }
            i = end
        }
        appendPiece(u, start..<n, to: &pieces)
        return pieces
    }

    private func appendPiece(_ u: [Unicode.Scalar], _ r: Range<Int>, to pieces: inout [Range<Int>]) {
        var a = r.lowerBound
        var e = r.upperBound
        while a < e && ArabicScalar.isWhitespace(u[a].value) { a += 1 }
        while e > a && ArabicScalar.isWhitespace(u[e - 1].value) { e -= 1 }
        if a < e { pieces.append(a..<e) }
    }

    /// Whether the terminator run `terminator..<runEnd`, followed by whitespace and then `u[next]`,
    /// ends a sentence.
    private func isBoundary(_ u: [Unicode.Scalar], terminator t: Int, runEnd: Int, next: Int) -> Bool {
        let nv = u[next].value
        let startsSentence =
            Self.isUpper(nv) || ArabicScalar.digitValue(nv) != nil || Self.openers.contains(nv) || ArabicScalar.isLetter(nv)
        guard startsSentence else { return false }
        // Only a single full stop can be an abbreviation's; ?, !, … and "..." end the sentence.
        let run = u[t..<runEnd].filter { Self.terminators.contains($0.value) }
        guard run.count == 1, u[t].value == 0x2E else { return true }
        // The word before the stop (after any opening quote or bracket).
        var w = t
        while w > 0 && !ArabicScalar.isWhitespace(u[w - 1].value) { w -= 1 }
        while w < t && Self.openers.contains(u[w].value) { w += 1 }
        let word = Array(u[w..<t])
        if word.isEmpty { return true }
        guard word.allSatisfy({ ArabicScalar.isLatinLetter($0.value) || $0.value == 0x2E }) else { return true }
        let letters = word.filter { $0.value != 0x2E }
        // An initial: "J. K. Rowling", "George W. Bush".
        if letters.count == 1 && Self.isUpper(letters[0].value) { return false }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: word)
        let key = String(s).lowercased()
        if Self.titles.contains(key) { return false }
        if Self.abbreviations.contains(key) {
            // "No. 10", "Jan. 5": a digit follows the abbreviation.
            return ArabicScalar.digitValue(nv) == nil && isSentenceOpener(u, at: next)
        }
        // Inner dots (U.S., U.K., a.m.): an abbreviation unless a sentence opener follows.
        if word.contains(where: { $0.value == 0x2E }) { return isSentenceOpener(u, at: next) }
        return true
    }

    /// Whether the word at `i` is one that commonly opens a sentence ("The", "He", "But", ...).
    private func isSentenceOpener(_ u: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i
        while j < u.count && Self.openers.contains(u[j].value) { j += 1 }
        var e = j
        while e < u.count && ArabicScalar.isLatinLetter(u[e].value) { e += 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: u[j..<e])
        return Self.sentenceOpeners.contains(String(s))
    }

    static func isUpper(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0xDE && v != 0xD7)
    }

    static let terminators: Set<UInt32> = [0x2E, 0x3F, 0x21, 0x2026]
    static let closers: Set<UInt32> = [0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D, 0x7D, 0x00BB]
    static let openers: Set<UInt32> = [0x22, 0x27, 0x201C, 0x2018, 0x28, 0x5B, 0x7B, 0x00AB]

    /// Titles before a name: never the end of a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "rep", "sen", "gov", "rev",
        "hon", "pres", "adm", "maj", "brig", "supt", "det", "insp", "fr", "messrs", "mme", "mlle", "e.g", "i.e", "cf",
        "vs", "viz", "approx",
    ]

    /// Abbreviations that may also end a sentence ("... of Acme Inc. The firm ..."): a sentence ends
    /// after them only when a common sentence opener follows.
    static let abbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol",
        "inc", "ltd", "co", "corp", "jr", "sr", "etc", "dept", "est", "fig", "p", "pp", "ft", "mt", "al",
    ]

    /// Words that commonly open an English sentence, used after an abbreviation.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "In",
        "On", "At", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Its", "His",
        "Her", "Their", "Our", "My", "Some", "Many", "Most", "Both", "Such", "However", "Meanwhile", "Now", "Then",
        "Still", "Also", "What", "Who", "Why", "How", "Where", "Since", "Although", "Though", "For", "From", "By",
        "With", "Under", "Officials", "According",
    ]
}
