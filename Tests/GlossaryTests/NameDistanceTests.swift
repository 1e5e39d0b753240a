import Testing

@testable import Glossary

@Suite struct NameDistanceTests {
    func u(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test(arguments: [
        ("روصيا", "روسيا", true),  // U+0635 for U+0633, one class
        ("جييف", "كييف", true),  // U+062C for U+0643
        ("طرامب", "ترامب", true),  // U+0637 for U+062A
        ("لاندن", "لندن", true),  // U+0627 added inside
        ("اليونن", "اليونان", true),  // U+0627 dropped inside
        ("فيين", "فيينا", true),  // final U+0627 dropped
        ("ليمو", "ليما", false),  // vowel for vowel
        ("لندني", "لندن", false),  // U+064A added at the end
        ("ميلون", "ميلوني", false),  // final U+064A dropped
        ("الندن", "لندن", false),  // added as the first letter
        ("لنذن", "لندن", false),  // U+0630 for U+062F: different classes
        ("لندن", "لندن", false),  // the same word is no slip
        ("لاانندن", "لندن", false),  // two letters added
        ("فيدن", "بايدن", false),  // two slips
    ])
    func oneSlip(_ word: String, _ name: String, _ expected: Bool) {
        #expect(NameDistance.isOneSlip(u(word), of: u(name)) == expected)
    }

    @Test func similarityIsSymmetricAndOneForEqualWords() {
        #expect(NameDistance.similarity(u("بلينكن"), u("بلينكن")) == 1)
        #expect(NameDistance.similarity(u("بلينجن"), u("بلينكن")) == NameDistance.similarity(u("بلينكن"), u("بلينجن")))
    }
}

@Suite struct NameDistanceLimitTests {
    /// The bounded distance is the distance when within the limit, nil beyond it.
    @Test func boundedEqualsFullWithinTheLimit() {
        let words = [
            "بلينكن", "بلينجن", "بلينكين", "فيدن", "بايدن", "لندن", "لاندن", "كيشيدا", "كيشدا", "ترامب", "", "ا", "زيلينسكي", "زلنسكاي",
        ]
        for a in words {
            for b in words {
                let x = Array(a.unicodeScalars)
                let y = Array(b.unicodeScalars)
                let d = NameDistance.distance(x, y)
                for limit in [0.0, 0.25, 0.3, 0.6, 1.0, 2.5, Double.infinity] {
                    let bounded = NameDistance.distance(x, y, limit: limit)
                    #expect(bounded == (d <= limit ? d : nil), "\(a) \(b) limit \(limit)")
                }
            }
        }
    }
}
