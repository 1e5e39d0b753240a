/// How much each kind of anchor lowers the cost of a bead (in nats, the unit of the length cost),
/// per distinct feature that both sides of the bead share. A feature found in several segments of
/// a document counts less: its weight is divided by the square root of the larger number of
/// segments it occurs in on either side. One-digit numbers count half.
///
/// ```swift
/// var w = AnchorWeights()
/// w.name = 0     // no name anchors
/// ```
public struct AnchorWeights: Sendable, Equatable {
    public var number: Double
    public var latin: Double
    public var glossary: Double
    public var name: Double
    public var dictionary: Double

    public init(number: Double = 4, latin: Double = 4, glossary: Double = 3, name: Double = 2.5, dictionary: Double = 0.4) {
        self.number = number
        self.latin = latin
        self.glossary = glossary
        self.name = name
        self.dictionary = dictionary
    }

    public subscript(kind: AnchorKind) -> Double {
        get {
            switch kind {
            case .number: return number
            case .latin: return latin
            case .glossary: return glossary
            case .name: return name
            case .dictionary: return dictionary
            }
        }
        set {
            switch kind {
            case .number: number = newValue
            case .latin: latin = newValue
            case .glossary: glossary = newValue
            case .name: name = newValue
            case .dictionary: dictionary = newValue
            }
        }
    }

    /// No anchors at all: length alone.
    public static let none = AnchorWeights(number: 0, latin: 0, glossary: 0, name: 0, dictionary: 0)
}
