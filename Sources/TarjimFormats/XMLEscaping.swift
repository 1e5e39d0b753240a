/// Escaping for XML character data and attribute values.
enum XMLEscaping {
    /// `&`, `<`, `>`, `"` as entity references; CR as `&#13;` (a literal CR would be read back as LF).
    static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }
}
