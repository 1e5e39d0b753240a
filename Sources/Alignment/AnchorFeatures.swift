/// The anchor features of both sides of a document pair, ready for the dynamic program: only the
/// features that occur on both sides, as ids with weights.
///
/// Strong anchors (numbers, Latin tokens, glossary terms, names) are scored per bead with set
/// semantics: a feature shared by the two sides of a bead counts once, however many of its segments
/// carry it. Dictionary anchors are many and weak; they are scored per pair of segments and summed
/// over the pairs of a bead (`PairTable`).
public struct AnchorFeatures: Sendable {
    let arabic: FeatureLists
    let english: FeatureLists
    /// Weight of each strong feature id.
    let weight: [Double]
    let dictionaryArabic: FeatureLists
    let dictionaryEnglish: FeatureLists
    let dictionaryWeight: [Double]
    /// How many features of each kind occur on both sides.
    public let counts: [AnchorKind: Int]

    /// No anchors (n Arabic and m English segments).
    static func empty(arabic n: Int, english m: Int) -> AnchorFeatures {
        let a = FeatureLists(Array(repeating: [], count: n))
        let e = FeatureLists(Array(repeating: [], count: m))
        return AnchorFeatures(
            arabic: a, english: e, weight: [], dictionaryArabic: a, dictionaryEnglish: e, dictionaryWeight: [], counts: [:])
    }

    var hasDictionary: Bool { !dictionaryWeight.isEmpty }

    var hasAnchors: Bool { !weight.isEmpty || hasDictionary }

    /// Calls `body` with each strong feature Arabic segment i and English segment j share.
    /// - Complexity: O(p + q), a merge of the two sorted lists.
    @inline(__always)
    func sharedStrong(_ i: Int, _ j: Int, _ body: (Int32) -> Void) {
        let ar = arabic.span(i, i + 1)
        let en = english.span(j, j + 1)
        if ar.isEmpty || en.isEmpty { return }
        var p = ar.lowerBound
        var q = en.lowerBound
        while p < ar.upperBound && q < en.upperBound {
            let x = arabic.ids[p]
            let y = english.ids[q]
            if x == y {
                body(x)
                p += 1
                q += 1
            } else if x < y {
                p += 1
            } else {
                q += 1
            }
        }
    }

    /// The strong-anchor bonus of Arabic segments `a0..<a1` and English segments `e0..<e1`: the
    /// weight of each shared feature, once. (The dynamic program uses `PairTable.bonus`.)
    func strongBonus(_ a0: Int, _ a1: Int, _ e0: Int, _ e1: Int) -> Double {
        var seen = Set<Int32>()
        var total = 0.0
        for p in a0..<a1 {
            for q in e0..<e1 {
                sharedStrong(p, q) { f in if seen.insert(f).inserted { total += weight[Int(f)] } }
            }
        }
        return total
    }

    /// The dictionary score of one Arabic segment and one English segment (sorted id lists).
    func dictionaryPairScore(_ i: Int, _ j: Int) -> Double {
        let ar = dictionaryArabic.span(i, i + 1)
        let en = dictionaryEnglish.span(j, j + 1)
        if ar.isEmpty || en.isEmpty { return 0 }
        var p = ar.lowerBound
        var q = en.lowerBound
        var total = 0.0
        let aIDs = dictionaryArabic.ids
        let eIDs = dictionaryEnglish.ids
        while p < ar.upperBound && q < en.upperBound {
            let x = aIDs[p]
            let y = eIDs[q]
            if x == y {
                total += dictionaryWeight[Int(x)]
                p += 1
                q += 1
            } else if x < y {
                p += 1
            } else {
                q += 1
            }
        }
        return total
    }
}
