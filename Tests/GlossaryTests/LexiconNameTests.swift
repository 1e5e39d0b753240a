import ArabicText
import Testing

@testable import Glossary

@Suite struct LexiconNameTests {
    static let lexicon = Lexicon(words: ["قال", "كتاب", "مدرسة"])

    @Test(arguments: [
        ("تارنوفسكي", true),  // a foreign name the lexicon does not know
        ("كتابها", false),  // a known word plus a suffix the lexicon missed
        ("قال", false),  // a known word
        ("جامعية", false),  // ends in teh marbuta U+0629
        ("نيم", false),  // three letters
    ])
    func nameLikeWords(_ word: String, _ expected: Bool) {
        #expect(Self.lexicon.isNameLike(word, key: Normalizer.key(word)) == expected)
        // The cached answer, and the form that computes the key itself, agree.
        #expect(Self.lexicon.isNameLike(word) == expected)
        #expect(Lexicon(words: ["قال", "كتاب", "مدرسة"]).isNameLike(word) == expected)
    }

    /// The quick test rejects only words `isNameLike` rejects, and does reject the short and
    /// teh-marbuta ones it is meant for.
    @Test func cannotBeNameLikeOnlyRejectsWhatIsNameLikeRejects() {
        let empty = Lexicon(words: [String]())
        let words = [
            "نيم", "في", "و", "آسيا", "إيران", "نيمة", "جامعية", "تارنوفسكي", "لندن", "ـنيمـ", "نِيم", "ﻻمر", "ﷲ", "abc", "نيم3", "ؤئء",
            "\u{200F}نيم", "بيلا", "ىىى", "ةة",
        ]
        var rejected = 0
        for w in words {
            let u = Array(w.unicodeScalars)
            if Lexicon.cannotBeNameLike(u[...]) {
                rejected += 1
                #expect(!empty.isNameLike(w), "\(w)")
            }
        }
        #expect(Lexicon.cannotBeNameLike(Array("في".unicodeScalars)[...]))
        #expect(Lexicon.cannotBeNameLike(Array("جامعية".unicodeScalars)[...]))
        #expect(!Lexicon.cannotBeNameLike(Array("لندن".unicodeScalars)[...]))
        #expect(!Lexicon.cannotBeNameLike(Array("ﻻمر".unicodeScalars)[...]))  // a ligature: its key is longer
        #expect(rejected == 8)
    }
}
