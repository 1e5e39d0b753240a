import ArabicText
import Glossary

/// Aligns the segments of an Arabic document with those of its English translation: a banded
/// dynamic program over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1) whose cost is the shape's
/// prior, a Gale-Church length cost and bonuses for anchors that cross the script barrier (numbers,
/// Latin tokens, glossary terms, names, dictionary words).
///
/// The pipeline: set blank segments aside -> anchors -> pass 1 with the NTREX prior (ratio blended
/// with the document's own) -> re-estimate ratio, variance and shape probabilities on pass 1's beads
/// -> pass 2 -> bead posteriors -> blank segments back in place.
///
/// ```swift
/// let aligner = Aligner(glossary: try Glossary.load(files: []))
/// let result = aligner.align(arabic: ["قال الوزير إن ٣ جنود قتلوا.", "وأضاف أن ..."],
///                            english: ["The minister said 3 soldiers were killed.", "He added ..."])
/// result.beads.map(\.shape)   // [1-1, 1-1]
/// ```
/// - Complexity: O((n + m) x w) time for half-width w of the band (it starts at
///   `Options.initialBandWidth` and doubles while the best path touches its edge), O((n + m) x w)
///   bytes of memory.
public final class Aligner: Sendable {
    public struct Options: Sendable {
        /// The length model's prior (NTREX-128 by default).
        public var lengthPrior: LengthModel
        /// Bead shapes and their prior probabilities.
        public var shapePriors: [(shape: BeadShape, probability: Double)]
        /// How many segments' worth of evidence the length prior counts for when it is blended with
        /// the document's own ratio and variance.
        public var priorWeight: Double
        /// How many beads' worth of evidence the shape priors count for in re-estimation.
        public var shapePriorWeight: Double
        /// Run the second pass with the parameters re-estimated on the first pass's beads.
        public var reestimate: Bool
        public var anchorWeights: AnchorWeights
        /// The band's first half-width, in segments.
        public var initialBandWidth: Int
        /// Half-width of the tube around the best path where bead posteriors are computed.
        public var posteriorRadius: Int

        public init(
            lengthPrior: LengthModel = .ntrexPrior, shapePriors: [(shape: BeadShape, probability: Double)] = BeadShape.defaultPriors,
            priorWeight: Double = 10, shapePriorWeight: Double = 20, reestimate: Bool = true,
            anchorWeights: AnchorWeights = AnchorWeights(),
            initialBandWidth: Int = 24, posteriorRadius: Int = 6
        ) {
            self.lengthPrior = lengthPrior
            self.shapePriors = shapePriors
            self.priorWeight = priorWeight
            self.shapePriorWeight = shapePriorWeight
            self.reestimate = reestimate
            self.anchorWeights = anchorWeights
            self.initialBandWidth = initialBandWidth
            self.posteriorRadius = posteriorRadius
        }
    }

    public let options: Options
    public let extractor: AnchorExtractor

    /// - Parameters:
    ///   - glossary: term pairs used as anchors (nil: none).
    ///   - dictionary: word translations used as weak anchors (nil: none).
    ///   - lexicon: ordinary Arabic words, kept out of name anchors (nil: every word can be a name).
    /// Glossary terms are matched exactly (with variants and clitics), not fuzzily: a garbled name
    /// still meets its English through its consonant skeleton (name anchors).
    public init(glossary: Glossary? = nil, dictionary: BilingualDictionary? = nil, lexicon: Lexicon? = nil, options: Options = Options()) {
        self.options = options
        let matcher = glossary.flatMap { $0.entries.isEmpty ? nil : TermMatcher(glossary: $0, options: .init(fuzzy: false)) }
        extractor = AnchorExtractor(matcher: matcher, dictionary: dictionary, lexicon: lexicon, weights: options.anchorWeights)
    }

