import Foundation
import Testing

@testable import Glossary

@Suite struct GlossaryLoadingTests {
    @Test func shippedGlossariesAreFoundAndParse() throws {
        let files = try Glossary.defaultGlossaryFiles()
        #expect(!files.isEmpty)
        let g = try Glossary.load(files: [])
        #expect(g.entries.count >= 500)
        // The entities of the project's example article.
        let byArabic = Dictionary(g.entries.map { ($0.arabic, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byArabic["بلينكن"]?.english == "Blinken")
        #expect(byArabic["بلينكن"]?.variants.contains("بلينجن") == true)
        #expect(byArabic["الناتو"]?.english == "NATO")
        #expect(byArabic["دونباس"]?.english == "Donbas")
        #expect(!g.entries.contains { $0.arabicSpellings.contains("فيدن") })
    }

    @Test func minimalTwoColumnLines() throws {
        let g = try Glossary(tsv: "# comment\n\nروسيا\tRussia\nبلينكن\tBlinken\t\tبلينكين;بلينجن\tperson\n")
        #expect(g.entries.count == 2)
        #expect(g.entries[0].kind == .term)
        #expect(g.entries[1].variants == ["بلينكين", "بلينجن"])
        #expect(g.origins[1] == "<glossary>:4")
    }

    /// Origins stay "file:line" for each entry through merges, and given strings stay as given.
    @Test func originsThroughMerges() throws {
        var g = try Glossary(tsv: "روسيا\tRussia\n\nبلينكن\tBlinken\n", file: "a.tsv")
        g.merge(try Glossary(tsv: "# x\nالناتو\tNATO\n", file: "b.tsv"))
        g.merge(Glossary(entries: g.entries.prefix(1).map { $0 }, origins: ["typed by hand"]))
        g.merge(Glossary(entries: g.entries.prefix(1).map { $0 }))
        #expect(Array(g.origins) == ["a.tsv:1", "a.tsv:3", "b.tsv:2", "typed by hand", ""])
        #expect(g.origins.count == g.entries.count)
    }
}
