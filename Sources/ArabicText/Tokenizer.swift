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
        u.withUnsafeBufferPointer { tokenize($0, into: &tokens) }
        return tokens
    }

    /// Appends the tokens of `u` to `tokens` (a buffer reused from text to text). The same tokens
    /// as `tokenizeByDefinition`, with one table lookup per scalar for its classes.
    package static func tokenize(_ u: UnsafeBufferPointer<Unicode.Scalar>, into tokens: inout [Token]) {
        let table = classTable
        @inline(__always) func cls(_ i: Int) -> UInt8 {
            let v = u[i].value
            return v < 0x10000 ? table[Int(v)] : 0
        }
        let n = u.count
        var i = 0
        while i < n {
            let c = cls(i)
            if c & skipClass != 0 {
                i += 1
                continue
            }
            let start = i
            if c & wordClass != 0 {
                i += 1
                while i < n {
                    if cls(i) & wordClass != 0 {
                        i += 1
                        continue
                    }
                    // ZWNJ/ZWJ inside a word (Persian style) belongs to it.
                    let w = u[i].value
                    if (w == 0x200C || w == 0x200D) && i + 1 < n && cls(i + 1) & wordClass != 0 {
                        i += 1
                        continue
                    }
                    break
                }
                tokens.append(Token(kind: .arabicWord, range: start..<i))
            } else if c & digitClass != 0 {
                i += 1
                while i < n {
                    let w = cls(i)
                    if w & digitClass != 0 {
                        i += 1
                        continue
                    }
                    if w & separatorClass != 0 && i + 1 < n && cls(i + 1) & digitClass != 0 {
                        i += 2
                        continue
                    }
                    break
                }
                tokens.append(Token(kind: .number, range: start..<i))
            } else if c & latinClass != 0 {
                i += 1
                while i < n {
                    let wc = cls(i)
                    if wc & (latinClass | latinCombiningClass) != 0 {
                        i += 1
                        continue
                    }
                    let w = u[i].value
                    if w >= 0x30 && w <= 0x39 {
                        i += 1
                        continue
                    }
                    if (w == 0x2D || w == 0x27 || w == 0x2019 || w == 0x2E) && i + 1 < n
                        && (cls(i + 1) & latinClass != 0 || (w == 0x2D && u[i + 1].value >= 0x30 && u[i + 1].value <= 0x39))
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
                while i < n && cls(i) & latinCombiningClass != 0 { i += 1 }
                tokens.append(Token(kind: .punctuation, range: start..<i))
            }
        }
    }

    static let skipClass: UInt8 = 1
    static let wordClass: UInt8 = 2
    static let digitClass: UInt8 = 4
    static let latinClass: UInt8 = 8
    static let latinCombiningClass: UInt8 = 16
    static let separatorClass: UInt8 = 32

    /// The classes of every BMP scalar, from the `ArabicScalar` functions (which are all false
    /// above the BMP): whitespace or invisible format, word part, digit, Latin letter, Latin
    /// combining mark, number separator. Allocated once, never freed.
    nonisolated(unsafe) static let classTable: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for v in UInt32(0)..<0x10000 { t[Int(v)] = classes(v) }
        return UnsafePointer(t)
    }()

    static func classes(_ v: UInt32) -> UInt8 {
        var c: UInt8 = 0
        if ArabicScalar.isWhitespace(v) || ArabicScalar.isInvisibleFormat(v) { c |= skipClass }
        if ArabicScalar.isWordPart(v) { c |= wordClass }
        if ArabicScalar.digitValue(v) != nil { c |= digitClass }
        if ArabicScalar.isLatinLetter(v) { c |= latinClass }
        if isLatinCombining(v) { c |= latinCombiningClass }
        if isNumberSeparator(v) { c |= separatorClass }
        return c
    }

    /// The definition the fast `tokenize` is checked against (by the code point class functions of
    /// `ArabicScalar`, not the table).
    static func tokenizeByDefinition(_ u: UnsafeBufferPointer<Unicode.Scalar>, into tokens: inout [Token]) {
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
                    if ArabicScalar.isWordPart(w) {
                        i += 1
                        continue
                    }
                    // ZWNJ/ZWJ inside a word (Persian style) belongs to it.
                    if (w == 0x200C || w == 0x200D) && i + 1 < n && ArabicScalar.isWordPart(u[i + 1].value) {
                        i += 1
                        continue
                    }
                    break
                }
                tokens.append(Token(kind: .arabicWord, range: start..<i))
            } else if ArabicScalar.digitValue(v) != nil {
                i += 1
                while i < n {
                    let w = u[i].value
                    if ArabicScalar.digitValue(w) != nil {
                        i += 1
                        continue
                    }
                    if isNumberSeparator(w) && i + 1 < n && ArabicScalar.digitValue(u[i + 1].value) != nil {
                        i += 2
                        continue
                    }
                    break
                }
                tokens.append(Token(kind: .number, range: start..<i))
            } else if ArabicScalar.isLatinLetter(v) {
                i += 1
                while i < n {
                    let w = u[i].value
                    if ArabicScalar.isLatinLetter(w) || (w >= 0x30 && w <= 0x39) || isLatinCombining(w) {
                        i += 1
                        continue
                    }
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
    }

    @inline(__always)
    static func isNumberSeparator(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x2C || v == 0x066B || v == 0x066C || v == 0x2F || v == 0x3A
    }

    @inline(__always)
    static func isLatinCombining(_ v: UInt32) -> Bool { v >= 0x0300 && v <= 0x036F }
}
