import Foundation

/// `LengthModel.conditionalCost` with the mixture's log density interpolated from a table over
/// `delta^2 / 2`.
struct MixtureTable: Sendable {
    private let ratio: Double
    private let variance: Double
    private let values: [Double]
    private let wideLog: Double
    private let wideScale: Double
    /// `LengthModel.halfLog2Pi`, kept here: a global `static let` costs a `swift_once` check on
    /// every one of the millions of calls.
    private let halfLog2Pi: Double
    static let step = 1.0 / 64
    static let limit = 200.0

    init(_ m: LengthModel) {
        ratio = m.ratio
        variance = m.variance
        let w = m.outlierShare
        let s = m.outlierScale
        wideLog = log(w) - log(s)
        wideScale = 1 / (s * s)
        halfLog2Pi = LengthModel.halfLog2Pi
        var v: [Double] = []
        var d2 = 0.0
        while d2 <= Self.limit + Self.step {
            let narrow = log(1 - w) - d2
            let wide = wideLog - d2 * wideScale
            let hi = max(narrow, wide)
            v.append(-(hi + log(exp(narrow - hi) + exp(wide - hi))))
            d2 += Self.step
        }
        values = v
    }

    @inline(__always)
    func conditionalCost(arabic a: Double, english e: Double) -> Double {
        conditionalCost(arabic: a, english: e, scaledArabic: ratio * a, scaledEnglish: e / ratio)
    }

    /// `conditionalCost(arabic:english:)` given `ratio * a` and `e / ratio` (computed once per
    /// window by the caller).
    @inline(__always)
    func conditionalCost(arabic a: Double, english e: Double, scaledArabic ra: Double, scaledEnglish er: Double) -> Double {
        let sigma2 = variance * (a + er) / 2
        let diff = e - ra
        let d2 = diff * diff / (2 * sigma2)
        let mix: Double
        if d2 < Self.limit {
            let x = d2 / Self.step
            let k = Int(x)
            let f = x - Double(k)
            mix = values[k] + (values[k + 1] - values[k]) * f
        } else {
            mix = -(wideLog - d2 * wideScale)
        }
        return mix + halfLog2Pi + 0.5 * log(sigma2)
    }
}
