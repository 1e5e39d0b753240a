import Testing

@testable import ArabicText

@Suite struct BidiTests {
    @Test func reportsEveryControl() {
        let f = Bidi.audit("قال\u{200F} الوزير\u{061C}")
        #expect(f.map(\.kind) == [.control, .control])
        #expect(f.map(\.offset) == [3, 11])
        #expect(f[0].characterName.hasPrefix("U+200F"))
    }

    @Test func balancedIsolateIsOnlyReportedAsControls() {
        let f = Bidi.audit("الاسم \u{2067}Smith\u{2069} انتهى")
        #expect(f.allSatisfy { $0.kind == .control })
        #expect(f.count == 2)
    }

    @Test func unclosedOverrideIsUnbalanced() {
        // A Trojan Source style override left open until the end of the line.
        let f = Bidi.audit("ب\u{202E}abc\nد")
        #expect(f.contains { $0.kind == .unbalanced && $0.scalar == "\u{202E}" && $0.line == 1 && $0.column == 2 })
    }

    @Test func closeWithNothingOpenIsUnbalanced() {
        #expect(Bidi.audit("a\u{202C}b").contains { $0.kind == .unbalanced })
        #expect(Bidi.audit("a\u{2069}b").contains { $0.kind == .unbalanced })
    }

    @Test func crlfIsOneLineBreak() {
        let f = Bidi.audit("a\r\nb\u{200F}\nc\u{200F}")
        #expect(f.map(\.line) == [2, 3])
        #expect(f.map(\.column) == [2, 2])
    }

    @Test func stackResetsAtEachParagraph() {
        let f = Bidi.audit("\u{202B}x\n\u{202C}")
        #expect(f.filter { $0.kind == .unbalanced }.count == 2)
    }

    @Test func visualOrderReversesArabicRuns() {
        #expect(Bidi.visualOrder("abc بتث", base: .leftToRight) == "abc ثتب")
        #expect(Bidi.visualOrder("x\u{200F}y", base: .leftToRight) == "xy")
    }

    /// The byte prefilter never hides a control: every scalar the audit reports passes it.
    @Test func prefilterLetsEveryControlThrough() {
        for v in UInt32(0)..<0x3_0000 where ArabicScalar.isBidiControl(v) {
            let s = "قال " + String(Unicode.Scalar(v)!) + " الوزير"
            #expect(Bidi.mayHoldBidiControl(s), "U+\(String(v, radix: 16))")
            #expect(!Bidi.audit(s).isEmpty)
        }
        #expect(!Bidi.mayHoldBidiControl("قال الوزير إن 3 جنود قتلوا."))
    }
}
