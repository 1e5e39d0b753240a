import Testing

@testable import ArabicText

@Suite struct TransliterationTests {
    @Test(arguments: [
        ("بوتين", "Butin"),
        ("ماكرون", "Makrun"),
        ("لافروف", "Lafruf"),
        ("بايدن", "Baydn"),
        ("إيران", "Iran"),
        ("مُحَمَّد", "Mhmd"),
    ])
    func romanizesNames(_ arabic: String, _ latin: String) throws {
        let t = try NameTransliterator()
        #expect(t.transliterate(word: arabic) == latin)
        // Again, from the word cache; and the text form, which keeps its own cache, agrees.
        #expect(t.transliterate(word: arabic) == latin)
        #expect(t.transliterate(word: Substring(arabic)) == latin)
        #expect(t.transliterate(text: arabic) == latin)
    }

    @Test func textKeepsEverythingButArabicWords() throws {
        let t = try NameTransliterator()
        #expect(t.transliterate(text: "بوتين (2024) و NATO.") == "Butin (2024) W NATO.")
    }

    @Test func customRulesAreCompiledAndBadRulesReported() throws {
        let t = try NameTransliterator(rules: "ب > B ; ت > T ;")
        #expect(t.transliterate(word: "بت") == "BT")
        #expect(throws: ArabicTextError.self) { try NameTransliterator(rules: "ب > $undefined ;") }
    }

    @Test(arguments: [
        ["بلينكن", "بلينجن", "بلينكين"],
        ["بايدن", "فيدن", "بايدين"],
        ["زيلينسكي", "زيلنسكي"],
        ["طوكيو", "توكيو"],
    ])
    func phoneticKeysShareVariants(_ spellings: [String]) {
        let keys = Set(spellings.map { PhoneticKey.of(key: MatchingKey($0).string) })
        #expect(keys.count == 1, "\(keys)")
    }

    @Test func phoneticKeysKeepDifferentNamesApart() {
        #expect(PhoneticKey.of(key: "بوتين") != PhoneticKey.of(key: "بايدن"))
        #expect(PhoneticKey.of(key: "لافروف") != PhoneticKey.of(key: "ماكرون"))
        #expect(PhoneticKey.of(key: "بلينكن") == "BLNKN")
    }

    /// The key by its definition: the first letter's class (a long vowel or hamza seat gives A, W or
    /// Y there), every later letter's `classOf` with long vowels and hamza seats dropped, and a
    /// repeated class written once.
    static func definitionKey(_ u: [Unicode.Scalar]) -> String {
        var out = ""
        var last: Unicode.Scalar?
        for (i, s) in u.enumerated() {
            let vowel: Unicode.Scalar? =
                switch s.value {
                case 0x0627, 0x0623, 0x0625, 0x0622, 0x0621, 0x0626, 0x0624: "A"
                case 0x0648: "W"
                case 0x064A, 0x0649: "Y"
                default: nil
                }
            let c = vowel != nil ? (i == 0 ? vowel : nil) : PhoneticKey.classOf(s.value)
            guard let c else { continue }
            if c != last { out.unicodeScalars.append(c) }
            last = c
        }
        return out
    }

    /// Every scalar of the Arabic block (and some around it) after every first letter kind: the key
    /// read from the table equals the definition, and so does its hash.
    @Test func phoneticKeyTableEqualsTheDefinition() {
        var scalars = (0x0600..<0x0700).compactMap(Unicode.Scalar.init)
        scalars += ["a", "Z", "3", " ", "\u{0750}", "\u{08A0}", "\u{FB56}", "\u{FE8D}", "\u{05D0}", "é"]
        let firsts: [Unicode.Scalar] = ["ا", "أ", "و", "ي", "ى", "ب", "ك", "ه", "\u{0750}", "a"]
        for f in firsts {
            for s in scalars {
                for word in [[f, s], [f, s, s, "ن"], [s, f, "ا", s]] {
                    let want = Self.definitionKey(word)
                    #expect(PhoneticKey.of(keyScalars: word) == want, "\(word.map { String($0.value, radix: 16) })")
                    #expect(PhoneticKey.hash(keyScalars: word) == KeyHash.of(want.unicodeScalars))
                }
            }
        }
    }
}
