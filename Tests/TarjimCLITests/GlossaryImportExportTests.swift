import Foundation
import Testing

@testable import TarjimCLI

/// `tarjim glossary import` / `export`, run as a subprocess.
@Suite struct GlossaryImportExportTests {
    /// A small glossary of the project's own terms, every column used.
    static let tsv = """
        # test glossary
        مجلس الأمن\tSecurity Council\tUN body, 15 members\tمجلس الامن\torg
        غوتيريش\tGuterres\tUN Secretary-General\tجوتيريش;غوتيريس\tperson\tAntónio Guterres
        وقف إطلاق النار\tceasefire\t-not "truce"\t\tterm\ttruce
        نيروبي\tNairobi

        """

    /// The entries of `tsv` as `import` writes them (canonical TSV, five or six columns).
    static let canonicalTSV = """
        مجلس الأمن\tSecurity Council\tUN body, 15 members\tمجلس الامن\torg
        غوتيريش\tGuterres\tUN Secretary-General\tجوتيريش;غوتيريس\tperson\tAntónio Guterres
        وقف إطلاق النار\tceasefire\t-not "truce"\t\tterm\ttruce
        نيروبي\tNairobi\t\t\tterm

        """

    static func glossaryFile() throws -> (dir: URL, file: String) {
        let dir = try CLI.tempDirectory()
        let file = dir.appendingPathComponent("g.tsv")
        try Data(tsv.utf8).write(to: file)
        return (dir, file.path)
    }

