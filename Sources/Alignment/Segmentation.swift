import ArabicText

/// How a document is cut into the segments the aligner pairs.
///
/// ```swift
/// Segmentation.lines.segments(of: "a\n\nb\n", language: .english)        // ["a", "", "b"]
/// Segmentation.sentences.segments(of: "Mr. A left. B came.", language: .english)  // ["Mr. A left.", "B came."]
/// ```
public enum Segmentation: Sendable, Hashable {
    /// Each line is one segment (`--segmented`); blank lines are empty segments that keep the
    /// numbering. A final line break does not start an empty last segment.
    case lines
    /// Sentences: `SentenceSegmenter` for Arabic, `EnglishSentenceSegmenter` for English. A sentence
    /// never crosses a line break.
    case sentences

    public enum Language: Sendable, Hashable {
        case arabic, english
    }

    /// - Complexity: O(n).
    public func segments(of text: String, language: Language) -> [String] {
        switch self {
        case .lines:
            return Paragraph.split(text).map { String($0.text) }
        case .sentences:
            switch language {
            case .arabic: return SentenceSegmenter().sentences(in: text).map(\.text)
            case .english: return EnglishSentenceSegmenter().sentences(in: text).map(\.text)
            }
        }
    }
}
