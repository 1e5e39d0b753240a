import Foundation
import Testing

@Suite struct TextCommandsTests {
    @Test func normalizeKeyFoldsPresentationForms() throws {
        let r = try CLI.run(["normalize", "--key"], stdin: Array("\u{FE91}\u{FEB4}\u{FEE2}\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "بسم\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func normalizeWithoutKeyKeepsTheText() throws {
        let text = "مُحَمَّد \u{FEFB} ١٢\n"
        let r = try CLI.run(["normalize"], stdin: Array(text.utf8))
        #expect(r.stdout == text)
    }

    @Test func windows1256FileSegmentsLikeItsUTF8Twin() throws {
        let a = try CLI.run(["segment", CLI.fixture("news.utf8.txt")])
        let b = try CLI.run(["segment", CLI.fixture("news.cp1256.txt")])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 6)
    }

    @Test func segmentJSONLCarriesParagraphIndexAndOffsets() throws {
        let r = try CLI.run(["segment", "--format", "jsonl"], stdin: Array("أولا. ثانيا\nثالثا\n".utf8))
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                #"{"doc":"-","para":1,"index":1,"start":0,"end":5,"text":"أولا."}"#,
                #"{"doc":"-","para":1,"index":2,"start":6,"end":11,"text":"ثانيا"}"#,
                #"{"doc":"-","para":2,"index":3,"start":12,"end":17,"text":"ثالثا"}"#,
            ])
    }

    @Test func invalidUTF8ExitsNonZeroNamingTheByteOffset() throws {
        let dir = try CLI.tempDirectory()
        let file = dir.appendingPathComponent("bad.txt")
        try Data(Array("قال الوزير إن المحادثات ستستمر في الأسبوع المقبل ".utf8) + [0xC3, 0x28] + Array(" وانتهى".utf8)).write(to: file)
        let r = try CLI.run(["segment", file.path])
        #expect(r.status == 1)
        let offset = Array("قال الوزير إن المحادثات ستستمر في الأسبوع المقبل ".utf8).count
        #expect(r.stderr.contains("bad.txt: byte \(offset): error"))
        #expect(r.stdout.isEmpty)
    }

