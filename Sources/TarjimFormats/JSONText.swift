/// Minimal, fast JSON writing for the line-oriented outputs (JSONL). Strings are escaped per RFC 8259;
/// non-ASCII text is written as UTF-8, not as \u escapes, so Arabic stays readable.
public enum JSONText {
    /// Appends `s` as a JSON string literal (with quotes) to `out`.
    public static func appendString(_ s: some StringProtocol, to out: inout String) {
        // Scanned as UTF-8 bytes and copied in runs: every byte to escape is ASCII, except U+2028
        // and U+2029 (E2 80 A8/A9).
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendUTF8($0, to: &out) }
        if done == nil {
            var copy = String(s)
            copy.withUTF8 { appendUTF8($0, to: &out) }
        }
    }

    private static func appendUTF8(_ p: UnsafeBufferPointer<UInt8>, to out: inout String) {
        out.append("\"")
        var run = 0
        var i = 0
        while i < p.count {
            let b = p[i]
            var v = UInt32(b)
            var width = 1
            if b == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
                v = p[i + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            } else if !(b == 0x22 || b == 0x5C || b < 0x20) {
                i += 1
                continue
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: p[run..<i]), as: UTF8.self)
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
            i += width
            run = i
        }
        out += String(decoding: UnsafeBufferPointer(rebasing: p[run..<p.count]), as: UTF8.self)
        out.append("\"")
    }

    /// The JSON string literal for `s`.
    public static func string(_ s: some StringProtocol) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }
}
