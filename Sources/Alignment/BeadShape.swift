/// How many segments of each side a bead takes: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1.
///
/// ```swift
/// BeadShape(arabic: 2, english: 1).description   // "2-1"
/// ```
public struct BeadShape: Sendable, Hashable, CustomStringConvertible {
    public let arabic: Int
    public let english: Int

    public init(arabic: Int, english: Int) {
        self.arabic = arabic
        self.english = english
    }

    public var description: String { "\(arabic)-\(english)" }

    /// Whether the bead pairs segments of both sides.
    public var isPair: Bool { arabic > 0 && english > 0 }

    /// The shapes the aligner uses, with their prior probabilities: Gale and Church's (0.89 for 1-1,
    /// 0.0099 for a deletion or insertion, 0.089 for 2-1 or 1-2, 0.011 for 2-2), each split evenly
    /// between its two directions, and 0.0025 each for 1-3 and 3-1. The aligner re-estimates them
    /// on every document.
    public static let defaultPriors: [(shape: BeadShape, probability: Double)] = [
        (BeadShape(arabic: 1, english: 1), 0.89),
        (BeadShape(arabic: 1, english: 0), 0.00495),
        (BeadShape(arabic: 0, english: 1), 0.00495),
        (BeadShape(arabic: 2, english: 1), 0.0445),
        (BeadShape(arabic: 1, english: 2), 0.0445),
        (BeadShape(arabic: 2, english: 2), 0.011),
        (BeadShape(arabic: 1, english: 3), 0.0025),
        (BeadShape(arabic: 3, english: 1), 0.0025),
    ]
}