    /// A bad byte after the first ~1 MB piece: the streaming commands stop naming its offset in
    /// the file, and an output file is not written.
    @Test(arguments: [["normalize", "--key"], ["translit"], ["segment"]])
    func invalidUTF8InALaterPieceNamesItsOffsetAndWritesNoFile(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        let file = dir.appendingPathComponent("long.txt")
        let line = Array("قال الوزير إن المحادثات ستستمر في الأسبوع المقبل.\n".utf8)
        let good = Array([[UInt8]](repeating: line, count: 3_000_000 / line.count).joined())
        try Data(good + [0x41, 0xFF, 0x0A]).write(to: file)
        let out = dir.appendingPathComponent("out.txt")
        for jobs in ["1", "2"] {
            let r = try CLI.run(command + ["--jobs", jobs, "-o", out.path, file.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("long.txt: byte \(good.count + 1): error"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["long.txt"])
        }
    }

    @Test func nulByteIsRefused() throws {
        let r = try CLI.run(["normalize"], stdin: [0x41, 0x00, 0x42])
        #expect(r.status == 1)
        #expect(r.stderr.contains("NUL byte"))
    }

    @Test func emptyInputGivesNoOutput() throws {
        for cmd in ["normalize", "segment", "translit"] {
            let r = try CLI.run([cmd])
            #expect(r.status == 0)
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func forcedEncoding() throws {
        let r = try CLI.run(["segment", "--encoding", "cp1256", CLI.fixture("news.cp1256.txt")])
        #expect(r.status == 0)
        let bad = try CLI.run(["segment", "--encoding", "latin9"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown encoding"))
    }

    @Test func translitAndKeys() throws {
        let r = try CLI.run(["translit"], stdin: Array("بوتين ماكرون\n".utf8))
        #expect(r.stdout == "Butin Makrun\n")
        let k = try CLI.run(["translit", "--key"], stdin: Array("بلينجن بلينكين فيدن بايدن\n".utf8))
        #expect(k.stdout == "BLNKN BLNKN BDN BDN\n")
    }

    /// Inputs over 1 MB go through the byte paths in blocks (cut before line feeds) and through the
    /// 1 MB output blocks: the output is the small input's output repeated, for lines that start
    /// with a combining mark, a presentation form or a ligature NFKC rewrites.
    @Test(arguments: [["segment"], ["normalize", "--key"], ["translit"]])
    func bigInputsEqualTheirLinesOutputsRepeated(_ command: [String]) throws {
        let lines = "\u{0651}بوتين قال. د. أحمد وصل!\n\u{FEFB}\u{FE91} ماكرون \u{FDF2} ١٢٣\r\n\u{200D}ﬁ e\u{0301} «نعم» … لا\n"
        let small = try CLI.run(command, stdin: Array(lines.utf8))
        #expect(small.status == 0)
        let copies = 1_300_000 / lines.utf8.count + 1
        let big = try CLI.run(command, stdin: Array(String(repeating: lines, count: copies).utf8))
        #expect(big.status == 0)
        #expect(big.stdout == String(repeating: small.stdout, count: copies))
    }

    /// `--jobs` hands the ~1 MB blocks of each document to threads: the output is the one-thread
    /// output, byte for byte, over several files of several blocks each.
    @Test(arguments: [["normalize", "--key"], ["translit"], ["segment"]])
    func jobsGiveTheOneThreadOutput(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        var files: [String] = []
        let lines = [
            "قال بوتين. وأضاف ماكرون: \u{FEFB} ١٢٣! د. أحمد وصل 3.5 مليون.\n",
            "\u{0651}ﬁ «لا» بلينكن؟ نعم\r\nسطر\u{2028}آخر. ثم\u{0085}فقرة\u{2029}أخيرة!\n",
        ]
        for (k, line) in lines.enumerated() {
            let url = dir.appendingPathComponent("doc\(k).txt")
            try String(repeating: line, count: 2_600_000 / line.utf8.count).write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let one = try CLI.run(command + ["--jobs", "1"] + files)
        #expect(one.status == 0)
        #expect(one.stdout.utf8.count > 2_000_000)
        for jobs in ["2", "3"] {
            let many = try CLI.run(command + ["--jobs", jobs] + files)
            #expect(many.status == 0)
            #expect(many.stdout == one.stdout)
        }
        let bad = try CLI.run(command + ["--jobs", "0"] + files)
        #expect(bad.status == 64)
    }

    @Test func outputFileIsWritten() throws {
        let dir = try CLI.tempDirectory()
        let out = dir.appendingPathComponent("out.txt")
        let r = try CLI.run(["segment", "-o", out.path], stdin: Array("أولا. ثانيا.\n".utf8))
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == "أولا.\nثانيا.\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "out.txt" }
        #expect(leftovers.isEmpty)
    }

    @Test func missingFileIsAClearError() throws {
        let r = try CLI.run(["segment", "/nonexistent/file.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/file.txt"))
    }

    /// Files that are not regular files are read to their end: /dev/null is an empty input; a
    /// directory is an error naming it.
    @Test(arguments: [["segment"], ["normalize", "--key"], ["translit"], ["draft", "--format", "tsv"]])
    func specialFiles(_ command: [String]) throws {
        let empty = try CLI.run(command + ["/dev/null"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.isEmpty)
        let dir = try CLI.tempDirectory()
        let r = try CLI.run(command + [dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains(dir.path))
    }

    /// The whole-file readers too (check's documents, align's sides, glossaries): /dev/null is empty.
    @Test(arguments: [["check", "--format", "json"], ["align", "/dev/null"], ["glossary", "lint"]])
    func specialFilesReadWhole(_ command: [String]) throws {
        let r = try CLI.run(command + ["/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        let dir = try CLI.tempDirectory()
        let bad = try CLI.run(command + [dir.path])
        #expect(bad.status != 0)
        #expect((bad.stderr + bad.stdout).contains(dir.path))  // lint reports on stdout
    }

    @Test func bidiVisualReordersEachLine() throws {
        let text = "abc بتث\nقال NATO\n"
        let logical = try CLI.run(["segment"], stdin: Array(text.utf8))
        #expect(logical.stdout == text)
        let visual = try CLI.run(["segment", "--bidi", "visual"], stdin: Array(text.utf8))
        // Line 1 starts with Latin (LTR paragraph): the Arabic run is reversed in place.
        // Line 2 starts with Arabic (RTL paragraph): the line is laid out right to left.
        #expect(visual.stdout == "abc ثتب\nNATO لاق\n")
        let n = try CLI.run(["normalize", "--bidi", "visual"], stdin: Array("abc بتث".utf8))
        #expect(n.stdout == "abc ثتب")
    }

    /// CR LF line ends (Windows files) are line ends too: each line is reordered on its own and
    /// keeps its CR before its LF. (CR LF is one `Character`: splitting the text at the Character
    /// "\n" left it one line, reversed as a whole, its lines in the wrong order.)
    @Test func bidiVisualReordersEachCRLFLine() throws {
        let text = "قال بايدن 123 اليوم\r\nوأضاف أن الحلف قوي\r\n"
        let lf = try CLI.run(["normalize", "--bidi", "visual"], stdin: Array(text.replacingOccurrences(of: "\r\n", with: "\n").utf8))
        let crlf = try CLI.run(["normalize", "--bidi", "visual"], stdin: Array(text.utf8))
        #expect(crlf.status == 0)
        #expect(Array(crlf.stdout.utf8) == Array(lf.stdout.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let translit = try CLI.run(["translit", "--bidi", "visual"], stdin: Array("قال\r\nبايدن\r\n".utf8))
        #expect(translit.stdout.unicodeScalars.filter { $0 == "\r" }.count == 2)
        #expect(translit.stdout.hasSuffix("\r\n"))
    }

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && !v.stdout.isEmpty)
        for cmd in ["normalize", "segment", "translit"] {
            let h = try CLI.run([cmd, "--help"])
            #expect(h.status == 0)
            #expect(h.stdout.contains("USAGE: tarjim \(cmd)"))
        }
    }
}
