import ArabicText

/// A short piece of a line around a span, for quoting an occurrence.
struct Excerpt: Equatable {
    var text: String
    var span: Range<Int>

    /// The whole line when it is at most `limit` scalars; otherwise about `radius` scalars on each
    /// side of the span, cut at a space, with "…" where something was left out.
    static func make(_ line: [Unicode.Scalar], span: Range<Int>, limit: Int = 120, radius: Int = 50) -> Excerpt {
        make(line[...], span: span, limit: limit, radius: radius)
    }

    /// The same for a line given as a slice of a larger text (`span` counted from the slice's start).
    static func make(_ slice: ArraySlice<Unicode.Scalar>, span: Range<Int>, limit: Int = 120, radius: Int = 50) -> Excerpt {
        let base = slice.startIndex
        let w = window(slice, span: span, limit: limit, radius: radius)
        var text = w.cutBefore ? "…" : ""
        text += String(scalars: slice[(base + w.range.lowerBound)..<(base + w.range.upperBound)])
        if w.cutAfter { text += "…" }
        return Excerpt(text: text, span: w.span)
    }

    /// Where an excerpt lies in its line: the line's scalars it quotes, whether "…" comes before
    /// and after them, and the span in the excerpt's text (counting the "…" before).
    struct Window: Equatable {
        var range: Range<Int>
        var cutBefore: Bool
        var cutAfter: Bool
        var span: Range<Int>
    }

    /// The window of `make`: the caller can copy the text from elsewhere (the document's String).
    static func window(_ slice: ArraySlice<Unicode.Scalar>, span: Range<Int>, limit: Int = 120, radius: Int = 50) -> Window {
        let base = slice.startIndex
        let count = slice.count
        func at(_ i: Int) -> Unicode.Scalar { slice[base + i] }
        let span = span.clamped(to: 0..<count)
        if count <= limit { return Window(range: 0..<count, cutBefore: false, cutAfter: false, span: span) }
        var start = max(0, span.lowerBound - radius)
        var end = min(count, span.upperBound + radius)
        if start > 0 {
            var s = start
            while s < span.lowerBound && !ArabicScalar.isWhitespace(at(s).value) { s += 1 }
            start = s < span.lowerBound ? s + 1 : start
        }
        if end < count {
            var e = end
            while e > span.upperBound && !ArabicScalar.isWhitespace(at(e - 1).value) { e -= 1 }
            end = e > span.upperBound ? e - 1 : end
        }
        let offset = start > 0 ? 1 : 0
        return Window(
            range: start..<end, cutBefore: start > 0, cutAfter: end < count,
            span: (span.lowerBound - start + offset)..<(span.upperBound - start + offset))
    }
}
