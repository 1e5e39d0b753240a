import ArabicText

/// A short piece of a line around a span, for quoting an occurrence.
struct Excerpt: Equatable {
    var text: String
    var span: Range<Int>

    /// The whole line when it is at most `limit` scalars; otherwise about `radius` scalars on each
    /// side of the span, cut at a space, with "…" where something was left out.
    static func make(_ line: [Unicode.Scalar], span: Range<Int>, limit: Int = 120, radius: Int = 50) -> Excerpt {
        let span = span.clamped(to: 0..<line.count)
        if line.count <= limit { return Excerpt(text: String(scalars: line), span: span) }
        var start = max(0, span.lowerBound - radius)
        var end = min(line.count, span.upperBound + radius)
        if start > 0 {
            var s = start
            while s < span.lowerBound && !ArabicScalar.isWhitespace(line[s].value) { s += 1 }
            start = s < span.lowerBound ? s + 1 : start
        }
        if end < line.count {
            var e = end
            while e > span.upperBound && !ArabicScalar.isWhitespace(line[e - 1].value) { e -= 1 }
            end = e > span.upperBound ? e - 1 : end
        }
        let offset = start > 0 ? 1 : 0
        var text = start > 0 ? "…" : ""
        text += String(scalars: line[start..<end])
        if end < line.count { text += "…" }
        return Excerpt(text: text, span: (span.lowerBound - start + offset)..<(span.upperBound - start + offset))
    }
}
