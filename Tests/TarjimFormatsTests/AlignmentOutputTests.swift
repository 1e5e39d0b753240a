import Testing

@testable import TarjimFormats

@Suite struct AlignmentOutputTests {
    /// The side-by-side view breaks lines at space scalars: split at " " Characters, a space followed
    /// by a combining mark (one Character) was no break, and the line ran past the column.
    @Test func wrapBreaksAtASpaceBeforeACombiningMark() {
        let lines = AlignmentOutput.wrap("قال \u{64E}الوزير  إن", 6)
        // Kept out of #expect: a literal with a space before a combining mark.
        let expected = ["قال", "\u{64E}الوزير", "إن"]
        #expect(lines == expected, "\(lines.map { Array($0.unicodeScalars) })")
        #expect(AlignmentOutput.wrap("a b  c", 3) == ["a b", "c"])
    }
}
