import ArabicText
import ArgumentParser
import Foundation
import Glossary
import TarjimFormats

/// `tarjim glossary suggest CORPUS... [--english FILE...]`: recurring names and terms no glossary covers.
struct GlossarySuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest glossary entries: recurring name-like words and multiword terms no glossary covers.",
        discussion: """
            Each input file (CORPUS) is a document (standard input when none). Name-like words are words the \
            Arabic Hunspell lexicon (hunspell-ar) rejects; multiword terms are runs of 2-4 words that do not \
            start or end with a function word. Terms the glossaries cover are skipped. Ranked by C-value \
            (frequency, minus what longer terms containing them explain); spellings with the same phonetic \
            key are grouped as variants.

            With --english, give one English file per CORPUS file, line-aligned (line i translates line i); \
            English equivalents are proposed by co-occurrence (Dice over lines, boosted by transliteration \
            similarity). Put --english after the corpus files: it takes every file up to the next option.

            --format tsv (default) writes glossary lines (arabic, english, comment, variants, kind) after a \
            '#' header; English is '?' where nothing was proposed: fill it in or delete the line before use. \
            --format json writes an array of objects {"arabic", "english" (null when none), "englishScore", \
            "count", "documents", "score", "kind", "variants", "contexts"}, one a line.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("english"), parsing: .upToNextOption,
        help: ArgumentHelp("English translations, one per CORPUS file in the same order, line-aligned.", valueName: "file"))
    var english: [String] = []

    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(help: "Suggest only terms seen at least this many times.")
    var minCount: Int = 2

    @Option(help: "Print at most this many suggestions (best first).")
    var limit: Int?

    @Option(help: "Output format: tsv (glossary lines) or json.")
    var format: Format = .tsv

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        let corpora = max(1, input.files.count)
        if !english.isEmpty && english.count != corpora {
            throw ValidationError(
                "--english needs one file per corpus file: \(corpora) corpus file\(corpora == 1 ? "" : "s"), \(english.count) English")
        }
    }

    func run() throws {
        try reportingErrors {
            let glossary = try glossaryOptions.load()
            let lexicon = try Lexicon(hunspell: Lexicon.defaultHunspellPath)
            var documents: [TermSuggester.Document] = []
            for (i, doc) in try input.documents().enumerated() {
                var d = TermSuggester.Document(name: doc.name, text: doc.text)
                if i < english.count {
                    d.english = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: english[i])).text
                    d.englishName = english[i]
                }
                documents.append(d)
            }
            let options = TermSuggester.Options(minimumCount: minCount, limit: limit, fuzzy: !glossaryOptions.noFuzzy)
            let suggester = TermSuggester(
                glossary: glossary, lexicon: lexicon, options: options, transliterator: english.isEmpty ? nil : try NameTransliterator())
            let suggestions = try suggester.suggestions(for: documents)
            let out = try Output(path: outputOptions.output)
            switch format {
            case .tsv:
                try out.write(TermSuggestion.glossaryDocument(suggestions).tsv)
            case .json:
                try out.write(suggestions.isEmpty ? "[]\n" : "[\n")
                for (i, s) in suggestions.enumerated() {
                    try out.write("  " + Self.json(s) + (i + 1 < suggestions.count ? ",\n" : "\n]\n"))
                }
            }
            try out.finish()
        }
    }

    static func json(_ s: TermSuggestion) -> String {
        func array(_ items: [String]) -> String { "[" + items.map { JSONText.string($0) }.joined(separator: ",") + "]" }
        func number(_ x: Double) -> String { "\((x * 100).rounded() / 100)" }
        return "{\"arabic\":\(JSONText.string(s.arabic)),\"english\":\(s.english.map { JSONText.string($0.term) } ?? "null"),"
            + "\"englishScore\":\(s.english.map { number($0.score) } ?? "null"),\"count\":\(s.count),\"documents\":\(s.documentCount),"
            + "\"score\":\(number(s.score)),\"kind\":\(JSONText.string(s.kind.rawValue)),\"variants\":\(array(s.variants)),"
            + "\"contexts\":\(array(s.contexts))}"
    }
}
