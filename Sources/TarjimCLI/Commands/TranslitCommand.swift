import ArabicText
import ArgumentParser

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Romanize the Arabic words of the input (for names), or print their phonetic keys.",
        discussion: """
            Uses Tarjim's own ICU rule set (unvowelled Arabic to English-style Latin: بوتين -> Butin). \
            With --key each Arabic word is replaced by its phonetic name key (بلينجن and بلينكن -> BLNKN).
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var bidiOptions: BidiOptions
    @OptionGroup var jobsOptions: JobsOptions

    @Flag(help: "Print phonetic name keys instead of romanizations.")
    var key = false

    func run() throws {
        try reportingErrors {
            let out = try Output(path: outputOptions.output)
            let translit = key ? nil : try NameTransliterator()
            if let translit, bidiOptions.bidi == .logical {
                // In pieces of about 1 MB cut after line feeds (the same output as the whole), each
                // worker with its own transliterator (and word cache).
                let jobs = jobsOptions.workers
                let workers = [translit] + (try (1..<max(1, jobs)).map { _ in try NameTransliterator() })
                try BlockPipeline.run(input, jobs: jobs, to: out) { worker, block, bytes in
                    workers[worker % workers.count].appendTransliteration(utf8: block, to: &bytes)
                }
            } else {
                for doc in try input.documents() {
                    try out.write(bidiOptions.apply(translit?.transliterate(text: doc.text) ?? PhoneticKey.keyText(doc.text)))
                }
            }
            try out.finish()
        }
    }
}
