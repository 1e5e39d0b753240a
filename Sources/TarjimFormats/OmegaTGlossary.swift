import Glossary

/// OmegaT's glossary format, written as a `.utf8` file (which OmegaT always reads as UTF-8): three
/// tab-separated columns, Arabic term, English term, comment; no header and no comment lines.
///
/// Each Arabic spelling gets its own row (the canonical term first, then each variant, with the same
/// English term and comment), so OmegaT also finds an entry when the source text uses a variant.
/// The kind and the English variants have no column in this format and are not written.
///
/// ```swift
/// let text = try OmegaTGlossary.write([GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينجن"])])
/// // "بلينكن\tBlinken\nبلينجن\tBlinken\n"
/// ```
public enum OmegaTGlossary {
    /// The entries as OmegaT glossary rows, LF line ends; the comment column is left out when empty.
    ///
    /// Throws ``FormatError/unwritable(file:line:column:message:)`` for a field with a tab, a line break
    /// or another control character, an empty term, or a spelling starting with `#` (OmegaT skips such
    /// lines), `line` being the entry's 1-based position.
    /// - Complexity: O(total length of the entries).
    public static func write(_ entries: [GlossaryEntry]) throws(FormatError) -> String {
        var out = ""
        for (i, e) in entries.enumerated() {
            func fail(_ offset: Int, _ message: String) -> FormatError {
                .unwritable(file: nil, line: i + 1, column: offset + 1, message: "entry \(i + 1) (\(e.arabic)): \(message)")
            }
            let fields = [("English term", e.english), ("comment", e.comment)] + e.arabicSpellings.map { ("Arabic term", $0) }
            for (what, value) in fields {
                if let (at, v) = GlossaryFields.firstControl(in: value) {
                    throw fail(at, "\(what) contains \(GlossaryFields.codePoint(v)); OmegaT glossary columns are tab-separated lines")
                }
                if what != "comment" && GlossaryFields.trimmed(value).isEmpty { throw fail(0, "empty \(what)") }
            }
            var seen: Set<String> = []
            for spelling in e.arabicSpellings where seen.insert(spelling).inserted {
                if spelling.utf8.first == 0x23 {
                    throw fail(0, "the Arabic spelling '\(spelling)' starts with '#', a comment line for OmegaT")
                }
                out += spelling + "\t" + e.english
                if !e.comment.isEmpty { out += "\t" + e.comment }
                out += "\n"
            }
        }
        return out
    }
}
