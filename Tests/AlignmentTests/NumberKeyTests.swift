import Testing

@testable import Alignment

@Suite struct NumberKeyTests {
    @Test(arguments: [
        ("14000", ["14000"]),
        ("14,000", ["14000"]),
        ("\u{0661}\u{0664}\u{0660}\u{0660}\u{0660}", ["14000"]),  // ١٤٠٠٠ Arabic-Indic
        ("\u{0661}\u{0664}\u{066C}\u{0660}\u{0660}\u{0660}", ["14000"]),  // ١٤٬٠٠٠ with U+066C
        ("\u{06F1}\u{06F4}\u{06F0}\u{06F0}\u{06F0}", ["14000"]),  // ۱۴۰۰۰ Persian
        ("14.000", ["14000", "14"]),
        ("3.5", ["3.5"]),
        ("3,5", ["3.5"]),
        ("\u{0663}\u{066B}\u{0665}", ["3.5"]),  // ٣٫٥
        ("0.850", ["0.85"]),
        ("1,234,567", ["1234567"]),
        ("1,234.5", ["1234.5"]),
        ("007", ["7"]),
        ("10:30", ["10:30"]),
        ("1/2/2019", ["1/2/2019"]),
        ("12,34", ["12.34"]),
    ])
    func readings(_ token: String, _ expected: [String]) {
        #expect(NumberKey.readings(of: token) == expected, "\(codePoints(token))")
    }

    @Test func digitSystemsMeetAsAnchors() {
        let x = AnchorExtractor(matcher: nil, dictionary: nil, lexicon: nil, weights: AnchorWeights())
        let f = x.features(
            arabic: ["قتل \u{0661}\u{0664}\u{066C}\u{0660}\u{0660}\u{0660} شخص", "بلغ النمو \u{06F2}\u{066B}\u{06F5} في المئة"],
            english: ["14,000 people died", "Growth reached 2.5 percent"])
        #expect(f.counts[.number] == 2)
        #expect(f.strongBonus(0, 1, 0, 1) > 0)
        #expect(f.strongBonus(1, 2, 1, 2) > 0)
        #expect(f.strongBonus(0, 1, 1, 2) == 0)
    }
}
