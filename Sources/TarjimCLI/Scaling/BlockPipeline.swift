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
        try run(input, jobs: jobs, to: out, pieceSize: pieceSize, checkingUTF8: false) { worker, piece, bytes in
            bytes.reserveCapacity(piece.count + piece.count / 4)
            transform(worker, piece, &bytes)
            return true
        }
    }

    /// - Parameter transform: writes the output of one piece's UTF-8 into an empty array, checking
    ///   it when `checkingUTF8`: false when the bytes are not valid UTF-8 without NUL. The pieces
    ///   after an input's first then come unchecked (the check of the reader is left to
    ///   `transform`); a piece that fails is reported as the reader reports a bad byte.
    static func run(
        _ input: InputOptions, jobs: Int, to out: Output, pieceSize: Int = 1 << 20, checkingUTF8: Bool,
        transform: @escaping @Sendable (_ worker: Int, UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Bool
    ) throws {
        reuseLargeBuffers()
        let source = DocumentSource(
            files: input.files, encoding: input.encoding.flatMap(TextEncoding.init(name:)), format: .text, pieceSize: pieceSize)
        try OrderedParallelMap.run(
            jobs: jobs, next: { try source.nextUTF8(checking: !checkingUTF8) },
            transform: { worker, next in
                let piece = next.piece
                var bytes: [UInt8] = []
                if piece.bytes.withUnsafeBufferPointer({ transform(worker, $0, &bytes) }) { return bytes }
                let file = next.input == "-" ? nil : next.input
                // Never nil: the transform's check and the reader's agree (FastPathTests).
                throw ChunkedTextReader.error(inUnchecked: piece, file: file)
                    ?? ArabicTextError.invalidBytes(file: file, encoding: .utf8, byteOffset: piece.byteOffset, detail: "not valid UTF-8")
            },
            consume: { try out.write(bytes: $0) })
    }
}

/// `--jobs` of the block-by-block commands.
struct JobsOptions: ParsableArguments {
    @Option(help: "Blocks of about 1 MB processed in parallel (default: the number of cores). Output identical to --jobs 1.")
    var jobs: Int?

    func validate() throws { try ScaleOptions.validate(jobs: jobs) }

    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}
