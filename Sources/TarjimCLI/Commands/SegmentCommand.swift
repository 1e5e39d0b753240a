import ArabicText
import ArgumentParser
import TarjimFormats

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Arabic text into sentences, one per line.",
        discussion: """
            Every input line is a paragraph. With --format jsonl each sentence is an object: \
            {"doc", "para" (1-based line), "index" (1-based in the document), "start", "end" (Unicode \
            scalar offsets into the document), "text"}.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var bidiOptions: BidiOptions
    @OptionGroup var jobsOptions: JobsOptions

    @Option(help: "Output format: text (one sentence per line) or jsonl.")
    var format: Format = .text

    func run() throws {
        try reportingErrors {
            let out = try Output(path: outputOptions.output)
            let jobs = jobsOptions.workers
            if format == .text && bidiOptions.bidi == .logical {
                // Pieces of about 1 MB cut after line feeds (a sentence never crosses a line), each
                // worker with its own segmenter.
                let segmenters = (0..<max(1, jobs)).map { _ in SentenceSegmenter() }
                try BlockPipeline.run(input, jobs: jobs, to: out) { worker, block, bytes in
                    Self.appendText(block, segmenters[worker % segmenters.count], to: &bytes)
                }
            } else {
                let segmenter = SentenceSegmenter()
                for doc in try input.documents() {
                    for s in segmenter.sentences(in: doc.text) {
                        switch format {
                        case .text:
                            try out.write(bidiOptions.apply(s.text) + "\n")
                        case .jsonl:
                            var line = "{\"doc\":"
                            JSONText.appendString(doc.name, to: &line)
                            line += ",\"para\":\(s.paragraph),\"index\":\(s.index),"
                            line += "\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound),\"text\":"
                            JSONText.appendString(s.text, to: &line)
                            line += "}\n"
                            try out.write(line)
                        }
                    }
                }
            }
            try out.finish()
        }
    }

    /// One sentence a line, appended as bytes from valid UTF-8.
    static func appendText(_ b: UnsafeBufferPointer<UInt8>, _ segmenter: SentenceSegmenter, to out: inout [UInt8]) {
        segmenter.forEachSentence(utf8: b) { s in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[s.bytes]))
            out.append(0x0A)
        }
    }
}
