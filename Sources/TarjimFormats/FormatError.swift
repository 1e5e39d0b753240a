/// Errors reading or writing interchange formats (CSV, XML, TBX, OmegaT). Each case names where the
/// problem is: the file (nil when the text did not come from a file), the 1-based line and the 1-based
/// column in Unicode scalars. Line 0 means the problem concerns the whole input, not one place in it.
///
/// ```swift
/// do { _ = try GlossaryCSV.read("\"unterminated\n", file: "g.csv") }
/// catch { print(error) }   // g.csv:1:1: error: csv: unterminated quoted field (the quote opened here is never closed)
/// ```
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// CSV syntax (RFC 4180) or a CSV cell that is not a valid glossary field.
    case csv(file: String?, line: Int, column: Int, message: String)
    /// XML that is not well-formed, or that the safe reader refuses (encoding, nesting depth).
    case xml(file: String?, line: Int, column: Int, message: String)
    /// A document type declaration that declares entities. Refused before parsing: entities are how
    /// external-entity (XXE) file disclosure and entity-expansion bombs work.
    case entityDeclaration(file: String?, line: Int, column: Int)
    /// Well-formed XML that is not a TBX glossary Tarjim reads: wrong root or namespace, an entry
    /// without an Arabic or English term, a term that is not a valid glossary field.
    case tbx(file: String?, line: Int, column: Int, message: String)
    /// An entry that a format cannot carry (writers). Without a file, `line` is the 1-based position of
    /// the entry in the array written; `GlossaryInterchange.write(document:...)` reports TSV lines.
    case unwritable(file: String?, line: Int, column: Int, message: String)
    /// The input could not be read or decoded at all.
    case unreadable(file: String?, line: Int, column: Int, message: String)

    /// The file the error is about.
    public var file: String? {
        switch self {
        case let .csv(f, _, _, _), let .xml(f, _, _, _), let .entityDeclaration(f, _, _), let .tbx(f, _, _, _),
            let .unwritable(f, _, _, _), let .unreadable(f, _, _, _):
            return f
        }
    }

    /// The 1-based line (0: the whole input).
    public var line: Int {
        switch self {
        case let .csv(_, l, _, _), let .xml(_, l, _, _), let .entityDeclaration(_, l, _), let .tbx(_, l, _, _),
            let .unwritable(_, l, _, _), let .unreadable(_, l, _, _):
            return l
        }
    }

    /// The 1-based column in Unicode scalars (0: the whole line or input).
    public var column: Int {
        switch self {
        case let .csv(_, _, c, _), let .xml(_, _, c, _), let .entityDeclaration(_, _, c), let .tbx(_, _, c, _),
            let .unwritable(_, _, c, _), let .unreadable(_, _, c, _):
            return c
        }
    }

    /// The message without location and category.
    public var message: String {
        switch self {
        case let .csv(_, _, _, m), let .xml(_, _, _, m), let .tbx(_, _, _, m), let .unwritable(_, _, _, m),
            let .unreadable(_, _, _, m):
            return m
        case .entityDeclaration:
            return "the DOCTYPE declares entities (<!ENTITY>); documents with entity declarations are refused "
                + "(external entities can disclose files, nested ones can exhaust memory)"
        }
    }

    /// The category printed after `error:`.
    public var category: String {
        switch self {
        case .csv: return "csv"
        case .xml, .entityDeclaration: return "xml"
        case .tbx: return "tbx"
        case .unwritable: return "export"
        case .unreadable: return "read"
        }
    }

    /// The same error about another place (used to report TSV lines instead of entry numbers).
    public func relocated(file: String?, line: Int) -> FormatError {
        switch self {
        case let .csv(_, _, c, m): return .csv(file: file, line: line, column: c, message: m)
        case let .xml(_, _, c, m): return .xml(file: file, line: line, column: c, message: m)
        case let .entityDeclaration(_, _, c): return .entityDeclaration(file: file, line: line, column: c)
        case let .tbx(_, _, c, m): return .tbx(file: file, line: line, column: c, message: m)
        case let .unwritable(_, _, c, m): return .unwritable(file: file, line: line, column: c, message: m)
        case let .unreadable(_, _, c, m): return .unreadable(file: file, line: line, column: c, message: m)
        }
    }

    /// `file:line:column: error: category: message`, like compilers and Yams.
    public var description: String {
        var loc = file ?? "<input>"
        if line > 0 {
            loc += ":\(line)"
            if column > 0 { loc += ":\(column)" }
        }
        return "\(loc): error: \(category): \(message)"
    }

    /// The description followed by the offending line of `source` and a caret under the column, when
    /// the location is inside `source`.
    ///
    /// - Complexity: O(n) in the length of `source`.
    public func diagnostic(in source: String) -> String {
        guard line > 0, column > 0 else { return description }
        var body = Substring(source)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        var current = 1
        for raw in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line {
                var text = Substring(raw)
                if text.unicodeScalars.last == "\r" { text = Substring(text.unicodeScalars.dropLast()) }
                // A very long line (minified XML) is not worth printing.
                if text.unicodeScalars.count > 400 { return description }
                // Tabs keep the caret aligned; other characters count one column each.
                var pad = ""
                for (i, s) in text.unicodeScalars.enumerated() where i < column - 1 { pad.append(s == "\t" ? "\t" : " ") }
                return description + "\n" + text + "\n" + pad + "^"
            }
            current += 1
        }
        return description
    }
}
