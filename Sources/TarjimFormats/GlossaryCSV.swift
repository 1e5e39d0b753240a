import ArabicText
import Foundation
import Glossary

/// Glossaries as CSV (RFC 4180), for spreadsheets.
///
/// **Writing:** a header row `arabic,english,comment,variants,kind,english_variants`, then one row per
/// entry; variants and English variants `;`-separated as in TSV; CRLF line ends; a field is quoted
/// when it contains a comma, a quote (doubled), a line break, or starts or ends with a space.
/// With `neutralizeFormulas` (the default) a cell that begins with `=`, `+`, `-`, `@`, a tab or a CR,
/// possibly after leading `'`, gets one more `'` in front, so that a spreadsheet shows it as text
/// instead of running it as a formula (CSV injection).
///
/// **Reading:** the first row is a header when it contains the cells `arabic` and `english` (any
/// order, any case, surrounding spaces ignored); every cell of a header must then be one of the six
/// column names, each at most once. Otherwise the file has no header and its columns are the TSV
/// columns in order (2 to 6 of them). Every row must have as many fields as the first one; blank rows
/// (a blank line or only empty cells) are skipped. The `'` guard is kept unless `stripFormulaGuard`
/// is set, which removes exactly the `'` that `neutralizeFormulas` added.
///
/// ```swift
/// let csv = GlossaryCSV.write([GlossaryEntry(arabic: "بلينكن", english: "Blinken", kind: .person)])
/// let back = try GlossaryCSV.read(csv, file: nil)
/// ```
public enum GlossaryCSV {
    /// The columns, in the order written.
    public enum Column: String, CaseIterable, Sendable {
        case arabic, english, comment, variants, kind
        case englishVariants = "english_variants"
    }

    /// The header row written (without the line break).
    public static var header: String { Column.allCases.map(\.rawValue).joined(separator: ",") }

    // MARK: Writing