    /// Aligns two documents given as segments (sentences, or lines with `--segmented`).
    public func align(arabic: [String], english: [String]) -> SentenceAlignment {
        // Blank segments are set aside and put back by rule.
        let arKeep = arabic.indices.filter { !SegmentLength.isBlank(arabic[$0]) }
        let enKeep = english.indices.filter { !SegmentLength.isBlank(english[$0]) }
        let arText = arKeep.map { arabic[$0] }
        let enText = enKeep.map { english[$0] }
        let arLengths = arText.map { SegmentLength.of($0) }
        let enLengths = enText.map { SegmentLength.of($0) }
        let n = arText.count
        let m = enText.count

        var priors = Dictionary(options.shapePriors.map { ($0.shape, $0.probability) }, uniquingKeysWith: +)
        var length = options.lengthPrior
        var steps: [BandedDP.Step] = []
        var scores: [Double] = []
        var width = max(1, options.initialBandWidth)
        var growths = 0
        var anchorCounts: [AnchorKind: Int] = [:]

        if n > 0 && m > 0 {
            let anchors = extractor.features(arabic: arText, english: enText)
            anchorCounts = anchors.counts
            // Pass 1: the prior ratio blended with the document's.
            let totalA = Double(arLengths.reduce(0, +))
            let totalE = Double(enLengths.reduce(0, +))
            if totalA > 0 && totalE > 0 {
                let w = Double(min(n, m))
                length.ratio = (options.priorWeight * length.ratio + w * totalE / totalA) / (options.priorWeight + w)
            }
            var model = makeModel(priors, length, arLengths, enLengths, anchors)
            var pass = run(&model, width: width)
            steps = pass.steps
            width = pass.width
            growths = pass.growths
            if options.reestimate {
                (length, priors) = reestimate(steps, model, priors)
                model = makeModel(priors, length, arLengths, enLengths, anchors)
                // Pass 2 differs from pass 1 only in its parameters: its band follows pass 1's path
                // (and widens the same way when its path touches the edge).
                pass = run(&model, width: max(1, options.initialBandWidth), center: Self.center(of: steps, n: n, m: m))
                steps = pass.steps
                width = max(width, pass.width)
                growths += pass.growths
            }
            let tube = BandedDP.tube(around: steps, shapes: model.shapes, n: n, m: m, radius: max(1, options.posteriorRadius))
            if model.table != nil { model.table = PairTable(anchors: anchors, band: tube) }
            scores = BandedDP.posteriors(model, path: steps, tube: tube)
            // Compact beads over the kept segments.
            var compact: [(Range<Int>, Range<Int>, Double)] = []
            var pi = 0
            var pj = 0
            for (s, score) in zip(steps, scores) {
                compact.append((pi..<s.i, pj..<s.j, score))
                pi = s.i
                pj = s.j
            }
            return finish(compact, arKeep, enKeep, arabic.count, english.count, length, priors, width, growths, anchorCounts)
        }
        // One side has nothing to align: every kept segment stands alone.
        var compact: [(Range<Int>, Range<Int>, Double)] = []
        for i in 0..<n { compact.append((i..<(i + 1), 0..<0, 1)) }
        for j in 0..<m { compact.append((n..<n, j..<(j + 1), 1)) }
        return finish(compact, arKeep, enKeep, arabic.count, english.count, length, priors, 0, 0, anchorCounts)
    }

    private func makeModel(
        _ priors: [BeadShape: Double], _ length: LengthModel, _ arLengths: [Int], _ enLengths: [Int], _ anchors: AnchorFeatures
    ) -> BeadCostModel {
        let shapes = options.shapePriors.map { (shape: $0.shape, probability: priors[$0.shape] ?? $0.probability) }
        return BeadCostModel(shapes: shapes, length: length, arabicLengths: arLengths, englishLengths: enLengths, anchors: anchors)
    }

    /// Viterbi, widening the band (x2) while the best path touches its edge.
    private func run(_ model: inout BeadCostModel, width start: Int, center given: [Int]? = nil) -> (
        steps: [BandedDP.Step], width: Int, growths: Int
    ) {
        let n = model.n
        let m = model.m
        let center = given ?? Band.lengthDiagonal(arabicPrefix: model.arabicPrefix, englishPrefix: model.englishPrefix)
        var width = start
        var growths = 0
        while true {
            let band = Band(center: center, m: m, width: width)
            if model.anchors.hasAnchors { model.table = PairTable(anchors: model.anchors, band: band) }
            let full = width >= max(n, m)
            let result = BandedDP.viterbi(model, band: band)
            if let path = result.path, !result.touchesEdge || full { return (path, width, growths) }
            width *= 2
            growths += 1
        }
    }

    /// A band center along a path: for each Arabic position, the English position of the path's
    /// last node at or before it (n + 1 non-decreasing values from 0 to m).
    static func center(of path: [BandedDP.Step], n: Int, m: Int) -> [Int] {
        var center = [Int](repeating: 0, count: n + 1)
        var i = 0
        var j = 0
        for s in path {
            while i < s.i {
                center[i] = j
                i += 1
            }
            j = s.j
            center[i] = j
        }
        while i <= n {
            center[i] = j
            i += 1
        }
        center[n] = m
        return center
    }

