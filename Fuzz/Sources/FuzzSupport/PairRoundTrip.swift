import Alignment
import Checks
import Foundation
import TarjimFormats

/// Reads `bytes` as a sentence-pair file named `file` (the extension picks XLIFF or TMX) and checks:
/// a refusal is a typed error at a line and column of the input; every pair points at a line of the
/// input; the pairs written as TMX (one 1-1 bead each, as `tarjim align --format tmx` does) read back
/// as the same texts, trimmed as the writer trims them. Returns the format read, if any.
@discardableResult
public func checkPairFile(_ bytes: [UInt8], file: String) -> PairFormat? {
    let read: PairFile
    do {
        read = try PairReader.read(bytes, file: file)
    } catch {
        checkXMLError(error, file: file, lines: Location.lineCount(bytes))
        return nil
    }
    let lines = Location.lineCount(bytes)
    for p in read.pairs {
        Location.check(line: p.arabicLine, column: p.arabicColumn, lines: lines, "Arabic side of a pair")
        Location.check(line: p.englishLine, column: p.englishColumn, lines: lines, "English side of a pair")
    }
    let arabic = read.pairs.map(\.arabic)
    let english = read.pairs.map(\.english)
    let beads = arabic.indices.map { Bead(arabic: $0..<($0 + 1), english: $0..<($0 + 1), score: 1) }
    let alignment = SentenceAlignment(
        beads: beads, arabicCount: arabic.count, englishCount: english.count, lengthModel: .ntrexPrior, shapeProbabilities: [:],
        bandWidth: 1, bandGrowths: 0, anchorCounts: [:])
    let tmx: String
    do {
        tmx = try AlignmentTMX(creationDate: Date(timeIntervalSince1970: 0)).document(alignment, arabic: arabic, english: english)
    } catch {
        // Only text XML 1.0 cannot carry (an XLIFF 2 <cp> of a control character) is refused.
        let writable = (arabic + english).allSatisfy { s in
            s.unicodeScalars.allSatisfy {
                $0.value >= 0x20 && $0.value != 0xFFFE && $0.value != 0xFFFF || [0x09, 0x0A, 0x0D].contains($0.value)
            }
        }
        fuzzCheck(!writable, "TMX writer refused writable pairs: \(error)")
        return read.format
    }
    let expected = read.pairs.map { (AlignmentOutput.text(of: [$0.arabic], 0..<1), AlignmentOutput.text(of: [$0.english], 0..<1)) }
        .filter { !$0.0.isEmpty && !$0.1.isEmpty }
    do {
        let back = try PairReader.read(Array(tmx.utf8), file: "out.tmx")
        fuzzCheck(back.format == .tmx, "written TMX read as \(back.format)")
        let got = back.pairs.map { ($0.arabic, $0.english) }
        fuzzCheck(
            got.count == expected.count && zip(got, expected).allSatisfy { $0 == $1 },
            "pairs -> TMX -> read changed the texts: \(expected) -> \(got)")
    } catch {
        // An empty TMX body is fine to refuse only when no pair has text on both sides.
        fuzzCheck(false, "TMX written from pairs does not read back: \(error)")
    }
    return read.format
}
