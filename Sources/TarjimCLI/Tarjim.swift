import ArgumentParser

@main
struct Tarjim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarjim",
        abstract: "Arabic-to-English translation assist: normalize, segment, transliterate.",
        version: TarjimVersion.current,
        subcommands: [
            DraftCommand.self, NormalizeCommand.self, SegmentCommand.self, TranslitCommand.self, GlossaryCommand.self, AlignCommand.self,
            CheckCommand.self,
        ]
    )
}

enum TarjimVersion {
    static let current = "0.1.0"
}
