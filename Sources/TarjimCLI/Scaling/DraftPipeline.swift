import ArabicText
import Drafting
import Foundation
import TarjimFormats
import TarjimIO

/// `tarjim draft`'s read -> draft -> write loop: input pieces drafted on `jobs` threads, results
/// written in input order as they come (jsonl, tsv, text) or gathered for one page at the end
/// (xliff, xliff12, html).
///
/// A piece of a large text document is drafted as its own scope (fuzzy names supported and
/// proclitics split on evidence from that piece); a document shorter than a piece (256 KB) is one
/// piece, drafted exactly as a whole. Paragraph and sentence numbers always count from the start
/// of the document.
struct DraftPipeline {
    typealias Format = DraftCommand.Format

    let drafters: [Drafter]
    let format: Format
    let terminal: DraftTerminal
    let inputFormat: ScaleOptions.InputFormat
    let wantsCorrectedSource: Bool
    /// Sentences go to the main thread unrendered (machine translation, whole-file formats).
    var rendersInWorkers: Bool { engineless && !format.isWholeFile }
    let engineless: Bool

    /// One drafted document (or piece of one).
    struct Drafted: Sendable {
        /// The document's name (the input, or the JSONL id as text).
        var name: String
        var idJSON: String?
        var sentences: [DraftSentence]
        /// The output, when it could be rendered in the worker.
        var rendered: [UInt8]?
    }

    struct Result: Sendable {
        let piece: InputPiece
        var documents: [Drafted]
        var correctedSource: String?
    }

    /// Drafts a piece (runs on a worker thread).
    func draft(_ piece: InputPiece, worker: Int) throws -> Result {
        let drafter = drafters[worker % drafters.count]
        switch inputFormat {
        case .jsonl:
            let docs = try DocumentSource.jsonlDocuments(piece).map { doc in
                var d = Drafted(name: doc.name, idJSON: doc.idJSON, sentences: drafter.draft(document: doc.text, name: doc.name))
                if rendersInWorkers { d.rendered = render(d) }
                return d
            }
            return Result(piece: piece, documents: docs)
        case .text:
            var sentences = drafter.draft(document: piece.text, name: piece.input)
            // In place: a copy of each sentence would retain and release every string it holds.
            if piece.linesBefore != 0 {
                for i in sentences.indices { sentences[i].shift(lines: piece.linesBefore, sentences: 0) }
            }
            var d = Drafted(name: piece.input, idJSON: nil, sentences: sentences)
            // Sentence numbers after the first piece depend on the pieces before: rendered in order.
            if rendersInWorkers && piece.isFirst { d.rendered = render(d) }
            return Result(piece: piece, documents: [d], correctedSource: wantsCorrectedSource ? drafter.correctedSource(piece.text) : nil)
        }
    }

    /// The output of a drafted document, as UTF-8.
    func render(_ d: Drafted) -> [UInt8] {
        var out: [UInt8] = []
        render(d, into: &out)
        return out
    }

    /// Appends the output of a drafted document to `out`. The main thread renders every piece of a
    /// text document after the first into one buffer, emptied after each write: a new buffer of a
    /// few MB for each piece came from fresh pages (glibc maps blocks over 128 KB, see
    /// `keepLargeBuffersOutOfTheHeap`), and faulting them in was about 6% of `draft`'s time.
    func render(_ d: Drafted, into out: inout [UInt8]) {
        if format == .jsonl {
            // A JSON line is about five times its source (source, draft, terms): room for the
            // document's lines at once, not grown (and copied) by doubling.
            var source = 0
            for i in d.sentences.indices { source += d.sentences[i].source.utf8.count }
            out.reserveCapacity(out.count + 6 * source + 256 * d.sentences.count)
        }
        // By index: a sentence taken out of the array would be copied (retaining each of its strings).
        for i in d.sentences.indices {
            let s = d.sentences[i]
            switch format {
            case .jsonl: DraftJSONL.append(s, id: d.idJSON, to: &out)
            case .tsv: out += ((inputFormat == .jsonl ? TSVField.escape(s.doc) + "\t" : "") + DraftTSV.line(s)).utf8
            case .text: out += terminal.render(s).utf8
            case .xliff, .xliff12, .html: break
            }
        }
    }
}

extension DraftCommand.Format {
    /// Written once every document is drafted.
    var isWholeFile: Bool { self == .xliff || self == .xliff12 || self == .html }
}
