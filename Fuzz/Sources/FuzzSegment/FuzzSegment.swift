import ArabicText
import FuzzSupport

let segmenter = SentenceSegmenter()

/// Sentence segmentation. Properties: sentences in order and disjoint, each the exact text of its
/// span, with only whitespace and line breaks between and around them, so that the pieces and the gaps
/// concatenate back to the input; sentence numbers run 1, 2, 3; paragraphs cover the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let scalars = Array(text.unicodeScalars)
    let sentences = segmenter.sentences(in: text)
    let paragraphs = Paragraph.split(text)
    func isGap(_ v: UInt32) -> Bool {
        ArabicScalar.isWhitespace(v) || v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }
    var rebuilt = String.UnicodeScalarView()
    var at = 0
    for (i, s) in sentences.enumerated() {
        fuzzCheck(s.index == i + 1, "sentence \(i) numbered \(s.index)")
        fuzzCheck(!s.range.isEmpty, "empty sentence at \(s.range)")
        fuzzCheck(
            s.range.lowerBound >= at && s.range.upperBound <= scalars.count,
            "sentence \(s.index) at \(s.range) overlaps or leaves the text (next free offset \(at), \(scalars.count) scalars)")
        for g in at..<s.range.lowerBound {
            fuzzCheck(isGap(scalars[g].value), "U+\(String(scalars[g].value, radix: 16)) at \(g), between sentences, is lost")
        }
        rebuilt.append(contentsOf: scalars[at..<s.range.lowerBound])
        fuzzCheck(Array(s.text.unicodeScalars) == Array(scalars[s.range]), "sentence \(s.index) text differs from its span \(s.range)")
        rebuilt.append(contentsOf: s.text.unicodeScalars)
        let p = s.paragraph
        fuzzCheck(p >= 1 && p <= paragraphs.count, "sentence \(s.index) in paragraph \(p) of \(paragraphs.count)")
        if p >= 1 && p <= paragraphs.count {
            let pr = paragraphs[p - 1].range
            fuzzCheck(
                pr.lowerBound <= s.range.lowerBound && s.range.upperBound <= pr.upperBound,
                "sentence \(s.index) at \(s.range) outside its paragraph \(pr)")
        }
        at = s.range.upperBound
    }
    for g in at..<scalars.count {
        fuzzCheck(isGap(scalars[g].value), "U+\(String(scalars[g].value, radix: 16)) at \(g), after the last sentence, is lost")
    }
    rebuilt.append(contentsOf: scalars[at...])
    fuzzCheck(String(rebuilt) == text, "sentences and gaps do not concatenate back to the input")
    // Paragraphs: numbered in order, disjoint, their text their span.
    var end = 0
    for (i, p) in paragraphs.enumerated() {
        fuzzCheck(
            p.number == i + 1 && p.range.lowerBound >= end && p.range.upperBound <= scalars.count, "paragraph \(p.number) at \(p.range)")
        fuzzCheck(Array(p.text.unicodeScalars) == Array(scalars[p.range]), "paragraph \(p.number) text differs from its span")
        end = p.range.upperBound
    }
    return 0
}
