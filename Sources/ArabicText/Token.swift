/// What a token is.
public enum TokenKind: Sendable, Equatable, Hashable {
    /// A run of Arabic letters (with harakat, tatweel and ZWNJ inside).
    case arabicWord
    /// A run of Latin letters (with digits, hyphens, apostrophes and inner dots: COVID-19, U.S).
    case latinWord
    /// Digits of any system with inner separators: 3.5, 14,000, ١٤٫٥.
    case number
    /// Any other visible character, one per token.
    case punctuation
}

/// A token: its kind and its span in the text it came from, in Unicode scalar offsets.
public struct Token: Sendable, Equatable, Hashable {
    public let kind: TokenKind
    public let range: Range<Int>

    public init(kind: TokenKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
