import ArabicText
import ArgumentParser
import Drafting
import Foundation
import Glossary
import TarjimFormats
import TarjimIO

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Pair every Arabic sentence with an English draft side: glossary terms and names rendered in English, garbled names corrected and flagged, unknown names transliterated.",
        discussion: """
            Each input file is a document (standard input when none). The draft side is a \
            pre-translation, not machine translation: the words no glossary knows stay Arabic for the \
            translator. Formats: jsonl (one object per sentence, see README), tsv \
            (index, source, draft, terms), text (for reading in a terminal), xliff (XLIFF 2.0: terms \
            marked in the source and listed in the Glossary module, flags as notes), xliff12 (the same \
            as XLIFF 1.2, terms and flags as notes, for OmegaT and other 1.2 tools), html (a \
            self-contained review page). xliff, xliff12 and html are written once all documents are \
            drafted; the others stream sentence by sentence.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv, text, xliff, xliff12, html }
    enum BidiMode: String, ExpressibleByArgument, CaseIterable { case logical, visual }

    @OptionGroup var input: InputOptions
    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var outputOptions: OutputOptions

    @Option(help: "Output format: jsonl, tsv, text, xliff, xliff12, html. Default: text on a terminal, tsv otherwise.")
    var format: Format?

    @Option(help: "Write the Arabic input with variant and garbled names replaced by the canonical spelling (clitics kept, every other character unchanged). One document only.")
    var correctedSource: String?

    @Option(help: "Text format only: logical order (terminals with bidi) or visual (reordered for terminals without bidi).")
    var bidi: BidiMode = .logical

    @Option(help: ArgumentHelp("Use a machine translation engine for the draft side: CMD is started once with /bin/sh, reads one (name-corrected) Arabic sentence per line on stdin and writes one English line per sentence on stdout.", valueName: "CMD"))
    var mtCommand: String?

    @Option(help: "Seconds to wait for each line from the MT engine before giving up.")
    var mtTimeout: Double = 60

    func validate() throws {
        if correctedSource != nil && input.files.count > 1 {
            throw ValidationError("--corrected-source takes one input document")
        }
        if mtTimeout <= 0 { throw ValidationError("--mt-timeout must be positive") }
    }

    func run() throws {
        try reportingErrors {
            let glossary = try glossaryOptions.load()
            let drafter = try Drafter(glossary: glossary, fuzzy: !glossaryOptions.noFuzzy)
            let docs = try input.documents()
            let out = try Output(path: outputOptions.output)
            let fmt = format ?? (out.isTerminal ? .text : .tsv)
            let terminal = DraftTerminal(color: out.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, visualBidi: bidi == .visual)
            let engine = try mtCommand.map { cmd throws(DraftError) in try MTEngine(command: cmd, timeout: mtTimeout) }
            var wholeFile: [DraftSentence] = []  // xliff, xliff12, html: written at the end
            for doc in docs {
                var sentences = drafter.draft(document: doc.text, name: doc.name)
                if let engine {
                    drafter.applyMachineTranslation(try engine.translate(sentences.map(\.correctedSource)), to: &sentences)
                }
                for s in sentences {
                    switch fmt {
                    case .jsonl: try out.write(DraftJSONL.line(s))
                    case .tsv: try out.write(DraftTSV.line(s))
                    case .text: try out.write(terminal.render(s))
                    case .xliff, .xliff12, .html: wholeFile.append(s)
                    }
                }
            }
            switch fmt {
            case .xliff: try out.write(DraftXLIFF.xliff2(wholeFile))
            case .xliff12: try out.write(DraftXLIFF.xliff12(wholeFile))
            case .html: try out.write(DraftHTML.page(wholeFile, documents: docs.map(\.name)))
            case .jsonl, .tsv, .text: break
            }
            if let path = correctedSource, let doc = docs.first {
                // Written in the input's own encoding (and BOM), so only corrected names differ.
                let bytes = try TextEncoder.encode(
                    drafter.correctedSource(doc.text), as: doc.decoded.encoding, bom: doc.decoded.hadBOM, file: path)
                try AtomicFile.write(bytes, to: path)
            }
            try out.finish()
        }
    }
}
