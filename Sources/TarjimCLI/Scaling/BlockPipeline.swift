import ArabicText
import ArgumentParser
import Foundation
import TarjimIO

/// `--jobs` for the commands that work block by block on whole documents (`normalize --key`,
/// `translit`): each document's blocks (about 1 MB, cut before line feeds) go to `jobs` threads
/// and the results are written in input order, the same bytes as one thread.
enum BlockPipeline {
    /// - Parameter transform: appends the output of one block (called on a worker thread, with the
    ///   worker's number).
    static func run(
        _ docs: [(name: String, decoded: DecodedBytes)], jobs: Int, to out: Output,
        transform: @escaping @Sendable (_ worker: Int, UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void
    ) throws {
        for doc in docs {
            let decoded = doc.decoded
            var blocks = decoded.blockRanges().makeIterator()
            try OrderedParallelMap.run(
                jobs: jobs, next: { blocks.next() },
                transform: { worker, range in
                    var bytes: [UInt8] = []
                    decoded.withUTF8 { transform(worker, UnsafeBufferPointer(rebasing: $0[range]), &bytes) }
                    return bytes
                },
                consume: { try out.write(bytes: $0) })
        }
    }
}

/// `--jobs` of the block-by-block commands.
struct JobsOptions: ParsableArguments {
    @Option(help: "Blocks of about 1 MB processed in parallel (default: the number of cores). Output identical to --jobs 1.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
