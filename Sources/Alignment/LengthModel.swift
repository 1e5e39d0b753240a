import Foundation

/// The length model of the aligner, after Gale and Church: a bead's English length is normally
/// distributed around `ratio` times its Arabic length, with a variance of `variance` per character.
///
/// Gale and Church score a bead by the two-tailed probability of its length difference. That
/// favours a 2-2 bead over two 1-1 beads whose differences cancel out, so Tarjim scores lengths as
/// densities of one generative story, the same for every path:
/// - every bead draws one total length, uniformly over `0..<span` characters (cost `log(span)`):
///   the Arabic total when it has Arabic, the English total otherwise;
/// - a bead with both sides draws its English total `E` given the Arabic total `A`: with
///   `delta = (E - ratio * A) / sigma`, `sigma = sqrt(variance * (A + E / ratio) / 2)`, from a mixture
///   of a normal (share `1 - outlierShare`) and a normal `outlierScale` times wider, for loose
///   translations;
/// - a side of k >= 2 segments splits its total uniformly (cost `log(T^(k-1) / (k-1)!)`).
/// Costs are negative log densities, in nats.
///
/// ```swift
/// let m = LengthModel.ntrexPrior
/// m.conditionalCost(arabic: 100, english: 108)   // ~4.3: a typical pair
/// m.conditionalCost(arabic: 100, english: 220)   // ~15: a sentence too many on the English side
/// ```
public struct LengthModel: Sendable, Equatable, CustomStringConvertible {
    /// English characters per Arabic character (`SegmentLength`).
    public var ratio: Double
    /// Variance of `english - ratio * arabic` per character.
    public var variance: Double
    /// Share of pairs in the wide component of the mixture.
    public var outlierShare: Double
    /// How many times wider the wide component is.
    public var outlierScale: Double
    /// The range a bead's total length is drawn from (its cost is `log(span)` per bead).
    public var span: Double

    public init(ratio: Double, variance: Double, outlierShare: Double = 0.03, outlierScale: Double = 2, span: Double = 150) {
        self.ratio = ratio
        self.variance = variance
        self.outlierShare = outlierShare
        self.outlierScale = outlierScale
        self.span = span
    }

    /// The prior, estimated on the 1,997 line pairs of NTREX-128 (the WMT 2019 news test set and its
    /// human Arabic translation) with `SegmentLength`:
    ///
    ///     Scripts/eval-align.py ../shared/data/ntrex --prior
    ///     lines 1997  ratio 1.0786  variance 3.9976
    ///     arabic log-length mean 4.5870  sd 0.6114
    ///     english log-length mean 4.6652  sd 0.6037
    ///
    /// The aligner re-estimates ratio and variance on every document (see `Aligner.Options.priorWeight`).
    /// The mixture's outlier share (0.03) and scale (2) are set by hand to NTREX's tails: 0.8% of its
    /// pairs lie beyond three standard deviations (the mixture: 0.66%, a normal: 0.27%) and 0.1%
    /// beyond 4.24 (the mixture: 0.10%). The span, 150, is where the uniform
    /// density equals that of a median-length segment under the log-normal fitted to NTREX's lengths
    /// (mean log length 4.59, sd 0.61: -log p = 5.0 nats = log 150).
    public static let ntrexPrior = LengthModel(ratio: 1.0786, variance: 3.9976)

    static let halfLog2Pi = 0.5 * log(2 * Double.pi)

    /// `-log p(E | A)`: the English total given the Arabic total (both at least 1).
    @inline(__always)
    public func conditionalCost(arabic: Double, english: Double) -> Double {
        let a = max(arabic, 1)
        let e = max(english, 1)
        let sigma = (variance * (a + e / ratio) / 2).squareRoot()
        let delta = (e - ratio * a) / sigma
        let d2 = delta * delta / 2
        let s = outlierScale
        // log((1 - w) phi(d) + w phi(d / s) / s), computed around the larger term.
        let narrow = log(1 - outlierShare) - d2
        let wide = log(outlierShare) - log(s) - d2 / (s * s)
        let hi = max(narrow, wide)
        let mix = hi + log(exp(narrow - hi) + exp(wide - hi))
        return -mix + Self.halfLog2Pi + log(sigma)
    }

    /// The cost of drawing a bead's first total: `log(span)`.
    public var beadCost: Double { log(span) }

    /// `-log` of the uniform density of splitting `total` into `parts` segments.
    @inline(__always)
    public static func splitCost(_ total: Double, parts: Int) -> Double {
        switch parts {
        case ...1: return 0
        case 2: return log(max(total, 1))
        default: return Double(parts - 1) * log(max(total, 1)) - lgamma(Double(parts))
        }
    }

    public var description: String {
        "ratio \((ratio * 10000).rounded() / 10000), variance \((variance * 10000).rounded() / 10000)"
    }
}
