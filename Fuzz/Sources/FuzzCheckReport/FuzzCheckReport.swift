import Checks
import FuzzSupport
import Glossary
import TarjimFormats

/// The checker whose reports the target merges: a small glossary, no lexicon.
let checker = Checker(
    glossary: Glossary(entries: [
        GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينكين"], kind: .person),
        GlossaryEntry(arabic: "بايدن", english: "Biden", kind: .person),
        GlossaryEntry(arabic: "الناتو", english: "NATO", kind: .org),
        GlossaryEntry(arabic: "دونباس", english: "Donbas", kind: .place),
    ]),
    lexicon: nil)

/// `tarjim check --merge`: a JSON report read back and merged. Properties: a report is read or is a
/// `FormatError.unreadable` naming the file, with a line and column inside it (or none, for an
/// error given by its JSON path); a report read, given this checker's settings (as every report it
/// merges has), merges with itself or is a `CheckError`; the merged report is written as JSON,
/// text and HTML without a trap, and its JSON reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckReport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    var scope: CheckScope
    do {
        scope = try CheckReportJSON.readScope(bytes, file: "fuzz.json")
    } catch {
        guard case .unreadable(let file, let line, let column, _) = error else {
            fuzzCheck(false, "reading gave \(error), not .unreadable")
            return 0
        }
        fuzzCheck(file == "fuzz.json", "error without the file name: \(error)")
        if line != 0 || column != 0 { Location.check(line: line, column: column, lines: Location.lineCount(bytes), "\(error)") }
        return 0
    }
    scope.settings = checker.settingsFingerprint
    let report: CheckReport
    do {
        report = try checker.merge([("a.json", scope), ("b.json", scope)])
    } catch {
        return 0
    }
    let json = CheckReportJSON.bytes(report)
    do {
        _ = try CheckReportJSON.readScope(json, file: "merged.json")
    } catch {
        fuzzCheck(false, "the merged report does not read back: \(error)")
    }
    _ = CheckReportText(color: false, visualBidi: true).render(report)
    _ = CheckReportHTML.render(report)
    return 0
}
