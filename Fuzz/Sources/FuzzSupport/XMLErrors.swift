import TarjimFormats

/// A refused XML document: a typed error naming the file, at a line and column inside the input. A
/// whole-input refusal (line 0, column 0) is allowed only for reasons that have no place (encoding).
public func checkXMLError(_ error: FormatError, file: String, lines: Int) {
    fuzzCheck(error.file == file, "error without the file name: \(error)")
    if error.line == 0 {
        fuzzCheck(error.column == 0, "column without a line: \(error)")
        return
    }
    Location.check(line: error.line, column: error.column, lines: lines, "\(error)")
}
