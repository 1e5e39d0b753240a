import ArgumentParser
import Glossary

/// `tarjim glossary lint FILE...`.
struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check glossary files, together, for duplicates, collisions and suspicious characters.",
        discussion: """
            Prints one finding a line (FILE:LINE:COLUMN: error|warning: glossary: MESSAGE [code]) and a \
            summary line. Exit 0 when there is nothing to report, 1 when there is any error or warning. \
            Matching keys are compared across all the files, so a collision between two files is reported \
            with both locations.
            """
    )

    @Argument(help: "The glossary files.")
    var files: [String]

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one glossary file") }
    }

    func run() throws {
        try reportingErrors {
            let findings = GlossaryLinter.lint(paths: files)
            let out = try Output(path: outputOptions.output)
            for f in findings { try out.write(f.description + "\n") }
            try out.write(Self.summary(findings, files: files.count) + "\n")
            try out.finish()
            if !findings.isEmpty { throw ExitCode(1) }
        }
    }

    static func summary(_ findings: [GlossaryLintFinding], files: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        return "glossary lint: \(count(errors, "error")), \(count(warnings, "warning")) in \(count(files, "file"))"
    }
}
