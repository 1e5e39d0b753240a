/// A proclitic: a one-letter word written joined to the next word.
public enum Proclitic: String, Sendable, CaseIterable, Hashable {
    /// و "and"
    case wa = "و"
    /// ف "and, so"
    case fa = "ف"
    /// ب "in, with, by"
    case bi = "ب"
    /// ل "to, for"
    case li = "ل"
    /// ك "like, as"
    case ka = "ك"
    /// س future marker (on verbs)
    case sa = "س"

    /// Conjunctions come first in a word.
    public var isConjunction: Bool { self == .wa || self == .fa }
}

/// An enclitic pronoun joined to the end of a word.
public enum Enclitic: String, Sendable, CaseIterable, Hashable {
    case hu = "ه"
    case ha = "ها"
    case hum = "هم"
    case huma = "هما"
    case hunna = "هن"
    case kum = "كم"
    case kuma = "كما"
    case na = "نا"
    case i = "ي"
}

/// One way to read a word as proclitics + (article) + stem + enclitic. Lengths are in key scalars.
public struct CliticAnalysis: Sendable, Equatable, Hashable {
    public let proclitics: [Proclitic]
    /// Whether the word carries the article ال (also when ل + ال is written لل).
    public let hasArticle: Bool
    /// The stem's matching key, without the article.
    public let stem: String
    public let enclitic: Enclitic?
    /// How many key scalars the proclitics and the article take at the start of the word.
    public let prefixLength: Int
    /// How many key scalars the enclitic takes at the end.
    public let suffixLength: Int

    public init(
        proclitics: [Proclitic], hasArticle: Bool, stem: String, enclitic: Enclitic?, prefixLength: Int, suffixLength: Int
    ) {
        self.proclitics = proclitics
        self.hasArticle = hasArticle
        self.stem = stem
        self.enclitic = enclitic
        self.prefixLength = prefixLength
        self.suffixLength = suffixLength
    }

    /// The reading of a word as it stands, without clitics.
    public static func bare(_ key: String) -> CliticAnalysis {
        CliticAnalysis(proclitics: [], hasArticle: false, stem: key, enclitic: nil, prefixLength: 0, suffixLength: 0)
    }

    /// The stem with its article, as a glossary writes definite terms (الناتو).
    public var stemWithArticle: String { hasArticle ? "ال" + stem : stem }

    /// No clitic at all: the word as a whole.
    public var isBare: Bool { proclitics.isEmpty && !hasArticle && enclitic == nil }
}
