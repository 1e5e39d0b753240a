import Glossary
import Testing

@testable import TarjimFormats

@Suite struct OmegaTGlossaryTests {
    @Test func oneRowPerArabicSpellingNoHeaderNoComments() throws {
        let entries = [
            GlossaryEntry(
                arabic: "غوتيريش", english: "Guterres", comment: "UN chief", variants: ["جوتيريش", "غوتيريش"], kind: .person,
                englishVariants: ["António Guterres"]),
            GlossaryEntry(arabic: "نيروبي", english: "Nairobi"),
        ]
        #expect(try OmegaTGlossary.write(entries) == "غوتيريش\tGuterres\tUN chief\nجوتيريش\tGuterres\tUN chief\nنيروبي\tNairobi\n")
    }

    @Test func sampleGlossaryGolden() throws {
        let doc = try GlossaryDocument(tsv: try Fixture.text("sample.tsv"))
        try Fixture.assertSnapshot(try OmegaTGlossary.write(doc.entries), named: "canonical-omegat.utf8")
    }

    @Test func fieldsOmegaTCannotHoldAreRefused() {
        #expect(throws: FormatError.self) { try OmegaTGlossary.write([GlossaryEntry(arabic: "سد", english: "dam", comment: "a\tb")]) }
        #expect(throws: FormatError.self) { try OmegaTGlossary.write([GlossaryEntry(arabic: "سد", english: "dam", variants: ["#سد"])]) }
        #expect(throws: FormatError.self) { try OmegaTGlossary.write([GlossaryEntry(arabic: "سد", english: " ")]) }
    }
}
