/// The cells the dynamic program visits: for each Arabic position i (0...n), the English positions
/// `lo[i]...hi[i]` around the diagonal, which follows cumulative length (position j where the
/// English text is as far along as the Arabic text is at i).
struct Band: Sendable {
    let n: Int
    let m: Int
    let lo: [Int]
    let hi: [Int]
    /// Offset of row i's first cell in flat per-cell arrays.
    let rowStart: [Int]
    let width: Int

    var cellCount: Int { rowStart[n + 1] }

    /// A band of half-width `width` around `center` (n + 1 non-decreasing values from 0 to m).
    init(center: [Int], m: Int, width: Int) {
        let n = center.count - 1
        self.n = n
        self.m = m
        self.width = width
        var lo: [Int] = []
        var hi: [Int] = []
        var start: [Int] = [0]
        lo.reserveCapacity(n + 1)
        hi.reserveCapacity(n + 1)
        start.reserveCapacity(n + 2)
        for i in 0...n {
            let l = i == 0 ? 0 : max(0, center[i] - width)
            let h = i == n ? m : min(m, center[i] + width)
            lo.append(l)
            hi.append(h)
            start.append(start[i] + h - l + 1)
        }
        self.lo = lo
        self.hi = hi
        self.rowStart = start
    }

    /// A band of arbitrary rows (a tube around a path); `lo` and `hi` must be non-decreasing.
    init(lo: [Int], hi: [Int], m: Int) {
        n = lo.count - 1
        self.m = m
        self.lo = lo
        self.hi = hi
        var start: [Int] = [0]
        for i in 0...n { start.append(start[i] + max(0, hi[i] - lo[i] + 1)) }
        rowStart = start
        width = zip(lo, hi).map { $0.1 - $0.0 }.max() ?? 0
    }

    @inline(__always)
    func contains(_ i: Int, _ j: Int) -> Bool { i >= 0 && i <= n && j >= lo[i] && j <= hi[i] }

    /// The diagonal by cumulative length: for each Arabic position, the English position whose
    /// share of the English text is closest to the Arabic position's share of the Arabic text.
    static func lengthDiagonal(arabicPrefix: [Double], englishPrefix: [Double]) -> [Int] {
        let n = arabicPrefix.count - 1
        let m = englishPrefix.count - 1
        let totalA = arabicPrefix[n]
        let totalE = englishPrefix[m]
        var center: [Int] = []
        center.reserveCapacity(n + 1)
        var j = 0
        for i in 0...n {
            if totalA <= 0 || totalE <= 0 {
                center.append(n == 0 ? m : (i * m) / n)
                continue
            }
            let target = arabicPrefix[i] / totalA * totalE
            while j < m && englishPrefix[j + 1] <= target { j += 1 }
            // j is the last position at or before target; the next may be closer.
            if j < m && englishPrefix[j + 1] - target < target - englishPrefix[j] {
                center.append(j + 1)
            } else {
                center.append(j)
            }
        }
        center[0] = 0
        center[n] = m
        for i in 1...max(1, n) where i <= n { center[i] = max(center[i], center[i - 1]) }
        return center
    }
}
