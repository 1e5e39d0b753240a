/// One glossary entry: an Arabic term, its English rendering, and the other Arabic spellings that
/// mean the same entry.
///
/// ```swift
/// let e = GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينكين", "بلينجن"], kind: .person)
/// ```
public struct GlossaryEntry: Sendable, Hashable {
    /// Canonical Arabic spelling (one or more words).
    public var arabic: String
    /// English term.
    public var english: String
    /// Free-text comment (OmegaT's third column).
    public var comment: String
    /// Other Arabic spellings of the same entry, known misspellings and garbles included.
    public var variants: [String]
    public var kind: EntryKind
    /// Other accepted English renderings (optional sixth column), used by bilingual checks.
    public var englishVariants: [String]

    public init(
        arabic: String, english: String, comment: String = "", variants: [String] = [], kind: EntryKind = .term,
        englishVariants: [String] = []
    ) {
        self.arabic = arabic
        self.english = english
        self.comment = comment
        self.variants = variants
        self.kind = kind
        self.englishVariants = englishVariants
    }

    /// The canonical spelling followed by the variants.
    public var arabicSpellings: [String] { [arabic] + variants }
}
