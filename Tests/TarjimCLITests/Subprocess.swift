import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, its standard streams on files or a pipe, so a test can
/// kill it at a chosen moment, stop waiting after a wall-clock limit (a hang fails instead of blocking
/// the suite) and read the child's own peak resident memory from `wait4`.
final class Subprocess {
    struct Outcome {
        /// The exit code, or nil when the process was ended by a signal.
        let exitCode: Int32?
        /// The signal that ended the process, if one did.
        let signal: Int32?
        /// Whether the wall-clock limit was reached (the process was then killed).
        let timedOut: Bool
        /// The child's peak resident set size in bytes (`ru_maxrss` of this child alone).
        let peakRSS: Int
        let seconds: Double

        var peakMB: Int { peakRSS >> 20 }
    }

    let pid: pid_t
    private let start = Date()

    /// Starts `executable` with `arguments`. `stdin`/`stdout`/`stderr` are file paths (nil: /dev/null);
    /// `stdoutFD` overrides `stdout` with an open descriptor (a pipe's write end, close-on-exec).
    init(
        _ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String? = nil, stderr: String? = nil,
        stdoutFD: Int32? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        if let fd = stdoutFD {
            posix_spawn_file_actions_adddup2(&actions, fd, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        if rc != 0 { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        self.pid = pid
    }

    /// Waits for the process to end, killing it with SIGKILL once `limit` seconds have passed.
    func wait(limit: Double) -> Outcome {
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if !timedOut && Date().timeIntervalSince(start) > limit {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(20_000)
        }
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return Outcome(
            exitCode: signaled ? nil : (status >> 8) & 0xFF, signal: signaled ? status & 0x7F : nil, timedOut: timedOut,
            peakRSS: Int(usage.ru_maxrss) * 1024, seconds: Date().timeIntervalSince(start))
    }

    /// Runs `tarjim` to the end with standard input from `stdin` and standard output to `stdout`.
    static func tarjim(
        _ arguments: [String], stdin: String? = nil, stdout: String? = nil, stderr: String? = nil, limit: Double
    ) throws -> Outcome {
        try Subprocess(CLI.executable.path, arguments, stdin: stdin, stdout: stdout, stderr: stderr).wait(limit: limit)
    }
}

extension FileManager {
    /// Writes a big file by repeating `chunk` until `size` bytes (the last copy cut at a character
    /// boundary the caller chose by making `size` a multiple of the chunk), without holding it in memory.
    static func writeRepeating(_ chunk: [UInt8], count: Int, to path: String, prefix: [UInt8] = [], suffix: [UInt8] = []) throws {
        guard let f = fopen(path, "wb") else { throw POSIXError(.EIO) }
        defer { fclose(f) }
        _ = prefix.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        // Write in blocks of many chunks.
        let perBlock = max(1, (1 << 20) / max(chunk.count, 1))
        let block = Array([[UInt8]](repeating: chunk, count: perBlock).joined())
        var left = count
        while left > 0 {
            let n = min(left, perBlock)
            _ = block.withUnsafeBytes { fwrite($0.baseAddress, 1, n * chunk.count, f) }
            left -= n
        }
        _ = suffix.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }
}
