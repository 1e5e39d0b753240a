import Glossary

/// Everything the checks observed in a batch before findings are drawn from it: the raw data that
/// makes reports mergeable. Checking shards of a corpus (each shard a set of whole documents or
/// pairs files) and merging their scopes gives the findings that checking the whole corpus at once
/// gives, because every finding that depends on more than one place is drawn from these
/// observations, never from one shard's conclusions:
///
/// - `names`: the glossary names written in the Arabic sources (exact, listed variant or garbled),
///   one `NameRecord` per entry, spelling, match kind and (garbled) written form, with its count and
///   first places; grouped by entity into variant-spelling findings and by written form into
///   garbled-name findings. Whether a word is a garbled name is decided within its document (the
///   fuzzy matcher's scope evidence is the document, or the piece of a large text file, as in
///   `tarjim draft`), so it does not change when documents are checked in other company;
/// - `unknownWords`: the name-like words no entry matched, one `WordRecord` per matching key,
///   clustered by phonetic key;
/// - `englishNames`: how each name of a pair's Arabic side is written in its English side;
/// - `translations`: the pairs themselves, compared by normalized source and target;
/// - `localFindings`: findings decided at one place (hidden characters, missing terms, numbers,
///   untranslated text), merged by grouping equal findings.
///
/// Counts are exact; the places kept per record and per finding are the first `maxOccurrences` in
/// canonical order, which merge exactly too, so memory grows with the distinct names and words of
/// a corpus, not with its length.
public struct CheckScope: Sendable, Equatable {
    /// The version of this data in JSON reports; reports of another version are not merged.
    public static let version = 2

    /// What the observations depend on besides the text: the glossary, the lexicon and the options
    /// (see `Checker.settingsFingerprint`). Scopes with different settings cannot be merged.
    public var settings: String
    /// Arabic source documents checked, sorted.
    public var documents: [String]
    /// Pairs files checked, sorted.
    public var pairFiles: [String]
    public var pairCount: Int
    /// Places kept per record and per finding (0: all); see `Checker.Options.maxOccurrences`.
    public var maxOccurrences: Int
    /// Sorted by entry, match kind, spelling, written form.
    public var names: [NameRecord]
    /// Sorted by key.
    public var unknownWords: [WordRecord]
    public var englishNames: [EnglishNameSighting]
    public var translations: [SentencePair]
    public var localFindings: [Finding]

    public init(
        settings: String, documents: [String] = [], pairFiles: [String] = [], pairCount: Int = 0, maxOccurrences: Int = 0,
        names: [NameRecord] = [], unknownWords: [WordRecord] = [],
        englishNames: [EnglishNameSighting] = [], translations: [SentencePair] = [], localFindings: [Finding] = []
    ) {
        self.settings = settings
        self.documents = documents
        self.pairFiles = pairFiles
        self.pairCount = pairCount
        self.maxOccurrences = maxOccurrences
        self.names = names
        self.unknownWords = unknownWords
        self.englishNames = englishNames
        self.translations = translations
        self.localFindings = localFindings
    }

    /// Adds another scope's observations (same settings assumed; `Checker.merge` checks them). The
    /// places kept are cut at the smaller `maxOccurrences` of the two.
    /// - Complexity: O(n log n) in the number of observations.
    public mutating func merge(_ other: CheckScope) {
        documents = Array(Set(documents + other.documents)).sorted()
        pairFiles = Array(Set(pairFiles + other.pairFiles)).sorted()
        pairCount += other.pairCount
        let ownLimit = maxOccurrences
        maxOccurrences = FirstOccurrences.smaller(maxOccurrences, other.maxOccurrences)
        names = NameRecord.merge(names, other.names, limit: maxOccurrences)
        unknownWords = WordRecord.merge(unknownWords, other.unknownWords, limit: maxOccurrences)
        // Records of one side only are not merged; cut them when that side kept more places.
        if ownLimit != maxOccurrences || other.maxOccurrences != maxOccurrences { cutPlaces() }
        englishNames = (englishNames + other.englishNames).sorted { $0.occurrence < $1.occurrence }
        translations = (translations + other.translations).sorted(by: SentencePair.fileOrder)
        localFindings = Self.group(localFindings + other.localFindings, limit: maxOccurrences)
    }

    /// The sum of the magnitudes of every count (pairs, records, finding totals), `UInt.max` when
    /// that overflows: merging scopes whose sum is at most `Int.max` cannot overflow a count.
    /// - Complexity: O(n) in the number of records and findings.
    var countMagnitude: UInt {
        var total: UInt = 0
        for n in [pairCount] + names.map(\.count) + unknownWords.map(\.count) + localFindings.map(\.totalOccurrences) {
            let (sum, overflow) = total.addingReportingOverflow(n.magnitude)
            if overflow { return .max }
            total = sum
        }
        return total
    }

    /// Every list of places cut at `maxOccurrences` (after lowering it).
    mutating func cutPlaces() {
        for k in names.indices { names[k].occurrences = FirstOccurrences.cut(names[k].occurrences, maxOccurrences) }
        for k in unknownWords.indices { unknownWords[k].occurrences = FirstOccurrences.cut(unknownWords[k].occurrences, maxOccurrences) }
        for k in localFindings.indices {
            localFindings[k].occurrences = FirstOccurrences.cut(localFindings[k].occurrences, maxOccurrences)
        }
    }

    /// Merges findings that are the same finding (same kind, severity, entity, expected, found and
    /// message) into one: the first `limit` occurrences of all in canonical order (an occurrence
    /// given twice counts once among those listed), the totals added.
    static func group(_ findings: [Finding], limit: Int) -> [Finding] {
        // Occurrences are appended in place: copying a group out of a dictionary and back for
        // each finding was quadratic (100,000 bidi controls in a line make one group).
        var grouped: [Finding] = []
        var position: [[String]: Int] = [:]
        for f in findings {
            let k = f.groupKey
            if let i = position[k] {
                grouped[i].occurrences += f.occurrences
                grouped[i].totalOccurrences += f.totalOccurrences
            } else {
                position[k] = grouped.count
                grouped.append(f)
            }
        }
        for i in grouped.indices {
            let all = grouped[i].occurrences
            let distinct = Array(Set(all)).sorted()
            // Places seen twice in one batch are one place (as they always were).
            grouped[i].totalOccurrences -= all.count - distinct.count
            grouped[i].occurrences = FirstOccurrences.cut(distinct, limit)
        }
        return grouped.sorted(by: Finding.canonicalOrder)
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
