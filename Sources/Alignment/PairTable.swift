/// Anchor evidence of single segment pairs (Arabic segment p, English segment q), computed once for
/// every pair a bead ending inside a band can cover, and on demand outside it: the strong features
/// both segments carry (usually none) and the dictionary score.
///
/// A bead's strong bonus is the weight of the union of its pairs' shared features, so a feature
/// counts once per bead however many of its segments carry it; its dictionary bonus is the sum of
/// its pairs' scores.
///
/// A class: the dynamic programs consult it millions of times, and a struct of arrays would be
/// copied (every array retained and released) at each of them.
final class PairTable: Sendable {
    let anchors: AnchorFeatures
    private let lo: [Int]
    private let hi: [Int]
    private let start: [Int]
    /// Per cell, the range of its shared strong features in `shared`.
    private let sharedStart: [Int32]
    private let shared: [Int32]
    private let dictionary: [Float]

    init(anchors: AnchorFeatures, band: Band) {
        self.anchors = anchors
        let n = band.n
        let m = band.m
        var lo: [Int] = []
        var hi: [Int] = []
        var start: [Int] = [0]
        lo.reserveCapacity(n)
        hi.reserveCapacity(n)
        for p in 0..<n {
            // Beads ending at rows p+1...p+3 cover segment p, with English segments up to 3 back.
            let l = max(0, band.lo[p + 1] - 3)
            let h = min(m - 1, band.hi[min(n, p + 3)] - 1)
            lo.append(l)
            hi.append(max(h, l - 1))
            start.append(start[p] + max(0, h - l + 1))
        }
        var sharedStart: [Int32] = [0]
        sharedStart.reserveCapacity(start[n] + 1)
        var shared: [Int32] = []
        var dictionary: [Float] = []
        let withDictionary = anchors.hasDictionary
        if withDictionary { dictionary.reserveCapacity(start[n]) }
        var row = AnchorFeatures.PairRow(anchors)
        for p in 0..<n where hi[p] >= lo[p] {
            row.appendShared(p, lo[p]...hi[p], to: &shared, sharedEnd: &sharedStart)
            if withDictionary { row.appendScores(p, lo[p]...hi[p], to: &dictionary) }
        }
        self.lo = lo
        self.hi = hi
        self.start = start
        self.sharedStart = sharedStart
        self.shared = shared
        self.dictionary = dictionary
    }

    /// Calls `body` with each strong feature segments p and q share.
    @inline(__always)
    func forEachShared(_ p: Int, _ q: Int, _ body: (Int32) -> Void) {
        if q >= lo[p] && q <= hi[p] {
            let cell = start[p] + q - lo[p]
            var k = Int(sharedStart[cell])
            let e = Int(sharedStart[cell + 1])
            while k < e {
                body(shared[k])
                k += 1
            }
        } else {
            anchors.sharedStrong(p, q, body)
        }
    }

    @inline(__always)
    func dictionaryScore(_ p: Int, _ q: Int) -> Double {
        if q >= lo[p] && q <= hi[p] { return Double(dictionary[start[p] + q - lo[p]]) }
        return anchors.dictionaryPairScore(p, q)
    }

    /// The anchor bonus of the bead of Arabic segments `a0..<a1` and English segments `e0..<e1`.
    @inline(__always)
    func bonus(_ a0: Int, _ a1: Int, _ e0: Int, _ e1: Int) -> Double {
        // The dictionary scores, pair by pair in row order, and whether any pair shares a strong
        // feature (most beads share none: they skip the union below).
        var total = 0.0
        var any = false
        let withDictionary = anchors.hasDictionary
        for p in a0..<a1 {
            guard e0 >= lo[p] && e1 - 1 <= hi[p] else {
                if withDictionary {
                    for q in e0..<e1 { total += dictionaryScore(p, q) }
                }
                any = true
                continue
            }
            let base = start[p] - lo[p]
            for q in e0..<e1 {
                if withDictionary { total += Double(dictionary[base + q]) }
                if sharedStart[base + q] != sharedStart[base + q + 1] { any = true }
            }
        }
        if !any { return total }
        let weights = anchors.weight
        // Each shared feature once (a bead of at most 3 x 3 pairs shares only a handful).
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 32) { seen in
            var count = 0
            for p in a0..<a1 {
                for q in e0..<e1 {
                    forEachShared(p, q) { f in
                        for k in 0..<count where seen[k] == f { return }
                        if count < seen.count {
                            seen[count] = f
                            count += 1
                        }
                        total += weights[Int(f)]
                    }
                }
            }
            return total
        }
    }
}
