import Drafting

/// `tarjim draft --format tsv`: `index<TAB>source<TAB>draft<TAB>terms`, terms as `arabic=English;...`,
/// fields escaped with `TSVField`. No header line.
public enum DraftTSV {
    public static func line(_ s: DraftSentence) -> String {
        let terms = s.terms.map { TSVField.escape($0.source.replacingOccurrences(of: ";", with: ",")) + "=" + TSVField.escape($0.target) }
        return "\(s.index)\t\(TSVField.escape(s.source))\t\(TSVField.escape(s.draft))\t\(terms.joined(separator: ";"))\n"
    }
}
