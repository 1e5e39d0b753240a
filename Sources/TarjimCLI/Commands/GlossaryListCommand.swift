import ArabicText
import ArgumentParser
import Foundation
import Glossary
import TarjimFormats

/// `tarjim glossary list FILE [--format tsv|json]`.
struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the entries of a glossary file.",
        discussion: """
            --format tsv prints one entry a line in the canonical columns (arabic, english, comment, \
            variants, kind, and English variants when there are some), without comments or blank lines. \
            --format json prints an array of objects {"line", "arabic", "english", "comment", "variants", \
            "kind", "englishVariants"}, one object a line.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @Argument(help: "The glossary file (UTF-8, tab-separated).")
    var file: String

    @Option(help: "Output format: tsv or json.")
    var format: Format = .tsv

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            let text = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: file), encoding: .utf8).text
            let document = try GlossaryDocument(tsv: text, file: file)
            let out = try Output(path: outputOptions.output)
            switch format {
            case .tsv:
                for e in document.entries { try out.write(GlossaryDocument.format(e) + "\n") }
            case .json:
                let numbered = document.numberedEntries
                try out.write(numbered.isEmpty ? "[]\n" : "[\n")
                for (i, item) in numbered.enumerated() {
                    try out.write("  " + Self.json(item.entry, line: item.line) + (i + 1 < numbered.count ? ",\n" : "\n]\n"))
                }
            }
            try out.finish()
        }
    }

    static func json(_ e: GlossaryEntry, line: Int) -> String {
        func array(_ items: [String]) -> String { "[" + items.map { JSONText.string($0) }.joined(separator: ",") + "]" }
        return "{\"line\":\(line),\"arabic\":\(JSONText.string(e.arabic)),\"english\":\(JSONText.string(e.english)),"
            + "\"comment\":\(JSONText.string(e.comment)),\"variants\":\(array(e.variants)),\"kind\":\(JSONText.string(e.kind.rawValue)),"
            + "\"englishVariants\":\(array(e.englishVariants))}"
    }
}
