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
}
