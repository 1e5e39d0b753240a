import ArabicText
import Foundation

/// Searching English text for terms and names: whole words, ignoring case, with simple inflection.
enum EnglishText {
    /// A Latin word of a text: its span (Unicode scalar offsets) and its text.
    struct Word {
        let range: Range<Int>
        let text: String
        let lower: String
        let isCapitalized: Bool
    }

    static func words(_ scalars: [Unicode.Scalar]) -> [Word] {
        Tokenizer.tokenize(scalars: scalars).compactMap { t in
            guard t.kind == .latinWord else { return nil }
            let text = String(scalars: scalars[t.range])
            return Word(range: t.range, text: text, lower: fold(text), isCapitalized: scalars[t.range.lowerBound].properties.isUppercase)
        }
    }

    /// Lowercase, without diacritics (Erdoğan = Erdogan, José = Jose), ’ as '.
    /// ASCII text (most English terms) folds to its lowercase, without Foundation's folding.
    static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(s) }
        return foundationFold(s)
    }

    /// The definition `fold` follows: Foundation's case and diacritic folding.
    static func foundationFold(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{2019}", with: "'").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func asciiLowercased(_ s: String) -> String {
        var bytes = Array(s.utf8)
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether only spaces or a hyphen separate two words.
    static func adjacent(_ a: Word, _ b: Word, _ scalars: [Unicode.Scalar]) -> Bool {
        scalars[a.range.upperBound..<b.range.lowerBound].allSatisfy { ArabicScalar.isWhitespace($0.value) || $0 == "-" }
    }

    /// The words of a term, folded, without punctuation ("U.S." -> ["u.s"]).
    static func termWords(_ term: String) -> [String] {
        words(Array(term.unicodeScalars)).map(\.lower)
    }

    /// Where `term` occurs in `words` (of `scalars`): the words of the term in order, adjacent,
    /// ignoring case; the last may carry a plural or possessive ending (s, es, 's, ’s). Returns the
    /// span in scalars.
    ///
    /// ```swift
    /// EnglishText.find("United Nation", in: Array("the United Nations' envoy".unicodeScalars))   // 4..<18
    /// ```
    /// With `adjectives` (places), the last word may also be an adjective or demonym made from it:
    /// a word of the same first four letters (Germany -> German, Russia -> Russian, Britain ->
    /// British, North Korea -> North Korean).
    static func find(_ term: String, in scalars: [Unicode.Scalar], words: [Word], adjectives: Bool = false) -> Range<Int>? {
        let t = termWords(term)
        guard !t.isEmpty, t.count <= words.count else { return nil }
        outer: for i in 0...(words.count - t.count) {
            for j in 0..<t.count {
                let w = words[i + j]
                if j > 0 && !adjacent(words[i + j - 1], w, scalars) { continue outer }
                if j < t.count - 1 {
                    if w.lower != t[j] { continue outer }
                } else if !isInflection(w.lower, of: t[j]) && !(adjectives && isDerived(w, from: t[j])) {
                    continue outer
                }
            }
            return words[i].range.lowerBound..<words[i + t.count - 1].range.upperBound
        }
        return nil
    }

    /// A capitalised word that shares the first four letters of a place name of five or more.
    static func isDerived(_ w: Word, from base: String) -> Bool {
        w.isCapitalized && base.count >= 5 && w.lower.count >= 4 && w.lower.prefix(4) == base.prefix(4)
    }

    /// A spelling key for comparing English renderings: folded, without dots (U.S. = US).
    static func spellingKey(_ s: String) -> String {
        fold(s).replacingOccurrences(of: ".", with: "")
    }

    /// Whether `found` is one of the `accepted` forms, or its plural or possessive.
    static func isAccepted(_ found: String, _ accepted: [String]) -> Bool {
        let f = spellingKey(withoutPossessive(found))
        return accepted.contains { a in
            let k = spellingKey(a)
            return f == k || isInflection(f, of: k)
        }
    }

    /// The word is the base, its plural or possessive, or (for a plural base) its singular.
    static func isInflection(_ word: String, of base: String) -> Bool {
        if word == base { return true }
        if base.count > 3 && base.hasSuffix("s") && word == base.dropLast() { return true }
        guard word.hasPrefix(base) else { return false }
        let rest = word.dropFirst(base.count)
        return rest == "s" || rest == "es" || rest == "'s"
    }

    /// The English forms that count as a glossary entry's English in a translation: its English
    /// and English variants, and for each
    /// - both parts of "X (Y)" (North Atlantic Treaty Organization (NATO));
    /// - without a leading "the" (the West -> West) or a leading acronym qualifier (US Congress ->
    ///   Congress, UN General Assembly -> General Assembly);
    /// - for places and organisations of several capitalised words, the initials with and without
    ///   dots (United States -> US, U.S.);
    /// - for persons named in full, the surname alone.
    static func acceptedForms(english: String, variants: [String], isPerson: Bool, isName: Bool) -> [String] {
        var out: [String] = []
        func add(_ s: String) {
            let t = s.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty && !out.contains(t) { out.append(t) }
        }
        for form in [english] + variants {
            var parts = [form]
            if let open = form.firstIndex(of: "("), let close = form.lastIndex(of: ")"), open < close {
                parts = [String(form[..<open]), String(form[form.index(after: open)..<close])]
            }
            for p in parts {
                add(p)
                let words = p.split(separator: " ").map(String.init)
                guard words.count > 1 else { continue }
                if words[0].lowercased() == "the" { add(words.dropFirst().joined(separator: " ")) }
                if words[0].count <= 3 && words[0].allSatisfy({ $0.isUppercase }) { add(words.dropFirst().joined(separator: " ")) }
                if isPerson, let last = words.last { add(last) }
                if isName && !isPerson {
                    let capitalised = words.filter { $0.first?.isUppercase ?? false }
                    if capitalised.count >= 2 && capitalised.count == words.filter({ !["of", "the", "and", "for"].contains($0) }).count {
                        let initials = capitalised.compactMap(\.first).map(String.init)
                        add(initials.joined())
                        add(initials.joined(separator: ".") + ".")
                    }
                }
            }
        }
        return out
    }

    /// Similarity of two strings in 0...1 (1 - Levenshtein distance / longer length), ignoring case.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        let n = max(x.count, y.count)
        if n == 0 { return 1 }
        return 1 - Double(levenshtein(x, y)) / Double(n)
    }

    /// - Complexity: O(m·n).
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// A consonant skeleton for comparing a transliterated Arabic name with an English spelling:
    /// lowercase, vowels and y/w dropped after the first letter, letters Arabic does not tell apart
    /// folded (v f p b -> b, k c q g -> k, z s -> s, d t -> t), repeats written once.
    static func skeleton(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        for (i, u) in s.lowercased().unicodeScalars.enumerated() {
            guard ArabicScalar.isLatinLetter(u.value) else { continue }
            let c: Unicode.Scalar
            switch u {
            case "a", "e", "i", "o", "u", "y", "w":
                if i > 0 { continue }
                c = "a"
            case "v", "f", "p", "b": c = "b"
            case "k", "c", "q", "g": c = "k"
            case "z", "s", "x": c = "s"
            case "d", "t": c = "t"
            case "j": c = "j"
            default: c = u
            }
            if c != last { out.append(c) }
            last = c
        }
        return String(out)
    }

    /// Whether `word` (any case) ends with a possessive ('s or ’s); returns it without.
    static func withoutPossessive(_ word: String) -> String {
        for suffix in ["'s", "\u{2019}s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return word
    }
}
