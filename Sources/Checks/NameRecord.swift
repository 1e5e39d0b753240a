import Glossary

/// A glossary name as written in the Arabic sources, aggregated: every sighting of one entry in
/// one spelling and match kind (for a garbled name, of one written form: `foundKey`), counted,
/// with the first places (`CheckScope.maxOccurrences`) kept in canonical order.
///
/// Places of the canonical spelling (`match == .exact`) are counted but not kept: a finding lists
/// the places to fix.
public struct NameRecord: Sendable, Hashable {
    /// Index of the entry in the checker's glossary.
    public var entry: Int
    /// The glossary spelling matched (canonical or variant; for a garbled name the one it is close
    /// to; for ة written ه, the spelling as written).
    public var spelling: String
    public var match: MatchKind
    /// For a garbled name, the matching key of the word as written; empty otherwise.
    public var foundKey: String
    /// How many times it was seen.
    public var count: Int
    /// 1 for exact and variant matches, the highest similarity for fuzzy ones.
    public var score: Double
    /// Whether `--fix` replaces it (at one place at least) with the canonical spelling.
    public var fixable: Bool
    /// The first places, in canonical order (`found` is the term as written, without clitics).
    public var occurrences: [Occurrence]

    public init(
        entry: Int, spelling: String, match: MatchKind, foundKey: String = "", count: Int, score: Double, fixable: Bool,
        occurrences: [Occurrence]
    ) {
        self.entry = entry
        self.spelling = spelling
        self.match = match
        self.foundKey = foundKey
        self.count = count
        self.score = score
        self.fixable = fixable
        self.occurrences = occurrences
    }

    /// What makes two sightings one record (strings compared by their UTF-8, as the records are
    /// ordered).
    struct Key: Hashable {
        var entry: Int
        var spelling: String
        var match: MatchKind
        var foundKey: String

        static func == (a: Key, b: Key) -> Bool {
            a.entry == b.entry && a.match == b.match && UTF8Key(a.spelling) == UTF8Key(b.spelling)
                && UTF8Key(a.foundKey) == UTF8Key(b.foundKey)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(entry)
            hasher.combine(match)
            hasher.combine(UTF8Key(spelling))
            hasher.combine(UTF8Key(foundKey))
        }
    }

    var key: Key { Key(entry: entry, spelling: spelling, match: match, foundKey: foundKey) }

    /// Whether `a` comes before `b` in a scope (by entry, match kind, spelling, written form; the
    /// strings in UTF-8 byte order).
    public static func isOrdered(_ a: NameRecord, _ b: NameRecord) -> Bool { precedes(a, b) }

    /// Whether its places are kept (not the canonical spelling).
    var keepsPlaces: Bool { match != .exact }
}

extension NameRecord: ScopeRecord {
    /// The entry, its sign bit flipped so that unsigned order is `Int` order (a record read from a
    /// report may hold any number).
    var orderPrefix: UInt64 { UInt64(bitPattern: Int64(entry)) ^ (1 << 63) }

    static func precedes(_ a: NameRecord, _ b: NameRecord) -> Bool {
        if a.entry != b.entry { return a.entry < b.entry }
        if a.match != b.match { return a.match.order < b.match.order }
        if a.spelling != b.spelling { return a.spelling.utf8Precedes(b.spelling) }
        return a.foundKey.utf8Precedes(b.foundKey)
    }

    mutating func absorb(_ other: NameRecord, limit: Int) {
        count += other.count
        score = max(score, other.score)
        fixable = fixable || other.fixable
        FirstOccurrences.absorb(other.occurrences, into: &occurrences, limit: limit)
    }
}

extension MatchKind {
    /// exact, variant, fuzzy.
    var order: Int {
        switch self {
        case .exact: return 0
        case .variant: return 1
        case .fuzzy: return 2
        }
    }
}
