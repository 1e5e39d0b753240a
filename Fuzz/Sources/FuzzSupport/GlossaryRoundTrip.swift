import Glossary

/// Imported entries must write as TSV glossary lines and read back unchanged (the promise of every
/// import reader: what it hands over is a valid glossary entry).
public func checkTSVRoundTrip(_ entries: [GlossaryEntry]) {
    let doc = GlossaryDocument(lines: entries.map { .entry($0, lineNumber: 0, raw: nil) })
    do {
        let back = try GlossaryDocument(tsv: doc.tsv, file: "out.tsv").entries
        fuzzCheck(back == entries, "imported entries -> TSV -> read changed them: \(entries) -> \(back)")
    } catch {
        fuzzCheck(false, "imported entries do not write as a valid TSV glossary: \(error)")
    }
}
