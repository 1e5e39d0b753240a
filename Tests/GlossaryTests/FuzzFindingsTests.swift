import Testing

@testable import Glossary

/// Inputs the fuzz targets (Fuzz/, Scripts/fuzz.sh) found, kept as regression tests.
@Suite struct FuzzFindingsTests {
    /// fuzz-glossary-tsv crash-b921f7b1, reduced: an entry whose Arabic term starts with U+FEFF (a BOM
    /// at the start of line 2), written first in a glossary, came back as a comment line.
    @Test func entryStartingWithU_FEFFSurvivesBeingWrittenFirst() throws {
        let doc = try GlossaryDocument(tsv: "# c\n\u{FEFF}#x\tY\n")
        #expect(doc.entries.map(\.arabic) == ["\u{FEFF}#x"])
        let rewritten = GlossaryDocument(lines: doc.entries.map { .entry($0, lineNumber: 0, raw: nil) })
        #expect(rewritten.tsv == "\u{FEFF}\u{FEFF}#x\tY\t\t\tterm\n")
        #expect(try GlossaryDocument(tsv: rewritten.tsv).entries == doc.entries)
        // A file with a BOM and such a first line keeps its bytes.
        let twoBOMs = "\u{FEFF}\u{FEFF}ب\tB\n"
        #expect(try GlossaryDocument(tsv: twoBOMs).tsv == twoBOMs)
    }

    /// fuzz-glossary-tsv: U+00A0 (or another space a comment may not start with) before '#' made an
    /// entry "#x" that the writer turned into a comment line.
    @Test(arguments: ["\u{00A0}#x\tY", "\u{2009}\u{3000}#x\tY"])
    func arabicTermStartingWithHashIsMalformed(_ line: String) throws {
        let error = try #require(throws: GlossaryError.self) { try GlossaryDocument(tsv: line + "\n", file: "g.tsv") }
        guard case .malformed(let file, let l, let c, let m) = error else {
            Issue.record("expected .malformed, got \(error)")
            return
        }
        #expect((file, l) == ("g.tsv", 1))
        #expect(
            c
                == line.unicodeScalars.firstIndex(of: "#").map {
                    line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: $0) + 1
                })
        #expect(m.contains("cannot start with '#'"))
    }

    /// fuzz-glossary-tsv: variants were split at ';' as a Character, so a variant starting with a
    /// combining mark (U+0655 after "; ") was read, then written as ";\u{0655}..." and read back glued
    /// to the one before it. They are now split at every scalar ';'.
    @Test func variantStartingWithACombiningMarkSurvivesTheRoundTrip() throws {
        let doc = try GlossaryDocument(tsv: "بلينكن\tBlinken\t\tبلينكين; \u{0655}ب;بلنكن\tperson\tA; \u{0301}B\n")
        let e = try #require(doc.entries.first)
        #expect(e.variants == ["بلينكين", "\u{0655}ب", "بلنكن"])
        #expect(e.englishVariants == ["A", "\u{0301}B"])
        let line = GlossaryDocument.format(e)
        #expect(try GlossaryDocument(tsv: line + "\n").entries == [e])
    }
}
