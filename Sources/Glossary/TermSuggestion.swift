/// A term a corpus uses again and again that no glossary entry covers yet: a name-like word or a
/// multiword term, with its counts, contexts, other spellings and, when an aligned English text was
/// given, a proposed English equivalent. Made by `TermSuggester`.
///
/// ```swift
/// let s: TermSuggestion = ...
/// s.glossaryEntry   // ماكرون  Macron  count 5 in 2 docs; english 0.95; ctx: … | …    person
/// ```
public struct TermSuggestion: Sendable, Equatable {
    /// A proposed English equivalent, found by co-occurrence in the line-aligned English text.
    public struct EnglishProposal: Sendable, Equatable {
        /// The English term (a capitalized word or a sequence of up to three capitalized words).
        public var term: String
        /// The combined score in 0...1 (`TermSuggester` documents how it is computed).
        public var score: Double
        /// The Dice coefficient between the lines holding the Arabic term and those holding `term`.
        public var dice: Double
        /// How close the consonant skeletons of the transliterated Arabic and of `term` are (0...1).
        public var transliterationSimilarity: Double
        /// How many aligned lines hold both.
        public var sharedLines: Int

        public init(term: String, score: Double, dice: Double, transliterationSimilarity: Double, sharedLines: Int) {
            self.term = term
            self.score = score
            self.dice = dice
            self.transliterationSimilarity = transliterationSimilarity
            self.sharedLines = sharedLines
        }
    }

    /// The most frequent spelling in the corpus (for a word read with a proclitic, without it).
    public var arabic: String
    /// Other spellings with the same phonetic key (and a different matching key), most frequent first.
    public var variants: [String]
    /// `person` for a name-like single word, `term` for a multiword term.
    public var kind: EntryKind
    /// Number of words (1 for a name-like word, 2–4 for a multiword term).
    public var wordCount: Int
    /// Occurrences, all spellings together.
    public var count: Int
    /// Documents with at least one occurrence.
    public var documentCount: Int
    /// The ranking score (a C-value; see `TermSuggester`).
    public var score: Double
    /// Up to two contexts: the sentences of the first occurrences, trimmed around the term.
    public var contexts: [String]
    /// The English proposal, nil when nothing scored above the threshold or no English was given.
    public var english: EnglishProposal?

    public init(
        arabic: String, variants: [String], kind: EntryKind, wordCount: Int, count: Int, documentCount: Int, score: Double,
        contexts: [String], english: EnglishProposal?
    ) {
        self.arabic = arabic
        self.variants = variants
        self.kind = kind
        self.wordCount = wordCount
        self.count = count
        self.documentCount = documentCount
        self.score = score
        self.contexts = contexts
        self.english = english
    }
}

extension TermSuggestion {
    /// What the English column holds when there is no proposal. The glossary reader refuses an empty
    /// English column, so unreviewed suggestions say `?` and must be filled in before use.
    public static let missingEnglish = "?"

    /// The first line of a suggestions file: what the columns hold.
    public static let tsvHeader =
        "# Suggested glossary entries (tarjim glossary suggest). Columns: Arabic; English (proposed from the aligned "
        + "English text, \(missingEnglish) = no proposal: fill it in or delete the line before use); comment (count, documents, "
        + "English score, contexts); variants (other spellings with the same phonetic key, ;-separated); kind "
        + "(person = name-like word, check it: it may be a place or an organization; term = multiword term)."

    /// The comment column: `count N in D docs; english S; ctx: … | …`. Tabs and control characters
    /// in the contexts are replaced by spaces, so the line stays a valid glossary line.
    public var comment: String {
        var parts = ["count \(count) in \(documentCount) doc\(documentCount == 1 ? "" : "s")"]
        if let english { parts.append("english \(Self.formatScore(english.score))") }
        if !contexts.isEmpty { parts.append("ctx: " + contexts.joined(separator: " | ")) }
        return parts.joined(separator: "; ")
    }

    /// The suggestion as a glossary entry (the English column is `?` without a proposal).
    public var glossaryEntry: GlossaryEntry {
        GlossaryEntry(
            arabic: arabic, english: english?.term ?? Self.missingEnglish, comment: comment, variants: variants, kind: kind)
    }

    /// A glossary document of suggestions: the header comment, then one entry a line.
    public static func glossaryDocument(_ suggestions: [TermSuggestion]) -> GlossaryDocument {
        GlossaryDocument(lines: [.verbatim(tsvHeader)] + suggestions.map { .entry($0.glossaryEntry, lineNumber: 0, raw: nil) })
    }

    /// Two decimals, "0.85".
    static func formatScore(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
