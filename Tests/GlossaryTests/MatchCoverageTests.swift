import Testing

@testable import Glossary

@Suite struct MatchCoverageTests {
    /// The sweep answers as `Range.overlaps` against every match would, for words in text order,
    /// with overlapping, nested, empty and unsorted matches.
    @Test(arguments: 0..<40) func agreesWithTheSearchOfEveryMatch(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let matches = (0..<Int(rng.next() % 12)).map { _ -> Range<Int> in
            let a = Int(rng.next() % 60)
            return a..<(a + Int(rng.next() % 8))
        }
        var covered = MatchCoverage(ranges: matches)
        var start = 0
        while start < 70 {
            let word = start..<(start + 1 + Int(rng.next() % 5))
            let expected = matches.contains { $0.overlaps(word) }
            #expect(covered.overlaps(word) == expected, "seed \(seed), word \(word), matches \(matches)")
            start = word.upperBound + Int(rng.next() % 3)
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
