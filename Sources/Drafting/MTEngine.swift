import Foundation

/// A machine translation engine run as a subprocess with a line protocol: Tarjim writes one Arabic
/// sentence per line to its standard input and reads one English line per sentence from its
/// standard output. The engine is started once and reused; a dead or silent engine is an error,
/// never a hang.
///
/// ```swift
/// let mt = try MTEngine(command: "python3 my_argos_wrapper.py", timeout: 30)
/// let english = try mt.translate(["قال الوزير إن المحادثات مستمرة."])
/// ```
public final class MTEngine: @unchecked Sendable {
    public let command: String
    public let timeout: Double
    private let pid: pid_t
    private let stdinFD: Int32
    private let queue = LineQueue()
    private var outputLine = 0

    /// Starts `/bin/sh -c command` in its own process group (so that everything it starts can be
    /// stopped together). Its standard error passes through to ours.
    public init(command: String, timeout: Double) throws(DraftError) {
        self.command = command
        self.timeout = timeout
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw .engineFailedToStart(command: command, reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var child: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { for p in argv { free(p) } }
        let rc = posix_spawn(&child, "/bin/sh", &actions, &attr, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw .engineFailedToStart(command: command, reason: String(cString: strerror(rc)))
        }
        pid = child
        stdinFD = toChild[1]
        _ = fcntl(stdinFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)
        let readFD = fromChild[0]
        let queue = self.queue
        Thread {
            var buf = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buf.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    queue.append(Data())
                    close(readFD)
                    return
                }
                queue.append(Data(buf[0..<n]))
            }
        }.start()
    }

    deinit {
        close(stdinFD)
        // Stop the engine and everything it started, then reap it.
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Waits for the engine to exit and returns its exit status (128 + signal when killed).
    private func exitStatus() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// Translates sentences (each must be one line). Returns one English line per sentence.
    public func translate(_ sentences: [String]) throws(DraftError) -> [String] {
        if sentences.isEmpty { return [] }
        var payload = Data()
        for s in sentences {
            // A sentence never holds a line break (paragraphs are lines), but be safe: byte by byte
            // (Foundation's replacingOccurrences would miss a line feed before a combining mark).
            payload.append(contentsOf: s.utf8.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            payload.append(0x0A)
        }
        let writeFailed = Flag()
        // Write from another thread: the engine may answer before it has read everything.
        let done = DispatchSemaphore(value: 0)
        let bytes = [UInt8](payload)
        // The writer's own descriptor: after a timeout the engine (and `stdinFD`) may be closed
        // while the writer still runs, and a number closed and reused by another pipe got its bytes.
        let fd = fcntl(stdinFD, F_DUPFD_CLOEXEC, 0)
        Thread {
            // An engine gone before it read everything (exited, or killed after a timeout) must be
            // an EPIPE here, not a SIGPIPE that ends the process (only the CLI ignores SIGPIPE).
            // The signal goes to the thread that writes: blocked in this one, it is dropped with it.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            defer { close(fd) }
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    writeFailed.set()
                    break
                }
                off += n
            }
            done.signal()
        }.start()
        var result: [String] = []
        for k in 0..<sentences.count {
            let got: String?
            switch queue.next(timeout: timeout) {
            case .line(let l): got = l
            case .end:
                throw .engineExited(command: command, status: exitStatus(), answered: result.count, expected: sentences.count)
            case .timedOut:
                kill(-pid, SIGTERM)
                throw .engineTimedOut(command: command, seconds: timeout, sentence: k + 1)
            }
            outputLine += 1
            guard let line = got else { throw .engineOutputNotUTF8(command: command, line: outputLine) }
            result.append(line)
        }
        done.wait()
        if writeFailed.isSet {
            throw .engineExited(command: command, status: exitStatus(), answered: result.count, expected: sentences.count)
        }
        return result
    }
}

/// Lines read from the engine, handed from the reader thread to the caller.
private final class LineQueue: @unchecked Sendable {
    enum Next {
        case line(String?)
        case end, timedOut
    }
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var lines: [String?] = []
    private var eof = false

    func append(_ data: Data) {
        condition.lock()
        defer { condition.unlock() }
        if data.isEmpty {
            if !buffer.isEmpty { lines.append(Self.decode(buffer)) }
            buffer.removeAll()
            eof = true
        } else {
            buffer.append(contentsOf: data)
            while let nl = buffer.firstIndex(of: 0x0A) {
                lines.append(Self.decode(Array(buffer[..<nl])))
                buffer.removeSubrange(...nl)
            }
        }
        condition.broadcast()
    }

    static func decode(_ bytes: [UInt8]) -> String? {
        var b = bytes
        if b.last == 0x0D { b.removeLast() }
        return String(validating: b, as: UTF8.self)
    }

    /// A deadline beyond about 2262 (nanoseconds since 1970 past `Int64.max`) traps in
    /// `NSCondition.wait(until:)`: a longer timeout (`.infinity`) waits ten years, for ever.
    static let longestWait: Double = 10 * 365 * 86_400

    func next(timeout: Double) -> Next {
        let wait = timeout.isNaN ? 0 : min(max(timeout, 0), Self.longestWait)
        let deadline = Date(timeIntervalSinceNow: wait)
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty && !eof {
            if !condition.wait(until: deadline) { return lines.isEmpty ? .timedOut : .line(lines.removeFirst()) }
        }
        if !lines.isEmpty { return .line(lines.removeFirst()) }
        return .end
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
