import ArabicText
import FuzzSupport

/// The bidi audit and visual reordering. Properties: findings sorted by offset, each pointing at the
/// scalar it names, with the line and column of that offset; every control character is reported;
/// reordering a line keeps its length except for the bidi controls (and ZWNJ, ZWJ) it removes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBidi(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let scalars = Array(text.unicodeScalars)
    let findings = Bidi.audit(text)
    // Line and column of every offset, as the audit counts them (CRLF one break; LF, CR, NEL, PS).
    var lines: [Int] = []
    var columns: [Int] = []
    var line = 1
    var column = 0
    var previous: UInt32 = 0
    for s in scalars {
        let v = s.value
        if v == 0x0A || v == 0x0D || v == 0x2029 || v == 0x85 {
            if !(v == 0x0A && previous == 0x0D) { line += 1 }
            column = 0
        } else {
            column += 1
        }
        lines.append(line)
        columns.append(column)
        previous = v
    }
    var last = -1
    var controls = 0
    for f in findings {
        fuzzCheck(f.offset >= last && f.offset < scalars.count, "finding at \(f.offset) out of order or outside 0..<\(scalars.count)")
        guard f.offset >= 0 && f.offset < scalars.count else { return 0 }
        fuzzCheck(scalars[f.offset] == f.scalar, "finding at \(f.offset) names \(f.scalar), the text has \(scalars[f.offset])")
        fuzzCheck(
            f.line == lines[f.offset] && f.column == columns[f.offset],
            "finding at \(f.offset): \(f.line):\(f.column), expected \(lines[f.offset]):\(columns[f.offset])")
        if f.kind == .control { controls += 1 }
        last = f.offset
    }
    let expected = scalars.filter { ArabicScalar.isBidiControl($0.value) }.count
    fuzzCheck(controls == expected, "\(controls) control findings for \(expected) bidi controls")
    for p in Paragraph.split(text).prefix(8) {
        let lineText = String(p.text)
        for base in [Bidi.Direction.auto, .rightToLeft, .leftToRight] {
            let visual = Bidi.visualOrder(lineText, base: base)
            // ICU removes the bidi controls, ZWNJ and ZWJ (UBIDI_REMOVE_BIDI_CONTROLS) and nothing else.
            let kept = p.text.unicodeScalars.filter { !ArabicScalar.isBidiControl($0.value) && $0 != "\u{200C}" && $0 != "\u{200D}" }.count
            let got = visual.unicodeScalars.count
            fuzzCheck(
                got <= p.text.unicodeScalars.count && got >= kept,
                "visual order of a \(p.text.unicodeScalars.count)-scalar line (\(kept) without controls) has \(got)")
        }
    }
    return 0
}
