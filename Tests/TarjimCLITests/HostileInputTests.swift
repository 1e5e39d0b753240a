import Foundation
import Testing

/// Hostile and broken input through the real `tarjim` binary: a clear error naming the file and the
/// byte, or correct output; the child's peak memory bounded and a wall-clock limit after which it is
/// killed, so a hang fails instead of blocking the suite. The limits are generous (debug build, a
/// shared machine): they catch unbounded or quadratic behaviour, they do not time anything.
@Suite struct HostileInputTests {
    /// Bad bytes set inside Arabic UTF-8 text, and the offset the error must name.
    struct BadBytes: Sendable, CustomTestStringConvertible {
        let what: String
        let bytes: [UInt8]
        let offset: Int
        let message: String
        var testDescription: String { what }
    }

    static let lead = Array("قال الوزير إن المحادثات مع الوفد الزائر ستستمر في الأسبوع المقبل ".utf8)

    static let badBytes: [BadBytes] = [
        BadBytes(what: "0xFF, never in UTF-8", bytes: lead + [0xFF] + Array(" وانتهى".utf8), offset: lead.count, message: "UTF-8"),
        BadBytes(what: "truncated 2-byte sequence at the end", bytes: lead + [0xD8], offset: lead.count, message: "UTF-8"),
        BadBytes(what: "truncated 3-byte sequence before a space", bytes: lead + [0xE2, 0x80, 0x20], offset: lead.count, message: "UTF-8"),
        BadBytes(what: "overlong NUL C0 80", bytes: lead + [0xC0, 0x80] + Array("ب".utf8), offset: lead.count, message: "UTF-8"),
        BadBytes(what: "overlong slash E0 80 AF", bytes: lead + [0xE0, 0x80, 0xAF], offset: lead.count, message: "UTF-8"),
        BadBytes(what: "UTF-8-encoded surrogate ED A0 80", bytes: lead + [0xED, 0xA0, 0x80], offset: lead.count, message: "UTF-8"),
        BadBytes(what: "above U+10FFFF F4 90 80 80", bytes: lead + [0xF4, 0x90, 0x80, 0x80], offset: lead.count, message: "UTF-8"),
        BadBytes(what: "NUL byte", bytes: lead + [0x00] + Array("ب".utf8), offset: lead.count, message: "NUL byte"),
        // BOM, ب (U+0628), a lone high surrogate D800, then ا.
        BadBytes(
            what: "lone surrogate in UTF-16LE", bytes: [0xFF, 0xFE, 0x28, 0x06, 0x00, 0xD8, 0x27, 0x06], offset: 4,
            message: "invalid UTF-16LE input"),
        // BOM, a low surrogate DC00 with no high one before it.
        BadBytes(
            what: "lone low surrogate in UTF-16BE", bytes: [0xFE, 0xFF, 0x06, 0x28, 0xDC, 0x00], offset: 4,
            message: "invalid UTF-16BE input"),
    ]

