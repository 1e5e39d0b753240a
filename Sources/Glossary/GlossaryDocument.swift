import ArabicText
import Foundation

/// A glossary file as lines: entries, comments and blank lines, in file order. Parsing and
/// serializing an untouched document gives back the same bytes (apart from a BOM and CRLF line
/// ends, which are normalized to LF on write, and a missing final newline, which is added); edits
/// touch only the lines they change.
///
/// ## The TSV format
/// UTF-8, tab-separated, one entry a line, `#` starts a comment line, blank lines are ignored.
/// Columns: 1 Arabic term, 2 English term, 3 comment, 4 variants (`;`-separated), 5 kind (`person`,
/// `place`, `org`, `term`; empty = term), 6 English variants (`;`-separated). Columns 3–6 may be
/// absent; columns 1–3 are OmegaT's glossary columns.
public struct GlossaryDocument: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        /// An entry, with its 1-based line number in the file it was read from (0 for added ones)
        /// and the line as read (nil for added ones), which is written back unchanged.
        case entry(GlossaryEntry, lineNumber: Int, raw: String?)
        /// A comment or blank line, kept verbatim.
        case verbatim(String)
    }

    public var lines: [Line]
    /// The file name for messages.
    public var file: String?

    public init(lines: [Line] = [], file: String? = nil) {
        self.lines = lines
        self.file = file
    }

    /// The entries in file order.
    public var entries: [GlossaryEntry] {
        lines.compactMap { if case .entry(let e, _, _) = $0 { return e } else { return nil } }
    }

    /// The entries with their line numbers.
    public var numberedEntries: [(entry: GlossaryEntry, line: Int)] {
        lines.compactMap { if case let .entry(e, n, _) = $0 { return (e, n) } else { return nil } }
    }

    /// Parses TSV text. Throws at the first malformed line, with its line and column.
    public init(tsv text: String, file: String? = nil) throws(GlossaryError) {
        self.file = file
        lines = []
        for (i, raw) in Self.splitLines(text).enumerated() {
            lines.append(try Self.parseLine(raw, lineNumber: i + 1, file: file))
        }
    }

    /// The lines of a glossary text, without a leading BOM and without the line breaks (a CR before
    /// the LF is still there; `parseLine` drops it).
    static func splitLines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        // Split on U+000A scalars: as Characters, "\r\n" is one grapheme that never equals "\n".
        var rawLines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        if rawLines.last == "" { rawLines.removeLast() }
        return rawLines
    }

    /// Parses one line of a glossary text (as given by `splitLines`).
    static func parseLine(_ line: Substring, lineNumber: Int, file: String?) throws(GlossaryError) -> Line {
        var raw = line
        if raw.unicodeScalars.last == "\r" { raw = Substring(raw.unicodeScalars.dropLast()) }
        let trimmed = raw.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        // A comment starts with `#` after optional spaces; after a tab, `#` is an English term
        // with an empty Arabic column (an error), not a comment that silently drops the line.
        if trimmed.isEmpty || raw.unicodeScalars.drop(while: { $0 == " " }).first == "#" {
            try checkControls(raw, line: lineNumber, file: file, allowTab: true)
            return .verbatim(String(raw))
        }
        return .entry(try parseEntry(raw, line: lineNumber, file: file), lineNumber: lineNumber, raw: String(raw))
    }

    /// Reads and parses a glossary file (UTF-8, with or without BOM).
    public init(contentsOf url: URL) throws(GlossaryError) {
        let text: String
        do {
            text = try TextDecoder.decode(contentsOf: url, encoding: .utf8).text
        } catch {
            throw .unreadable(file: url.path, reason: error.description)
        }
        try self.init(tsv: text, file: url.path)
    }

    /// Serializes to TSV: verbatim lines as they were, entries with trailing empty columns trimmed.
    public var tsv: String {
        var out = ""
        for line in lines {
            switch line {
            case .verbatim(let s): out += s
            case let .entry(e, _, raw): out += raw ?? Self.format(e)
            }
            out += "\n"
        }
        return out
    }

    /// One entry as a TSV line (without the newline): five columns, and the sixth when it has
    /// English variants.
    public static func format(_ e: GlossaryEntry) -> String {
        var cols = [e.arabic, e.english, e.comment, e.variants.joined(separator: ";"), e.kind.rawValue]
        if !e.englishVariants.isEmpty { cols.append(e.englishVariants.joined(separator: ";")) }
        return cols.joined(separator: "\t")
    }

    static let maxColumns = 6

    static func parseEntry(_ raw: Substring, line: Int, file: String?) throws(GlossaryError) -> GlossaryEntry {
        try checkControls(raw, line: line, file: file, allowTab: true)
        // Split on tabs, remembering each field's starting column.
        var fields: [(text: String, column: Int)] = []
        var current = String.UnicodeScalarView()
        var column = 1
        var start = 1
        for s in raw.unicodeScalars {
            if s == "\t" {
                fields.append((String(current), start))
                current = String.UnicodeScalarView()
                start = column + 1
            } else {
                current.append(s)
            }
            column += 1
        }
        fields.append((String(current), start))
        let endColumn = column
        // Trailing empty columns (trailing tabs) are tolerated.
        while fields.count > 2 && fields.last!.text.isEmpty { fields.removeLast() }
        func fail(_ col: Int, _ message: String) -> GlossaryError {
            .malformed(file: file, line: line, column: col, message: message)
        }
        guard fields.count >= 2 else { throw fail(endColumn, "expected a tab and an English term after the Arabic term") }
        guard fields.count <= maxColumns else {
            throw fail(fields[maxColumns].column, "too many columns (\(fields.count)); at most \(maxColumns): arabic, english, comment, variants, kind, english variants")
        }
        let arabic = fields[0].text.trimmingCharacters(in: .whitespaces)
        let english = fields[1].text.trimmingCharacters(in: .whitespaces)
        if arabic.isEmpty { throw fail(fields[0].column, "empty Arabic term") }
        if english.isEmpty { throw fail(fields[1].column, "empty English term") }
        let comment = fields.count > 2 ? fields[2].text : ""
        var variants: [String] = []
        if fields.count > 3 {
            for v in fields[3].text.split(separator: ";", omittingEmptySubsequences: true) {
                let t = v.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { variants.append(t) }
            }
        }
        var kind = EntryKind.term
        if fields.count > 4 {
            let k = fields[4].text.trimmingCharacters(in: .whitespaces).lowercased()
            if !k.isEmpty {
                guard let parsed = EntryKind(rawValue: k) else {
                    throw fail(fields[4].column, "unknown kind '\(fields[4].text)'; use person, place, org or term")
                }
                kind = parsed
            }
        }
        var englishVariants: [String] = []
        if fields.count > 5 {
            englishVariants = fields[5].text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return GlossaryEntry(arabic: arabic, english: english, comment: comment, variants: variants, kind: kind, englishVariants: englishVariants)
    }

    /// Control characters other than tab are refused (bidi and other format characters are allowed
    /// here and reported by lint).
    static func checkControls(_ raw: Substring, line: Int, file: String?, allowTab: Bool) throws(GlossaryError) {
        var column = 1
        for s in raw.unicodeScalars {
            let v = s.value
            if (v < 0x20 && !(allowTab && v == 0x09)) || v == 0x7F || (v >= 0x80 && v < 0xA0) {
                let hex = String(v, radix: 16, uppercase: true)
                throw .malformed(
                    file: file, line: line, column: column,
                    message: "control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) in a glossary line")
            }
            column += 1
        }
    }
}

extension GlossaryDocument {
    /// Adds an entry at the end. Throws when an entry with the same Arabic term (by matching key)
    /// exists already.
    public mutating func add(_ entry: GlossaryEntry) throws(GlossaryError) {
        let key = Normalizer.key(entry.arabic)
        for (e, n) in numberedEntries where Normalizer.key(e.arabic) == key {
            throw .duplicate(file: file, arabic: entry.arabic, line: n)
        }
        lines.append(.entry(entry, lineNumber: 0, raw: nil))
    }

    /// Removes the entry whose Arabic term (by matching key) is `arabic`. Returns it.
    @discardableResult
    public mutating func remove(arabic: String) throws(GlossaryError) -> GlossaryEntry {
        let key = Normalizer.key(arabic)
        guard
            let i = lines.firstIndex(where: {
                if case .entry(let e, _, _) = $0 { return Normalizer.key(e.arabic) == key } else { return false }
            }),
            case .entry(let e, _, _) = lines[i]
        else { throw .notFound(file: file, arabic: arabic) }
        lines.remove(at: i)
        return e
    }
}
