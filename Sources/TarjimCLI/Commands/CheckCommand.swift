import Alignment
import ArabicText
import ArgumentParser
import Checks
import Foundation
import Glossary
import TarjimFormats
import TarjimIO

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check names, terms, numbers and translations for consistency, in Arabic sources and in Arabic/English pairs.",
        discussion: """
            Arabic sources (FILE..., standard input when none) are checked together as one scope: \
            variant spellings of glossary names, garbled names, names in no glossary spelt several \
            ways, hidden characters. Pairs (--pairs: two-column TSV, tarjim draft or align TSV/JSONL, \
            XLIFF 1.2/2.x, TMX; or AR_FILE --english EN_FILE, aligned first) are checked for missing \
            key terms, English name variants, numbers, untranslated text and inconsistent \
            translations. Formats: text (default on a terminal), json (the default otherwise; a public \
            schema, see README), html. Exit status: 0 when no finding is at or above --fail-on, 1 when \
            one is, 2 for bad usage or unreadable input (option syntax errors found by the argument \
            parser itself exit 64).
            """
    )

    @Argument(help: "Arabic source documents (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6), or '-' for standard input.")
    var files: [String] = []

    @Option(
        parsing: .upToNextOption, help: ArgumentHelp("Sentence-pair files to check (format detected from the content).", valueName: "FILE"))
    var pairs: [String] = []

    @Option(
        help: ArgumentHelp("The English translation of the one Arabic FILE: the two are aligned into pairs first.", valueName: "EN_FILE"))
    var english: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Combine JSON reports of shards (made with the same glossaries and options) into the report of the whole.", valueName: "REPORT")
    )
    var merge: [String] = []

    @Option(help: "Output format: text, json, html. Default: text on a terminal, json otherwise.")
    var format: String?

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning, info.")
    var failOn: String = "error"

    @Flag(
        help:
            "Write the one Arabic FILE with variant and garbled names replaced by the canonical spelling to -o FILE (clitics kept, every other byte unchanged; garbled names only at or above the drafter's 0.75 similarity)."
    )
    var fix = false

    @Option(name: .shortAndLong, help: "With --fix, the corrected Arabic file; otherwise the report (written atomically).")
    var output: String?

    @Option(help: "Text format: logical order (terminals with bidi) or visual (reordered for terminals without bidi).")
    var bidi: String = "logical"

    @Option(
        help: ArgumentHelp(
            "List at most N places per finding, the first in file order (0: all); counts stay exact and the report says how many more there are.",
            valueName: "N"))
    var maxOccurrences: Int = 50

    @Option(help: "Force the encoding of the Arabic sources: utf-8, utf-16le, utf-16be, windows-1256 (cp1256), iso-8859-6.")
    var encoding: String?

    @OptionGroup var glossaryOptions: GlossaryOptions
    @OptionGroup var scale: ScaleOptions

    enum Format: String, CaseIterable { case text, json, html }

    /// The command's own usage checks: they exit 2 (ArgumentParser's validation errors exit 64).
    struct Usage: Error, CustomStringConvertible {
        let description: String
    }

    func run() throws {
        ignoreWriteSignals()
        keepLargeBuffersOutOfTheHeap()
        do {
            try checkUsage()
            let report = try makeReport()
            try write(report)
            if report.hasFindings(atOrAbove: Severity(rawValue: failOn) ?? .error) { throw ExitCode(1) }
        } catch let e as ExitCode {
            throw e
        } catch let e as Usage {
            printError("tarjim check: error: \(e.description)\nSee 'tarjim check --help'.")
            throw ExitCode(2)
        } catch {
            printError("tarjim: \(error)")
            throw ExitCode(2)
        }
    }

    func checkUsage() throws(Usage) {
        if let f = format, Format(rawValue: f) == nil { throw Usage(description: "unknown format '\(f)'; use text, json or html") }
        if Severity(rawValue: failOn) == nil {
            throw Usage(description: "unknown severity '\(failOn)' for --fail-on; use error, warning or info")
        }
        if bidi != "logical" && bidi != "visual" { throw Usage(description: "unknown --bidi '\(bidi)'; use logical or visual") }
        if maxOccurrences < 0 { throw Usage(description: "--max-occurrences must be 0 (all) or more") }
        if let e = encoding, TextEncoding(name: e) == nil {
            throw Usage(description: "unknown encoding '\(e)'; use utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6")
        }
        if !merge.isEmpty && (!files.isEmpty || !pairs.isEmpty || english != nil || fix) {
            throw Usage(description: "--merge combines reports; it takes no FILE, --pairs, --english or --fix")
        }
        if english != nil && files.count != 1 { throw Usage(description: "--english EN_FILE takes exactly one Arabic FILE") }
        if fix {
            if files.count != 1 || files[0] == "-" { throw Usage(description: "--fix takes exactly one Arabic FILE (not standard input)") }
            if output == nil { throw Usage(description: "--fix needs -o FILE for the corrected text") }
            if english != nil || !pairs.isEmpty {
                throw Usage(description: "--fix corrects an Arabic source; it takes no --pairs or --english")
            }
        }
    }

    func makeReport() throws -> CheckReport {
        // Hunspell's dictionary (about half the start) loads while the glossary is read and compiled.
        let lexicon = BackgroundValue { Lexicon.system() }
        let glossary = try glossaryOptions.load()
        let compiled = TermMatcher(glossary: glossary, options: .init(fuzzy: !glossaryOptions.noFuzzy))
        let transliterator = try NameTransliterator()
        let checker = Checker(
            matcher: compiled.with(lexicon: lexicon.value), transliterator: transliterator,
            options: .init(fuzzy: !glossaryOptions.noFuzzy, maxOccurrences: maxOccurrences))
        ProcessLifetime.keep(checker)
        if !merge.isEmpty {
            var scopes: [(file: String, scope: CheckScope)] = []
            for path in merge {
                let data: Data
                do { data = try FileBytes.read(URL(fileURLWithPath: path)) } catch {
                    throw FormatError.unreadable(file: path, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
                }
                scopes.append((path, try CheckReportJSON.readScope([UInt8](data), file: path)))
            }
            return try checker.merge(scopes)
        }
        let enc = encoding.flatMap(TextEncoding.init(name:))
        var scope = checker.collect(documents: [])
        var pairList: [SentencePair] = []
        if let english {
            let ar = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: files[0]), encoding: enc)
            let en = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: english), encoding: enc)
            pairList = try Self.alignedPairs(
                ar.text, en.text, arabicFile: files[0], englishFile: english, glossary: glossary, lexicon: lexicon.value)
        } else if !(files.isEmpty && !pairs.isEmpty) {
            scope = try collectSources(checker, encoding: enc)
        }
        for path in pairs { pairList += try PairReader.read(contentsOf: URL(fileURLWithPath: path), name: path).pairs }
        let pairFiles = english == nil ? pairs : [files[0]]
        scope.merge(checker.collect(pairs: pairList, files: pairFiles))
        return checker.resolve(scope)
    }

    /// The Arabic sources observed on `--jobs` threads, piece by piece (`DocumentSource`: pieces of
    /// about `--piece-size` bytes cut at line ends; a JSONL document's id is its occurrences'
    /// `unit`), the scopes merged in input order. A text file is observed piece by piece, so the
    /// evidence for garbled names is the piece, as in `tarjim draft`; a file smaller than a piece is
    /// observed whole. With `--fix`, the corrected pieces are written to `-o` in order.
    func collectSources(_ checker: Checker, encoding enc: TextEncoding?) throws -> CheckScope {
        let source = DocumentSource(
            files: files, encoding: enc, format: scale.inputFormat, pieceSize: scale.pieceSize,
            maxLineBytes: DocumentSource.draftMaxLineBytes)
        let progress = ProgressLine(total: source.totalBytes, enabled: scale.showsProgress)
        let fixed = try (fix ? output : nil).map { p throws(FileIOError) in try AtomicFile.Writer(path: p) }
        let jsonl = scale.inputFormat == .jsonl
        let fixing = fixed != nil
        var merger = ScopeMerger()
        // Places the pieces merged so far list in full: later pieces skip their excerpts.
        let kept = KeptPlaces()
        try OrderedParallelMap.run(
            jobs: scale.workers, window: scale.workers + 1, next: { try source.next() },
            transform: { _, piece in
                guard jsonl else {
                    let doc = ArabicDocument(name: piece.input, text: piece.text, linesBefore: piece.linesBefore)
                    return (piece, checker.collect(documents: [doc], skipping: kept), 1, fixing ? checker.fixedSource(piece.text) : nil)
                }
                let docs = try DocumentSource.jsonlDocuments(piece).map { ArabicDocument(name: piece.input, text: $0.text, unit: $0.name) }
                return (piece, checker.collect(documents: docs, skipping: kept), docs.count, nil)
            },
            consume: { (piece: InputPiece, scope: CheckScope, documents: Int, corrected: String?) in
                merger.add(scope)
                kept.add(scope)
                if let fixed, let corrected, let (encoding, bom) = source.encodings[piece.input] {
                    try fixed.append(try TextEncoder.encode(corrected, as: encoding, bom: bom && piece.isFirst, file: fixed.path))
                }
                progress.advance(documents: jsonl ? documents : (piece.isFirst ? 1 : 0), bytes: piece.bytes)
            })
        try fixed?.commit()
        progress.finish()
        return merger.result() ?? checker.collect(documents: [])
    }

    func write(_ report: CheckReport) throws {
        let out = try Output(path: fix ? nil : output)
        let fmt = format.flatMap(Format.init(rawValue:)) ?? (out.isTerminal ? .text : .json)
        switch fmt {
        case .json:
            try out.write(bytes: CheckReportJSON.bytes(report))
        case .html:
            try out.write(CheckReportHTML.render(report))
        case .text:
            let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            try out.write(CheckReportText(color: out.isTerminal && !noColor, visualBidi: bidi == "visual").render(report))
        }
        try out.finish()
    }

    /// The Arabic and English documents aligned (`tarjim align`'s sentence segmentation and
    /// aligner), as pairs: each bead with an Arabic side is a pair (an empty English side is an
    /// untranslated sentence); English-only beads are left out. Locations are the first sentence of
    /// each side; columns are exact when a bead has one sentence a side.
    static func alignedPairs(
        _ ar: String, _ en: String, arabicFile: String, englishFile: String, glossary: Glossary, lexicon: Lexicon?
    ) throws(AlignmentError) -> [SentencePair] {
        let arSentences = SentenceSegmenter().sentences(in: ar)
        let enSentences = EnglishSentenceSegmenter().sentences(in: en)
        let arLines = Paragraph.split(ar)
        let enLines = Paragraph.split(en)
        let arabic = arSentences.map(\.text)
        // Only the dictionary entries these sentences can look up (as `tarjim align` does).
        let dictionary = try BilingualDictionary.systemFreeDict(keys: BilingualDictionary.lookupKeys(arabic: arabic))
        let aligner = Aligner(glossary: glossary, dictionary: dictionary, lexicon: lexicon)
        let alignment = aligner.align(arabic: arabic, english: enSentences.map(\.text))
        func column(_ s: Sentence, _ lines: [Paragraph]) -> Int {
            let k = s.paragraph - 1
            return k >= 0 && k < lines.count ? s.range.lowerBound - lines[k].range.lowerBound + 1 : 1
        }
        var out: [SentencePair] = []
        for b in alignment.beads where !b.arabic.isEmpty {
            let a = arSentences[b.arabic.lowerBound]
            let e = b.english.isEmpty ? nil : enSentences[b.english.lowerBound]
            out.append(
                SentencePair(
                    arabic: AlignmentOutput.text(of: arSentences.map(\.text), b.arabic),
                    english: AlignmentOutput.text(of: enSentences.map(\.text), b.english), file: arabicFile, line: a.paragraph,
                    arabicColumn: column(a, arLines), englishColumn: e.map { column($0, enLines) } ?? 1, englishLine: e?.paragraph ?? 1,
                    exactColumns: b.arabic.count == 1 && b.english.count == 1, englishFile: englishFile))
        }
        return out
    }
}
