import Testing

@testable import Glossary

@Suite struct MatchCoverageTests {
    /// The sweep answers as `Range.overlaps` against every match would, for words in text order,
    /// with overlapping, nested, empty and unsorted matches (drawn from a small linear congruential
    /// sequence per seed).
    @Test(arguments: 0..<40) func agreesWithTheSearchOfEveryMatch(_ seed: Int) {
        var x = seed &* 2_654_435_761 &+ 1
        func draw(_ n: Int) -> Int {
            x = (x &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
            return (x >> 16) % n
        }
        let matches = (0..<draw(12)).map { _ -> Range<Int> in
            let a = draw(60)
            return a..<(a + draw(8))
        }
        // As drawn, and sorted without the empty ones (as a matcher gives them: kept without a copy).
        var covered = MatchCoverage(ranges: matches)
        var coveredSorted = MatchCoverage(ranges: matches.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound })
        var start = 0
        while start < 70 {
            let word = start..<(start + 1 + draw(5))
            let expected = matches.contains { $0.overlaps(word) }
            #expect(covered.overlaps(word) == expected, "seed \(seed), word \(word), matches \(matches)")
            #expect(coveredSorted.overlaps(word) == expected, "seed \(seed), word \(word), sorted matches")
            start = word.upperBound + draw(3)
        }
    }
}
