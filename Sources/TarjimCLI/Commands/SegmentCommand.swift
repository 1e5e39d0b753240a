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

    @Option(help: "Output format: text (one sentence per line) or jsonl.")
    var format: Format = .text

    func run() throws {
        try reportingErrors {
            let out = try Output(path: outputOptions.output)
            let segmenter = SentenceSegmenter()
            for doc in try input.documents() {
                for s in segmenter.sentences(in: doc.text) {
                    switch format {
                    case .text:
                        try out.write(bidiOptions.apply(s.text) + "\n")
                    case .jsonl:
                        var line = "{\"doc\":"
                        JSONText.appendString(doc.name, to: &line)
                        line += ",\"para\":\(s.paragraph),\"index\":\(s.index),\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound),\"text\":"
                        JSONText.appendString(s.text, to: &line)
                        line += "}\n"
                        try out.write(line)
                    }
                }
            }
            try out.finish()
        }
    }
}
