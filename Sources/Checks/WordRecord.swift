/// A name-like Arabic word that no glossary entry matched, aggregated by its matching key: how
/// often it was seen and its first places (`CheckScope.maxOccurrences`), in canonical order.
public struct WordRecord: Sendable, Hashable {
    /// The word's matching key.
    public var key: String
    /// How many times it was seen.
    public var count: Int
    /// The first places (`found` is the word as written); never empty when `count` > 0, except in
    /// a piece's scope whose places an earlier piece already lists (`KeptPlaces`).
    public var occurrences: [Occurrence]

    public init(key: String, count: Int, occurrences: [Occurrence]) {
        self.key = key
        self.count = count
        self.occurrences = occurrences
    }
}

extension WordRecord: ScopeRecord {
    static func precedes(_ a: WordRecord, _ b: WordRecord) -> Bool { a.key.utf8Precedes(b.key) }

    var orderPrefix: UInt64 { key.utf8OrderPrefix }

    /// Whether `a` comes before `b` in a scope (by key, in UTF-8 byte order).
    public static func isOrdered(_ a: WordRecord, _ b: WordRecord) -> Bool { precedes(a, b) }

    mutating func absorb(_ other: WordRecord, limit: Int) {
        count += other.count
        FirstOccurrences.absorb(other.occurrences, into: &occurrences, limit: limit)
    }
}
