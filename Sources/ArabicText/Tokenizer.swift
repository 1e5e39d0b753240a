/// Splits text into words, numbers, punctuation and Latin runs, with offsets. Whitespace and invisible
/// format characters between tokens are skipped; the tokenizer never alters the text.
///
/// ```swift
/// let tokens = Tokenizer.tokenize("وقال بلينكن إن 14,000 جندي")
/// // arabicWord 0..<4, arabicWord 5..<11, arabicWord 12..<14, number 15..<21, arabicWord 22..<26
/// ```
/// Word boundaries agree with ICU's word break iterator on Arabic text (a test checks it); the scan
/// is by code point ranges because it runs on every byte of every input.
/// - Complexity: O(n).
public enum Tokenizer {
    public static func tokenize(_ text: some StringProtocol) -> [Token] {
        tokenize(scalars: Array(text.unicodeScalars))
    }

    public static func tokenize(scalars u: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        let n = u.count
        var i = 0
        while i < n {
            let v = u[i].value
            if ArabicScalar.isWhitespace(v) || ArabicScalar.isInvisibleFormat(v) {
                i += 1
                continue
            }
            let start = i
            if ArabicScalar.isLetter(v) || v == ArabicScalar.tatweel || ArabicScalar.isMark(v) {
                i += 1
                while i < n {
                    let w = u[i].value
                    if ArabicScalar.isWordPart(w) { i += 1; continue }
                    // ZWNJ/ZWJ inside a word (Persian style) belongs to it.
                    if (w == 0x200C || w == 0x200D) && i + 1 < n && ArabicScalar.isWordPart(u[i + 1].value) { i += 1; continue }
                    break
                }
                tokens.append(Token(kind: .arabicWord, range: start..<i))
            } else if ArabicScalar.digitValue(v) != nil {
                i += 1
                while i < n {
                    let w = u[i].value
                    if ArabicScalar.digitValue(w) != nil { i += 1; continue }
                    if isNumberSeparator(w) && i + 1 < n && ArabicScalar.digitValue(u[i + 1].value) != nil { i += 2; continue }
                    break
                }
                tokens.append(Token(kind: .number, range: start..<i))
            } else if ArabicScalar.isLatinLetter(v) {
                i += 1
                while i < n {
                    let w = u[i].value
                    if ArabicScalar.isLatinLetter(w) || (w >= 0x30 && w <= 0x39) || isLatinCombining(w) { i += 1; continue }
                    if (w == 0x2D || w == 0x27 || w == 0x2019 || w == 0x2E) && i + 1 < n
                        && (ArabicScalar.isLatinLetter(u[i + 1].value) || (w == 0x2D && u[i + 1].value >= 0x30 && u[i + 1].value <= 0x39))
                    {
                        i += 2
                        continue
                    }
                    break
                }
                tokens.append(Token(kind: .latinWord, range: start..<i))
            } else {
                i += 1
                // Combining marks stay with the character they sit on.
                while i < n && isLatinCombining(u[i].value) { i += 1 }
                tokens.append(Token(kind: .punctuation, range: start..<i))
            }
        }
        return tokens
    }

    @inline(__always)
    static func isNumberSeparator(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x2C || v == 0x066B || v == 0x066C || v == 0x2F || v == 0x3A
    }

    @inline(__always)
    static func isLatinCombining(_ v: UInt32) -> Bool { v >= 0x0300 && v <= 0x036F }
}
