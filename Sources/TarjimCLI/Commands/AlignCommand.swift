import Alignment
import ArabicText
import ArgumentParser
import Foundation
import Glossary
import TarjimFormats

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Pair the sentences of an Arabic document with those of its English translation.",
        discussion: """
            Both documents are split into sentences (with --segmented: one segment per line, blank \
            lines being empty segments that keep the numbering), then aligned into beads of 0-3 \
            segments a side by sentence length, numbers, Latin tokens, glossary terms, names and \
            dictionary words. Formats: jsonl (one object per bead: {"ar": [1-based segment numbers], \
            "en": [...], "ar_text", "en_text", "score"}, every segment exactly once, in order), tsv \
            (ar_text, en_text, score), tmx (TMX 1.4b translation memory) and text (side by side). \
            --min-score keeps only beads with both sides and at least that score in tsv and tmx.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, jsonl, tmx, text }
    enum BidiMode: String, ExpressibleByArgument, CaseIterable { case logical, visual }

    @Argument(help: "The Arabic document.")
    var arabicFile: String

    @Argument(help: "The English document.")
    var englishFile: String

    @Flag(help: "Each input line is one segment (blank lines are empty segments); no sentence splitting.")
    var segmented = false

    @Option(name: [.customShort("g"), .customLong("glossary")], help: "Add a glossary file (TSV) for term anchors. Repeatable.")
    var glossaries: [String] = []

    @Flag(help: "Do not load the glossaries shipped with Tarjim.")
    var noDefaultGlossaries = false

    @Option(
        help:
            "Bilingual dictionary: auto (Debian's dict-freedict-ara-eng when installed), none, or a file (hunalign 'english @ arabic' lines, or a dictd .index)."
    )
    var dictionary: String = "auto"

    @Option(help: "Output format: tsv, jsonl, tmx, text. Default: text on a terminal, tsv otherwise.")
    var format: Format?

    @Option(help: "tsv and tmx: keep only beads with both sides and at least this score (0-1).")
    var minScore: Double?

    @Option(help: "Force the encoding of both inputs: utf-8, utf-16le, utf-16be, windows-1256 (cp1256), iso-8859-6.")
    var encoding: String?

    @Option(help: "Text format: logical order (terminals with bidi) or visual (reordered for terminals without bidi).")
    var bidi: BidiMode = .logical

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let s = minScore, !(0...1).contains(s) { throw ValidationError("--min-score must be between 0 and 1") }
        if format == .tmx { _ = try Self.sourceDateEpoch(ProcessInfo.processInfo.environment) }
        if let e = encoding, TextEncoding(name: e) == nil {
            throw ValidationError("unknown encoding '\(e)'; use utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6")
        }
    }

    func run() throws {
        try reportingErrors {
            let enc = encoding.flatMap(TextEncoding.init(name:))
            let arText = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: arabicFile), encoding: enc).text
            let enText = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: englishFile), encoding: enc).text
            let segmentation: Segmentation = segmented ? .lines : .sentences
            let arabic = segmentation.segments(of: arText, language: .arabic)
            let english = segmentation.segments(of: enText, language: .english)
            let glossary = try Glossary.load(files: glossaries.map { URL(fileURLWithPath: $0) }, includeDefaults: !noDefaultGlossaries)
            let aligner = Aligner(glossary: glossary, dictionary: try loadDictionary(for: arabic))
            let alignment = aligner.align(arabic: arabic, english: english)
            let out = try Output(path: outputOptions.output)
            try write(alignment, arabic, english, to: out)
            try out.finish()
        }
    }

    /// The dictionary, with only the entries the Arabic segments can look up.
    private func loadDictionary(for arabic: [String]) throws(AlignmentError) -> BilingualDictionary? {
        if dictionary == "none" { return nil }
        let keys = BilingualDictionary.lookupKeys(arabic: arabic)
        if dictionary == "auto" { return try BilingualDictionary.systemFreeDict(keys: keys) }
        return try BilingualDictionary(contentsOf: URL(fileURLWithPath: dictionary), keys: keys)
    }

    private func write(_ alignment: SentenceAlignment, _ arabic: [String], _ english: [String], to out: Output) throws {
        let fmt = format ?? (out.isTerminal ? .text : .tsv)
        func kept(_ b: Bead) -> Bool {
            guard let min = minScore else { return true }
            return b.score >= min && !AlignmentOutput.text(of: arabic, b.arabic).isEmpty
                && !AlignmentOutput.text(of: english, b.english).isEmpty
        }
        switch fmt {
        case .jsonl:
            for b in alignment.beads { try out.write(AlignmentOutput.jsonl(b, arabic: arabic, english: english)) }
        case .tsv:
            for b in alignment.beads where kept(b) { try out.write(AlignmentOutput.tsv(b, arabic: arabic, english: english)) }
        case .text:
            let width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } ?? 100
            for b in alignment.beads {
                try out.write(AlignmentOutput.sideBySide(b, arabic: arabic, english: english, width: width, visualBidi: bidi == .visual))
            }
        case .tmx:
            // SOURCE_DATE_EPOCH (reproducible builds' convention) fixes the creation date.
            let date = try Self.sourceDateEpoch(ProcessInfo.processInfo.environment) ?? Date()
            let tmx = AlignmentTMX(creationToolVersion: TarjimVersion.current, creationDate: date, minimumScore: minScore)
            try out.write(try tmx.document(alignment, arabic: arabic, english: english))
        }
    }

    /// SOURCE_DATE_EPOCH, the reproducible-builds date (whole seconds since 1970), when set and not
    /// empty; a malformed value or one past the four-digit years of TMX is an error, as the
    /// convention asks.
    static func sourceDateEpoch(_ environment: [String: String]) throws(ValidationError) -> Date? {
        guard let raw = environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return nil }
        guard let n = Int(raw), n >= 0, Double(n) <= AlignmentTMX.latestDate else {
            throw ValidationError(
                "SOURCE_DATE_EPOCH '\(raw)' must be a whole number of seconds since 1970, from 0 to \(Int(AlignmentTMX.latestDate)) (9999-12-31)"
            )
        }
        return Date(timeIntervalSince1970: Double(n))
    }
}
