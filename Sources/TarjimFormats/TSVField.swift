/// Escaping for tab-separated output: a field never contains a raw tab, newline or carriage return.
/// Backslash escapes (`\t`, `\n`, `\r`, `\\`) as in the Linear TSV convention.
public enum TSVField {
    public static func escape(_ s: some StringProtocol) -> String {
        // Most fields have nothing to escape: one byte scan, no rebuilding.
        if !s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) { return String(s) }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
