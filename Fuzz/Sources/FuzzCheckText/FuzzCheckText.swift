import Checks
import FuzzSupport
import Glossary
import TarjimFormats

/// The checker of the fuzz target: a small glossary with names, variants, a full name and a term,
/// the system lexicon when Hunspell's Arabic dictionary is installed (name-like words are then
/// counted), every place listed (`maxOccurrences` 0).
let checker: Checker = {
    let glossary = Glossary(entries: [
        GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينكين", "بلينجن"], kind: .person),
        GlossaryEntry(arabic: "بايدن", english: "Biden", kind: .person),
        GlossaryEntry(arabic: "جو بايدن", english: "Joe Biden", kind: .person),
        GlossaryEntry(arabic: "الناتو", english: "NATO", kind: .org),
        GlossaryEntry(arabic: "دونباس", english: "Donbas", kind: .place),
        GlossaryEntry(arabic: "عقوبات", english: "sanctions", kind: .term),
    ])
    return Checker(glossary: glossary, lexicon: Lexicon.system(), options: .init(maxOccurrences: 0))
}()

/// `tarjim check` on any Arabic source text. Properties: every place a finding lists lies in the
/// text (a line of it, a column inside the line or just after it); the report's JSON reads back to
/// the same scope, and the report is written as text and HTML without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let lines = lineLengths(Array(text.unicodeScalars))
    let report = checker.check(documents: [ArabicDocument(name: "fuzz.txt", text: text)])
    for f in report.findings {
        for o in f.occurrences where o.file == "fuzz.txt" {
            fuzzCheck(o.line >= 1 && o.line <= lines.count, "\(f.kind) at line \(o.line) of \(lines.count)")
            guard o.line >= 1 && o.line <= lines.count else { continue }
            fuzzCheck(
                o.column >= 1 && o.column <= lines[o.line - 1] + 1, "\(f.kind) at column \(o.column) of a line of \(lines[o.line - 1])")
        }
    }
    let json = CheckReportJSON.bytes(report)
    do {
        let scope = try CheckReportJSON.readScope(json, file: "report.json")
        fuzzCheck(scope == report.scope, "the report's scope changed when read back from its JSON")
    } catch {
        fuzzCheck(false, "the report's JSON does not read back: \(error)")
    }
    _ = CheckReportText(color: true, visualBidi: true).render(report)
    _ = CheckReportHTML.render(report)
    return 0
}

/// The length in scalars of each line of `u`, lines ended as `tarjim check` ends them: LF, CR, CR LF,
/// NEL, LS or PS (a last line without an end counts when it is not empty).
func lineLengths(_ u: [Unicode.Scalar]) -> [Int] {
    var out: [Int] = []
    var start = 0
    var i = 0
    while i < u.count {
        let v = u[i].value
        if v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 {
            out.append(i - start)
            if v == 0x0D && i + 1 < u.count && u[i + 1].value == 0x0A { i += 1 }
            start = i + 1
        }
        i += 1
    }
    if start < u.count { out.append(u.count - start) }
    return out
}
