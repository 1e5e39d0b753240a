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
        // Written through pointers into arrays of the source's length; NFKC can make a chunk longer
        // (ligatures), so a key that would not fit is built again with room for it.
        var capacity = src.count + 8
        while true {
            var n: Int?
            var starts: [Int] = []
            var ends: [Int] = []
            let out = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { outBuf, outCount in
                starts = [Int](unsafeUninitializedCapacity: capacity) { startBuf, startCount in
                    ends = [Int](unsafeUninitializedCapacity: capacity) { endBuf, endCount in
                        n = src.withUnsafeBufferPointer { Self.fold($0, outBuf, startBuf, endBuf) }
                        endCount = n ?? 0
                    }
                    startCount = n ?? 0
                }
                outCount = n ?? 0
            }
            if n != nil {
                scalars = out
                sourceStart = starts
                sourceEnd = ends
                return
            }
            capacity *= 4
        }
    }

    /// Writes the key scalars of `src` and their source spans to the buffers; returns how many,
    /// or nil when the buffers are too short (NFKC made the text longer than they are).
    @inline(__always)
    static func fold(
        _ src: UnsafeBufferPointer<Unicode.Scalar>, _ key: UnsafeMutableBufferPointer<Unicode.Scalar>,
        _ starts: UnsafeMutableBufferPointer<Int>,
        _ ends: UnsafeMutableBufferPointer<Int>
    ) -> Int? {
        var n = 0
        var overflow = false
        let capacity = key.count
        KeyFolding.forEachNormalized(ScalarSource(scalars: src)) { _, info, s, e in
            let f = info & NormalizationTables.foldMask
            guard f != NormalizationTables.dropped else { return }
            guard n < capacity else {
                overflow = true
                return
            }
            key[n] = Unicode.Scalar(f).unsafelyUnwrapped
            starts[n] = s
            ends[n] = e
            n += 1
        }
        return overflow ? nil : n
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

    /// The key of `text` as a string, without the offset map (faster): read and written as UTF-8
    /// bytes, one table lookup per scalar, ICU only for chunks NFKC could change
    /// (`KeyFolding.appendKey`).
    /// - Complexity: O(n).
    public static func keyString(_ text: String) -> String {
        var text = text
        var out: [UInt8] = []
        text.withUTF8 { KeyFolding.appendKey(utf8: $0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
