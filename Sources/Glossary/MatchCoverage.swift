/// Which words the matches of a sentence cover, for words visited in text order: one sweep over the
/// matches sorted by start, instead of a search of every match per word (quadratic on a long
/// sentence full of terms).
///
/// ```swift
/// var covered = MatchCoverage(matches)
/// for t in Tokenizer.tokenize(scalars: sentence) where !covered.overlaps(t.range) { ... }
/// ```
/// - Complexity: O(m log m) to build for m matches; O(1) amortized a query.
public struct MatchCoverage {
    private let ranges: [Range<Int>]
    private var next = 0
    private var reach = Int.min

    public init(_ matches: [TermMatch]) {
        self.init(ranges: matches.map(\.range))
    }

    init(ranges: [Range<Int>]) {
        // A matcher's matches come sorted and non-empty: kept as they are, with no copy.
        var ordered = true
        for (k, r) in ranges.enumerated() where r.isEmpty || (k > 0 && ranges[k - 1].lowerBound > r.lowerBound) {
            ordered = false
            break
        }
        self.ranges = ordered ? ranges : ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether `range` overlaps a match (as `Range.overlaps` does). Ranges must be asked in text
    /// order: each one's start and end no smaller than the previous one's.
    public mutating func overlaps(_ range: Range<Int>) -> Bool {
        if range.isEmpty { return false }
        // Every match starting before the range ends is taken in; one of them overlaps iff the
        // farthest end among them lies past the range's start.
        while next < ranges.count && ranges[next].lowerBound < range.upperBound {
            reach = max(reach, ranges[next].upperBound)
            next += 1
        }
        return reach > range.lowerBound
    }
}
