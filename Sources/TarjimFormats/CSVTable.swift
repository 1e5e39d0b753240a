import Foundation

/// RFC 4180 CSV, format-neutral: records of fields, each field with the place it starts, so that a
/// reader built on top can point at a cell.
///
/// Reading: fields are separated by commas and records by CRLF, LF or a lone CR. A field that starts
/// with `"` is quoted: it ends at the next `"` that is not doubled (`""` is one quote) and may contain
/// commas and line breaks. Errors: a quote that is never closed, a quote inside an unquoted field,
/// anything but a comma or a line end after a closing quote.
///
/// ```swift
/// let records = try CSVTable.parse("a,\"b, \"\"c\"\"\"\r\n", file: nil)
/// records[0].fields.map(\.value)   // ["a", "b, \"c\""]
/// ```
public enum CSVTable {
    /// One cell.
    public struct Field: Sendable, Equatable {
        public var value: String
        /// Where the field starts (its opening quote when quoted): 1-based line and column in scalars.
        public var line: Int
        public var column: Int
        public var quoted: Bool

        public init(value: String, line: Int, column: Int, quoted: Bool) {
            self.value = value
            self.line = line
            self.column = column
            self.quoted = quoted
        }
    }

    /// One record (row).
    public struct Record: Sendable, Equatable {
        public var fields: [Field]
        /// Where the record ends: the line break (or the end of the input) after its last field.
        public var endLine: Int
        public var endColumn: Int

        /// The line the record starts on.
        public var line: Int { fields.first?.line ?? endLine }

        /// Whether every field is empty (a blank line, or a spreadsheet's empty row `,,,`).
        public var isBlank: Bool { fields.allSatisfy { $0.value.isEmpty } }
    }

    /// Parses CSV text. A leading byte order mark is ignored; a final line break does not start a record.
    ///
    /// - Complexity: O(n).
    public static func parse(_ text: String, file: String?) throws(FormatError) -> [Record] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var records: [Record] = []
        var fields: [Field] = []
        var value = String.UnicodeScalarView()
        var state = State.fieldStart
        var line = 1
        var column = 1
        var fieldLine = 1
        var fieldColumn = 1
        var quoted = false
        var recordStarted = false

        func endField() {
            fields.append(Field(value: String(value), line: fieldLine, column: fieldColumn, quoted: quoted))
            value = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord(_ endLine: Int, _ endColumn: Int) {
            records.append(Record(fields: fields, endLine: endLine, endColumn: endColumn))
            fields = []
            recordStarted = false
        }

        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let next = scalars.index(after: i)
            // A line break is CRLF, LF or CR; `breakEnd` is the index after it.
            var breakEnd: String.UnicodeScalarView.Index? = nil
            if s == "\n" {
                breakEnd = next
            } else if s == "\r" {
                breakEnd = (next < scalars.endIndex && scalars[next] == "\n") ? scalars.index(after: next) : next
            }
            if state == .fieldStart {
                fieldLine = line
                fieldColumn = column
            }
            switch state {
            case .fieldStart, .unquoted:
                if s == "," {
                    endField()
                    recordStarted = true
                    state = .fieldStart
                } else if let b = breakEnd {
                    endField()
                    endRecord(line, column)
                    state = .fieldStart
                    line += 1
                    column = 1
                    i = b
                    continue
                } else if s == "\"" {
                    if state == .unquoted {
                        throw .csv(
                            file: file, line: line, column: column,
                            message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    quoted = true
                    recordStarted = true
                    state = .quoted
                } else {
                    value.append(s)
                    recordStarted = true
                    state = .unquoted
                }
            case .quoted:
                if s == "\"" {
                    if next < scalars.endIndex && scalars[next] == "\"" {
                        value.append("\"")
                        column += 2
                        i = scalars.index(after: next)
                        continue
                    }
                    state = .afterQuote
                } else if let b = breakEnd {
                    // Line breaks inside quotes are content, kept as written.
                    value.append(contentsOf: scalars[i..<b])
                    line += 1
                    column = 1
                    i = b
                    continue
                } else {
                    value.append(s)
                }
            case .afterQuote:
                if s == "," {
                    endField()
                    state = .fieldStart
                } else if let b = breakEnd {
                    endField()
                    endRecord(line, column)
                    state = .fieldStart
                    line += 1
                    column = 1
                    i = b
                    continue
                } else {
                    throw .csv(
                        file: file, line: line, column: column,
                        message:
                            "expected a comma or a line end after the closing quote of the field that starts at \(fieldLine):\(fieldColumn)"
                    )
                }
            }
            column += 1
            i = next
        }
        switch state {
        case .quoted:
            throw .csv(
                file: file, line: fieldLine, column: fieldColumn,
                message: "unterminated quoted field (the quote opened here is never closed)")
        case .unquoted, .afterQuote:
            endField()
            endRecord(line, column)
        case .fieldStart:
            if recordStarted {
                endField()
                endRecord(line, column)
            }
        }
        return records
    }

    /// A field as written in CSV: quoted (with inner quotes doubled) when it contains a comma, a quote,
    /// a line break, starts or ends with a space or tab, or starts with U+FEFF (which the reader
    /// would drop as a byte order mark at the start of the text); as is otherwise.
    public static func field(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let needsQuotes =
            scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || scalars.first == " " || scalars.first == "\t" || scalars.last == " " || scalars.last == "\t"
            || scalars.first == "\u{FEFF}"
        guard needsQuotes else { return value }
        // Doubled scalar by scalar: Foundation's `replacingOccurrences` compares Characters, so a quote
        // followed by a combining mark (one Character) would be left single and end the field early.
        var out = String.UnicodeScalarView()
        out.append("\"")
        for s in scalars {
            out.append(s)
            if s == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    /// One record as CSV, without the line break.
    public static func record(_ values: [String]) -> String {
        values.map(field).joined(separator: ",")
    }
}
