import ArabicText

/// Check 8: an English side that is empty while the Arabic is not, identical to the Arabic side,
/// or with Arabic words left in it. Errors.
enum UntranslatedCheck {
    static func findings(_ pair: SentencePair) -> [Finding] {
        let ar = Array(pair.arabic.unicodeScalars)
        let en = Array(pair.english.unicodeScalars)
        let arabicHasLetters = ar.contains { ArabicScalar.isLetter($0.value) }
        if en.allSatisfy({ ArabicScalar.isWhitespace($0.value) }) {
            guard arabicHasLetters else { return [] }
            let o = pair.occurrence(.arabic, span: 0..<ar.count)
            return [Finding(kind: .untranslated, severity: .error, found: o.found, occurrences: [o], message: "the English side is empty")]
        }
        if arabicHasLetters && Checker.sourceKey(pair.arabic) == Checker.sourceKey(pair.english) {
            let o = pair.occurrence(.english, span: 0..<en.count)
            return [
                Finding(
                    kind: .untranslated, severity: .error, found: o.found, occurrences: [o],
                    message: "the English side is identical to the Arabic side")
            ]
        }
        // Runs of Arabic words (with what stands between them) in the English side.
        var out: [Finding] = []
        var run: Range<Int>?
        func flush() {
            guard let r = run else { return }
            let o = pair.occurrence(.english, span: r)
            out.append(
                Finding(kind: .untranslated, severity: .error, found: o.found, occurrences: [o], message: "Arabic left in the English side")
            )
            run = nil
        }
        for t in Tokenizer.tokenize(scalars: en) {
            if t.kind == .arabicWord {
                run = (run?.lowerBound ?? t.range.lowerBound)..<t.range.upperBound
            } else if t.kind == .latinWord {
                flush()
            }
        }
        flush()
        return out
    }
}
