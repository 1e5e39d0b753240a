import Alignment
import Foundation
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

    /// The width comes from COLUMNS: Int.min overflowed `width - 3`, Int.max asked for exabytes of
    /// padding. Any width gives lines, the widest as if the terminal had 10,000 columns.
    @Test(arguments: [Int.min, -1, 0, 3, Int.max, 1 << 40])
    func anyWidthGivesLines(_ width: Int) {
        let bead = Bead(arabic: 0..<1, english: 0..<1, score: 1)
        let out = AlignmentOutput.sideBySide(
            bead, arabic: ["قال الوزير إن المحادثات مستمرة."], english: ["The minister said talks go on."], width: width)
        #expect(out.contains("The minister said") && out.contains("قال الوزير"))
        #expect(out.utf8.count < 20_000)
    }

    /// TMX dates have a four-digit year: a date outside 1970...9999 (or NaN, or infinite: the
    /// conversion to Int64 trapped) is written as the nearest end of that range.
    @Test(arguments: [
        (Double.nan, "19700101T000000Z"), (-1, "19700101T000000Z"), (-Double.infinity, "19700101T000000Z"),
        (Double.infinity, "99991231T235959Z"), (1e300, "99991231T235959Z"), (0, "19700101T000000Z"),
        (1_767_225_600, "20260101T000000Z"), (253_402_300_799, "99991231T235959Z"),
    ])
    func tmxDateIsAlwaysAFourDigitYearDate(_ seconds: Double, _ expected: String) {
        #expect(AlignmentTMX.date(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
