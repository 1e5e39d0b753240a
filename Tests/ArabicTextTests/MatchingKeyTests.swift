import Testing

@testable import ArabicText

@Suite struct MatchingKeyTests {
    @Test(arguments: [
        ("\u{FE91}\u{FEB4}\u{FEE2}", "بسم"),  // presentation forms of بسم
        ("\u{FEFB}", "لا"),  // lam-alef ligature
        ("\u{FDF2}", "الله"),  // Allah ligature
        ("مُحَمَّدٌ", "محمد"),  // harakat
        ("مـــصـــر", "مصر"),  // tatweel U+0640
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  // alef variants
        ("مصطفى", "مصطفي"),  // alef maqsura
        ("مدرسة", "مدرسه"),  // teh marbuta
        ("٢٠١٤ و۲۰۱۴", "2014 و2014"),  // Arabic-Indic and Persian digits
        ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),  // Arabic punctuation
        ("بي\u{200F}دن\u{202B}x\u{202C}", "بيدنx"),  // bidi controls removed
        ("ی ک", "ي ك"),  // Persian yeh and keheh
        ("\u{0627}\u{0654}", "ا"),  // decomposed alef + hamza above -> أ -> ا
        ("\u{0648}\u{0654}", "ؤ"),  // decomposed waw + hamza above -> ؤ
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(MatchingKey(input).string == expected, "\(codePoints(input))")
        #expect(Normalizer.key(input) == expected, "\(codePoints(input))")
    }

    @Test func ligatureWithMarksLeavesNoMarks() {
        // U+FC5E ARABIC LIGATURE SHADDA WITH DAMMATAN ISOLATED: NFKC gives a space plus marks.
        let k = MatchingKey("ا\u{FC5E}ب").string
        #expect(!k.unicodeScalars.contains { ArabicScalar.isMark($0.value) })
    }

    @Test func displayTextIsOnlyNFC() {
        let text = "مُحَمَّد \u{FEFB} ١٢"
        // NFC does not touch presentation forms or digits.
        #expect(Normalizer.display(text) == text)
        #expect(Normalizer.display("\u{0627}\u{0654}") == "\u{0623}")
    }

    @Test func offsetsMapKeyScalarsToTheirSource() {
        let text = "وَأُوكْرانيا"
        let key = MatchingKey(text)
        #expect(key.string == "واوكرانيا")
        let scalars = Array(text.unicodeScalars)
        // The key's "اوكرانيا" (from index 1) comes from everything after "وَ".
        let r = key.sourceRange(ofKey: 1..<key.scalars.count)
        #expect(r == 2..<scalars.count)
    }

    static let alphabet: [Unicode.Scalar] =
        Array(
            "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةءؤئ ٠١٩0123456789.،؟ abc".unicodeScalars)
        + [
            "\u{064E}", "\u{0651}", "\u{0650}", "\u{0670}", "\u{0640}", "\u{200F}", "\u{202B}", "\u{202C}", "\u{FE91}",
            "\u{FEFB}", "\u{FDF2}", "\u{FC5E}", "\u{0654}", "\u{0653}", "\u{06CC}", "\u{06F4}", "\u{200C}",
        ]

    /// Property: the key spans partition the source in order, and the key of each source span is
    /// exactly the key scalars mapped to it. So a replacement of any key span touches nothing else.
    @Test(arguments: 0..<200)
    func keySpansRoundTrip(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let n = Int(rng.next() % 40)
        var src: [Unicode.Scalar] = []
        for _ in 0..<n { src.append(Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))]) }
        let key = MatchingKey(scalars: src)
        #expect(key.scalars.count == key.sourceStart.count && key.scalars.count == key.sourceEnd.count)
        var i = 0
        var lastEnd = 0
        while i < key.scalars.count {
            let s = key.sourceStart[i]
            let e = key.sourceEnd[i]
            #expect(s >= lastEnd && s < e && e <= src.count)
            var j = i
            while j < key.scalars.count && key.sourceStart[j] == s && key.sourceEnd[j] == e { j += 1 }
            #expect(MatchingKey(scalars: Array(src[s..<e])).scalars == Array(key.scalars[i..<j]))
            lastEnd = e
            i = j
        }
        // Idempotent.
        #expect(MatchingKey(scalars: key.scalars).scalars == key.scalars)
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct StringFromScalarsTests {
    @Test(arguments: ["", "abc", "قال بلينكن", "\u{1F600} emoji \u{10FFFF}", "\u{0645}\u{064E}\u{0640}", "é ñ \u{200F}"])
    func sameAsTheScalarView(_ s: String) {
        let u = Array(s.unicodeScalars)
        #expect(String(scalars: u) == s)
        #expect(String(scalars: u) == String(String.UnicodeScalarView(u)))
        if u.count > 2 { #expect(String(scalars: u[1..<(u.count - 1)]) == String(String.UnicodeScalarView(u[1..<(u.count - 1)]))) }
    }
}
