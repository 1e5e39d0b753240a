import Glossary

/// Everything the checks observed in a batch before findings are drawn from it: the raw data that
/// makes reports mergeable. Checking shards of a corpus (each shard a set of whole documents or
/// pairs files) and merging their scopes gives the findings that checking the whole corpus at once
/// gives, because every finding that depends on more than one place is drawn from these
/// observations, never from one shard's conclusions:
///
/// - `names`: every glossary name written in the Arabic sources (exact, listed variant or garbled),
///   grouped by entity into variant-spelling findings and by spelling into garbled-name findings.
///   Whether a word is a garbled name is decided within its document (the fuzzy matcher's scope
///   evidence is the document, as in `tarjim draft`), so it does not change when documents are
///   checked in other company;
/// - `unknownWords`: every name-like word no entry matched, clustered by phonetic key;
/// - `englishNames`: how each name of a pair's Arabic side is written in its English side;
/// - `translations`: the pairs themselves, compared by normalized source and target;
/// - `localFindings`: findings decided at one place (hidden characters, missing terms, numbers,
///   untranslated text), merged by grouping equal findings.
public struct CheckScope: Sendable, Equatable {
    /// The version of this data in JSON reports; reports of another version are not merged.
    public static let version = 1

    /// What the observations depend on besides the text: the glossary, the lexicon and the options
    /// (see `Checker.settingsFingerprint`). Scopes with different settings cannot be merged.
    public var settings: String
    /// Arabic source documents checked, sorted.
    public var documents: [String]
    /// Pairs files checked, sorted.
    public var pairFiles: [String]
    public var pairCount: Int
    public var names: [NameSighting]
    public var unknownWords: [WordSighting]
    public var englishNames: [EnglishNameSighting]
    public var translations: [SentencePair]
    public var localFindings: [Finding]

    public init(
        settings: String, documents: [String] = [], pairFiles: [String] = [], pairCount: Int = 0, names: [NameSighting] = [],
        unknownWords: [WordSighting] = [],
        englishNames: [EnglishNameSighting] = [], translations: [SentencePair] = [], localFindings: [Finding] = []
    ) {
        self.settings = settings
        self.documents = documents
        self.pairFiles = pairFiles
        self.pairCount = pairCount
        self.names = names
        self.unknownWords = unknownWords
        self.englishNames = englishNames
        self.translations = translations
        self.localFindings = localFindings
    }

    /// Adds another scope's observations (same settings assumed; `Checker.merge` checks them).
    /// - Complexity: O(n log n) in the number of observations.
    public mutating func merge(_ other: CheckScope) {
        documents = Array(Set(documents + other.documents)).sorted()
        pairFiles = Array(Set(pairFiles + other.pairFiles)).sorted()
        pairCount += other.pairCount
        names = (names + other.names).sorted { $0.occurrence < $1.occurrence }
        unknownWords = (unknownWords + other.unknownWords).sorted { $0.occurrence < $1.occurrence }
        englishNames = (englishNames + other.englishNames).sorted { $0.occurrence < $1.occurrence }
        translations = (translations + other.translations).sorted(by: SentencePair.fileOrder)
        localFindings = Self.group(localFindings + other.localFindings)
    }

    /// Merges findings that are the same finding (same kind, severity, entity, expected, found and
    /// message) into one with the occurrences of all, in canonical order.
    static func group(_ findings: [Finding]) -> [Finding] {
        // Occurrences are appended in place: copying a group out of a dictionary and back for
        // each finding was quadratic (100,000 bidi controls in a line make one group).
        var grouped: [Finding] = []
        var position: [[String]: Int] = [:]
        for f in findings {
            let k = f.groupKey
            if let i = position[k] {
                grouped[i].occurrences += f.occurrences
            } else {
                position[k] = grouped.count
                grouped.append(f)
            }
        }
        for i in grouped.indices { grouped[i].occurrences = Array(Set(grouped[i].occurrences)).sorted() }
        return grouped.sorted(by: Finding.canonicalOrder)
    }
}

/// A glossary name written in an Arabic source (exact, listed variant or fuzzy match).
public struct NameSighting: Sendable, Hashable {
    /// Index of the entry in the checker's glossary.
    public var entry: Int
    /// The glossary spelling matched (canonical or variant; for a garbled name the one it is close to).
    public var spelling: String
    public var match: MatchKind
    /// 1 for exact and variant matches, the similarity for fuzzy ones.
    public var score: Double
    /// Whether `--fix` replaces it with the canonical spelling.
    public var fixable: Bool
    /// `found` is the term as written, without clitics.
    public var occurrence: Occurrence

    public init(entry: Int, spelling: String, match: MatchKind, score: Double, fixable: Bool, occurrence: Occurrence) {
        self.entry = entry
        self.spelling = spelling
        self.match = match
        self.score = score
        self.fixable = fixable
        self.occurrence = occurrence
    }
}

/// A name-like Arabic word that no glossary entry matched.
public struct WordSighting: Sendable, Hashable {
    /// The word's matching key.
    public var key: String
    /// `found` is the word as written.
    public var occurrence: Occurrence

    public init(key: String, occurrence: Occurrence) {
        self.key = key
        self.occurrence = occurrence
    }
}

/// How a name of the Arabic side is written in the English side of a pair.
public struct EnglishNameSighting: Sendable, Hashable {
    /// `g` and the glossary entry index for glossary names; `u` and the matching key of the Arabic
    /// name for names in no glossary.
    public var entity: String
    /// The name's Arabic spelling in this pair (for names in no glossary).
    public var arabic: String
    /// The glossary's English and English variants (empty for names in no glossary).
    public var accepted: [String]
    /// `found` is the English spelling as written.
    public var occurrence: Occurrence

    public init(entity: String, arabic: String, accepted: [String], occurrence: Occurrence) {
        self.entity = entity
        self.arabic = arabic
        self.accepted = accepted
        self.occurrence = occurrence
    }
}

extension SentencePair {
    static func fileOrder(_ a: SentencePair, _ b: SentencePair) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.arabicLine != b.arabicLine { return a.arabicLine < b.arabicLine }
        if a.arabicColumn != b.arabicColumn { return a.arabicColumn < b.arabicColumn }
        if a.unit != b.unit { return (a.unit ?? "") < (b.unit ?? "") }
        return (a.arabic, a.english) < (b.arabic, b.english)
    }
}
