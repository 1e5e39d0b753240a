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
        let glossary = try glossaryOptions.load()
        let checker = Checker(
            glossary: glossary, lexicon: Lexicon.system(), transliterator: try NameTransliterator(),
            options: .init(fuzzy: !glossaryOptions.noFuzzy))
        if !merge.isEmpty {
            var scopes: [(file: String, scope: CheckScope)] = []
            for path in merge {
                let data: Data
                do { data = try FileBytes.read(URL(fileURLWithPath: path)) } catch {
                    throw FormatError.unreadable(file: path, line: 0, column: 0, message: "cannot read: \(error.localizedDescription)")
                }
                scopes.append((path, try CheckReportJSON.readScope([UInt8](data), file: path)))
            }
            return try checker.merge(scopes)
        }
        let enc = encoding.flatMap(TextEncoding.init(name:))
        var scope = checker.collect(documents: [])
        var decoded: [DecodedText] = []
        var pairList: [SentencePair] = []
        if let english {
            let ar = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: files[0]), encoding: enc)
            let en = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: english), encoding: enc)
            pairList = try Self.alignedPairs(ar.text, en.text, arabicFile: files[0], englishFile: english, glossary: glossary)
        } else if !(files.isEmpty && !pairs.isEmpty) {
            scope = try collectSources(checker, encoding: enc, decoded: &decoded)
        }
        for path in pairs { pairList += try PairReader.read(contentsOf: URL(fileURLWithPath: path), name: path).pairs }
        if fix, let out = output, let d = decoded.first {
            let bytes = try TextEncoder.encode(checker.fixedSource(d.text), as: d.encoding, bom: d.hadBOM, file: out)
            try AtomicFile.write(bytes, to: out)
        }
        let pairFiles = english == nil ? pairs : [files[0]]
        scope.merge(checker.collect(pairs: pairList, files: pairFiles))
        return checker.resolve(scope)
    }

    /// The Arabic sources observed on `--jobs` threads, one document at a time (a JSONL document's
    /// id is its occurrences' `unit`), the per-document scopes merged: the scope `collect` gives
    /// for all documents at once.
    func collectSources(_ checker: Checker, encoding enc: TextEncoding?, decoded: inout [DecodedText]) throws -> CheckScope {
        let names = files.isEmpty ? ["-"] : files
        let source = DocumentSource(files: names, encoding: enc, format: scale.inputFormat, pieceSize: scale.pieceSize)
        let progress = ProgressLine(total: source.totalBytes, enabled: scale.showsProgress)
        var merger = ScopeMerger()
        var next = 0
        let keep = fix
        var firstDecoded: DecodedText?
        let read: () throws -> InputPiece? = {
            if scale.inputFormat == .jsonl { return try source.next() }
            // Text: each file whole, as one document.
            guard next < names.count else { return nil }
            let name = names[next]
            next += 1
            let d =
                name == "-"
                ? try TextDecoder.decode([UInt8](FileHandle.standardInput.readDataToEndOfFile()), encoding: enc, file: nil)
                : try TextDecoder.decode(contentsOf: URL(fileURLWithPath: name), encoding: enc)
            if keep && firstDecoded == nil { firstDecoded = d }
            return InputPiece(input: name, text: d.text, linesBefore: 0, isFirst: true, bytes: d.text.utf8.count)
        }
        let jsonl = scale.inputFormat == .jsonl
        try OrderedParallelMap.run(
            jobs: scale.workers, next: read,
            transform: { _, piece in
                guard jsonl else {
                    return (checker.collect(documents: [ArabicDocument(name: piece.input, text: piece.text)]), 1, piece.bytes)
                }
                var pieceScopes = ScopeMerger()
                let docs = try DocumentSource.jsonlDocuments(piece)
                for doc in docs {
                    pieceScopes.add(checker.collect(documents: [ArabicDocument(name: piece.input, text: doc.text)]).inUnit(doc.name))
                }
                return (pieceScopes.result() ?? checker.collect(documents: []), docs.count, piece.bytes)
            },
            consume: { (s: CheckScope, documents: Int, bytes: Int) in
                merger.add(s)
                progress.advance(documents: documents, bytes: bytes)
            })
        progress.finish()
        if let firstDecoded { decoded.append(firstDecoded) }
        return merger.result() ?? checker.collect(documents: [])
    }

    func write(_ report: CheckReport) throws {
        let out = try Output(path: fix ? nil : output)
        let fmt = format.flatMap(Format.init(rawValue:)) ?? (out.isTerminal ? .text : .json)
        switch fmt {
        case .json:
            try out.write(CheckReportJSON.write(report))
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
        _ ar: String, _ en: String, arabicFile: String, englishFile: String, glossary: Glossary
    ) throws(AlignmentError) -> [SentencePair] {
        let arSentences = SentenceSegmenter().sentences(in: ar)
        let enSentences = EnglishSentenceSegmenter().sentences(in: en)
        let arLines = Paragraph.split(ar)
        let enLines = Paragraph.split(en)
        let arabic = arSentences.map(\.text)
        // Only the dictionary entries these sentences can look up (as `tarjim align` does).
        let dictionary = try BilingualDictionary.systemFreeDict(keys: BilingualDictionary.lookupKeys(arabic: arabic))
        let aligner = Aligner(glossary: glossary, dictionary: dictionary, lexicon: Lexicon.system())
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
