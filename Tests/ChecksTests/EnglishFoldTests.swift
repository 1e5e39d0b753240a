import Testing

@testable import Checks

@Suite struct EnglishFoldTests {
    /// The ASCII fast path gives what Foundation's folding gives.
    @Test func asciiFastPathMatchesFoundationFolding() {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(EnglishText.fold(every) == EnglishText.foundationFold(every))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<24, using: &rng)
            let s = String(decoding: (0..<length).map { _ in UInt8.random(in: 0..<128, using: &rng) }, as: UTF8.self)
            #expect(EnglishText.fold(s) == EnglishText.foundationFold(s), "\(Array(s.utf8))")
        }
    }

    @Test func nonASCIIStillFoldsDiacriticsAndApostrophes() {
        #expect(EnglishText.fold("Erdoğan’s") == "erdogan's")
        #expect(EnglishText.fold("JOSÉ") == "jose")
        #expect(EnglishText.fold("U.S. Army") == "u.s. army")
    }
}
