import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every file Tarjim writes is written to a temporary file in the same folder and renamed into place:
/// a kill -9 at any moment, a full disk or an unwritable folder leaves the old file whole.
@Suite struct SafeWriteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func contents(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    static func inode(_ path: String) -> UInt64 {
        var st = stat()
        return stat(path, &st) == 0 ? UInt64(st.st_ino) : 0
    }

    /// A file `in.txt` in `dir` of `count` copies of a line of two sentences.
    static func sentences(in dir: URL, count: Int) throws -> String {
        let path = dir.appendingPathComponent("in.txt").path
        try FileManager.writeRepeating(Array("قال الوزير إن المحادثات مستمرة. وأضاف أن الوفد يصل غدا.\n".utf8), count: count, to: path)
        return path
    }

    /// Files in `dir` other than `expected`, hidden temporary files included.
    static func strays(_ dir: URL, expected: Set<String>) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !expected.contains($0) }.sorted()
    }

    // MARK: every write path uses AtomicFile

    /// No code outside TarjimIO opens a file for writing: every output goes through `AtomicFile`
    /// (the CLI's `Output`, `check --fix`, `draft --corrected-source`, `GlossaryFileEditor`).
    @Test func noSourceWritesAFileExceptThroughAtomicFile() throws {
        let forbidden = [
            ".write(to:", "createFile(", "FileHandle(forWriting", "FileHandle(forUpdating", "fopen(", "O_WRONLY", "O_CREAT", "O_TRUNC",
            "O_APPEND", "OutputStream(", "creat(",
        ]
        let sources = Self.repository.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("TarjimIO/") && !$0.hasPrefix("TarjimBench/") }
        #expect(files.count > 50)
        for f in files {
            let text = try String(contentsOf: sources.appendingPathComponent(f), encoding: .utf8)
            for word in forbidden { #expect(!text.contains(word), "Sources/\(f) uses \(word)") }
        }
    }

    /// Every command that writes a file, onto an existing file: the new content arrives under a new
    /// inode (renamed into place, not rewritten), and no temporary file is left beside it.
    @Test(arguments: [
        ["segment", "IN", "-o", "OUT"],
        ["normalize", "IN", "-o", "OUT"],
        ["translit", "IN", "-o", "OUT"],
        ["draft", "IN", "--format", "tsv", "-o", "OUT"],
        ["draft", "IN", "--corrected-source", "OUT"],
        ["check", "IN", "--format", "json", "-o", "OUT"],
        ["check", "IN", "--fix", "-o", "OUT"],
        ["align", "IN", "EN", "-o", "OUT"],
        ["glossary", "add", "OUT", "نهر", "River"],
        ["glossary", "remove", "OUT", "قلم"],
        ["glossary", "export", "--to", "csv", "GLOSSARY", "-o", "OUT"],
        ["glossary", "import", "--from", "csv", "CSV", "-o", "OUT"],
        ["glossary", "list", "GLOSSARY", "-o", "OUT"],
        ["glossary", "lint", "GLOSSARY", "-o", "OUT"],
        ["glossary", "suggest", "IN", "-o", "OUT"],
    ])
    func everyWriteIsARenameIntoPlace(_ template: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func put(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let names: [String: String] = [
            "IN": try put("in.txt", "قال الوزير إن بلينكن وصل إلى طوكيو. وقال بلنكن إن المحادثات مستمرة.\n"),
            "EN": try put("en.txt", "The minister said Blinken arrived in Tokyo. Blinken said the talks go on.\n"),
            "GLOSSARY": try put("g.tsv", "قلم\tPen\n"),
            "CSV": try put("g.csv", "arabic,english\nقلم,Pen\n"),
        ]
        let old =
            template.contains("glossary") && (template.contains("add") || template.contains("remove")) ? "قلم\tPen\n" : "OLD CONTENT\n"
        let out = try put("out.file", old)
        let before = Self.inode(out)
        let r = try CLI.run(template.map { $0 == "OUT" ? out : names[$0] ?? $0 })
        #expect(r.status == 0 || (template[0] == "check" && r.status == 1), "\(r.stderr)")
        #expect(Self.contents(out) != Array(old.utf8))
        #expect(Self.inode(out) != before, "written in place")
        #expect(Self.strays(dir, expected: ["in.txt", "en.txt", "g.tsv", "g.csv", "out.file", "out.file.lock"]) == [])
    }

    // MARK: kill -9

    @Test func killedMidWriteLeavesTheOldOrTheWholeNewFile() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // About 4 MB of sentences, one a line: `segment` streams its output in 64 KB writes.
        let input = try Self.sentences(in: dir, count: 40_000)
        let reference = dir.appendingPathComponent("reference").path
        let full = try Subprocess.tarjim(["segment", input, "-o", reference], limit: 300)
        try #require(full.exitCode == 0)
        let new = Self.contents(reference)
        let old = Array("the old file\n".utf8)
        let target = dir.appendingPathComponent("out.txt").path

        // Kill at the start, as the temporary file appears, at a quarter and at three quarters of
        // the output, and after the run (a control: then it must be the new file).
        var outcomes: [String] = []
        for moment in [-1, 0, new.count / 4, new.count * 3 / 4, Int.max] {
            try Data(old).write(to: URL(fileURLWithPath: target))
            for s in Self.strays(dir, expected: ["in.txt", "reference", "out.txt"]) {
                try FileManager.default.removeItem(at: dir.appendingPathComponent(s))
            }
            let oldInode = Self.inode(target)
            let p = try Subprocess(CLI.executable.path, ["segment", input, "-o", target])
            if moment != Int.max {
                let deadline = Date().addingTimeInterval(120)
                while moment >= 0 && Date() < deadline && Self.inode(target) == oldInode {
                    let temps = Self.strays(dir, expected: ["in.txt", "reference", "out.txt"])
                    if let t = temps.first, FileManager.size(dir.appendingPathComponent(t).path) >= moment { break }
                    usleep(1000)
                }
                kill(p.pid, SIGKILL)
            }
            let o = p.wait(limit: 300)
            let now = Self.contents(target)
            #expect(now == old || now == new, "moment \(moment): \(now.count) bytes, neither the old file nor the new")
            outcomes.append(now == old ? "old" : "new")
            if o.signal == SIGKILL {
                // A killed writer leaves at most its hidden temporary file, never a second target.
                for s in Self.strays(dir, expected: ["in.txt", "reference", "out.txt"]) { #expect(s.hasPrefix(".out.txt.tmp-"), "\(s)") }
            }
        }
        #expect(outcomes.first == "old")
        #expect(outcomes.last == "new")
    }

    // MARK: full disk, unwritable folder

    @Test func fullDiskOnStandardOutputIsAClearError() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.sentences(in: dir, count: 10_000)
        let err = dir.appendingPathComponent("err").path
        let o = try Subprocess.tarjim(["segment", input], stdout: "/dev/full", stderr: err, limit: 120)
        #expect(o.exitCode == 1)
        #expect(String(decoding: Self.contents(err), as: UTF8.self) == "tarjim: <stdout>: error: cannot write: No space left on device\n")
    }

    /// A file size limit (`ulimit -f`) stands for a full disk: the write fails half way (EFBIG), the
    /// temporary file is removed and the old file is kept.
    @Test(arguments: [["segment", "IN", "-o", "OUT"], ["glossary", "add", "OUT", "نهر", "River"]])
    func writeFailingHalfWayKeepsTheOldFile(_ template: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.sentences(in: dir, count: 20_000)
        let target = dir.appendingPathComponent("out.tsv").path
        // A glossary bigger than the limit, so that adding one line must write past it.
        let old = Array(("# big glossary\n" + (0..<20_000).map { "كلمة\($0)\tword \($0)\n" }.joined()).utf8)
        try Data(old).write(to: URL(fileURLWithPath: target))
        let args = template.map { $0 == "IN" ? input : $0 == "OUT" ? target : $0 }
        let err = dir.appendingPathComponent("err").path
        let quoted = ([CLI.executable.path] + args).map { "'" + $0 + "'" }.joined(separator: " ")
        // 256 blocks of 512 or 1024 bytes: far less than either output.
        let o = try Subprocess("/bin/sh", ["-c", "ulimit -f 256; exec " + quoted], stderr: err).wait(limit: 300)
        let message = String(decoding: Self.contents(err), as: UTF8.self)
        #expect(o.exitCode == 1, "signal \(o.signal.map(String.init) ?? "none"): \(message)")
        #expect(message.contains("\(target): error: cannot write: File too large"), "\(message)")
        #expect(Self.contents(target) == old)
        #expect(Self.strays(dir, expected: ["in.txt", "out.tsv", "out.tsv.lock", "err"]) == [])
    }

    /// A folder nothing may be created in: mode 0555, and immutable when running as root (root
    /// ignores the mode). The old file stays, and the error names it.
    @Test(arguments: [["segment", "IN", "-o", "OUT"], ["glossary", "add", "OUT", "نهر", "River"], ["check", "IN", "--fix", "-o", "OUT"]])
    func unwritableFolderIsAClearErrorAndKeepsTheOldFile(_ template: [String]) throws {
        let dir = try CLI.tempDirectory()
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("in.txt").path
        try Data("قال الوزير إن بلنكن وصل إلى طوكيو.\n".utf8).write(to: URL(fileURLWithPath: input))
        let target = locked.appendingPathComponent("out.tsv").path
        let old = Array("قلم\tPen\n".utf8)
        try Data(old).write(to: URL(fileURLWithPath: target))
        if template[0] == "glossary" {
            // The lock file is created beside the glossary; have it exist already.
            try Data().write(to: URL(fileURLWithPath: target + ".lock"))
        }
        chmod(locked.path, 0o555)
        let root = geteuid() == 0
        if root { _ = try Subprocess("/usr/bin/chattr", ["+i", locked.path]).wait(limit: 30) }
        defer {
            if root { _ = try? Subprocess("/usr/bin/chattr", ["-i", locked.path]).wait(limit: 30) }
            chmod(locked.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        // The folder really refuses new files.
        let probe = open(locked.appendingPathComponent("probe").path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if probe >= 0 { close(probe) }
        try #require(probe < 0, "the folder could not be made unwritable")

        let r = try CLI.run(template.map { $0 == "IN" ? input : $0 == "OUT" ? target : $0 })
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(target): error: cannot write: "), "\(r.stderr)")
        #expect(Self.contents(target) == old)
    }

    @Test func outputBeneathARegularFileIsAClearError() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let r = try CLI.run(["segment", "-o", file + "/out.txt"], stdin: Array("نص.\n".utf8))
        #expect(r.status == 1)
        #expect(r.stderr == "tarjim: \(file)/out.txt: error: cannot write: Not a directory\n")
    }

    // MARK: closed pipe

    /// `tarjim draft big.txt | head -1`: the reader goes away after one line; tarjim stops quietly,
    /// exit 0, nothing on standard error (no crash report, no "Broken pipe").
    @Test(arguments: [["draft", "--format", "tsv"], ["segment"], ["check", "--format", "json"]])
    func closedPipeEndsQuietly(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Far more than a pipe's and the output buffer's 64 KB each.
        let input = try Self.sentences(in: dir, count: 6_000)
        let err = dir.appendingPathComponent("err").path
        var fds: [Int32] = [0, 0]
        // Close-on-exec, so that no other child started meanwhile keeps the read end open.
        try #require(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let p = try Subprocess(CLI.executable.path, command + [input], stderr: err, stdoutFD: fds[1])
        close(fds[1])
        // Read one line, like head -1, then close.
        var byte: UInt8 = 0
        var line: [UInt8] = []
        while read(fds[0], &byte, 1) == 1 && byte != 0x0A { line.append(byte) }
        close(fds[0])
        let o = p.wait(limit: 300)
        #expect(!line.isEmpty)
        #expect(o.exitCode == 0, "signal \(o.signal.map(String.init) ?? "none")")
        #expect(Self.contents(err).isEmpty, "\(String(decoding: Self.contents(err), as: UTF8.self))")
    }
}
