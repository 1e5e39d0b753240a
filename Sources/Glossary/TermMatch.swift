import ArabicText

/// How a match was made.
public enum MatchKind: String, Sendable, Hashable, CaseIterable {
    /// The glossary's canonical spelling.
    case exact
    /// One of the entry's listed variant spellings.
    case variant
    /// No listed spelling: a likely variant or garble, found by phonetic key and edit distance.
    case fuzzy
}

/// A glossary term found in a text.
public struct TermMatch: Sendable, Equatable, Hashable {
    /// The matched words in the text, clitics included, in Unicode scalar offsets.
    public let range: Range<Int>
    /// The term itself: `range` without leading proclitics (and without the ل of a merged لل) and
    /// without a trailing enclitic. Replacing this span with a canonical spelling keeps the clitics.
    public let termRange: Range<Int>
    /// Index of the entry in the matcher's glossary.
    public let entryIndex: Int
    /// The glossary spelling that matched (the canonical one, a variant, or for a fuzzy match the
    /// spelling the word is close to).
    public let spelling: String
    public let kind: MatchKind
    public let proclitics: [Proclitic]
    /// The source word carries the article (ال, or لل after ل).
    public let hasArticle: Bool
    /// ل + ال written لل: the article's alef is not in the text.
    public let articleMerged: Bool
    public let enclitic: Enclitic?
    /// 1 for exact and variant matches; the fuzzy similarity (0...1) otherwise.
    public let score: Double
}
