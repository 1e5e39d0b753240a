/// The result of aligning two segmented documents: beads that cover every segment of both sides
/// exactly once, in order, and the model that produced them.
///
/// ```swift
/// let a = try Aligner(options: .init()).align(arabic: ar, english: en)
/// for b in a.beads { print(b.arabic, b.english, b.score) }
/// ```
public struct SentenceAlignment: Sendable {
    public var beads: [Bead]
    public var arabicCount: Int
    public var englishCount: Int
    /// The length model after re-estimation on the document.
    public var lengthModel: LengthModel
    /// The bead shape probabilities after re-estimation on the document.
    public var shapeProbabilities: [BeadShape: Double]
    /// The widest half-width of band a pass needed, in segments (pass 1's band follows the length
    /// diagonal, pass 2's follows pass 1's path).
    public var bandWidth: Int
    /// How many times the band was widened because the best path touched its edge.
    public var bandGrowths: Int
    /// How many anchor features of each kind the two sides share.
    public var anchorCounts: [AnchorKind: Int]

    public init(
        beads: [Bead], arabicCount: Int, englishCount: Int, lengthModel: LengthModel, shapeProbabilities: [BeadShape: Double],
        bandWidth: Int, bandGrowths: Int, anchorCounts: [AnchorKind: Int]
    ) {
        self.beads = beads
        self.arabicCount = arabicCount
        self.englishCount = englishCount
        self.lengthModel = lengthModel
        self.shapeProbabilities = shapeProbabilities
        self.bandWidth = bandWidth
        self.bandGrowths = bandGrowths
        self.anchorCounts = anchorCounts
    }

    /// Whether the beads cover segments 0..<arabicCount and 0..<englishCount exactly once, in order.
    public var isComplete: Bool {
        var a = 0
        var e = 0
        for b in beads {
            guard b.arabic.lowerBound == a, b.english.lowerBound == e, !(b.arabic.isEmpty && b.english.isEmpty) else { return false }
            a = b.arabic.upperBound
            e = b.english.upperBound
        }
        return a == arabicCount && e == englishCount
    }
}
