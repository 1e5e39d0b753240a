/// One way a name (or a translation) is written in the scope, and how often.
public struct SpellingCount: Sendable, Hashable {
    public var spelling: String
    public var count: Int
    /// Whether this is the spelling to use (the glossary's, or the most frequent one when there is no glossary entry).
    public var isExpected: Bool

    public init(spelling: String, count: Int, isExpected: Bool) {
        self.spelling = spelling
        self.count = count
        self.isExpected = isExpected
    }
}
