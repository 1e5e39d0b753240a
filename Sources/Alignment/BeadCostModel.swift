import Foundation

/// The cost of every bead the dynamic program considers: the shape's prior, the length costs
/// (`LengthModel`: a bead's total, the split of each side, the English total given the Arabic
/// one) and the anchor bonuses. Node `(i, j)` means "the first i Arabic and j English segments are
/// aligned"; the bead of shape k ending there covers Arabic `i - a..<i` and English `j - b..<j`.
///
/// Logarithms of window sums are tabulated and the mixture density is interpolated from a table
/// (error below 1e-4 nats), because the cost runs for every shape of every cell of the band.
struct BeadCostModel: Sendable {
    let shapes: [BeadShape]
    /// Arabic and English segment counts of each shape.
    let shapeArabic: [Int]
    let shapeEnglish: [Int]
    /// `-log P(shape)`, the bead's total and the constant parts of the split costs.
    let fixedCost: [Double]
    let length: LengthModel
    /// Prefix sums of segment lengths (n + 1 and m + 1 values).
    let arabicPrefix: [Double]
    let englishPrefix: [Double]
    /// `logArabic[(w - 1) * (n + 1) + i]` = `w - 1` times the log of the total length of Arabic
    /// segments `i - w..<i` (at least 1), a side's split cost; flat, one array (nested arrays cost
    /// a second bounds check and indirection in the dynamic programs' inner loop).
    private let logArabic: [Double]
    private let logEnglish: [Double]
    /// `arabicWindow[(w - 1) * (n + 1) + i]` = the total length of Arabic segments `i - w..<i` (at
    /// least 1), and `arabicScaled` the same times the ratio; `englishWindow` and `englishScaled`
    /// (divided by the ratio) likewise: the length cost's operands, computed once per window rather
    /// than once per bead (the same doubles).
    private let arabicWindow: [Double]
    private let arabicScaled: [Double]
    private let englishWindow: [Double]
    private let englishScaled: [Double]
    private let mixture: MixtureTable
    let anchors: AnchorFeatures
    /// Anchor evidence of the pairs near the current band.
    var table: PairTable?

    var n: Int { arabicPrefix.count - 1 }
    var m: Int { englishPrefix.count - 1 }

    init(
        shapes: [(shape: BeadShape, probability: Double)], length: LengthModel, arabicLengths: [Int], englishLengths: [Int],
        anchors: AnchorFeatures
    ) {
        self.shapes = shapes.map(\.shape)
        shapeArabic = self.shapes.map(\.arabic)
        shapeEnglish = self.shapes.map(\.english)
        let total = shapes.reduce(0) { $0 + $1.probability }
        fixedCost = shapes.map { s in
            -log(max(s.probability / total, 1e-12)) + length.beadCost - lgamma(Double(max(1, s.shape.arabic)))
                - lgamma(Double(max(1, s.shape.english)))
        }
        self.length = length
        func prefix(_ l: [Int]) -> [Double] {
            var p: [Double] = [0]
            p.reserveCapacity(l.count + 1)
            for x in l { p.append(p[p.count - 1] + Double(x)) }
            return p
        }
        func logWindows(_ p: [Double]) -> [Double] {
            (1...3).flatMap { w in p.indices.map { i in i >= w ? Double(w - 1) * log(max(1, p[i] - p[i - w])) : 0 } }
        }
        arabicPrefix = prefix(arabicLengths)
        englishPrefix = prefix(englishLengths)
        logArabic = logWindows(arabicPrefix)
        logEnglish = logWindows(englishPrefix)
        func windows(_ p: [Double]) -> [Double] {
            (1...3).flatMap { w in p.indices.map { i in i >= w ? max(1, p[i] - p[i - w]) : 1 } }
        }
        arabicWindow = windows(arabicPrefix)
        englishWindow = windows(englishPrefix)
        arabicScaled = arabicWindow.map { length.ratio * $0 }
        englishScaled = englishWindow.map { $0 / length.ratio }
        mixture = MixtureTable(length)
        self.anchors = anchors
    }

    /// The cost of the bead of shape k ending at node (i, j).
    func cost(_ k: Int, _ i: Int, _ j: Int) -> Double { withKernel { $0.cost(k, i, j) } }

    /// The model's arrays as raw pointers, for the dynamic programs' inner loops: `cost` through
    /// them is the same arithmetic in the same order (the same doubles), without the bounds checks
    /// and array loads of each access. Valid only inside `body`.
    struct Kernel {
        let shapeArabic: UnsafeBufferPointer<Int>
        let shapeEnglish: UnsafeBufferPointer<Int>
        let fixedCost: UnsafeBufferPointer<Double>
        let arabicStride: Int
        let englishStride: Int
        let logArabic: UnsafeBufferPointer<Double>
        let logEnglish: UnsafeBufferPointer<Double>
        let arabicWindow: UnsafeBufferPointer<Double>
        let arabicScaled: UnsafeBufferPointer<Double>
        let englishWindow: UnsafeBufferPointer<Double>
        let englishScaled: UnsafeBufferPointer<Double>
        let mixture: MixtureTable
        let table: PairTable?

        @inline(__always)
        func cost(_ k: Int, _ i: Int, _ j: Int) -> Double {
            let da = shapeArabic[k]
            let db = shapeEnglish[k]
            var c = fixedCost[k]
            if da >= 2 { c += logArabic[(da - 1) * arabicStride + i] }
            if db >= 2 { c += logEnglish[(db - 1) * englishStride + j] }
            guard da > 0 && db > 0 else { return c }
            let ai = (da - 1) * arabicStride + i
            let ej = (db - 1) * englishStride + j
            c += mixture.conditionalCost(
                arabic: arabicWindow[ai], english: englishWindow[ej], scaledArabic: arabicScaled[ai], scaledEnglish: englishScaled[ej])
            c -= table?.bonus(i - da, i, j - db, j) ?? 0
            return c
        }
    }

    func withKernel<R>(_ body: (Kernel) -> R) -> R {
        shapeArabic.withUnsafeBufferPointer { sa in
            shapeEnglish.withUnsafeBufferPointer { se in
                fixedCost.withUnsafeBufferPointer { fc in
                    logArabic.withUnsafeBufferPointer { la in
                        logEnglish.withUnsafeBufferPointer { le in
                            arabicWindow.withUnsafeBufferPointer { aw in
                                arabicScaled.withUnsafeBufferPointer { asc in
                                    englishWindow.withUnsafeBufferPointer { ew in
                                        englishScaled.withUnsafeBufferPointer { esc in
                                            let kernel = Kernel(
                                                shapeArabic: sa, shapeEnglish: se, fixedCost: fc, arabicStride: arabicPrefix.count,
                                                englishStride: englishPrefix.count, logArabic: la, logEnglish: le, arabicWindow: aw,
                                                arabicScaled: asc, englishWindow: ew, englishScaled: esc, mixture: mixture,
                                                table: table)
                                            return body(kernel)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
