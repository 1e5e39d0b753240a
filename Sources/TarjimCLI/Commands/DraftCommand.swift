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
        abstract:
            "Pair every Arabic sentence with an English draft side: glossary terms and names rendered in English, garbled names corrected and flagged, unknown names transliterated.",
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
    @OptionGroup var scale: ScaleOptions

    @Option(help: "Output format: jsonl, tsv, text, xliff, xliff12, html. Default: text on a terminal, tsv otherwise.")
    var format: Format?

    @Option(
        help:
            "Write the Arabic input with variant and garbled names replaced by the canonical spelling (clitics kept, every other character unchanged). One document only."
    )
    var correctedSource: String?

    @Option(help: "Text format only: logical order (terminals with bidi) or visual (reordered for terminals without bidi).")
    var bidi: BidiMode = .logical

    @Option(
        help: ArgumentHelp(
            "Use a machine translation engine for the draft side: CMD is started once with /bin/sh, reads one (name-corrected) Arabic sentence per line on stdin and writes one English line per sentence on stdout.",
            valueName: "CMD"))
    var mtCommand: String?

    @Option(help: "Seconds to wait for each line from the MT engine before giving up.")
    var mtTimeout: Double = 60

    func validate() throws {
        if correctedSource != nil && (input.files.count > 1 || scale.inputFormat == .jsonl) {
            throw ValidationError("--corrected-source takes one input document (text input)")
        }
        // NaN compares false both ways: it fails `> 0`.
        if !(mtTimeout > 0 && mtTimeout <= 86_400) {
            throw ValidationError("--mt-timeout must be a number of seconds above 0 and at most 86400 (one day)")
        }
    }

    func run() throws {
        keepLargeBuffersOutOfTheHeap()
        try reportingErrors {
            // Hunspell's dictionary (about half the start) loads while the glossary is read and compiled.
            let lexicon = BackgroundValue { Lexicon.system() }
            let glossary = try glossaryOptions.load()
            let compiled = TermMatcher(glossary: glossary, options: .init(fuzzy: !glossaryOptions.noFuzzy))
            let transliterator = try NameTransliterator()
            let drafter = Drafter(matcher: compiled.with(lexicon: lexicon.value), transliterator: transliterator)
            ProcessLifetime.keep(drafter)
            let out = try Output(path: outputOptions.output)
            let fmt = format ?? (out.isTerminal ? .text : .tsv)
            let terminal = DraftTerminal(
                color: out.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, visualBidi: bidi == .visual)
            // One engine process answers line by line, in order: drafting with an engine is sequential.
            let engine = try mtCommand.map { cmd throws(DraftError) in try MTEngine(command: cmd, timeout: mtTimeout) }
            let jobs = engine == nil ? scale.workers : 1
            // Each worker its own drafter (its own ICU sentence iterator), sharing the compiled glossary.
            var drafters = [drafter]
            for _ in 1..<max(jobs, 1) {
                drafters.append(Drafter(matcher: drafter.matcher, transliterator: try NameTransliterator(), options: drafter.options))
            }
            let pipeline = DraftPipeline(
                drafters: drafters, format: fmt, terminal: terminal, inputFormat: scale.inputFormat,
                wantsCorrectedSource: correctedSource != nil, engineless: engine == nil)
            let source = DocumentSource(
                files: input.files, encoding: input.encoding.flatMap(TextEncoding.init(name:)), format: scale.inputFormat,
                pieceSize: scale.pieceSize, maxLineBytes: DocumentSource.draftMaxLineBytes)
            let progress = ProgressLine(total: source.totalBytes, enabled: scale.showsProgress)
            let corrected = try correctedSource.map { p throws(FileIOError) in try AtomicFile.Writer(path: p) }
            var wholeFile: [DraftSentence] = []  // xliff, xliff12, html: written at the end
            var documentNames: [String] = []
            var sentencesBefore = 0
            var rendered: [UInt8] = []  // reused from piece to piece (`DraftPipeline.render(_:into:)`)
            try OrderedParallelMap.run(
                jobs: jobs, window: jobs + 1, next: { try source.next() }, transform: { w, piece in try pipeline.draft(piece, worker: w) },
                consumeInPlace: { result in
                    let piece = result.piece
                    if piece.isFirst { sentencesBefore = 0 }
                    // By index, in place: the sentences are shifted without copying their strings.
                    for k in result.documents.indices {
                        if scale.inputFormat == .jsonl { sentencesBefore = 0 }  // each line a whole document
                        if result.documents[k].rendered == nil {
                            if sentencesBefore != 0 {
                                for i in result.documents[k].sentences.indices {
                                    result.documents[k].sentences[i].shift(lines: 0, sentences: sentencesBefore)
                                }
                            }
                            if let engine {
                                let lines = try engine.translate(result.documents[k].sentences.map(\.correctedSource))
                                drafter.applyMachineTranslation(lines, to: &result.documents[k].sentences)
                            }
                        }
                        let d = result.documents[k]
                        sentencesBefore += d.sentences.count
                        if scale.inputFormat == .jsonl || piece.isFirst { documentNames.append(d.name) }
                        if fmt.isWholeFile {
                            wholeFile += d.sentences
                        } else if let bytes = d.rendered {
                            try out.write(bytes: bytes)
                        } else {
                            pipeline.render(d, into: &rendered)
                            try out.write(bytes: rendered)
                            rendered.removeAll(keepingCapacity: true)
                        }
                    }
                    if let corrected, let text = result.correctedSource, let (enc, bom) = source.encodings[piece.input] {
                        try corrected.append(try TextEncoder.encode(text, as: enc, bom: bom && piece.isFirst, file: corrected.path))
                    }
                    let documents = scale.inputFormat == .jsonl ? result.documents.count : (piece.isFirst ? 1 : 0)
                    progress.advance(documents: documents, bytes: piece.bytes)
                })
            switch fmt {
            case .xliff: try out.write(DraftXLIFF.xliff2(wholeFile))
            case .xliff12: try out.write(DraftXLIFF.xliff12(wholeFile))
            case .html: try out.write(DraftHTML.page(wholeFile, documents: documentNames))
            case .jsonl, .tsv, .text: break
            }
            try corrected?.commit()
            try out.finish()
            progress.finish()
        }
    }
}
