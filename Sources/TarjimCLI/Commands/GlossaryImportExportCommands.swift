import ArabicText
import ArgumentParser
import Foundation
import Glossary
import TarjimFormats

extension GlossaryImportFormat: ExpressibleByArgument {}
extension GlossaryExportFormat: ExpressibleByArgument {}

/// `tarjim glossary import --from csv|tbx IN [-o OUT.tsv]`.
struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a CSV or TBX glossary into Tarjim's tab-separated glossary format.",
        discussion: """
            csv: RFC 4180; a header row naming at least the columns arabic and english (any order, any case; \
            the others are comment, variants, kind, english_variants), or no header and 2 to 6 columns in \
            that order. UTF-8, UTF-16 with BOM, Windows-1256 and ISO-8859-6 are read.

            tbx: TBX v2 (<martif>) or TBX v3 (<tbx>), told by the root element; UTF-8 only; documents whose \
            DOCTYPE declares entities are refused.

            Malformed input is an error naming its line and column, and nothing is written.
            """
    )

    @Option(help: "The input format: csv or tbx (TBX v2 and v3).")
    var from: GlossaryImportFormat

    @Argument(help: "The glossary to import ('-' for standard input).")
    var file: String

    @Flag(help: "CSV: remove the ' that formula neutralization put in front of cells starting with = + - @.")
    var stripFormulaGuard = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if stripFormulaGuard && from != .csv { throw ValidationError("--strip-formula-guard applies to --from csv only") }
    }

    func run() throws {
        try reportingErrors {
            let name = file == "-" ? nil : file
            let bytes: [UInt8]
            if let name {
                do { bytes = [UInt8](try FileBytes.read(URL(fileURLWithPath: name))) } catch {
                    throw FormatError.unreadable(file: name, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
                }
            } else {
                do { bytes = try FileBytes.readAll(fd: STDIN_FILENO) } catch {
                    throw FormatError.unreadable(file: "<stdin>", line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
                }
            }
            let entries: [GlossaryEntry]
            do throws(FormatError) {
                entries = try GlossaryInterchange.read(bytes, as: from, file: name ?? "<stdin>", stripFormulaGuard: stripFormulaGuard)
            } catch {
                throw DiagnosedError(error, source: bytes)
            }
            let out = try Output(path: outputOptions.output)
            try out.write(GlossaryInterchange.tsv(entries))
            try out.finish()
        }
    }
}

/// `tarjim glossary export --to csv|tbx|tbx3|omegat FILE [-o OUT]`.
struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a glossary as CSV, TBX v2, TBX v3 (TBX-Basic) or an OmegaT glossary.",
        discussion: """
            csv: header arabic,english,comment,variants,kind,english_variants, CRLF line ends; a cell that \
            starts with = + - @ (or a tab or CR) gets a ' in front so that spreadsheets do not run it as a \
            formula (--raw turns that off).

            tbx: TBX v2 (<martif>), which OmegaT and translate-toolkit read. tbx3: TBX v3, TBX-Basic dialect.

            omegat: OmegaT's tab-separated glossary, one row per Arabic spelling; name the file *.utf8.
            """
    )

    @Option(help: "The output format: csv, tbx (TBX v2), tbx3 (TBX v3, TBX-Basic) or omegat.")
    var to: GlossaryExportFormat

    @Argument(help: "The glossary file (UTF-8, tab-separated).")
    var file: String

    @Flag(help: "CSV: write cells as they are, without formula neutralization.")
    var raw = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if raw && to != .csv { throw ValidationError("--raw applies to --to csv only") }
    }

    func run() throws {
        try reportingErrors {
            let document = try GlossaryDocument(contentsOf: URL(fileURLWithPath: file))
            let text = try GlossaryInterchange.write(document, as: to, neutralizeFormulas: !raw)
            let out = try Output(path: outputOptions.output)
            try out.write(text)
            try out.finish()
            if to == .omegat, let path = outputOptions.output, !path.hasSuffix(".utf8") {
                printError("tarjim: note: OmegaT reads a glossary as UTF-8 only when its name ends in .utf8 (OmegaT 3.6 ignores .tsv)")
            }
        }
    }
}

/// A format error printed with the offending line and a caret under the column.
struct DiagnosedError: Error, CustomStringConvertible {
    let description: String

    init(_ error: FormatError, source: [UInt8]) {
        if let text = String(validating: source, as: UTF8.self) {
            description = error.diagnostic(in: text)
        } else {
            description = error.description
        }
    }
}
