/// One bead of an alignment: consecutive segments of each side that translate each other (either
/// range may be empty: a segment with no counterpart). Indices are 0-based segment numbers.
///
/// ```swift
/// let b = Bead(arabic: 3..<5, english: 2..<3, score: 0.97)   // Arabic 4 and 5 are English 3
/// ```
public struct Bead: Sendable, Hashable {
    public var arabic: Range<Int>
    public var english: Range<Int>
    /// The model's confidence in the bead, 0...1: its posterior probability given both documents
    /// (forward-backward over the band around the best path). Beads placed by rule (blank
    /// segments) have score 1.
    public var score: Double

    public init(arabic: Range<Int>, english: Range<Int>, score: Double) {
        self.arabic = arabic
        self.english = english
        self.score = score
    }

    public var shape: BeadShape { BeadShape(arabic: arabic.count, english: english.count) }
}
