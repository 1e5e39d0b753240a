import Drafting

/// `tarjim draft --format tsv`: `index<TAB>source<TAB>draft<TAB>terms`, terms as `arabic=English;...`,
/// fields escaped with `TSVField`. No header line.
public enum DraftTSV {
    public static func line(_ s: DraftSentence) -> String {
        let terms = s.terms.map { TSVField.escape(withoutSemicolons($0.source)) + "=" + TSVField.escape($0.target) }
        return "\(s.index)\t\(TSVField.escape(s.source))\t\(TSVField.escape(s.draft))\t\(terms.joined(separator: ";"))\n"
    }

    /// `;` separates the terms, so a source's own `;` is written `,`: scalar by scalar, because
    /// Foundation's `replacingOccurrences` compares Characters and would miss `;` + a combining mark.
    static func withoutSemicolons(_ s: String) -> String {
        guard s.utf8.contains(0x3B) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.lazy.map { $0 == ";" ? "," : $0 }))
    }
}
