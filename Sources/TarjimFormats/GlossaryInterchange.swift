import Foundation
import Glossary

/// The formats a glossary is imported from.
public enum GlossaryImportFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV (``GlossaryCSV``).
    case csv
    /// TBX v2 or v3, told apart by the root element (``GlossaryTBX``).
    case tbx
}

/// The formats a glossary is exported to.
public enum GlossaryExportFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV with a header row (``GlossaryCSV``).
    case csv
    /// TBX v2 (`<martif>`), which OmegaT and translate-toolkit read.
    case tbx
    /// TBX v3, TBX-Basic dialect.
    case tbx3
    /// OmegaT's tab-separated glossary (save it as `.utf8`), one row per Arabic spelling.
    case omegat

    /// The file extension to use.
    public var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .tbx, .tbx3: return "tbx"
        case .omegat: return "utf8"
        }
    }
}

/// One door to every glossary interchange format, for tools that take the format as a choice.
///
/// ```swift
/// let doc = try GlossaryDocument(contentsOf: url)
/// let tbx = try GlossaryInterchange.write(doc, as: .tbx)
/// let entries = try GlossaryInterchange.read(Array(tbx.utf8), as: .tbx, file: "g.tbx")
/// ```
public enum GlossaryInterchange {
    /// Reads a glossary from bytes. CSV is decoded like any Tarjim input (UTF-8, UTF-16 with BOM,
    /// Windows-1256, ISO-8859-6); TBX must be UTF-8.
    public static func read(
        _ bytes: [UInt8], as format: GlossaryImportFormat, file: String?, stripFormulaGuard: Bool = false
    ) throws(FormatError) -> [GlossaryEntry] {
        switch format {
        case .csv:
            return try GlossaryCSV.read(bytes: bytes, file: file, stripFormulaGuard: stripFormulaGuard)
        case .tbx:
            return try GlossaryTBX.read(bytes, file: file)
        }
    }

    /// Writes entries in a format. `neutralizeFormulas` applies to CSV only.
    public static func write(
        _ entries: [GlossaryEntry], as format: GlossaryExportFormat, neutralizeFormulas: Bool = true
    ) throws(FormatError) -> String {
        switch format {
        case .csv: return GlossaryCSV.write(entries, neutralizeFormulas: neutralizeFormulas)
        case .tbx: return try GlossaryTBX.write(entries, version: .v2)
        case .tbx3: return try GlossaryTBX.write(entries, version: .v3)
        case .omegat: return try OmegaTGlossary.write(entries)
        }
    }

    /// Writes a glossary document's entries; an entry that cannot be written is reported at its line
    /// in the document's file.
    public static func write(
        _ document: GlossaryDocument, as format: GlossaryExportFormat, neutralizeFormulas: Bool = true
    ) throws(FormatError) -> String {
        let numbered = document.numberedEntries
        do {
            return try write(numbered.map(\.entry), as: format, neutralizeFormulas: neutralizeFormulas)
        } catch {
            let index = error.line - 1
            if index >= 0 && index < numbered.count {
                throw error.relocated(file: document.file, line: numbered[index].line)
            }
            throw error.relocated(file: document.file, line: 0)
        }
    }

    /// Entries as TSV glossary text (the `Glossaries/` format), one line per entry.
    public static func tsv(_ entries: [GlossaryEntry]) -> String {
        GlossaryDocument(lines: entries.map { .entry($0, lineNumber: 0, raw: nil) }).tsv
    }
}
