import Foundation
import Testing

@testable import Alignment

@Suite struct LengthModelTests {
    let m = LengthModel.ntrexPrior

    @Test func conditionalCostGrowsWithTheMismatch() {
        let typical = m.conditionalCost(arabic: 100, english: 108)
        #expect(m.conditionalCost(arabic: 100, english: 140) > typical)
        #expect(m.conditionalCost(arabic: 100, english: 220) > m.conditionalCost(arabic: 100, english: 140))
        #expect(m.conditionalCost(arabic: 100, english: 60) > typical)
        #expect(m.conditionalCost(arabic: 100, english: 10_000).isFinite)
        #expect(m.conditionalCost(arabic: 0, english: 0).isFinite)
    }

    /// Two pairs whose length differences cancel out are still two 1-1 beads, not one 2-2 bead: the
    /// 2-2 bead pays for the split of each side.
    @Test func twoPairsBeatOneMergedBead() {
        let p11 = 0.89
        let p22 = 0.011
        func pair(_ a: Double, _ e: Double) -> Double { -log(p11) + m.beadCost + m.conditionalCost(arabic: a, english: e) }
        let separate = pair(100, 130) + pair(100, 86)
        let merged =
            -log(p22) + m.beadCost + LengthModel.splitCost(200, parts: 2) + m.conditionalCost(arabic: 200, english: 216)
            + LengthModel.splitCost(216, parts: 2)
        #expect(separate < merged)
    }

    @Test func splitCost() {
        #expect(LengthModel.splitCost(100, parts: 1) == 0)
        #expect(abs(LengthModel.splitCost(100, parts: 2) - log(100)) < 1e-9)
        #expect(abs(LengthModel.splitCost(100, parts: 3) - (2 * log(100) - log(2))) < 1e-9)
    }

    @Test(arguments: [("قَالَ  الوزير", 10), ("  a  b ", 3), ("\u{0640}\u{200F}", 0), ("", 0)])
    func segmentLength(_ s: String, _ n: Int) {
        #expect(SegmentLength.of(s) == n, "\(codePoints(s))")
    }
}
