import ArabicText
import FuzzSupport

/// Tokenization and clitic analysis. Properties: tokens non-empty, in order, disjoint and inside the
/// text, skipping only whitespace and invisible format characters; punctuation one character (with its combining marks); the
/// String and scalar entry points agree. For every Arabic word: the first analysis is the bare word,
/// every analysis strips a prefix and a suffix that fit in the key, keeps a stem of two letters or
/// more, and its stem is the key between them (without the article).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let scalars = Array(text.unicodeScalars)
    let tokens = Tokenizer.tokenize(text)
    fuzzCheck(tokens == Tokenizer.tokenize(scalars: scalars), "tokenize(String) and tokenize(scalars:) differ")
    var at = 0
    for t in tokens {
        fuzzCheck(
            !t.range.isEmpty && t.range.lowerBound >= at && t.range.upperBound <= scalars.count,
            "token \(t) overlaps or leaves the text (next free \(at), \(scalars.count) scalars)")
        for g in at..<min(t.range.lowerBound, scalars.count) {
            let v = scalars[g].value
            fuzzCheck(ArabicScalar.isWhitespace(v) || ArabicScalar.isInvisibleFormat(v), "U+\(String(v, radix: 16)) at \(g) is in no token")
        }
        if t.kind == .punctuation {
            // One character: a scalar and the combining marks (U+0300-036F) on it.
            let marks = scalars[(t.range.lowerBound + 1)..<t.range.upperBound]
            fuzzCheck(marks.allSatisfy { (0x0300...0x036F).contains($0.value) }, "punctuation token \(t.range) is more than one character")
        }
        at = t.range.upperBound
        guard t.kind == .arabicWord else { continue }
        var w = String.UnicodeScalarView()
        w.append(contentsOf: scalars[t.range])
        let key = Array(MatchingKey.keyString(String(w)).unicodeScalars)
        let analyses = CliticAnalyzer.analyses(ofKey: key)
        guard let first = analyses.first else { continue }
        fuzzCheck(first.prefixLength == 0 && first.suffixLength == 0, "first analysis of \(key) is not the bare word")
        for a in analyses {
            fuzzCheck(
                a.prefixLength >= 0 && a.suffixLength >= 0 && a.prefixLength + a.suffixLength <= key.count,
                "analysis strips \(a.prefixLength)+\(a.suffixLength) of \(key.count)")
            guard a.prefixLength + a.suffixLength <= key.count else { continue }
            let middle = Array(key[a.prefixLength..<(key.count - a.suffixLength)])
            fuzzCheck(Array(a.stem.unicodeScalars) == middle, "stem \(a.stem) is not the key between the clitics \(middle)")
            if a.prefixLength + a.suffixLength > 0 { fuzzCheck(middle.count >= 2, "stem of \(middle.count) letters left of \(key)") }
        }
    }
    for g in at..<scalars.count {
        let v = scalars[g].value
        fuzzCheck(ArabicScalar.isWhitespace(v) || ArabicScalar.isInvisibleFormat(v), "U+\(String(v, radix: 16)) at \(g) is in no token")
    }
    return 0
}
