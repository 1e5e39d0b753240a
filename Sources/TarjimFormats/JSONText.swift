/// Minimal, fast JSON writing for the line-oriented outputs (JSONL). Strings are escaped per RFC 8259;
/// non-ASCII text is written as UTF-8, not as \u escapes, so Arabic stays readable.
public enum JSONText {
    /// Appends scalars to `out` in time proportional to their number: appending through
    /// `out.unicodeScalars.append(contentsOf:)` copies all of `out` each time (quadratic for a
    /// report of many findings).
    static func append(_ scalars: some Sequence<Unicode.Scalar>, to out: inout String) {
        out += String(String.UnicodeScalarView(scalars))
    }

    /// Appends `s` as a JSON string literal (with quotes) to `out`.
    public static func appendString(_ s: some StringProtocol, to out: inout String) {
        out.append("\"")
        var run = s.unicodeScalars.startIndex
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let v = scalars[i].value
            if v == 0x22 || v == 0x5C || v < 0x20 || v == 0x2028 || v == 0x2029 {
                append(scalars[run..<i], to: &out)
                switch v {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    let hex = String(v, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
                run = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        append(scalars[run..<scalars.endIndex], to: &out)
        out.append("\"")
    }

    /// The JSON string literal for `s`.
    public static func string(_ s: some StringProtocol) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }
}
