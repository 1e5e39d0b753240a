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

    /// Whether a candidate break at offset `pos` (after any whitespace that follows the sentence) is
    /// a real sentence boundary. Offsets are those of `u` (scalar indices or UTF-8 byte offsets).
    static func isBoundary<S: ScalarText>(_ u: S, at pos: Int) -> Bool {
        let end = u.endOffset
        var e = pos
        while e > 0 && ArabicScalar.isWhitespace(u.value(before: e)) { e = u.offset(before: e) }
        var t = e
        while t > 0 && isCloser(u.value(before: t)) { t = u.offset(before: t) }
        guard t > 0 else { return false }
        // The terminator starts at `stop`; `t` is the offset after it.
        let stop = u.offset(before: t)
        let term = u.value(at: stop)
        guard isTerminator(term) else { return false }
        // Next visible character after the break.
        var n = pos
        while n < end && ArabicScalar.isWhitespace(u.value(at: n)) { n = u.offset(after: n) }
        guard n < end else { return true }
        let next = u.value(at: n)
        // Never start a sentence with a terminator (the dots of ". . .", "?!" split by a space).
        if isTerminator(next) { return false }
        if term != 0x2E { return true }
        // A full stop. An ellipsis written "..." or ". . ." continues the sentence.
        if stop > 0 {
            let p = u.offset(before: stop)
            let before = u.value(at: p)
            if before == 0x2E { return false }
            if before == 0x20 && p > 0 && u.value(before: p) == 0x2E { return false }
        }
        // Lower-case Latin after the stop: the sentence goes on (e.g. "approx. two").
        if next >= 0x61 && next <= 0x7A { return false }
        // The word before the stop: [w, stop).
        var w = stop
        while w > 0 {
            let v = u.value(before: w)
            if ArabicScalar.isWhitespace(v) || v == 0x28 { break }
            w = u.offset(before: w)
        }
        while w < stop && isOpener(u.value(at: w)) { w = u.offset(after: w) }
        if w == stop { return true }
        var allLatin = true
        var dots = 0
        var scalars = 0
        var arabicLetters = 0
        var allArabic = true
        var k = w
        while k < stop {
            let v = u.value(at: k)
            scalars += 1
            if v == 0x2E { dots += 1 }
            if !(ArabicScalar.isLatinLetter(v) || v == 0x2E) { allLatin = false }
            if ArabicScalar.isLetter(v) { arabicLetters += 1 }
            if !(ArabicScalar.isWordPart(v) || v == 0x2E) { allArabic = false }
            k = u.offset(after: k)
        }
        if allLatin {
            // Latin followed by Arabic: the Latin word ends an Arabic sentence ("... موقع weather.com. وقال").
            if ArabicScalar.isLetter(next) { return true }
            // An initial ("J.") or an abbreviation ("Mr.", "U.S.", "e.g.").
            if scalars - dots == 1 { return false }
            var word: [Unicode.Scalar] = []
            k = w
            while k < stop {
                word.append(Unicode.Scalar(u.value(at: k)).unsafelyUnwrapped)
                k = u.offset(after: k)
            }
            if latinAbbreviations.contains(String(scalars: word).lowercased()) { return false }
            if dots > 0 { return false }
            return true
        }
        // A single Arabic letter (د. م. ص. هـ.): an abbreviation, not the end of a sentence.
        if arabicLetters == 1 && allArabic { return false }
        return true
    }
}
