import Foundation
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
}
