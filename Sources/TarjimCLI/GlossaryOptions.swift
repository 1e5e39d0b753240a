import ArgumentParser
import Foundation
import Glossary

/// The glossaries a command uses: the shipped ones (unless turned off) plus `-g` files, in order;
/// later files override earlier ones where they define the same term.
struct GlossaryOptions: ParsableArguments {
    @Option(name: [.customShort("g"), .customLong("glossary")], help: "Add a glossary file (TSV). Repeatable; later files win.")
    var glossaries: [String] = []

    @Flag(help: "Do not load the glossaries shipped with Tarjim.")
    var noDefaultGlossaries = false

    @Flag(help: "Do not look for garbled names (fuzzy matching).")
    var noFuzzy = false

    func load() throws(GlossaryError) -> Glossary {
        try Glossary.load(files: glossaries.map { URL(fileURLWithPath: $0) }, includeDefaults: !noDefaultGlossaries)
    }
}
