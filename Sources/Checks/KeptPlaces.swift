import Synchronization

/// What the pieces merged so far already list in full, shared with the threads observing later
/// pieces: for each name or word record whose places in those pieces reach `maxOccurrences`, the
/// last of its first `maxOccurrences` places. An occurrence after that place can never be listed (the record already has
/// enough places before it), so `Checker.collect(documents:skipping:)` counts it without building
/// its excerpt. Only excerpts are skipped: counts, and so the report, are the same with or without.
///
/// ```swift
/// let kept = KeptPlaces()
/// let scope = checker.collect(documents: [piece], skipping: kept)
/// kept.add(scope)  // once merged, in input order
/// ```
public final class KeptPlaces: Sendable {
    struct Bounds: Sendable {
        var names: [NameRecord.Key: Occurrence] = [:]
        var words: [UTF8Key: Occurrence] = [:]
    }

    /// The first places of the records not yet listed in full, and the bounds of those that are.
    private struct State {
        var names: [NameRecord.Key: [Occurrence]] = [:]
        var words: [UTF8Key: [Occurrence]] = [:]
        var bounds = Bounds()
    }

    private let state = Mutex(State())

    public init() {}

    /// Adds the places of the records of `scope` (another piece of the same input).
    /// - Complexity: O(r × m) for r records and m = `maxOccurrences`.
    public func add(_ scope: CheckScope) {
        let limit = scope.maxOccurrences
        guard limit > 0 else { return }
        state.withLock { s in
            for r in scope.names where r.keepsPlaces && !r.occurrences.isEmpty && s.bounds.names[r.key] == nil {
                Self.add(r.occurrences, to: &s.names, &s.bounds.names, r.key, limit: limit)
            }
            for r in scope.unknownWords where !r.occurrences.isEmpty && s.bounds.words[UTF8Key(r.key)] == nil {
                Self.add(r.occurrences, to: &s.words, &s.bounds.words, UTF8Key(r.key), limit: limit)
            }
        }
    }

    /// Adds a record's places to its first places; a record that reaches `limit` gets its bound.
    private static func add<Key: Hashable>(
        _ places: [Occurrence], to lists: inout [Key: [Occurrence]], _ bounds: inout [Key: Occurrence], _ key: Key, limit: Int
    ) {
        FirstOccurrences.absorb(places, into: &lists[key, default: []], limit: limit)
        if let list = lists[key], list.count >= limit, let last = list.last {
            bounds[key] = last
            lists[key] = nil
        }
    }

    /// The bounds as they are now (a copy, read without locking).
    var snapshot: Bounds { state.withLock { $0.bounds } }
}