    @Test(arguments: [("tbx", "tbx"), ("tbx3", "tbx"), ("csv", "csv")])
    func exportThenImportGivesTheSameEntries(_ to: String, _ from: String) throws {
        let (dir, file) = try Self.glossaryFile()
        let exported = dir.appendingPathComponent("out.\(to)").path
        let e = try CLI.run(["glossary", "export", "--to", to, file, "-o", exported])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stdout.isEmpty && e.stderr.isEmpty)
        var args = ["glossary", "import", "--from", from, exported, "-o", dir.appendingPathComponent("back.tsv").path]
        if to == "csv" { args.append("--strip-formula-guard") }
        let i = try CLI.run(args)
        #expect(i.status == 0, "\(i.stderr)")
        let back = try String(contentsOf: dir.appendingPathComponent("back.tsv"), encoding: .utf8)
        #expect(back == Self.canonicalTSV)
    }

    @Test func tbxExportIsVersion2AndTbx3IsTBXBasic() throws {
        let (_, file) = try Self.glossaryFile()
        let v2 = try CLI.run(["glossary", "export", "--to", "tbx", file])
        #expect(v2.stdout.contains("<martif type=\"TBX\" xml:lang=\"en\">"))
        #expect(v2.stdout.contains("<descrip type=\"subjectField\">person</descrip>"))
        let v3 = try CLI.run(["glossary", "export", "--to", "tbx3", file])
        #expect(v3.stdout.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"))
    }

    @Test func csvExportNeutralizesFormulasUnlessRaw() throws {
        let (_, file) = try Self.glossaryFile()
        let safe = try CLI.run(["glossary", "export", "--to", "csv", file])
        #expect(safe.status == 0)
        #expect(safe.stdout.hasPrefix("arabic,english,comment,variants,kind,english_variants\r\n"))
        #expect(safe.stdout.contains("وقف إطلاق النار,ceasefire,\"'-not \"\"truce\"\"\",,term,truce\r\n"))
        let raw = try CLI.run(["glossary", "export", "--to", "csv", "--raw", file])
        #expect(raw.stdout.contains("وقف إطلاق النار,ceasefire,\"-not \"\"truce\"\"\",,term,truce\r\n"))
    }

    @Test func omegatExportHasOneRowPerArabicSpelling() throws {
        let (dir, file) = try Self.glossaryFile()
        let out = dir.appendingPathComponent("g.utf8").path
        let r = try CLI.run(["glossary", "export", "--to", "omegat", file, "-o", out])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let rows = try String(contentsOf: URL(fileURLWithPath: out), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.count == 7)
        #expect(rows[3] == "جوتيريش\tGuterres\tUN Secretary-General")
        #expect(rows.last == "نيروبي\tNairobi")
        #expect(!rows.contains { $0.hasPrefix("#") })
    }

    @Test func malformedCSVExitsOneWithLineColumnAndWritesNothing() throws {
        let dir = try CLI.tempDirectory()
        let bad = dir.appendingPathComponent("bad.csv")
        try Data("arabic,english,comment\nنيروبي,Nairobi,ok\nسد النهضة,GERD,\"never closed\n".utf8).write(to: bad)
        let target = dir.appendingPathComponent("out.tsv")
        let r = try CLI.run(["glossary", "import", "--from", "csv", bad.path, "-o", target.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.csv:3:16: error: csv: unterminated quoted field"))
        #expect(r.stderr.contains("\nسد النهضة,GERD,\"never closed\n               ^"))
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func tbxWithAnExternalEntityIsRefusedAndTheFileNeverAppears() throws {
        let dir = try CLI.tempDirectory()
        let secret = dir.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif [<!ENTITY x SYSTEM "\(secret.absoluteString)">]>
            <martif type="TBX" xml:lang="en"><text><body><termEntry>
            <langSet xml:lang="ar"><tig><term>نيروبي</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>&x;</term></tig></langSet>
            </termEntry></body></text></martif>

            """
        let file = dir.appendingPathComponent("xxe.tbx")
        try Data(tbx.utf8).write(to: file)
        let r = try CLI.run(["glossary", "import", "--from", "tbx", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("xxe.tbx:2:19: error: xml: the DOCTYPE declares entities"))
        #expect(!r.stdout.contains("TOP-SECRET") && !r.stderr.contains("TOP-SECRET"))
    }

    @Test func importReadsStandardInput() throws {
        let r = try CLI.run(["glossary", "import", "--from", "csv", "-"], stdin: Array("نيروبي,Nairobi\r\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "نيروبي\tNairobi\t\t\tterm\n")
    }

    @Test(arguments: [
        ["glossary", "export", "--to", "xlsx", "g.tsv"],
        ["glossary", "export", "--to", "tbx", "--raw", "g.tsv"],
        ["glossary", "import", "--from", "tmx", "g.tmx"],
        ["glossary", "import", "--from", "tbx", "--strip-formula-guard", "g.tbx"],
    ])
    func usageErrorsExit64(_ args: [String]) throws {
        let r = try CLI.run(args)
        #expect(r.status == 64, "\(args): \(r.stderr)")
    }

    // MARK: parsing and help

    @Test func inProcessParsing() throws {
        let e = try GlossaryExportCommand.parse(["--to", "tbx3", "g.tsv", "-o", "out.tbx"])
        #expect(e.to.rawValue == "tbx3")
        #expect(e.file == "g.tsv")
        #expect(e.outputOptions.output == "out.tbx")
        #expect(!e.raw)
        #expect(try GlossaryExportCommand.parse(["--to", "csv", "--raw", "g.tsv"]).raw)
        let i = try GlossaryImportCommand.parse(["--from", "csv", "--strip-formula-guard", "in.csv"])
        #expect(i.from.rawValue == "csv")
        #expect(i.stripFormulaGuard)
        #expect(throws: (any Error).self) { try GlossaryImportCommand.parse(["in.csv"]) }
        #expect(throws: (any Error).self) { try GlossaryExportCommand.parse(["--to", "tbx", "--raw", "g.tsv"]) }
    }

    @Test(arguments: [
        ("import", "USAGE: tarjim glossary import --from <from> <file>", "(values: csv, tbx)"),
        ("export", "USAGE: tarjim glossary export --to <to> <file>", "(values: csv, tbx, tbx3, omegat)"),
    ])
    func helpNamesTheFormats(_ name: String, _ usage: String, _ values: String) throws {
        let r = try CLI.run(["glossary", name, "--help"], environment: ["COLUMNS": "200"])
        #expect(r.status == 0)
        #expect(r.stdout.contains(usage))
        #expect(r.stdout.contains(values))
        let group = try CLI.run(["glossary", "--help"])
        #expect(group.stdout.contains("\n  \(name) "))
    }
}