    /// Ratio and variance from the 1-1 beads, shape probabilities from all beads, each blended with
    /// its prior.
    private func reestimate(_ steps: [BandedDP.Step], _ model: BeadCostModel, _ priors: [BeadShape: Double]) -> (
        LengthModel, [BeadShape: Double]
    ) {
        var sumA = 0.0
        var sumE = 0.0
        var pairs: [(Double, Double)] = []
        var counts: [BeadShape: Double] = [:]
        var pi = 0
        var pj = 0
        for s in steps {
            let shape = model.shapes[s.shape]
            counts[shape, default: 0] += 1
            if shape.arabic == 1 && shape.english == 1 {
                let a = model.arabicPrefix[s.i] - model.arabicPrefix[pi]
                let e = model.englishPrefix[s.j] - model.englishPrefix[pj]
                sumA += a
                sumE += e
                pairs.append((a, e))
            }
            pi = s.i
            pj = s.j
        }
        var length = model.length
        let k = options.priorWeight
        let w = Double(pairs.count)
        if sumA > 0 && sumE > 0 {
            length.ratio = (k * options.lengthPrior.ratio + w * sumE / sumA) / (k + w)
            var num = 0.0
            var den = 0.0
            var used = 0.0
            for (a, e) in pairs {
                let mean = (a + e / length.ratio) / 2
                let d = e - length.ratio * a
                // Pairs far in the tail (|delta| > 4) belong to the wide component: leave them out.
                if d * d > 16 * length.variance * mean { continue }
                num += d * d
                den += mean
                used += 1
            }
            if den > 0 {
                length.variance = (k * options.lengthPrior.variance + used * num / den) / (k + used)
            }
        }
        var shapes = priors
        let total = Double(steps.count)
        let kw = options.shapePriorWeight
        for (shape, p) in options.shapePriors {
            shapes[shape] = ((counts[shape] ?? 0) + kw * p) / (total + kw)
        }
        return (length, shapes)
    }

    /// Maps compact beads back to the original segment numbers: a bead takes the blank segments
    /// inside its span; blank segments between beads pair up with blank segments of the other side
    /// in the same gap, and the rest stand alone.
    private func finish(
        _ compact: [(Range<Int>, Range<Int>, Double)], _ arKeep: [Int], _ enKeep: [Int], _ arCount: Int, _ enCount: Int,
        _ length: LengthModel, _ priors: [BeadShape: Double], _ width: Int, _ growths: Int, _ anchorCounts: [AnchorKind: Int]
    ) -> SentenceAlignment {
        var beads: [Bead] = []
        var a = 0
        var e = 0
        func flushGap(toArabic aEnd: Int, english eEnd: Int) {
            // Blank segments a..<aEnd and e..<eEnd.
            while a < aEnd && e < eEnd {
                beads.append(Bead(arabic: a..<(a + 1), english: e..<(e + 1), score: 1))
                a += 1
                e += 1
            }
            while a < aEnd {
                beads.append(Bead(arabic: a..<(a + 1), english: e..<e, score: 1))
                a += 1
            }
            while e < eEnd {
                beads.append(Bead(arabic: a..<a, english: e..<(e + 1), score: 1))
                e += 1
            }
        }
        for (ar, en, score) in compact {
            let aStart = ar.isEmpty ? a : arKeep[ar.lowerBound]
            let eStart = en.isEmpty ? e : enKeep[en.lowerBound]
            // The gap before the bead (only blank segments lie there).
            flushGap(toArabic: ar.isEmpty ? a : aStart, english: en.isEmpty ? e : eStart)
            let aEnd = ar.isEmpty ? a : arKeep[ar.upperBound - 1] + 1
            let eEnd = en.isEmpty ? e : enKeep[en.upperBound - 1] + 1
            beads.append(Bead(arabic: a..<aEnd, english: e..<eEnd, score: score))
            a = aEnd
            e = eEnd
        }
        flushGap(toArabic: arCount, english: enCount)
        return SentenceAlignment(
            beads: beads, arabicCount: arCount, englishCount: enCount, lengthModel: length, shapeProbabilities: priors,
            bandWidth: width, bandGrowths: growths, anchorCounts: anchorCounts)
    }
}