    @Test(arguments: badBytes) func badBytesAreAnErrorNamingFileAndByte(_ c: BadBytes) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("in.txt").path
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        for command in ["segment", "draft", "check"] {
            let r = try CLI.run([command, path])
            #expect(r.status != 0, "\(command)")
            #expect(r.stdout.isEmpty, "\(command) wrote \(r.stdout)")
            #expect(r.stderr.contains("\(path): byte \(c.offset): error: "), "\(command): \(r.stderr)")
            #expect(r.stderr.contains(c.message), "\(command): \(r.stderr)")
        }
        // From standard input the same, named <stdin>.
        let r = try CLI.run(["normalize"], stdin: c.bytes)
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>: byte \(c.offset): error: "), "\(r.stderr)")
    }

    // MARK: Hostile XML through the CLI (the readers themselves: TarjimFormatsTests/HostileXMLTests)

    @Test func xmlWithEntitiesIsRefusedByCheckPairsAndGlossaryImportAndTheFileNeverRead() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = "SECRET-" + UUID().uuidString
        let secret = try Self.file(dir, "secret.txt", marker)
        let xliff = try Self.file(
            dir, "evil.xlf",
            """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [
              <!ENTITY s SYSTEM "file://\(secret)">
            ]>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="ar" target-language="en" datatype="plaintext"><body>
            <trans-unit id="1"><source>&s;</source><target>x</target></trans-unit></body></file></xliff>
            """)
        let check = try CLI.run(["check", "--pairs", xliff, "--format", "json"])
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr.contains("\(xliff):3:3: error: "), "\(check.stderr)")
        #expect(!check.stderr.contains(marker) && !check.stdout.contains(marker))

        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n  <!ENTITY a \"lol\">\n"
        for k in 1...9 { laughs += "  <!ENTITY a\(k) \"" + String(repeating: "&a\(k == 1 ? "" : String(k - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<martif type=\"TBX\"><text><body/></text></martif>\n"
        let tbx = try Self.file(dir, "laughs.tbx", laughs)
        let out = dir.appendingPathComponent("out.tsv").path
        let imported = try CLI.run(["glossary", "import", "--from", "tbx", tbx, "-o", out])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("\(tbx):3:3: error: "), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // MARK: Big inputs, generated at test time

    /// Writes `text` to a new file in `dir`.
    static func file(_ dir: URL, _ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func contents(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }

    /// A sentence of `count` characters: words and spaces, no sentence terminator, no line break,
    /// ending in a letter (a sentence carries no surrounding space).
    static func longSentence(_ count: Int) -> String {
        let words = "المحادثات مستمرة بين الوفدين في العاصمة "
        return String(String(repeating: words, count: count / words.count + 1).prefix(count - 1)) + "\u{0629}"
    }

    static let mb = 1 << 20

    /// Whether two files have the same bytes, read a megabyte at a time.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let fa = FileHandle(forReadingAtPath: a), let fb = FileHandle(forReadingAtPath: b) else { return false }
        defer {
            try? fa.close()
            try? fb.close()
        }
        while true {
            let x = fa.readData(ofLength: mb)
            let y = fb.readData(ofLength: mb)
            if x != y { return false }
            if x.isEmpty { return true }
        }
    }

    /// 200 MB of Arabic sentences and not one line break: one paragraph, decoded, normalized and
    /// written back whole, in memory proportional to the input (the whole input is one paragraph,
    /// so it is held at once: about 5-6 bytes per input byte in a debug build).
    @Test func twoHundredMegabytesWithoutANewlineComeBackWhole() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentence = Array("قال وزير الخارجية إن المحادثات مع الوفد الزائر كانت مثمرة وستستمر غدا. ".utf8)
        let input = dir.appendingPathComponent("big.txt").path
        try FileManager.writeRepeating(sentence, count: 200 * Self.mb / sentence.count, to: input)
        #expect(FileManager.size(input) > 199 * Self.mb)
        let out = dir.appendingPathComponent("out").path
        let err = dir.appendingPathComponent("err").path
        let r = try Subprocess.tarjim(["normalize", input, "-o", out], stderr: err, limit: 900)
        #expect(r.exitCode == 0 && !r.timedOut, "\(Self.contents(err))")
        // The text is NFC already: the output is the input, byte for byte.
        #expect(Self.sameBytes(input, out))
        #expect(r.peakMB < 2500, "normalize peak \(r.peakMB) MB for 200 MB")
    }

    /// A 20 MB line that needs NFC goes to ICU in parts (its calls take 32-bit lengths), cut where
    /// normalizing apart is exact: the output is the composed text, byte for byte. Before, a line
    /// of 1 GB or more stopped `normalize` with a crash.
    @Test func aLineLongerThanOneICUCallIsNormalizedExactly() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Alef, waw and yeh with a separate hamza above (U+0654): NFC composes each to one letter.
        let decomposed = "\u{0627}\u{0654}علن الم\u{0648}\u{0654}تمر عن ت\u{0627}\u{0654}جيل جلسة الر\u{064A}\u{0654}يس الثانية. "
        let composed = "أعلن المؤتمر عن تأجيل جلسة الرئيس الثانية. "
        let count = 20 * Self.mb / decomposed.utf8.count
        let input = dir.appendingPathComponent("long.txt").path
        let expected = dir.appendingPathComponent("expected").path
        try FileManager.writeRepeating(Array(decomposed.utf8), count: count, to: input)
        try FileManager.writeRepeating(Array(composed.utf8), count: count, to: expected)
        let out = dir.appendingPathComponent("out").path
        let err = dir.appendingPathComponent("err").path
        let r = try Subprocess.tarjim(["normalize", input, "-o", out], stderr: err, limit: 600)
        #expect(r.exitCode == 0 && !r.timedOut, "\(Self.contents(err))")
        #expect(Self.sameBytes(expected, out))
    }

    /// `draft` and `check` hold a paragraph whole, with 17-30 times its size in memory: a line of
    /// more than 64 MiB is an error naming the file, its line and its first byte, given before the
    /// rest of it is read. In JSONL input a line is a document.
    @Test(arguments: [["draft"], ["check"], ["draft", "--input-format", "jsonl"], ["check", "--input-format", "jsonl"]])
    func aLineOverSixtyFourMiBIsAnErrorNamingItsLineAndByte(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let jsonl = command.contains("jsonl")
        let head =
            jsonl
            ? "{\"id\": 1, \"text\": \"قال الوزير إن المحادثات مستمرة.\"}\n{\"id\": 2, \"text\": \"وأضاف أن الوفد سيعود غدا.\"}\n{\"id\": 3, \"text\": \""
            : "قال الوزير إن المحادثات مستمرة.\nوأضاف أن الوفد سيعود غدا.\n"
        let lineStart = jsonl ? head.utf8.count - "{\"id\": 3, \"text\": \"".utf8.count : head.utf8.count
        let input = dir.appendingPathComponent("big.txt").path
        let sentence = Array("وذكر التقرير أن أسعار القمح ارتفعت خلال الشهر الماضي. ".utf8)
        try FileManager.writeRepeating(sentence, count: 65 * Self.mb / sentence.count, to: input, prefix: Array(head.utf8))
        let err = dir.appendingPathComponent("err").path
        let out = dir.appendingPathComponent("out").path
        let r = try Subprocess.tarjim(command + [input], stdout: out, stderr: err, limit: 300)
        #expect(!r.timedOut && r.exitCode != 0 && r.exitCode != nil, "\(command)")
        let message = "big.txt: line 3: byte \(lineStart): error: a line longer than 67108864 bytes"
        #expect(Self.contents(err).contains(message), "\(command): \(Self.contents(err))")
        #expect(r.peakMB < 1024, "\(command) peak \(r.peakMB) MB")
    }

    /// /dev/zero never ends: the commands that read in pieces stop at its first NUL byte (they read
    /// on for the end of the "line", growing without bound), and so do those that read an input
    /// whole (`normalize`, `glossary suggest`, `segment --bidi visual`), which read it to its end.
    @Test(arguments: [
        ["segment"], ["draft"], ["check"], ["normalize", "--key"], ["translit"], ["normalize"], ["glossary", "suggest"],
        ["segment", "--bidi", "visual"],
    ])
    func devZeroIsBinaryInputAtByteZero(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let err = dir.appendingPathComponent("err").path
        let r = try Subprocess.tarjim(command + ["/dev/zero"], stderr: err, limit: 120)
        #expect(!r.timedOut && r.exitCode != 0 && r.exitCode != nil, "\(command)")
        #expect(Self.contents(err).contains("/dev/zero: byte 0: error: NUL byte"), "\(command): \(Self.contents(err))")
    }

    /// The other files Tarjim reads whole (pairs, reports to merge, glossaries in every format,
    /// dictionaries, the English side) stop at /dev/zero's first NUL byte too; before, they read on
    /// for ever.
    @Test(arguments: [
        ["check", "--pairs", "/dev/zero"], ["check", "--merge", "/dev/zero"], ["glossary", "import", "--from", "csv", "/dev/zero"],
        ["glossary", "import", "--from", "tbx", "/dev/zero"], ["glossary", "lint", "/dev/zero"], ["check", "-g", "/dev/zero", "/dev/null"],
        ["align", "/dev/zero", "/dev/null"],
        ["align", "/dev/null", "/dev/zero"], ["align", "--dictionary", "/dev/zero", "/dev/null", "/dev/null"],
    ])
    func devZeroIsRefusedByEveryWholeFileReader(_ command: [String]) throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let err = dir.appendingPathComponent("err").path
        let out = dir.appendingPathComponent("out").path
        let r = try Subprocess.tarjim(command, stdout: out, stderr: err, limit: 120)
        #expect(!r.timedOut && r.exitCode != 0 && r.exitCode != nil, "\(command)")
        // (glossary lint reports on standard output.)
        let message = Self.contents(err) + Self.contents(out)
        #expect(message.contains("/dev/zero") && message.contains("NUL byte") && message.contains("byte 0"), "\(command): \(message)")
    }

    /// `glossary import` from an endless standard input.
    @Test func glossaryImportFromEndlessStandardInputIsRefused() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let err = dir.appendingPathComponent("err").path
        let r = try Subprocess.tarjim(["glossary", "import", "--from", "csv", "-"], stdin: "/dev/zero", stderr: err, limit: 120)
        #expect(!r.timedOut && r.exitCode != 0 && r.exitCode != nil)
        #expect(Self.contents(err).contains("<stdin>: error: read: cannot read: NUL byte at byte 0"), "\(Self.contents(err))")
    }

    /// Standard input that never ends, read whole (`normalize`): the same error, for <stdin>.
    @Test func endlessStandardInputIsBinaryInputAtByteZero() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let err = dir.appendingPathComponent("err").path
        let r = try Subprocess.tarjim(["normalize"], stdin: "/dev/zero", stderr: err, limit: 120)
        #expect(!r.timedOut && r.exitCode != 0 && r.exitCode != nil)
        #expect(Self.contents(err).contains("<stdin>: byte 0: error: NUL byte"), "\(Self.contents(err))")
    }

    @Test func oneMillionCharacterSentenceIsOneSentenceWithNothingLost() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentence = Self.longSentence(1_000_000)
        let input = try Self.file(dir, "long.txt", sentence)
        let out = dir.appendingPathComponent("out").path
        let err = dir.appendingPathComponent("err").path

        let seg = try Subprocess.tarjim(["segment", input], stdout: out, stderr: err, limit: 300)
        #expect(seg.exitCode == 0 && !seg.timedOut, "\(Self.contents(err))")
        // (Compared outside #expect: a failure must not print a megabyte.)
        let segmented = Self.contents(out) == sentence + "\n"
        #expect(segmented, "the sentence did not come back whole")
        #expect(seg.peakMB < 512, "segment peak \(seg.peakMB) MB")

        // draft: one TSV row whose source column is the whole sentence (the matcher and the
        // unknown-name pass were quadratic in the words of a sentence before).
        let draft = try Subprocess.tarjim(["draft", "--format", "tsv", input], stdout: out, stderr: err, limit: 300)
        #expect(draft.exitCode == 0 && !draft.timedOut, "\(Self.contents(err))")
        let rows = Self.contents(out).split(separator: "\n")
        #expect(rows.count == 1)
        let source = rows.first?.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        let whole = source == sentence
        #expect(whole, "the source column is not the sentence")
        #expect(draft.peakMB < 1024, "draft peak \(draft.peakMB) MB")

        let check = try Subprocess.tarjim(["check", "--format", "json", input], stdout: out, stderr: err, limit: 300)
        #expect((check.exitCode == 0 || check.exitCode == 1) && !check.timedOut, "\(Self.contents(err))")
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) is [String: Any])
        #expect(check.peakMB < 1024, "check peak \(check.peakMB) MB")
    }

    @Test func hundredThousandCombiningMarksAreKeptOrFoldedAway() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // ب followed by 100,000 fathas (U+064E), inside a sentence.
        let marks = String(repeating: "\u{064E}", count: 100_000)
        let text = "قال ب" + marks + " انتهى الاجتماع.\n"
        let input = try Self.file(dir, "marks.txt", text)
        let out = dir.appendingPathComponent("out").path
        let err = dir.appendingPathComponent("err").path

        let seg = try Subprocess.tarjim(["segment", input], stdout: out, stderr: err, limit: 300)
        #expect(seg.exitCode == 0 && !seg.timedOut, "\(Self.contents(err))")
        let kept = Self.contents(out) == text
        #expect(kept, "the text did not come back whole")
        #expect(seg.peakMB < 512, "segment peak \(seg.peakMB) MB")

        // The matching key drops harakat: all 100,000 go.
        let key = try Subprocess.tarjim(["normalize", "--key", input], stdout: out, stderr: err, limit: 300)
        #expect(key.exitCode == 0 && !key.timedOut)
        #expect(Self.contents(out) == "قال ب انتهي الاجتماع.\n")

        for command in [["draft", "--format", "jsonl"], ["check", "--format", "json"], ["translit"]] {
            let r = try Subprocess.tarjim(command + [input], stdout: out, stderr: err, limit: 300)
            #expect((r.exitCode == 0 || (command[0] == "check" && r.exitCode == 1)) && !r.timedOut, "\(command): \(Self.contents(err))")
            #expect(r.peakMB < 1024, "\(command) peak \(r.peakMB) MB")
        }
    }

    @Test func bidiOverrideBombIsReportedAndTheTextKept() throws {
        let dir = try CLI.tempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let err = dir.appendingPathComponent("err").path
        // 100,000 RIGHT-TO-LEFT OVERRIDEs never closed, then 50,000 RIGHT-TO-LEFT ISOLATEs: every
        // command that only carries the text keeps it.
        let bomb = String(repeating: "\u{202E}", count: 100_000) + "نص" + String(repeating: "\u{2067}", count: 50_000) + " انتهى.\n"
        let big = try Self.file(dir, "bomb.txt", bomb)
        let seg = try Subprocess.tarjim(["segment", big], stdout: out, stderr: err, limit: 300)
        #expect(seg.exitCode == 0 && !seg.timedOut)
        let kept = Self.contents(out) == bomb
        #expect(kept, "the text did not come back whole")
        let visual = try Subprocess.tarjim(["normalize", "--bidi", "visual", big], stdout: out, stderr: err, limit: 300)
        #expect(visual.exitCode == 0 && !visual.timedOut, "\(Self.contents(err))")
        let draft = try Subprocess.tarjim(["draft", "--format", "jsonl", big], stdout: out, stderr: err, limit: 300)
        #expect(draft.exitCode == 0 && !draft.timedOut, "\(Self.contents(err))")
        #expect(draft.peakMB < 1024, "draft peak \(draft.peakMB) MB")

        // check reports each control (one finding per kind, every place counted, the first 50 listed): 20,000 overrides
        // and 10,000 isolates keep the test short; the grouping of findings was quadratic before.
        let smaller = String(repeating: "\u{202E}", count: 20_000) + "نص" + String(repeating: "\u{2067}", count: 10_000) + " انتهى.\n"
        let input = try Self.file(dir, "bomb-20k.txt", smaller)
        let check = try Subprocess.tarjim(["check", "--format", "json", input], stdout: out, stderr: err, limit: 300)
        #expect(check.exitCode == 1 && !check.timedOut, "\(Self.contents(err))")
        #expect(check.peakMB < 1024, "check peak \(check.peakMB) MB")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let hidden = findings.filter { ($0["kind"] as? String) == "hidden-character" }
        let places = hidden.map { $0["total_occurrences"] as? Int ?? 0 }
        // Every control is reported, as a control and (never closed) as unbalanced.
        #expect(places.reduce(0, +) >= 30_000, "\(places)")
        #expect(hidden.allSatisfy { ($0["occurrences"] as? [Any])?.count ?? 0 <= 50 })
        #expect(findings.contains { ($0["severity"] as? String) == "error" })
    }
}
