import ArabicText
import ArgumentParser

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the display text (NFC) or, with --key, the matching key of the input.",
        discussion: """
            The matching key folds what readers treat as the same: NFKC (presentation forms to base \
            letters), no harakat or tatweel, أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Arabic-Indic and Persian digits \
            -> 0-9, ، ؛ ؟ -> , ; ?, and no bidi or other invisible format characters.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var bidiOptions: BidiOptions
    @OptionGroup var jobsOptions: JobsOptions

    @Flag(help: "Print the matching key instead of the display text.")
    var key = false

    func run() throws {
        try reportingErrors {
            let out = try Output(path: outputOptions.output)
            if key && bidiOptions.bidi == .logical {
                // In pieces of about 1 MB cut after line feeds (the same output as the whole).
                // The UTF-8 check of the pieces is made by the key's pass over the bytes.
                try BlockPipeline.run(input, jobs: jobsOptions.workers, to: out, checkingUTF8: true) { _, block, bytes in
                    Normalizer.appendKey(validatingUTF8: block, to: &bytes)
                }
            } else {
                for doc in try input.documents() {
                    try out.write(bidiOptions.apply(key ? Normalizer.key(doc.text) : Normalizer.display(doc.text)))
                }
            }
            try out.finish()
        }
    }
}
