import Foundation
import Glossary
import Testing

@testable import Checks

@Suite struct RecordOrderTests {
    /// `utf8Precedes` compares words at a time; it must order as the bytes do, at every length
    /// (the word loop, the byte tail, one string a prefix of the other, small and large strings).
    @Test func utf8PrecedesOrdersAsTheBytes() {
        let pieces = ["", "a", "z", "ب", "بوتين", "بايدن", "الناتو", "والناتو", "😀", "é", "e\u{301}", "ة", "ه", "١٢"]
        var rng = SystemRandomNumberGenerator()
        var strings = pieces
        for _ in 0..<600 {
            let n = Int.random(in: 0..<6, using: &rng)
            strings.append((0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        // Long strings that differ only late (after several whole words).
        strings += ["الأمين العام لحلف شمال الأطلسي", "الأمين العام لحلف شمال الأطلسى", "الأمين العام لحلف شمال"]
        for a in strings {
            for b in strings.prefix(80) {
                #expect(a.utf8Precedes(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(Array(a.utf8)) \(Array(b.utf8))")
                #expect(b.utf8Precedes(a) == b.utf8.lexicographicallyPrecedes(a.utf8), "\(Array(b.utf8)) \(Array(a.utf8))")
            }
        }
        // A bridged (non-contiguous) string takes the generic path.
        let bridged = NSString(string: "الناتو") as String
        #expect(bridged.utf8Precedes("الناتوي"))
        #expect(!"الناتوي".utf8Precedes(bridged))
    }

    /// Sorting by (prefix, index) and gathering gives what sorting the records by `precedes` gives:
    /// keys sharing their first eight bytes, shorter keys that are prefixes of longer ones, names
    /// of one entry told apart by kind and spelling, and entries of any sign and size (a record
    /// read from a report may hold any number).
    @Test func sortingByPrefixGivesThePrecedesOrder() {
        var rng = SystemRandomNumberGenerator()
        let stems = ["الرئيس", "الرئيسة", "الرئاسة", "بوتين", "بوتينا", "ب", "", "abcdefgh", "abcdefghi", "abcdefgg", "١٢٣"]
        var words: [WordRecord] = []
        for i in 0..<400 {
            let key = stems.randomElement(using: &rng)! + (Bool.random(using: &rng) ? "" : stems.randomElement(using: &rng)!) + "\(i % 7)"
            words.append(WordRecord(key: key, count: i, occurrences: []))
        }
        #expect(WordRecord.sorted(words).map(\.key) == words.sorted(by: WordRecord.precedes).map(\.key))
        let entries = [0, 1, 2, 7, -1, -5, Int.max, Int.min, 1 << 62, (1 << 62) + 1]
        var names: [NameRecord] = []
        for i in 0..<400 {
            names.append(
                NameRecord(
                    entry: entries.randomElement(using: &rng)!, spelling: stems.randomElement(using: &rng)!,
                    match: MatchKind.allCases.randomElement(using: &rng)!, foundKey: stems.randomElement(using: &rng)!, count: i,
                    score: 1, fixable: false, occurrences: []))
        }
        let expected = names.sorted(by: NameRecord.precedes)
        let got = NameRecord.sorted(names)
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) {
            // Equal keys may come in either order (the records of a scope have distinct keys).
            #expect(!NameRecord.precedes(a, b) && !NameRecord.precedes(b, a))
        }
        #expect(WordRecord.sorted([]).isEmpty)
    }

    /// The prefix orders as the bytes do wherever two prefixes differ.
    @Test func utf8OrderPrefixAgreesWithTheByteOrder() {
        let strings = ["", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgi", "ب", "بوتين", "بوتينا", "😀", "\u{7F}"]
        for a in strings {
            for b in strings where a.utf8OrderPrefix != b.utf8OrderPrefix {
                #expect((a.utf8OrderPrefix < b.utf8OrderPrefix) == a.utf8Precedes(b), "\(a) \(b)")
            }
        }
    }
}
