extension DraftSentence {
    /// The sentence of a piece of a document moved to its place in the whole document: paragraph
    /// numbers after `lines` earlier lines, sentence numbers after `sentences` earlier sentences.
    /// Term and flag offsets are within the sentence and do not change.
    ///
    /// ```swift
    /// let s = drafter.draft(document: secondPiece, name: "-")[0].shifted(lines: 40, sentences: 95)
    /// ```
    public func shifted(lines: Int, sentences: Int) -> DraftSentence {
        if lines == 0 && sentences == 0 { return self }
        var s = self
        s.shift(lines: lines, sentences: sentences)
        return s
    }

    /// `shifted(lines:sentences:)` in place (shifting an array's sentences this way copies none of
    /// their strings).
    public mutating func shift(lines: Int, sentences: Int) {
        para += lines
        index += sentences
    }
}
