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

    /// The largest `--jobs`: one thread (and its per-thread state) each, so a huge number would
    /// exhaust memory or threads before any work is done.
    static let maxJobs = 1024

    /// The largest `--piece-size`: a piece's buffer is allocated at once.
    static let maxPieceSize = 1 << 30

    /// Checks `--jobs` against 1...`maxJobs`.
    static func validate(jobs: Int?) throws {
        if let jobs, !(1...maxJobs).contains(jobs) { throw ValidationError("--jobs must be between 1 and \(maxJobs)") }
    }

    func validate() throws {
        try Self.validate(jobs: jobs)
        if !(1...Self.maxPieceSize).contains(pieceSize) {
            throw ValidationError("--piece-size must be between 1 and \(Self.maxPieceSize)")
        }
        if progress && noProgress { throw ValidationError("--progress and --no-progress exclude each other") }
    }

    /// The number of worker threads.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Whether to show progress on standard error.
    var showsProgress: Bool { progress || (!noProgress && isatty(STDERR_FILENO) == 1) }
}
