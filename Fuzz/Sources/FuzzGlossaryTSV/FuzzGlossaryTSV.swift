import FuzzSupport
import Glossary

/// The glossary TSV reader and writer. Properties: malformed input is a `GlossaryError.malformed` at a
/// line and column inside the input; a parsed document serializes and parses back to the same lines;
/// every entry formatted by the writer (`GlossaryDocument.format`) parses back to the same entry.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryTSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let doc: GlossaryDocument
    do {
        doc = try GlossaryDocument(tsv: text, file: "fuzz.tsv")
    } catch {
        guard case .malformed(let file, let line, let column, _) = error else {
            fuzzCheck(false, "parsing gave \(error), not .malformed")
            return 0
        }
        fuzzCheck(file == "fuzz.tsv", "error without the file name")
        Location.check(line: line, column: column, lines: Location.lineCount(text.utf8), "\(error)")
        return 0
    }
    // Serialize -> parse: the same document.
    do {
        let again = try GlossaryDocument(tsv: doc.tsv, file: "fuzz.tsv")
        fuzzCheck(again.entries == doc.entries, "tsv -> parse changed the entries")
        fuzzCheck(again.lines.count == doc.lines.count, "tsv -> parse: \(doc.lines.count) lines became \(again.lines.count)")
    } catch {
        fuzzCheck(false, "the serialized document does not parse: \(error)")
    }
    // The writer's format of every entry (what `glossary add` writes) reads back as the entry.
    let rewritten = GlossaryDocument(lines: doc.entries.map { .entry($0, lineNumber: 0, raw: nil) })
    do {
        let again = try GlossaryDocument(tsv: rewritten.tsv, file: "fuzz.tsv")
        fuzzCheck(again.entries == doc.entries, "format -> parse changed the entries: \(doc.entries) -> \(again.entries)")
    } catch {
        fuzzCheck(false, "an entry formatted by the writer does not parse: \(error)")
    }
    return 0
}