    /// The entries as CSV text with a header row, CRLF line ends.
    ///
    /// - Complexity: O(total length of the entries).
    public static func write(_ entries: [GlossaryEntry], neutralizeFormulas: Bool = true) -> String {
        var out = header + "\r\n"
        for e in entries {
            let cells = [
                e.arabic, e.english, e.comment, e.variants.joined(separator: ";"), e.kind.rawValue,
                e.englishVariants.joined(separator: ";"),
            ]
            out += CSVTable.record(neutralizeFormulas ? cells.map(neutralized) : cells)
            out += "\r\n"
        }
        return out
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a spreadsheet could take the cell for a formula: it starts, after any `'`, with
    /// `=`, `+`, `-`, `@`, a tab or a CR.
    static func looksLikeFormula(_ cell: some StringProtocol) -> Bool {
        guard let first = cell.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return formulaStarts.contains(first)
    }

    /// The cell with a `'` in front when it could be taken for a formula.
    public static func neutralized(_ cell: String) -> String {
        looksLikeFormula(cell) ? "'" + cell : cell
    }

    /// Undoes ``neutralized(_:)``: removes one leading `'` from a cell that looks like a guarded formula.
    public static func unneutralized(_ cell: String) -> String {
        cell.hasPrefix("'") && looksLikeFormula(cell) ? String(cell.dropFirst()) : cell
    }

    // MARK: Reading

    /// Reads CSV text (see the type's documentation for the header rule).
    ///
    /// - Parameters:
    ///   - file: the file name for error messages.
    ///   - stripFormulaGuard: remove the `'` that formula neutralization puts in front of a cell.
    /// - Complexity: O(n).
    public static func read(_ text: String, file: String?, stripFormulaGuard: Bool = false) throws(FormatError) -> [GlossaryEntry] {
        let records = try CSVTable.parse(text, file: file).filter { !$0.isBlank }
        guard let first = records.first else { return [] }

        func fail(_ f: CSVTable.Field, _ offset: Int, _ message: String) -> FormatError {
            // Inside a quoted field the value starts one column after the quote; a line break in the
            // value makes the offset approximate, so point at the field then.
            let exact = !f.value.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\"" }
            return .csv(file: file, line: f.line, column: f.column + (exact ? offset + (f.quoted ? 1 : 0) : 0), message: message)
        }

        // The header, or the positional columns.
        var columns: [Column]
        var body = records[...]
        let names = first.fields.map { GlossaryFields.trimmed($0.value).lowercased() }
        if names.contains(Column.arabic.rawValue) && names.contains(Column.english.rawValue) {
            columns = []
            for (f, name) in zip(first.fields, names) {
                guard let c = Column(rawValue: name) else {
                    throw fail(
                        f, 0,
                        "unknown column '\(f.value)' in the header; the columns are \(Column.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                if columns.contains(c) { throw fail(f, 0, "column '\(name)' appears twice in the header") }
                columns.append(c)
            }
            body = records.dropFirst()
        } else {
            let n = first.fields.count
            guard (2...Column.allCases.count).contains(n) else {
                throw .csv(
                    file: file, line: first.line, column: n < 2 ? first.endColumn : first.fields[Column.allCases.count].column,
                    message: "\(n) columns and no header; without a header a glossary CSV has 2 to 6 columns: "
                        + "arabic, english, comment, variants, kind, english_variants (or add a header row)")
            }
            columns = Array(Column.allCases.prefix(n))
        }

        var entries: [GlossaryEntry] = []
        entries.reserveCapacity(body.count)
        for record in body {
            if record.fields.count != columns.count {
                let column = record.fields.count > columns.count ? record.fields[columns.count].column : record.endColumn
                throw .csv(
                    file: file, line: record.fields.count > columns.count ? record.fields[columns.count].line : record.endLine,
                    column: column,
                    message:
                        "expected \(columns.count) fields (as in the \(body.startIndex == 0 ? "first row" : "header")) but this row has \(record.fields.count)"
                )
            }
            var e = GlossaryEntry(arabic: "", english: "")
            var arabicField = record.fields[0]
            var englishField = record.fields[0]
            for (c, f) in zip(columns, record.fields) {
                let value = stripFormulaGuard ? unneutralized(f.value) : f.value
                switch c {
                case .arabic:
                    e.arabic = GlossaryFields.trimmed(value)
                    arabicField = f
                case .english:
                    e.english = GlossaryFields.trimmed(value)
                    englishField = f
                case .comment:
                    if let p = GlossaryFields.checkComment(value) { throw fail(f, p.offset, p.message) }
                    e.comment = value
                case .variants, .englishVariants:
                    let what = c == .variants ? "Arabic variant" : "English variant"
                    let list = GlossaryFields.splitList(value)
                    for v in list {
                        if let p = GlossaryFields.checkTerm(v, what: what, isVariant: false) { throw fail(f, 0, p.message) }
                    }
                    if c == .variants { e.variants = list } else { e.englishVariants = list }
                case .kind:
                    guard let k = GlossaryFields.kind(value) else {
                        throw fail(f, 0, "unknown kind '\(value)'; use person, place, org or term (or leave it empty)")
                    }
                    e.kind = k
                }
            }
            if let p = GlossaryFields.checkArabic(e.arabic) { throw fail(arabicField, 0, p.message) }
            if let p = GlossaryFields.checkTerm(e.english, what: "English term", isVariant: false) {
                throw fail(englishField, 0, p.message)
            }
            entries.append(e)
        }
        return entries
    }

    /// Reads CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or the Windows-1256 and
    /// ISO-8859-6 that Arabic spreadsheets save (detected; see `TextDecoder`).
    public static func read(bytes: [UInt8], file: String?, stripFormulaGuard: Bool = false) throws(FormatError) -> [GlossaryEntry] {
        let text: String
        do {
            text = try TextDecoder.decode(bytes, file: file).text
        } catch {
            throw .unreadable(file: file, line: 0, column: 0, message: Self.describe(error))
        }
        return try read(text, file: file, stripFormulaGuard: stripFormulaGuard)
    }

    /// Reads a CSV file (any encoding ``read(bytes:file:stripFormulaGuard:)`` accepts).
    public static func read(contentsOf url: URL, stripFormulaGuard: Bool = false) throws(FormatError) -> [GlossaryEntry] {
        let data: Data
        do { data = try FileBytes.read(url) } catch {
            throw .unreadable(file: url.path, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
        }
        return try read(bytes: [UInt8](data), file: url.path, stripFormulaGuard: stripFormulaGuard)
    }

    /// A decoding error's message without the file name (FormatError adds it).
    static func describe(_ error: ArabicTextError) -> String {
        switch error {
        case .invalidBytes(_, let encoding, let offset, let detail):
            return "byte \(offset): invalid \(encoding.displayName) input: \(detail)"
        case .binaryInput(_, let offset): return "byte \(offset): NUL byte: this looks like a binary file, not text"
        case .undetectedEncoding(_, let offset):
            return "byte \(offset): invalid UTF-8 and not recognisably Windows-1256 or ISO-8859-6"
        case .unreadable(_, let reason): return reason
        default: return error.description
        }
    }
}
