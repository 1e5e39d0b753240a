import Glossary
import Testing

@testable import Drafting

@Suite struct DraftSentenceTests {
    static let terms = [
        DraftTerm(source: "وبلينجن", target: "Blinken", canonical: "بلينكن", match: .variant, start: 4, end: 11, entryKind: .person)
    ]

    /// A sentence whose draft and corrected source are kept as edits of its source: "قال وبلينجن إن"
    /// with "and Blinken" and "بلينكن" put in.
    static func edited() -> DraftSentence {
        let source = "قال وبلينجن إن"
        let name = 9..<21  // the bytes of بلينجن after "قال و"
        return DraftSentence(
            doc: "-", para: 2, index: 5, source: source,
            draft: .edits([DraftEdit(range: 7..<21, prefix: "and ", text: "Blinken")]), terms: terms, flags: [],
            correctedSource: .edits([DraftEdit(range: name, text: "بلينكن")]))
    }

    @Test func editedSentenceEqualsTheSameTextKeptWhole() {
        let s = Self.edited()
        let whole = DraftSentence(
            doc: "-", para: 2, index: 5, source: "قال وبلينجن إن", draft: "قال and Blinken إن", terms: Self.terms, flags: [],
            correctedSource: "قال وبلينكن إن")
        #expect(s.draft == "قال and Blinken إن")
        #expect(s.correctedSource == "قال وبلينكن إن")
        #expect(s == whole)
        #expect(s.hashValue == whole.hashValue)
        #expect(Set([s, whole]).count == 1)
        var other = whole
        other.draft = "something else"
        #expect(other != s)
    }

    @Test func settingTheDraftReplacesItsPieces() {
        var s = Self.edited()
        s.draft = "a machine translation"
        #expect(s.draft == "a machine translation")
        #expect(s.draftText.utf8Count == s.draft.utf8.count)
        #expect(s.correctedSource == "قال وبلينكن إن")
    }

    @Test func shiftingKeepsTheTexts() {
        let s = Self.edited().shifted(lines: 3, sentences: 10)
        #expect(s.para == 5)
        #expect(s.index == 15)
        #expect(s.draft == "قال and Blinken إن")
        #expect(s.correctedSource == "قال وبلينكن إن")
        #expect(s.terms == Self.terms)
    }
}
