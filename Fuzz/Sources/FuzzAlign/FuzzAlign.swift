import Alignment
import FuzzSupport
import Glossary

/// A small glossary, so that term anchors take part.
let aligner = Aligner(
    glossary: Glossary(entries: [
        GlossaryEntry(arabic: "بلينكن", english: "Blinken", kind: .person),
        GlossaryEntry(arabic: "الأمم المتحدة", english: "United Nations", variants: ["الامم المتحده"], kind: .org),
        GlossaryEntry(arabic: "غزة", english: "Gaza", kind: .place),
    ]))

/// The aligner on random segment lists: the input's text up to the first U+0000 is the Arabic side,
/// the rest the English side, one segment per line. Properties: the beads keep order and cover every
/// segment of both sides exactly once, none is empty on both sides, every score is a number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlign(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let sides = text.unicodeScalars.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
    func segments(_ i: Int) -> [String] {
        guard i < sides.count else { return [] }
        return sides[i].split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }
    let arabic = segments(0)
    let english = segments(1)
    let a = aligner.align(arabic: arabic, english: english)
    fuzzCheck(
        a.arabicCount == arabic.count && a.englishCount == english.count,
        "counts \(a.arabicCount)/\(a.englishCount) for \(arabic.count)/\(english.count) segments")
    var ar = 0
    var en = 0
    for b in a.beads {
        fuzzCheck(b.arabic.lowerBound == ar && b.english.lowerBound == en, "bead \(b.arabic)/\(b.english) does not continue at \(ar)/\(en)")
        fuzzCheck(!(b.arabic.isEmpty && b.english.isEmpty), "empty bead at \(ar)/\(en)")
        fuzzCheck(b.score.isFinite, "bead score \(b.score)")
        ar = b.arabic.upperBound
        en = b.english.upperBound
    }
    fuzzCheck(ar == arabic.count && en == english.count, "beads end at \(ar)/\(en) of \(arabic.count)/\(english.count)")
    fuzzCheck(a.isComplete, "isComplete is false")
    return 0
}
