import ArgumentParser
import Foundation

/// How documents are read and spread over cores: `--jobs`, `--input-format`, progress.
struct ScaleOptions: ParsableArguments {
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Option(help: "Documents processed in parallel (default: the number of cores). Output keeps input order, identical to --jobs 1.")
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "text: each FILE is a document; jsonl: one document per line, {\"id\": string or number, \"text\": string}, results carry the id.",
            valueName: "FORMAT"))
    var inputFormat: InputFormat = .text

    @Flag(help: "Show a progress line on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Never show the progress line (shown by default when standard error is a terminal).")
    var noProgress = false

    /// Text input is read in pieces of about this many bytes, cut at line ends (for tests).
    @Option(help: .hidden)
    var pieceSize: Int = 1 << 18

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if pieceSize < 1 { throw ValidationError("--piece-size must be at least 1") }
        if progress && noProgress { throw ValidationError("--progress and --no-progress exclude each other") }
    }

    /// The number of worker threads.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Whether to show progress on standard error.
    var showsProgress: Bool { progress || (!noProgress && isatty(STDERR_FILENO) == 1) }
}
