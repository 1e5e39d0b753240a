/// The Arabic-aware rules that decide whether an ICU sentence break candidate is a real boundary.
enum SentenceRules {
    /// Closing quotes and brackets: ” » " ' ’ ) ] } › ﴿.
    @inline(__always) static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x201D, 0x00BB, 0x22, 0x27, 0x2019, 0x29, 0x5D, 0x7D, 0x203A, 0xFD3F: return true
        default: return false
        }
    }

    /// Opening quotes and brackets: “ « " ' ‘ ( [ { ‹ ﴾.
    @inline(__always) static func isOpener(_ v: UInt32) -> Bool {
        switch v {
        case 0x201C, 0x00AB, 0x22, 0x27, 0x2018, 0x28, 0x5B, 0x7B, 0x2039, 0xFD3E: return true
        default: return false
        }
    }

    /// Sentence terminators: . ؟ ? ! … ۔
    @inline(__always) static func isTerminator(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x061F, 0x3F, 0x21, 0x2026, 0x06D4: return true
        default: return false
        }
    }

    /// Latin abbreviations that do not end a sentence (compared case-insensitively, without the dot).
    static let latinAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col",
        "lt", "sgt", "capt", "cmdr", "rep", "sen", "gov", "mt", "ft", "approx", "dept", "est", "fig", "vol",
        "pp", "cf", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    ]

    /// Whether a candidate break at scalar offset `pos` (after any whitespace that follows the
    /// sentence) is a real sentence boundary.
    static func isBoundary(_ u: [Unicode.Scalar], at pos: Int) -> Bool {
        var e = pos
        while e > 0 && ArabicScalar.isWhitespace(u[e - 1].value) { e -= 1 }
        var t = e
        while t > 0 && isCloser(u[t - 1].value) { t -= 1 }
        guard t > 0, isTerminator(u[t - 1].value) else { return false }
        let term = u[t - 1].value
        // Next visible character after the break.
        var n = pos
        while n < u.count && ArabicScalar.isWhitespace(u[n].value) { n += 1 }
        guard n < u.count else { return true }
        let next = u[n].value
        // Never start a sentence with a terminator (the dots of ". . .", "?!" split by a space).
        if isTerminator(next) { return false }
        if term != 0x2E { return true }
        // A full stop. An ellipsis written "..." or ". . ." continues the sentence.
        if t >= 2 && u[t - 2].value == 0x2E { return false }
        if t >= 3 && u[t - 2].value == 0x20 && u[t - 3].value == 0x2E { return false }
        // Lower-case Latin after the stop: the sentence goes on (e.g. "approx. two").
        if next >= 0x61 && next <= 0x7A { return false }
        // The word before the stop.
        var w = t - 1
        while w > 0 && !ArabicScalar.isWhitespace(u[w - 1].value) && u[w - 1].value != 0x28 { w -= 1 }
        while w < t - 1 && isOpener(u[w].value) { w += 1 }
        let word = u[w..<(t - 1)]
        if word.isEmpty { return true }
        if word.allSatisfy({ ArabicScalar.isLatinLetter($0.value) || $0.value == 0x2E }) {
            // Latin followed by Arabic: the Latin word ends an Arabic sentence ("... موقع weather.com. وقال").
            if ArabicScalar.isLetter(next) { return true }
            // An initial ("J.") or an abbreviation ("Mr.", "U.S.", "e.g.").
            let letters = word.filter { $0.value != 0x2E }.count
            if letters == 1 { return false }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: word)
            let key = String(s).lowercased()
            if latinAbbreviations.contains(key) { return false }
            if word.contains(where: { $0.value == 0x2E }) { return false }
            return true
        }
        // A single Arabic letter (د. م. ص. هـ.): an abbreviation, not the end of a sentence.
        let arabicLetters = word.filter { ArabicScalar.isLetter($0.value) }.count
        if arabicLetters == 1 && word.allSatisfy({ ArabicScalar.isWordPart($0.value) || $0.value == 0x2E }) {
            return false
        }
        return true
    }
}
