/// A key for matching foreign names that readers and typists spell in different ways.
///
/// It works on the matching key (so harakat, tatweel and alef/yeh/teh-marbuta variants are already
/// folded) and maps letters that stand for the same foreign sound, or are confused by machine
/// translation, to one class:
///
/// | class | letters |
/// |---|---|
/// | `B` | ب ف پ ڤ |
/// | `K` | ك ق ج غ گ چ |
/// | `T` | ت ط |
/// | `D` | د ض |
/// | `S` | س ص ث |
/// | `Z` | ز ظ ذ ژ |
/// | `H` | ه ح (and ة, folded to ه by the key) |
///
/// The long vowels ا و ي (and hamza seats ء ئ ؤ) are dropped except at the start of the word, and a
/// repeated class is written once. With it بلينجن, بلينكين and بلينكن all give `BLNKN`; فيدن and بايدن give
/// `BDN`. Known collisions: any two names that differ only in vowels or within a class (كندا/قندة,
/// بوتين/بوتان/فتين); that is why fuzzy matching also weighs an edit distance and a lexicon.
public enum PhoneticKey {
    /// The phonetic key of one word's matching key (no article or clitics: strip them first).
    public static func of(key word: some StringProtocol) -> String {
        of(keyScalars: Array(word.unicodeScalars))
    }

    public static func of(keyScalars u: some Collection<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        forEachClass(u) { out.append($0) }
        return String(out)
    }

    /// The hash (`KeyHash`) of the phonetic key, computed without building it.
    public static func hash(keyScalars u: some Collection<Unicode.Scalar>) -> UInt64 {
        var h = KeyHash.seed
        forEachClass(u) { h = KeyHash.combine(h, $0.value) }
        return h
    }

    /// The same for an array slice: a concrete overload, so that callers in other modules do not go
    /// through the unspecialized generic (thousands of instructions a call).
    public static func hash(keyScalars u: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = KeyHash.seed
        forEachClass(u) { h = KeyHash.combine(h, $0.value) }
        return h
    }

    public static func hash(keyScalars u: [Unicode.Scalar]) -> UInt64 {
        hash(keyScalars: u[...])
    }

    /// Calls `body` with each class letter of the key, in order.
    @inline(__always)
    static func forEachClass(_ u: some Collection<Unicode.Scalar>, _ body: (Unicode.Scalar) -> Void) {
        var last: Unicode.Scalar? = nil
        var first = true
        // Letters after the first from a table: the switch compiled to a jump whose target changes
        // with every letter (a mispredicted branch per letter when compiling a glossary).
        let following = followingClasses
        for s in u {
            let c: Unicode.Scalar?
            if first {
                switch s.value {
                case 0x0627, 0x0623, 0x0625, 0x0622, 0x0621, 0x0626, 0x0624: c = "A"
                case 0x0648: c = "W"
                case 0x064A, 0x0649: c = "Y"
                default: c = classOf(s.value)
                }
                first = false
            } else if s.value &- 0x0600 < 0x100 {
                let b = following[Int(s.value &- 0x0600)]
                c = b == 0 ? nil : Unicode.Scalar(b)
            } else {
                c = classOf(s.value)
            }
            guard let c else { continue }
            if c != last { body(c) }
            last = c
        }
    }

    /// The class of U+0600 ... U+06FF after a word's first letter, as an ASCII byte (0: none): the
    /// long vowels and hamza seats are dropped there.
    static let followingClasses: [UInt8] = (0..<0x100).map { i -> UInt8 in
        let v = UInt32(0x0600 + i)
        switch v {
        case 0x0627, 0x0623, 0x0625, 0x0622, 0x0621, 0x0626, 0x0624, 0x0648, 0x064A, 0x0649: return 0
        default: return classOf(v).map { UInt8($0.value) } ?? 0
        }
    }

    /// The class letter of one Arabic letter (B, K, T, ... as in the table above; "?" for other Arabic letters).
    public static func classOf(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x0628, 0x0641, 0x067E, 0x06A4: return "B"
        case 0x0643, 0x0642, 0x062C, 0x063A, 0x06AF, 0x0686: return "K"
        case 0x062A, 0x0637: return "T"
        case 0x062F, 0x0636: return "D"
        case 0x0633, 0x0635, 0x062B: return "S"
        case 0x0632, 0x0638, 0x0630, 0x0698: return "Z"
        case 0x0647, 0x062D, 0x0629: return "H"
        case 0x062E: return "X"
        case 0x0631: return "R"
        case 0x0644: return "L"
        case 0x0645: return "M"
        case 0x0646: return "N"
        case 0x0634: return "C"
        case 0x0639: return "E"
        default:
            if ArabicScalar.isLetter(v) { return "?" }
            if v < 0x80 { return Unicode.Scalar(v) }
            return nil
        }
    }
}

extension PhoneticKey {
    /// Replaces every Arabic word of `text` with its phonetic key, leaving the rest as it is.
    public static func keyText(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var last = 0
        for t in Tokenizer.tokenize(scalars: scalars) where t.kind == .arabicWord {
            out.append(contentsOf: scalars[last..<t.range.lowerBound])
            let key = MatchingKey(scalars: Array(scalars[t.range]))
            out.append(contentsOf: of(keyScalars: key.scalars).unicodeScalars)
            last = t.range.upperBound
        }
        out.append(contentsOf: scalars[last...])
        return String(out)
    }
}
