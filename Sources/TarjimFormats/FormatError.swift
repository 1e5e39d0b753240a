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
        case .csv(let f, _, _, _), .xml(let f, _, _, _), .entityDeclaration(let f, _, _), .tbx(let f, _, _, _),
            .unwritable(let f, _, _, _), .unreadable(let f, _, _, _):
            return f
        }
    }

    /// The 1-based line (0: the whole input).
    public var line: Int {
        switch self {
        case .csv(_, let l, _, _), .xml(_, let l, _, _), .entityDeclaration(_, let l, _), .tbx(_, let l, _, _),
            .unwritable(_, let l, _, _), .unreadable(_, let l, _, _):
            return l
        }
    }

    /// The 1-based column in Unicode scalars (0: the whole line or input).
    public var column: Int {
        switch self {
        case .csv(_, _, let c, _), .xml(_, _, let c, _), .entityDeclaration(_, _, let c), .tbx(_, _, let c, _),
            .unwritable(_, _, let c, _), .unreadable(_, _, let c, _):
            return c
        }
    }

    /// The message without location and category.
    public var message: String {
        switch self {
        case .csv(_, _, _, let m), .xml(_, _, _, let m), .tbx(_, _, _, let m), .unwritable(_, _, _, let m),
            .unreadable(_, _, _, let m):
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
        case .csv(_, _, let c, let m): return .csv(file: file, line: line, column: c, message: m)
        case .xml(_, _, let c, let m): return .xml(file: file, line: line, column: c, message: m)
        case .entityDeclaration(_, _, let c): return .entityDeclaration(file: file, line: line, column: c)
        case .tbx(_, _, let c, let m): return .tbx(file: file, line: line, column: c, message: m)
        case .unwritable(_, _, let c, let m): return .unwritable(file: file, line: line, column: c, message: m)
        case .unreadable(_, _, let c, let m): return .unreadable(file: file, line: line, column: c, message: m)
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
