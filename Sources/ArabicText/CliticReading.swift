/// One reading of a word's matching key as proclitics + (article) + stem + enclitic, without any
/// allocation: the stem is `key[prefixLength ..< key.count - suffixLength]`.
public struct CliticReading: Sendable, Equatable {
    /// و or ف, if any.
    public var conjunction: Proclitic?
    /// ب ل ك or the future marker س, if any.
    public var preposition: Proclitic?
    public var hasArticle: Bool
    public var enclitic: Enclitic?
    public var prefixLength: Int
    public var suffixLength: Int

    @inlinable
    public init(
        conjunction: Proclitic?, preposition: Proclitic?, hasArticle: Bool, enclitic: Enclitic?, prefixLength: Int, suffixLength: Int
    ) {
        self.conjunction = conjunction
        self.preposition = preposition
        self.hasArticle = hasArticle
        self.enclitic = enclitic
        self.prefixLength = prefixLength
        self.suffixLength = suffixLength
    }

    /// The proclitics in order (no allocation when there are none, the common case).
    public var proclitics: [Proclitic] {
        switch (conjunction, preposition) {
        case (nil, nil): return []
        case (let c?, nil): return [c]
        case (nil, let p?): return [p]
        case (let c?, let p?): return [c, p]
        }
    }
    public var isBare: Bool { prefixLength == 0 && suffixLength == 0 }

    /// Calls `body` with every reading of `key` (a word's matching key), the bare reading first.
    /// The rules are those of `CliticAnalyzer`: an optional conjunction, then an optional
    /// preposition or future marker, then an optional article (ل + ال written لل), or else an
    /// optional enclitic pronoun; every stem keeps at least two letters.
    /// - Complexity: O(1) readings per word (a few dozen at most), no allocation.
    @inlinable
    public static func forEach(in k: ArraySlice<Unicode.Scalar>, _ body: (CliticReading) -> Void) {
        let n = k.count
        let base = k.startIndex
        @inline(__always) func at(_ i: Int) -> UInt32 { k[base + i].value }
        @inline(__always) func endsWith(_ v: [UInt32]) -> Bool {
            guard n >= v.count else { return false }
            for j in 0..<v.count where at(n - v.count + j) != v[j] { return false }
            return true
        }
        for ci in 0..<3 {
            let conj: Proclitic? = ci == 0 ? nil : (ci == 1 ? .wa : .fa)
            var p0 = 0
            if ci > 0 {
                guard n > 1, at(0) == (ci == 1 ? 0x0648 : 0x0641) else { continue }
                p0 = 1
            }
            for pi in 0..<5 {
                var p1 = p0
                var prep: Proclitic? = nil
                if pi > 0 {
                    guard p1 < n, at(p1) == cliticPrepositionValues[pi - 1] else { continue }
                    prep = cliticPrepositions[pi - 1]
                    p1 += 1
                }
                if n - p1 >= 2 {
                    body(
                        CliticReading(
                            conjunction: conj, preposition: prep, hasArticle: false, enclitic: nil, prefixLength: p1, suffixLength: 0))
                }
                for (e, v) in encliticValues where n - p1 - v.count >= 2 && endsWith(v) {
                    body(
                        CliticReading(
                            conjunction: conj, preposition: prep, hasArticle: false, enclitic: e, prefixLength: p1, suffixLength: v.count))
                }
                if pi == 4 { continue }  // no article after the future marker
                if pi == 2 {
                    if p1 < n && at(p1) == 0x0644 && n - p1 - 1 >= 2 {
                        body(
                            CliticReading(
                                conjunction: conj, preposition: prep, hasArticle: true, enclitic: nil, prefixLength: p1 + 1, suffixLength: 0
                            ))
                    }
                } else if p1 + 1 < n && at(p1) == 0x0627 && at(p1 + 1) == 0x0644 && n - p1 - 2 >= 2 {
                    body(
                        CliticReading(
                            conjunction: conj, preposition: prep, hasArticle: true, enclitic: nil, prefixLength: p1 + 2, suffixLength: 0))
                }
            }
        }
    }

    /// Any collection of key scalars.
    public static func forEach(in k: some Collection<Unicode.Scalar>, _ body: (CliticReading) -> Void) {
        forEach(in: ArraySlice(k), body)
    }
}

@usableFromInline let cliticPrepositions: [Proclitic] = [.bi, .li, .ka, .sa]
@usableFromInline let cliticPrepositionValues: [UInt32] = [0x0628, 0x0644, 0x0643, 0x0633]
@usableFromInline let encliticValues: [(Enclitic, [UInt32])] = [
    (.hu, [0x0647]), (.ha, [0x0647, 0x0627]), (.hum, [0x0647, 0x0645]), (.huma, [0x0647, 0x0645, 0x0627]),
    (.hunna, [0x0647, 0x0646]), (.kum, [0x0643, 0x0645]), (.kuma, [0x0643, 0x0645, 0x0627]), (.na, [0x0646, 0x0627]),
    (.i, [0x064A]),
]
