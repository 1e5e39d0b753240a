import FuzzSupport
import TarjimFormats

/// The reader of `--input-format jsonl` lines. Properties: a line is read or is a
/// `FormatError.unreadable` naming the file, the line given and a column inside the line (or just
/// after it); a document read, written back as `{"id": <id as read>, "text": <text>}`, reads back
/// to the same id and the same scalars.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let line = FuzzInput.text(FuzzInput.bytes(data, size))
    let doc: JSONLDocument
    do {
        doc = try JSONLDocument(line: line, file: "fuzz.jsonl", line: 7)
    } catch {
        guard case .unreadable(let file, let number, let column, _) = error else {
            fuzzCheck(false, "reading gave \(error), not .unreadable")
            return 0
        }
        fuzzCheck(file == "fuzz.jsonl" && number == 7, "error without the file or the line: \(error)")
        fuzzCheck(column >= 1 && column <= line.unicodeScalars.count + 1, "column outside the line: \(error)")
        return 0
    }
    let written = "{\"id\": \(doc.idJSON), \"text\": \(JSONText.string(doc.text))}"
    do {
        let again = try JSONLDocument(line: written, file: "fuzz.jsonl", line: 1)
        fuzzCheck(again.idJSON == doc.idJSON, "id \(doc.idJSON) read back as \(again.idJSON)")
        fuzzCheck(Array(again.name.unicodeScalars) == Array(doc.name.unicodeScalars), "the name changed")
        fuzzCheck(Array(again.text.unicodeScalars) == Array(doc.text.unicodeScalars), "the text changed")
    } catch {
        fuzzCheck(false, "a document written back does not read: \(error)")
    }
    return 0
}
