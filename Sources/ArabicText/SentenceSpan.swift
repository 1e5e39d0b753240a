/// Where one sentence of a document stands, without its text: what
/// `SentenceSegmenter.forEachSentence(utf8:_:)` reports.
public struct SentenceSpan: Sendable, Equatable, Hashable {
    /// 1-based paragraph (input line) number.
    public let paragraph: Int
    /// 1-based sentence number within the document.
    public let index: Int
    /// The sentence's span in the document, in Unicode scalar offsets.
    public let range: Range<Int>
    /// The sentence's span in the document's UTF-8 bytes.
    public let bytes: Range<Int>
}
