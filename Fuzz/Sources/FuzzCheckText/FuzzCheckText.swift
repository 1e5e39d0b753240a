import Checks
import FuzzSupport
import Glossary

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
    let report = checker.check(documents: [ArabicDocument(name: "fuzz.txt", text: text)])
    CheckReportProperties.placesLie(in: "fuzz.txt", lineLengths: lineLengths(Array(text.unicodeScalars)), report)
    CheckReportProperties.roundTrip(report)
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
