/// The matching key of a text: what readers treat as the same letters, folded to one form, with every
/// key scalar mapped back to the span of the original text it came from.
///
/// ```swift
/// let k = MatchingKey("وَأُوكْرانيا")
/// k.string                        // "واوكرانيا"
/// k.sourceRange(ofKey: 1..<9)     // 1..<12, the span of "أُوكْرانيا" in the original
/// ```
public struct MatchingKey: Sendable, Equatable {
    /// The key scalars.
    public let scalars: [Unicode.Scalar]
    /// For each key scalar, the offset (in Unicode scalars of the original) where its source starts.
    public let sourceStart: [Int]
    /// For each key scalar, the offset where its source ends.
    public let sourceEnd: [Int]

    public var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// Builds the key of `text`.
    /// - Complexity: O(n); ICU is called only for normalization chunks that NFKC could change.
    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    public init(scalars src: [Unicode.Scalar]) {
        var out: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        out.reserveCapacity(src.count)
        starts.reserveCapacity(src.count)
        ends.reserveCapacity(src.count)
        KeyFolding.forEachNormalized(src) { u, s, e in
            if let f = KeyFolding.fold(u.value) {
                out.append(f)
                starts.append(s)
                ends.append(e)
            }
        }
        scalars = out
        sourceStart = starts
        sourceEnd = ends
    }

    /// The span of the original text that key scalars `range` came from.
    /// An empty key range maps to the empty range at the source position it stands at.
    public func sourceRange(ofKey range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            if range.lowerBound < sourceStart.count { return sourceStart[range.lowerBound]..<sourceStart[range.lowerBound] }
            let end = sourceEnd.last ?? 0
            return end..<end
        }
        return sourceStart[range.lowerBound]..<sourceEnd[range.upperBound - 1]
    }

    /// The key of `text` as a string, without the offset map (faster).
    public static func keyString(_ text: String) -> String {
        var s = String.UnicodeScalarView()
        KeyFolding.forEachNormalized(Array(text.unicodeScalars)) { u, _, _ in
            if let f = KeyFolding.fold(u.value) { s.append(f) }
        }
        return String(s)
    }
}
