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
        let utf8 = text.utf8
        let start = utf8.startIndex
        var t = text
        t.withUTF8 { b in
            // One paragraph's scalars and their byte offsets, reused from line to line.
            var buffer = ScalarBuffer()
            Paragraph.forEachLine(utf8: b) { number, range, bytes in
                buffer.load(b, bytes)
                let offsets = buffer.offsets
                for r in split(scalars: buffer.scalars) {
                    result.append(
                        Sentence(
                            paragraph: number, index: result.count + 1,
                            range: (range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound),
                            // Copied from the (valid) text, not decoded again.
                            text: String(text[utf8.index(start, offsetBy: offsets[r.lowerBound])..<utf8.index(start, offsetBy: offsets[r.upperBound])])))
                }
            }
        }
        return result
    }

    /// The sentence spans (scalar offsets) of one paragraph, without surrounding whitespace.
    public func split(paragraph: some StringProtocol) -> [Range<Int>] {
        split(scalars: Array(paragraph.unicodeScalars))
    }

    /// - Parameter useICU: ask ICU for break candidates even where it cannot add a boundary (the
    ///   slow path, for tests); nil asks it only where it can (see `icuCanAddBoundary`).
    func split(scalars u: [Unicode.Scalar], useICU: Bool? = nil) -> [Range<Int>] {
        if u.isEmpty { return [] }
        var candidates: [Int] = []
        if useICU ?? Self.icuCanAddBoundary(u) {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(u.count * 2)
            for s in u { UTF8.encode(s) { utf8.append($0) } }
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
            for b in byteBoundaries {
                let pos = Int(scalarAtByte[Int(b)])
                if pos < u.count { candidates.append(pos) }
            }
        }
        // Candidates: ICU's breaks, plus the ends of terminator runs followed by whitespace (ICU
        // does not break after …, which is not a sentence terminator in UAX #29).
        var i = 0
        while i < u.count {
            if SentenceRules.isTerminator(u[i].value) {
                var j = i + 1
                while j < u.count && (SentenceRules.isTerminator(u[j].value) || SentenceRules.isCloser(u[j].value)) { j += 1 }
                while j < u.count && ArabicScalar.isWhitespace(u[j].value) { j += 1 }
                if j < u.count && j > i + 1 && ArabicScalar.isWhitespace(u[j - 1].value) { candidates.append(j) }
                i = j
            } else {
                i += 1
            }
        }
        candidates.sort()
        var cuts: [Int] = []
        for (k, pos) in candidates.enumerated() where (k == 0 || candidates[k - 1] != pos) && SentenceRules.isBoundary(u, at: pos) {
            cuts.append(pos)
        }
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

    /// Whether ICU's sentence breaks can add a boundary to those the terminator scan finds. A
    /// boundary needs one of our terminators, then closers, then whitespace before it
    /// (`SentenceRules.isBoundary`); ICU breaks after such a run only at the end of its whitespace,
    /// where the scan puts a candidate too (UAX #29 SB9-SB11), so ICU adds something only where the
    /// run is directly followed by a character that is not whitespace, a closer (SB9: no break) or
    /// a terminator (never a boundary before one), and not a digit right after a full stop (SB6).
    /// Most news paragraphs have no such place and never reach ICU.
    static func icuCanAddBoundary(_ u: [Unicode.Scalar]) -> Bool {
        var p = 1
        while p < u.count {
            let prev = u[p - 1].value
            if SentenceRules.isTerminator(prev) || SentenceRules.isCloser(prev) {
                let v = u[p].value
                if !ArabicScalar.isWhitespace(v) && !SentenceRules.isTerminator(v) && !SentenceRules.isCloser(v)
                    && !(prev == 0x2E && ArabicScalar.digitValue(v) != nil)
                {
                    var t = p - 1
                    while t > 0 && SentenceRules.isCloser(u[t].value) { t -= 1 }
                    if SentenceRules.isTerminator(u[t].value) { return true }
                }
            }
            p += 1
        }
        return false
    }
}
