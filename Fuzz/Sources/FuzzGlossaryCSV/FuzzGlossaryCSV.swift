import ArabicText
import FuzzSupport
import Glossary
import TarjimFormats

/// CSV: the RFC 4180 table and the glossary on top of it. Properties: errors are `.csv` at a line and
/// column of the input (or `.unreadable` for bytes that do not decode); a parsed table written back
/// with `CSVTable.record` parses to the same cells; imported entries export and import back unchanged
/// (with and without formula neutralization), and survive the TSV glossary writer and reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    // The table layer on text (0xFF mode for dense input).
    let text = FuzzInput.text(bytes)
    do {
        let records = try CSVTable.parse(text, file: "fuzz.csv")
        let written = records.map { CSVTable.record($0.fields.map(\.value)) + "\r\n" }.joined()
        do {
            let again = try CSVTable.parse(written, file: "fuzz.csv")
            fuzzCheck(
                again.map { $0.fields.map(\.value) } == records.map { $0.fields.map(\.value) },
                "CSV record -> parse changed the cells")
        } catch {
            fuzzCheck(false, "CSV written by CSVTable.record does not parse: \(error)")
        }
    } catch {
        checkCSVError(error, lines: Location.csvLineCount(text))
    }
    // The glossary layer on raw bytes (decoding included).
    let entries: [GlossaryEntry]
    do {
        entries = try GlossaryCSV.read(bytes: bytes, file: "fuzz.csv")
    } catch {
        if case .unreadable(let file, let line, _, _) = error {
            fuzzCheck(file == "fuzz.csv" && line == 0, "decoding error \(error)")
        } else {
            let decoded = (try? TextDecoder.decode(bytes).text) ?? ""
            checkCSVError(error, lines: Location.csvLineCount(decoded))
        }
        return 0
    }
    for neutralize in [true, false] {
        let csv = GlossaryCSV.write(entries, neutralizeFormulas: neutralize)
        do {
            let back = try GlossaryCSV.read(csv, file: "out.csv", stripFormulaGuard: neutralize)
            fuzzCheck(back == entries, "CSV export (neutralize: \(neutralize)) -> import changed the entries: \(entries) -> \(back)")
        } catch {
            fuzzCheck(false, "exported CSV (neutralize: \(neutralize)) does not import: \(error)")
        }
    }
    checkTSVRoundTrip(entries)
    return 0
}

func checkCSVError(_ error: FormatError, lines: Int) {
    guard case .csv(let file, let line, let column, _) = error else {
        fuzzCheck(false, "CSV error \(error) is not .csv")
        return
    }
    fuzzCheck(file == "fuzz.csv", "error without the file name: \(error)")
    Location.check(line: line, column: column, lines: lines, "\(error)")
}
