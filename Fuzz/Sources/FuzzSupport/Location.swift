/// Checks on the places errors point at.
public enum Location {
    /// The number of lines of `text` as readers count them (LF-separated; a last line without a
    /// terminator counts).
    public static func lineCount(_ text: some Collection<UInt8>) -> Int {
        text.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The number of lines of `text` as the CSV reader counts them (CRLF, LF or a lone CR end a line).
    public static func csvLineCount(_ text: String) -> Int {
        var n = 1
        var previous: Unicode.Scalar = "\u{0}"
        for s in text.unicodeScalars {
            if s == "\r" || (s == "\n" && previous != "\r") { n += 1 }
            previous = s
        }
        return n
    }

    /// Asserts that a 1-based line and column point into a text of `lines` lines (the line after
    /// the last one, for an error at the end of the input, included).
    public static func check(line: Int, column: Int, lines: Int, _ what: @autoclosure () -> String) {
        fuzzCheck(line >= 1 && line <= lines + 1, "line \(line) outside 1...\(lines + 1): \(what())")
        fuzzCheck(column >= 1, "column \(column) < 1: \(what())")
    }
}
