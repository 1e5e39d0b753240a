import ArabicText
import Checks
import Drafting
import Foundation
import Glossary
import TarjimFormats

/// `tarjim-bench pipeline DIR STAGE [--mb N] [--runs R]`: one command's library pipeline over the
/// files `tarjim-bench corpus` wrote to DIR, as the CLI runs it (documents of 1,000 lines), without
/// file reading and writing. Prints one line: stage, MB of input, median MB/s over the runs (of CPU
/// time: the shared machine's load does not count), peak RSS. One stage per process, so the peak RSS
/// is that stage's.
enum PipelineBench {
    enum Stage: String, CaseIterable {
        case draft
        case match100 = "match-100"
        case match1k = "match-1k"
        case match100k = "match-100k"
        case match100kFill = "match-100k-fill"
        case compile100k = "compile-100k"
        case segment
        case normalizeKey = "normalize-key"
        case normalize, translit, check
    }

    static func run(directory: String, stage name: String, megabytes: Double, runs: Int) throws {
        guard let stage = Stage(rawValue: name) else {
            throw BenchError.usage("unknown stage \(name); one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let dir = URL(fileURLWithPath: directory)
        let text = try prefix(of: dir.appendingPathComponent("corpus.ar.txt"), megabytes: megabytes)
        let docs = documents(text, lines: 1_000)
        let mb = Double(text.utf8.count) / 1e6
        let label = stage.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
        func glossary(_ file: String) throws -> Glossary { try Glossary(contentsOf: dir.appendingPathComponent(file)) }
        var work = 0
        let seconds: Double
        /// A stage that turns each document's UTF-8 into output bytes.
        func bytesStage(_ body: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void) -> Double {
            var out: [UInt8] = []
            return Measure.medianCPU(runs: runs) {
                for var d in docs {
                    out.removeAll(keepingCapacity: true)
                    d.withUTF8 { body($0, &out) }
                    work &+= out.count
                }
            }
        }
        switch stage {
        case .draft:
            let drafter = try Drafter(glossary: try glossary("glossary-100k.tsv"), fuzzy: true)
            seconds = Measure.medianCPU(runs: runs) {
                // Rendered to bytes, as the command writes it (one buffer per document).
                var out: [UInt8] = []
                for (n, d) in docs.enumerated() {
                    out.removeAll(keepingCapacity: true)
                    for s in drafter.draft(document: d, name: "doc\(n)") { DraftJSONL.append(s, to: &out) }
                    work &+= out.count
                }
            }
        case .match100, .match1k, .match100k, .match100kFill:
            let file = "glossary-" + stage.rawValue.dropFirst("match-".count) + ".tsv"
            let matcher = TermMatcher(glossary: try glossary(file), options: .init(fuzzy: false))
            let sentences = docs.map { SentenceSegmenter().sentences(in: $0).map { Array($0.text.unicodeScalars) } }
            seconds = Measure.medianCPU(runs: runs) {
                for d in sentences { for m in matcher.matches(inScopeScalars: d) { work &+= m.count } }
            }
        case .compile100k:
            let g = try glossary("glossary-100k.tsv")
            let tsv = try String(contentsOf: dir.appendingPathComponent("glossary-100k.tsv"), encoding: .utf8)
            let load = try Measure.medianCPU(runs: runs) { work &+= try Glossary(tsv: tsv).entries.count }
            let compile = Measure.medianCPU(runs: runs) {
                work &+= TermMatcher(glossary: g, options: .init(fuzzy: false)).glossary.entries.count
            }
            // What draft and check compile: the trie and the garbled-name index.
            let withFuzzy = Measure.medianCPU(runs: runs) {
                work &+= TermMatcher(glossary: g, options: .init(fuzzy: true)).glossary.entries.count
            }
            print(
                label
                    + String(
                        format: " load %.0f ms, compile %.0f ms (%.0f ms with the garbled-name index), peak RSS %.0f MB", load * 1000,
                        compile * 1000, withFuzzy * 1000, Measure.peakRSSMegabytes))
            return
        case .segment:
            let segmenter = SentenceSegmenter()
            // What `tarjim segment` calls: sentence spans over the document's bytes, no String each.
            seconds = Measure.medianCPU(runs: runs) {
                for var d in docs { d.withUTF8 { b in segmenter.forEachSentence(utf8: b) { _ in work &+= 1 } } }
            }
        case .normalizeKey:
            // What `tarjim normalize --key` calls: the key as bytes, no String, checking the UTF-8.
            seconds = bytesStage { _ = Normalizer.appendKey(validatingUTF8: $0, to: &$1) }
        case .normalize:
            seconds = Measure.medianCPU(runs: runs) { for d in docs { work &+= Normalizer.display(d).utf8.count } }
        case .translit:
            let t = try NameTransliterator()
            // What `tarjim translit` calls: the romanized text as bytes, no String.
            seconds = bytesStage { t.appendTransliteration(utf8: $0, to: &$1) }
        case .check:
            let checker = Checker(
                glossary: try glossary("glossary-100k.tsv"), lexicon: Lexicon.system(), transliterator: try NameTransliterator())
            // Names that sort in input order (doc0000, doc0001, ...), as the pieces of one file do in
            // the command: with doc10 sorting before doc2, each later document displaced the
            // places kept from earlier ones, work the command does not do.
            let arabic = docs.enumerated().map { ArabicDocument(name: "doc" + String(format: "%04d", $0.offset), text: $0.element) }
            seconds = Measure.medianCPU(runs: runs) { work &+= checker.check(documents: arabic).findings.count }
        }
        print(label + String(format: " %7.1f MB  %8.1f MB/s  peak RSS %5.0f MB  (%d)", mb, mb / seconds, Measure.peakRSSMegabytes, work))
    }

    /// The first `megabytes` MB of a file, cut after a line (only that much is read, so that the
    /// peak RSS is the stage's, not the whole corpus').
    static func prefix(of url: URL, megabytes: Double) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var data = try handle.read(upToCount: Int(min(megabytes, 1e6) * 1_000_000)) ?? Data()
        if let extra = try handle.read(upToCount: 1 << 16), !extra.isEmpty {
            // Finish the line that the limit cut.
            data.append(extra.prefix { $0 != 0x0A })
            data.append(0x0A)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text cut into documents of `lines` lines (each with its final line break).
    static func documents(_ text: String, lines: Int) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { b in
            var start = 0
            var n = 0
            for (k, byte) in b.enumerated() where byte == 0x0A {
                n += 1
                if n == lines {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start...k]), as: UTF8.self))
                    start = k + 1
                    n = 0
                }
            }
            if start < b.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self)) }
        }
        return out
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let m): m
        }
    }
}
