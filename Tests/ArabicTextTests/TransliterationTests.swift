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
}
