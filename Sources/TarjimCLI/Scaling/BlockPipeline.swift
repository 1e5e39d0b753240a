import ArabicText
import ArgumentParser
import Foundation
import TarjimIO

/// `--jobs` for the commands that work piece by piece on the bytes of whole lines (`normalize
/// --key`, `translit`, `segment`): the inputs are read in pieces of about 1 MB cut after line feeds
/// (`ChunkedTextReader`, so memory stays bounded however large an input is), the pieces go to
/// `jobs` threads and the results are written in input order, the same bytes as one thread.
enum BlockPipeline {
    /// - Parameter transform: appends the output of one piece's valid UTF-8 (called on a worker
    ///   thread, with the worker's number).
    static func run(
        _ input: InputOptions, jobs: Int, to out: Output, pieceSize: Int = 1 << 20,
        transform: @escaping @Sendable (_ worker: Int, UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void
    ) throws {
        reuseLargeBuffers()
        let source = DocumentSource(
            files: input.files, encoding: input.encoding.flatMap(TextEncoding.init(name:)), format: .text, pieceSize: pieceSize)
        try OrderedParallelMap.run(
            jobs: jobs, next: { try source.nextUTF8()?.piece },
            transform: { worker, piece in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(piece.bytes.count + piece.bytes.count / 4)
                piece.bytes.withUnsafeBufferPointer { transform(worker, $0, &bytes) }
                return bytes
            },
            consume: { try out.write(bytes: $0) })
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
