import Foundation
import Synchronization

/// The dynamic programs over a band: the cheapest path (Viterbi) and the posterior probability of
/// the beads on it (forward-backward in log space, in a narrow tube around the path).
///
/// - Complexity: O(cells x shapes) time. Viterbi keeps four rows of costs and one byte per cell
///   (the bead that reached it); forward-backward keeps two doubles per tube cell.
enum BandedDP {
    /// One bead of a path: shape index and the node it ends at.
    struct Step: Sendable, Equatable {
        let shape: Int
        let i: Int
        let j: Int
    }

    struct ViterbiResult {
        /// The beads from (0, 0) to (n, m), or nil when no path fits in the band.
        let path: [Step]?
        /// Whether the path runs along the band's edge (a wider band might find a cheaper path).
        let touchesEdge: Bool
        let cost: Double
    }

    static let none: UInt8 = 255

    static func viterbi(_ model: BeadCostModel, band: Band) -> ViterbiResult {
        let n = band.n
        let m = band.m
        let shapeCount = model.shapeArabic.count
        var widthCap = 1
        for i in 0...n { widthCap = max(widthCap, band.hi[i] - band.lo[i] + 1) }
        // Costs of the last four rows (beads take at most three Arabic segments), flat.
        var rows = [Double](repeating: .infinity, count: 4 * widthCap)
        var back = [UInt8](repeating: none, count: band.cellCount)
        model.withKernel { kernel in
            band.lo.withUnsafeBufferPointer { bandLo in
                band.hi.withUnsafeBufferPointer { bandHi in
                    band.rowStart.withUnsafeBufferPointer { rowStart in
                        rows.withUnsafeMutableBufferPointer { rows in
                            back.withUnsafeMutableBufferPointer { back in
                                for i in 0...n {
                                    let lo = bandLo[i]
                                    let hi = bandHi[i]
                                    if hi < lo { continue }
                                    let row = (i & 3) * widthCap
                                    let cellBase = rowStart[i] - lo
                                    for j in lo...hi {
                                        var best = Double.infinity
                                        var bestShape = none
                                        if i == 0 && j == 0 {
                                            best = 0
                                        } else {
                                            for k in 0..<shapeCount {
                                                let pi = i - kernel.shapeArabic[k]
                                                let pj = j - kernel.shapeEnglish[k]
                                                guard pi >= 0, pj >= 0 else { continue }
                                                let plo = bandLo[pi]
                                                guard pj >= plo, pj <= bandHi[pi] else { continue }
                                                let prev = rows[(pi & 3) * widthCap + pj - plo]
                                                if prev == .infinity { continue }
                                                let c = prev + kernel.cost(k, i, j)
                                                if c < best {
                                                    best = c
                                                    bestShape = UInt8(k)
                                                }
                                            }
                                        }
                                        rows[row + j - lo] = best
                                        back[cellBase + j] = bestShape
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let shapes = model.shapes
        guard band.contains(n, m) else { return ViterbiResult(path: nil, touchesEdge: true, cost: .infinity) }
        let total = rows[(n & 3) * widthCap + m - band.lo[n]]
        if total == .infinity { return ViterbiResult(path: nil, touchesEdge: true, cost: .infinity) }
        var path: [Step] = []
        var i = n
        var j = m
        var touches = false
        while i > 0 || j > 0 {
            let k = back[band.rowStart[i] + j - band.lo[i]]
            if k == none { return ViterbiResult(path: nil, touchesEdge: true, cost: .infinity) }
            path.append(Step(shape: Int(k), i: i, j: j))
            i -= shapes[Int(k)].arabic
            j -= shapes[Int(k)].english
            if (i > 0 || j > 0) && ((j == band.lo[i] && band.lo[i] > 0) || (j == band.hi[i] && band.hi[i] < m)) { touches = true }
        }
        return ViterbiResult(path: path.reversed(), touchesEdge: touches, cost: total)
    }

    /// A tube of half-width `radius` around a path, as a band.
    static func tube(around path: [Step], shapes: [BeadShape], n: Int, m: Int, radius: Int) -> Band {
        var lo = [Int](repeating: Int.max, count: n + 1)
        var hi = [Int](repeating: Int.min, count: n + 1)
        var nodes: [(Int, Int)] = [(0, 0)]
        for s in path { nodes.append((s.i, s.j)) }
        for (i, j) in nodes {
            for di in -radius...radius {
                let r = i + di
                guard r >= 0 && r <= n else { continue }
                lo[r] = min(lo[r], max(0, j - radius))
                hi[r] = max(hi[r], min(m, j + radius))
            }
        }
        // Non-decreasing bounds, rows never empty.
        for i in 0...n {
            if lo[i] == Int.max {
                lo[i] = i > 0 ? lo[i - 1] : 0
                hi[i] = i > 0 ? hi[i - 1] : 0
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) }
        for i in 1...max(1, n) where i <= n { hi[i] = max(hi[i], hi[i - 1]) }
        lo[0] = 0
        hi[n] = m
        return Band(lo: lo, hi: hi, m: m)
    }

    /// The posterior probability of each bead of `path`, by forward-backward over `tube`. The
    /// forward and the backward pass are independent; they run at the same time on two threads.
    static func posteriors(_ model: BeadCostModel, path: [Step], tube band: Band) -> [Double] {
        let n = band.n
        let m = band.m
        let passes = Mutex<[[Double]]>([[], []])
        DispatchQueue.concurrentPerform(iterations: 2) { pass in
            let values = model.withKernel { kernel in
                pass == 0 ? forward(kernel, model.shapes, band) : backward(kernel, model.shapes, band)
            }
            passes.withLock { $0[pass] = values }
        }
        let (alpha, beta) = passes.withLock { ($0[0], $0[1]) }
        @inline(__always) func index(_ i: Int, _ j: Int) -> Int { band.rowStart[i] + j - band.lo[i] }
        let z = alpha[index(n, m)]
        var result: [Double] = []
        var pi = 0
        var pj = 0
        for s in path {
            let v = alpha[index(pi, pj)] + model.cost(s.shape, s.i, s.j) + beta[index(s.i, s.j)] - z
            result.append(v.isFinite ? min(1, max(0, exp(-v))) : 0)
            pi = s.i
            pj = s.j
        }
        return result
    }

    /// Forward: alpha(i, j) = -log sum over beads into (i, j) of exp(-(alpha(prev) + cost)).
    private static func forward(_ kernel: BeadCostModel.Kernel, _ shapes: [BeadShape], _ band: Band) -> [Double] {
        @inline(__always) func index(_ i: Int, _ j: Int) -> Int { band.rowStart[i] + j - band.lo[i] }
        var alpha = [Double](repeating: .infinity, count: band.cellCount)
        var terms = [Double](repeating: 0, count: shapes.count)
        for i in 0...band.n {
            for j in band.lo[i]...band.hi[i] {
                if i == 0 && j == 0 {
                    alpha[index(0, 0)] = 0
                    continue
                }
                alpha[index(i, j)] = cellCost(alpha, &terms, i, j, into: true, kernel, shapes, band)
            }
        }
        return alpha
    }

    /// Backward: beta(i, j) = -log sum over beads out of (i, j).
    private static func backward(_ kernel: BeadCostModel.Kernel, _ shapes: [BeadShape], _ band: Band) -> [Double] {
        @inline(__always) func index(_ i: Int, _ j: Int) -> Int { band.rowStart[i] + j - band.lo[i] }
        var beta = [Double](repeating: .infinity, count: band.cellCount)
        var terms = [Double](repeating: 0, count: shapes.count)
        let n = band.n
        let m = band.m
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: band.hi[i], through: band.lo[i], by: -1) {
                if i == n && j == m {
                    beta[index(n, m)] = 0
                    continue
                }
                beta[index(i, j)] = cellCost(beta, &terms, i, j, into: false, kernel, shapes, band)
            }
        }
        return beta
    }

    /// One cell of the forward (`into`: the beads into (i, j), from the cells before it) or the
    /// backward pass (the beads out of (i, j), to the cells after it): -log sum over those beads of
    /// exp(-(the other cell's value in `table` + the bead's cost)). A bead's cost is taken at the
    /// cell it ends in.
    @inline(__always)
    private static func cellCost(
        _ table: [Double], _ terms: inout [Double], _ i: Int, _ j: Int, into: Bool, _ kernel: BeadCostModel.Kernel, _ shapes: [BeadShape],
        _ band: Band
    ) -> Double {
        var count = 0
        var best = Double.infinity
        for k in shapes.indices {
            let oi = into ? i - shapes[k].arabic : i + shapes[k].arabic
            let oj = into ? j - shapes[k].english : j + shapes[k].english
            guard band.contains(oi, oj) else { continue }
            let other = table[band.rowStart[oi] + oj - band.lo[oi]]
            if other == .infinity { continue }
            let v = other + (into ? kernel.cost(k, i, j) : kernel.cost(k, oi, oj))
            terms[count] = v
            count += 1
            best = min(best, v)
        }
        return logSumCost(terms, count, best)
    }

    /// `-log sum exp(-v)` over the first `count` values, whose minimum is `best`.
    @inline(__always)
    private static func logSumCost(_ v: [Double], _ count: Int, _ best: Double) -> Double {
        if count == 0 || best == .infinity { return .infinity }
        var s = 0.0
        for t in 0..<count { s += exp(best - v[t]) }
        return best - log(s)
    }
}
