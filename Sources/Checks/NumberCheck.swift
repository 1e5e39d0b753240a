/// Check 7: every number of the Arabic side appears in the English side (see `NumberReading` for
/// what counts as the same number). A missing number of ten or more is an error; below ten a
/// warning, because English style spells those out and number words are not read.
enum NumberCheck {
    static func findings(_ pair: SentencePair, _ ar: [Unicode.Scalar], _ en: [Unicode.Scalar]) -> [Finding] {
        let arabic = NumberReading.numbers(in: ar, english: false)
        guard !arabic.isEmpty else { return [] }
        var english = Set<String>()
        for n in NumberReading.numbers(in: en, english: true) { english.formUnion(n.values) }
        var out: [Finding] = []
        for n in arabic where n.values.isDisjoint(with: english) {
            let o = pair.occurrence(.arabic, span: n.range)
            let expected = n.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.first ?? n.written
            let shown = n.written == expected ? expected : "\(n.written) (\(expected))"
            out.append(
                Finding(
                    kind: .numberMismatch, severity: n.isSmall ? .warning : .error, expected: expected, found: n.written, occurrences: [o],
                    message: "the number \(shown) of the Arabic side is not in the English side"))
        }
        return out
    }
}
