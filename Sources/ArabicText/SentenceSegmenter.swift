import Synchronization

/// Splits Arabic (and mixed Arabic/Latin) text into sentences: ICU's sentence breaks, filtered by
/// Arabic-aware rules.
///
/// - `.` `؟` `?` `!` `…` `۔` end a sentence, also when followed by closing quotes or brackets;
/// - a line break always ends a paragraph (and so a sentence);
/// - no break inside numbers (3.5, 14.000), after Latin abbreviations and initials (U.S., e.g., Mr.,
///   J.), after a single Arabic letter used as an abbreviation (د. for doctor, م. after a year, ص.),
///   or at an ellipsis written `...` or `. . .`, which continues the sentence;
/// - the pieces of a paragraph concatenate back to the paragraph: whitespace between sentences stays
///   outside them.
///
/// ```swift
/// let s = SentenceSegmenter()
/// s.sentences(in: "قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف أن ...")
/// ```
/// One segmenter may be shared across threads (its ICU iterator is guarded by a lock); give each
/// worker its own for full speed.
public final class SentenceSegmenter: Sendable {
    private let breaker: Mutex<ICUBreaker?>

    public init() {
        breaker = Mutex(ICUBreaker(.sentence, locale: "ar"))
    }

    /// The sentences of a whole document, numbered from 1, with paragraph numbers and offsets.
    /// - Complexity: O(n).
    public func sentences(in text: String) -> [Sentence] {
        var result: [Sentence] = []
        for p in Paragraph.split(text) {
            let scalars = Array(p.text.unicodeScalars)
            for r in split(scalars: scalars, utf8: Array(p.text.utf8)) {
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
        split(scalars: Array(paragraph.unicodeScalars), utf8: Array(paragraph.utf8))
    }

    func split(scalars u: [Unicode.Scalar], utf8: [UInt8]) -> [Range<Int>] {
        if u.isEmpty { return [] }
        // ICU candidates, as scalar offsets.
        let byteBoundaries = breaker.withLock { b -> [Int32] in
            guard let b else { return [Int32(utf8.count)] }
            return utf8.withUnsafeBufferPointer { b.boundaries(utf8: $0).offsets }
        }
        var scalarAtByte: [Int32] = []
        scalarAtByte.reserveCapacity(utf8.count + 1)
        var si: Int32 = 0
        for byte in utf8 {
            if byte & 0xC0 != 0x80 { si += 1 }
            scalarAtByte.append(si - (byte & 0xC0 != 0x80 ? 1 : 0))
        }
        scalarAtByte.append(Int32(u.count))
        // Candidates: ICU's breaks, plus the ends of terminator runs ICU does not break at (… is not
        // a sentence terminator in UAX #29).
        var candidates = Set<Int>()
        for b in byteBoundaries {
            let pos = Int(scalarAtByte[Int(b)])
            if pos < u.count { candidates.insert(pos) }
        }
        var i = 0
        while i < u.count {
            if SentenceRules.terminators.contains(u[i].value) {
                var j = i + 1
                while j < u.count && (SentenceRules.terminators.contains(u[j].value) || SentenceRules.closers.contains(u[j].value)) { j += 1 }
                while j < u.count && ArabicScalar.isWhitespace(u[j].value) { j += 1 }
                if j < u.count && j > i + 1 && ArabicScalar.isWhitespace(u[j - 1].value) { candidates.insert(j) }
                i = j
            } else {
                i += 1
            }
        }
        var cuts: [Int] = []
        for pos in candidates.sorted() where SentenceRules.isBoundary(u, at: pos) { cuts.append(pos) }
        cuts.append(u.count)
        // Trim whitespace off each piece; drop pieces that are only whitespace.
        var pieces: [Range<Int>] = []
        var start = 0
        for cut in cuts {
            var a = start
            var e = cut
            while a < e && ArabicScalar.isWhitespace(u[a].value) { a += 1 }
            while e > a && ArabicScalar.isWhitespace(u[e - 1].value) { e -= 1 }
            if a < e { pieces.append(a..<e) }
            start = cut
        }
        return pieces
    }
}
