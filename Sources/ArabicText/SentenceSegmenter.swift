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
        var t = text
        let utf8 = text.utf8
        t.withUTF8 { b in
            forEachSentence(utf8: b) { s in
                // Copied from the (valid) text, not decoded again.
                let start = utf8.index(utf8.startIndex, offsetBy: s.bytes.lowerBound)
                let end = utf8.index(utf8.startIndex, offsetBy: s.bytes.upperBound)
                result.append(
                    Sentence(paragraph: s.paragraph, index: s.index, range: s.range, text: String(Substring(utf8[start..<end]))))
            }
        }
        return result
    }

    /// Calls `body` with the span of every sentence of a document given as valid UTF-8 bytes (a
    /// String's storage, or bytes `TextDecoder` validated), in order: the same sentences as
    /// `sentences(in:)`, without making a String for each.
    ///
    /// ```swift
    /// var text = "قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف أن ..."
    /// text.withUTF8 { b in segmenter.forEachSentence(utf8: b) { print($0.bytes) } }
    /// ```
    /// - Complexity: O(n) over the bytes; ICU runs only on paragraphs where it can add a boundary.
    public func forEachSentence(utf8 b: UnsafeBufferPointer<UInt8>, _ body: (SentenceSpan) -> Void) {
        var candidates: [Int] = []
        var index = 0
        Paragraph.forEachLine(utf8: b) { number, lineStart, bytes in
            let line = UTF8Source(bytes: UnsafeBufferPointer(rebasing: b[bytes]))
            // Scalar offsets, counted from the line's start as the pieces come.
            var scalar = lineStart
            var byte = 0
            forEachPiece(line, useICU: nil, candidates: &candidates, icu: icuBoundaries) { r in
                let start = scalar + line.scalarCount(byte..<r.lowerBound)
                scalar = start + line.scalarCount(r)
                byte = r.upperBound
                index += 1
                body(
                    SentenceSpan(
                        paragraph: number, index: index, range: start..<scalar,
                        bytes: (bytes.lowerBound + r.lowerBound)..<(bytes.lowerBound + r.upperBound)))
            }
            return scalar + line.scalarCount(byte..<bytes.count) - lineStart
        }
    }

    /// The sentence spans (scalar offsets) of one paragraph, without surrounding whitespace.
    public func split(paragraph: some StringProtocol) -> [Range<Int>] {
        split(scalars: Array(paragraph.unicodeScalars))
    }

    /// - Parameter useICU: ask ICU for break candidates even where it cannot add a boundary (the
    ///   slow path, for tests); nil asks it only where it can (see `icuCanAddBoundary`).
    func split(scalars u: [Unicode.Scalar], useICU: Bool? = nil) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var candidates: [Int] = []
        u.withUnsafeBufferPointer { p in
            forEachPiece(ScalarSource(scalars: p), useICU: useICU, candidates: &candidates, icu: icuBoundaries) { pieces.append($0) }
        }
        return pieces
    }

    /// ICU's sentence breaks in a line of UTF-8 bytes, as byte offsets.
    private func icuBoundaries(_ line: UTF8Source) -> [Int] {
        // A copy (rare: most paragraphs never reach ICU), so the lock holds only its own values.
        let bytes = Array(line.bytes)
        return breaker.withLock { b -> [Int] in
            guard let b else { return [] }
            return bytes.withUnsafeBufferPointer { b.boundaries(utf8: $0).offsets }
        }
    }

    /// ICU's sentence breaks in a paragraph of scalars, as scalar offsets.
    private func icuBoundaries(_ u: ScalarSource) -> [Int] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(u.scalars.count * 2)
        for s in u.scalars { UTF8.encode(s) { utf8.append($0) } }
        let byteBoundaries = utf8.withUnsafeBufferPointer { icuBoundaries(UTF8Source(bytes: $0)) }
        var scalarAtByte: [Int] = []
        scalarAtByte.reserveCapacity(utf8.count + 1)
        var si = 0
        for byte in utf8 {
            if byte & 0xC0 != 0x80 { si += 1 }
            scalarAtByte.append(si - (byte & 0xC0 != 0x80 ? 1 : 0))
        }
        scalarAtByte.append(u.scalars.count)
        return byteBoundaries.map { scalarAtByte[$0] }
    }

    /// Calls `body` with the sentence spans of one paragraph `u`, without surrounding whitespace, in
    /// `u`'s offsets (scalar indices or bytes): the one implementation behind every entry point.
    ///
    /// Candidates are the ends of terminator runs followed by whitespace (ICU does not break after
    /// …, which is not a sentence terminator in UAX #29), plus ICU's breaks where ICU can add a
    /// boundary (the same scan finds those places, see `icuCanAddBoundary`) or `useICU` asks for
    /// them; `SentenceRules.isBoundary` decides.
    @inline(__always)
    private func forEachPiece<S: ScalarText>(
        _ u: S, useICU: Bool?, candidates: inout [Int], icu: (S) -> [Int], _ body: (Range<Int>) -> Void
    ) {
        let n = u.endOffset
        if n == 0 { return }
        candidates.removeAll(keepingCapacity: true)
        var needsICU = false
        var i = 0
        while true {
            i = u.terminator(from: i)
            if i == n { break }
            let (v, next) = u.scalar(at: i)
            // A run of terminators and closers, then whitespace.
            var j = next
            var last = v
            while j < n {
                let (x, after) = u.scalar(at: j)
                guard SentenceRules.isTerminator(x) || SentenceRules.isCloser(x) else { break }
                last = x
                j = after
            }
            let runEnd = j
            var sawSpace = false
            while j < n {
                let (x, after) = u.scalar(at: j)
                guard ArabicScalar.isWhitespace(x) else { break }
                sawSpace = true
                j = after
            }
            if j < n {
                if sawSpace {
                    candidates.append(j)
                } else if !(last == 0x2E && ArabicScalar.digitValue(u.value(at: runEnd)) != nil) {
                    // Directly followed by something else: ICU may break here.
                    needsICU = true
                }
            }
            i = j
        }
        if useICU ?? needsICU {
            for c in icu(u) where c < n { candidates.append(c) }
            candidates.sort()
        }
        var start = 0
        func cut(_ end: Int) {
            var a = start
            var e = end
            while a < e && ArabicScalar.isWhitespace(u.value(at: a)) { a = u.offset(after: a) }
            while e > a && ArabicScalar.isWhitespace(u.value(before: e)) { e = u.offset(before: e) }
            if a < e { body(a..<e) }
            start = end
        }
        var previous = -1
        for pos in candidates where pos != previous {
            previous = pos
            if SentenceRules.isBoundary(u, at: pos) { cut(pos) }
        }
        cut(n)
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
