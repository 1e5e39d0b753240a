import ArgumentParser
import Foundation
import TarjimIO

#if canImport(Glibc)
    import Glibc
#endif

/// Buffered output to standard output or to an atomic file writer.
final class Output {
    private var buffer: [UInt8] = []
    private let file: AtomicFile.Writer?

    init(path: String?) throws(FileIOError) {
        file = try path.map { p throws(FileIOError) in try AtomicFile.Writer(path: p) }
        buffer.reserveCapacity(1 << 16)
    }

    /// Whether output goes to a terminal (for choosing a default format or colour).
    var isTerminal: Bool { file == nil && isatty(STDOUT_FILENO) == 1 }

    func write(_ s: String) throws(FileIOError) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes UTF-8 bytes (for commands that build their output as bytes).
    func write(bytes: some Sequence<UInt8>) throws(FileIOError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes a large block as it is (no copy into the buffer), after what is buffered.
    func write(bytes: [UInt8]) throws(FileIOError) {
        if bytes.count < 1 << 16 {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try flush() }
            return
        }
        try flush()
        try writeOut(bytes)
    }

    func flush() throws(FileIOError) {
        if buffer.isEmpty { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: [UInt8]) throws(FileIOError) {
        if let file {
            try file.append(bytes)
        } else {
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeBytes { p in Glibc.write(STDOUT_FILENO, p.baseAddress! + off, p.count - off) }
                if n < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe (`tarjim ... | head -1`): stop quietly.
                    if errno == EPIPE { exit(0) }
                    throw .cannotWrite(path: "<stdout>", reason: String(cString: strerror(errno)))
                }
                off += n
            }
        }
    }

    /// Flushes and, for a file, renames it into place.
    func finish() throws(FileIOError) {
        try flush()
        try file?.commit()
    }
}

/// Prints an error to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Write failures arrive as errors, not signals: a closed pipe (SIGPIPE) is handled in `flush`, and
/// a file size limit (`ulimit -f`, SIGXFSZ) becomes EFBIG, reported like a full disk, so the
/// temporary file is removed and the old file kept.
func ignoreWriteSignals() {
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
}

/// Runs a command body, turning library errors into a message on stderr and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    ignoreWriteSignals()
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        printError("tarjim: \(error)")
        throw ExitCode(1)
    }
}
