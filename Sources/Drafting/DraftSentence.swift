import Glossary

/// How a draft term was found.
public enum DraftMatch: String, Sendable, Hashable, CaseIterable {
    case exact, variant, fuzzy, transliterated
}

/// One rendered term of a draft sentence.
public struct DraftTerm: Sendable, Hashable {
    /// The text matched in the sentence (clitics included).
    public let source: String
    /// The English rendering.
    public let target: String
    /// The glossary's canonical Arabic spelling (the transliterated word itself for unknown names).
    public let canonical: String
    public let match: DraftMatch
    /// Offsets of `source` in the sentence, in Unicode scalars.
    public let start: Int
    public let end: Int
    /// The glossary entry's kind; `person` for transliterated unknown names.
    public let entryKind: EntryKind
    /// Similarity for fuzzy matches, 1 otherwise.
    public let score: Double
    /// Where the entry comes from ("file:line"), empty for transliterations.
    public var origin: String { origins.text }
    /// The entry's comment.
    public let comment: String

    private let origins: TermOrigin

    public init(
        source: String, target: String, canonical: String, match: DraftMatch, start: Int, end: Int, entryKind: EntryKind,
        score: Double = 1, origin: String = "", comment: String = ""
    ) {
        self.init(
            source: source, target: target, canonical: canonical, match: match, start: start, end: end, entryKind: entryKind,
            score: score, origins: .text(origin), comment: comment)
    }

    /// A term whose origin is made when asked for (`TermOrigin`).
    init(
        source: String, target: String, canonical: String, match: DraftMatch, start: Int, end: Int, entryKind: EntryKind,
        score: Double, origins: TermOrigin, comment: String
    ) {
        self.source = source
        self.target = target
        self.canonical = canonical
        self.match = match
        self.start = start
        self.end = end
        self.entryKind = entryKind
        self.score = score
        self.origins = origins
        self.comment = comment
    }

    /// Equal when every public property is (an origin kept as an entry's number equals the same
    /// "file:line" given as a string).
    public static func == (a: DraftTerm, b: DraftTerm) -> Bool {
        a.source == b.source && a.target == b.target && a.canonical == b.canonical && a.match == b.match && a.start == b.start
            && a.end == b.end && a.entryKind == b.entryKind && a.score == b.score && a.origin == b.origin && a.comment == b.comment
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(target)
        hasher.combine(canonical)
        hasher.combine(match)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(entryKind)
        hasher.combine(score)
        hasher.combine(origin)
        hasher.combine(comment)
    }
}

/// Things the translator must look at.
public enum FlagKind: String, Sendable, Hashable, CaseIterable {
    /// A known variant or misspelling of a name was replaced by the canonical name.
    case correctedName = "corrected-name"
    /// A word that looks like a garbled name was replaced by the name it is closest to: check it.
    case suggestedName = "suggested-name"
    /// An unknown name was transliterated.
    case transliterated
    /// A bidi control character in the source.
    case bidiControl = "bidi-control"
    /// An embedding or isolate that is not closed (or a close with nothing open).
    case bidiUnbalanced = "bidi-unbalanced"
    /// A glossary term's English is missing from the machine translation of the sentence.
    case mtMissingTerm = "mt-missing-term"

    /// The kinds in the order of their raw values (flags at one offset are sorted this way), without
    /// comparing strings.
    var order: Int {
        switch self {
        case .bidiControl: 0
        case .bidiUnbalanced: 1
        case .correctedName: 2
        case .mtMissingTerm: 3
        case .suggestedName: 4
        case .transliterated: 5
        }
    }
}

public struct DraftFlag: Sendable, Hashable {
    public let kind: FlagKind
    /// Offsets in the sentence's source, in Unicode scalars.
    public let start: Int
    public let end: Int
    public let message: String

    public init(kind: FlagKind, start: Int, end: Int, message: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.message = message
    }
}

/// A source sentence and its English draft side.
public struct DraftSentence: Sendable, Hashable {
    /// The document's name ("-" for standard input) or id.
    public let doc: String
    /// 1-based input paragraph (line).
    public internal(set) var para: Int
    /// 1-based sentence number in the document.
    public internal(set) var index: Int
    /// The sentence exactly as in the input.
    public let source: String
    /// The English draft side: made from the source and the terms' English when asked for (a
    /// writer of bytes copies the pieces instead: `draftText`).
    public var draft: String {
        get { draftText.string }
        set { drafted = .whole(newValue) }
    }
    public let terms: [DraftTerm]
    public var flags: [DraftFlag]
    /// The source with variant and garbled names replaced by their canonical spelling (what a
    /// machine translation engine is given).
    public var correctedSource: String { text(corrected).string }

    /// A text kept whole, or as edits of `source` (no second reference to the source to retain
    /// when a sentence is copied).
    enum Text: Sendable {
        case whole(String)
        case edits([DraftEdit])
    }
    private var drafted: Text
    private let corrected: Text

    /// `draft` as its pieces.
    package var draftText: EditedText { text(drafted) }

    private func text(_ t: Text) -> EditedText {
        switch t {
        case .whole(let s): EditedText(s)
        case .edits(let e): EditedText(source, edits: e)
        }
    }

    public init(
        doc: String, para: Int, index: Int, source: String, draft: String, terms: [DraftTerm], flags: [DraftFlag],
        correctedSource: String
    ) {
        self.init(
            doc: doc, para: para, index: index, source: source, draft: .whole(draft), terms: terms, flags: flags,
            correctedSource: .whole(correctedSource))
    }

    /// A sentence whose draft and corrected source are `source` with edits.
    init(
        doc: String, para: Int, index: Int, source: String, draft: Text, terms: [DraftTerm], flags: [DraftFlag],
        correctedSource: Text
    ) {
        self.doc = doc
        self.para = para
        self.index = index
        self.source = source
        self.drafted = draft
        self.terms = terms
        self.flags = flags
        self.corrected = correctedSource
    }

    /// Equal when every public property is (a draft kept as pieces equals the same text kept whole).
    public static func == (a: DraftSentence, b: DraftSentence) -> Bool {
        a.doc == b.doc && a.para == b.para && a.index == b.index && a.source == b.source && a.draft == b.draft
            && a.terms == b.terms && a.flags == b.flags && a.correctedSource == b.correctedSource
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doc)
        hasher.combine(para)
        hasher.combine(index)
        hasher.combine(source)
        hasher.combine(draft)
        hasher.combine(terms)
        hasher.combine(flags)
        hasher.combine(correctedSource)
    }
}
