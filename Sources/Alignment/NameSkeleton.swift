import ArabicText

/// Consonant skeletons that let an Arabic name meet its English spelling: both sides are reduced to
/// the consonant classes of `PhoneticKey` (B K T D S Z H X R L M N C), vowels dropped and a repeated
/// class written once. ترامب and Trump both give `TRMB`; بلينكن and Blinken give `BLNKN`; فيسبوك and
/// Facebook give `BSBK`.
///
/// English spelling is ambiguous, so an English word has a few skeletons (`th` is ت, ث or ذ; `ch` is
/// تش, ش or ك; a silent `h`); an Arabic word has one per reading without the proclitics و ف ب ل ك and
/// the article, with and without a final ة/ه.
///
/// ```swift
/// NameSkeleton.english("Thatcher")            // ["TTC", "TC", "TK", "SC", ...]
/// NameSkeleton.arabic(key: Normalizer.key("وتاتشر"))   // ["TTC", ...]
/// ```
/// - Complexity: O(n) per word, with at most `maxVariants` variants.
public enum NameSkeleton {
    /// At most this many skeletons per English word.
    public static let maxVariants = 8

    /// The skeletons of an English word (letters only; case and accents ignored).
    public static func english(_ word: some StringProtocol) -> [String] {
        englishVariants(word).map(string)
    }

    /// The skeletons of an English word, packed (`code(_:)`).
    static func englishCodes(_ word: some StringProtocol) -> [UInt64] {
        englishVariants(word).map(code)
    }

    static func englishVariants(_ word: some StringProtocol) -> [[UInt8]] {
        let letters = word.lowercased().unicodeScalars.compactMap { foldLatin($0.value) }
        var variants: [[UInt8]] = [[]]
        func append(_ options: [[UInt8]]) {
            var next: [[UInt8]] = []
            for v in variants {
                for o in options where next.count < maxVariants {
                    next.append(v + o)
                }
            }
            variants = next
        }
        let count = letters.count
        var i = 0
        func at(_ index: Int) -> UInt8 { index >= 0 && index < count ? letters[index] : 0 }
        func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == ii || c == o || c == u || c == y }
        while i < count {
            let c = letters[i]
            let next = at(i + 1)
            switch c {
            case s where next == letterC && at(i + 2) == h:
                append([[classC]])
                i += 3
                continue
            case s where next == h:
                append([[classC]])
                i += 2
                continue
            case t where next == letterC && at(i + 2) == h:
                append([[classT, classC], [classC]])
                i += 3
                continue
            case letterC where next == h:
                append([[classT, classC], [classC], [classK]])
                i += 2
                continue
            case t where next == h:
                append([[classT], [classS], [classZ]])
                i += 2
                continue
            case p where next == h:
                append([[classB]])
                i += 2
                continue
            case k where next == h:
                append([[classX], [classK]])
                i += 2
                continue
            case g where next == h:
                append([[classK], []])
                i += 2
                continue
            case letterC where next == k:
                append([[classK]])
                i += 2
                continue
            case q where next == u:
                append([[classK]])
                i += 2
                continue
            case n where next == g && !isVowel(at(i + 2)):
                append([[classN, classK], [classN]])
                i += 2
                continue
            default:
                break
            }
            switch c {
            case a, e, ii, o, u, y, w: break
            case b, p, f, v: append([[classB]])
            case letterC: append(isVowelFront(next) ? [[classS]] : [[classK]])
            case d: append([[classD]])
            case g, j, k, q: append([[classK]])
            case h:
                // A silent h after a vowel: "John", "Sarah".
                if isVowel(at(i - 1)) && !isVowel(next) { append([[classH], []]) } else { append([[classH]]) }
            case l: append([[classL]])
            case m: append([[classM]])
            case n: append([[classN]])
            case r: append([[classR]])
            case s: append(isVowel(at(i - 1)) && isVowel(next) ? [[classS], [classZ]] : [[classS]])
            case t: append([[classT]])
            case x: append([[classK, classS]])
            case z: append([[classZ]])
            default: break
            }
            i += 1
        }
        var out: [[UInt8]] = []
        for v in variants {
            let collapsed = collapse(v)
            if !out.contains(collapsed) { out.append(collapsed) }
        }
        return out
    }

    /// The skeletons of an Arabic word given as its matching key (`Normalizer.key`): one per reading
    /// without the proclitics و ف ب ل ك and the article, with and without a final ه (ة).
    public static func arabic(key: some StringProtocol) -> [String] {
        arabic(keyScalars: Array(key.unicodeScalars))
    }

    public static func arabic(keyScalars k: [Unicode.Scalar]) -> [String] {
        arabicVariants(keyScalars: k).map(string)
    }

    /// The skeletons of an Arabic word, packed (`code(_:)`): the same as
    /// `arabicVariants(keyScalars:).map(code)`, packed as it goes (no array per skeleton: the aligner
    /// asks for every Arabic word of a document).
    static func arabicCodes(keyScalars k: [Unicode.Scalar]) -> [UInt64] {
        var out: [UInt64] = []
        for stem in skeletonStems(k) {
            let c = arabicCode(stem)
            if !out.contains(c) { out.append(c) }
        }
        return out
    }

    /// The stems a word's skeletons are taken from: its light-stemmer readings, each followed by
    /// itself without a final ه when it has one (and more than three letters).
    private static func skeletonStems(_ k: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        for stem in LightStemmer.readings(key: k) {
            out.append(stem)
            if let last = stem.last, last == "ه", stem.count > 3 { out.append(stem.dropLast()) }
        }
        return out
    }

    private static func arabicCode(_ stem: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var c: UInt64 = 0
        var last: UInt8 = 0
        var n = 0
        for s in stem {
            guard let cl = PhoneticKey.classOf(s.value), cl.value < 0x80 else { continue }
            let b = UInt8(cl.value)
            guard b != last, isConsonantClass[Int(b)] else { continue }
            last = b
            if n < 16 {
                c = c << 4 | UInt64(classIndex[Int(b)])
                n += 1
            }
        }
        return c
    }

    private static let isConsonantClass: [Bool] = (0..<128).map { consonantClasses.contains(UInt8($0)) }

    static func arabicVariants(keyScalars k: [Unicode.Scalar]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for stem in skeletonStems(k) {
            let skeleton = arabicSkeleton(stem)
            if !out.contains(skeleton) { out.append(skeleton) }
        }
        return out
    }

    /// The number of consonant classes in a skeleton.
    public static func length(_ skeleton: String) -> Int { skeleton.utf8.count }

    /// A skeleton packed into an integer, four bits a class (the first 16 classes).
    static func code(_ v: [UInt8]) -> UInt64 {
        var c: UInt64 = 0
        for b in v.prefix(16) { c = c << 4 | UInt64(classIndex[Int(b)]) }
        return c
    }

    /// The number of classes in a packed skeleton.
    static func codeLength(_ code: UInt64) -> Int { (64 - code.leadingZeroBitCount + 3) / 4 }

    private static let classIndex: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 128)
        for (i, c) in "BKTDSZHXRLMNC".utf8.enumerated() { t[Int(c)] = UInt8(i + 1) }
        return t
    }()

    private static func arabicSkeleton(_ stem: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var v: [UInt8] = []
        for s in stem {
            guard let c = PhoneticKey.classOf(s.value), c.value < 0x80 else { continue }
            let b = UInt8(c.value)
            if consonantClasses.contains(b) { v.append(b) }
        }
        return collapse(v)
    }

    private static func collapse(_ v: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for c in v where out.last != c { out.append(c) }
        return out
    }

    private static func string(_ v: [UInt8]) -> String { String(decoding: v, as: UTF8.self) }

    private static func isVowelFront(_ c: UInt8) -> Bool { c == e || c == ii || c == y }

    /// Lower-case ASCII for a Latin letter, accents dropped (é -> e, ç -> c, ñ -> n); nil otherwise.
    private static func foldLatin(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x61...0x7A: return UInt8(v)
        case 0xE0...0xE5: return a
        case 0xE7: return letterC
        case 0xE8...0xEB: return e
        case 0xEC...0xEF: return ii
        case 0xF1: return n
        case 0xF2...0xF6, 0xF8: return o
        case 0xF9...0xFC: return u
        case 0xFD, 0xFF: return y
        default: return nil
        }
    }

    // ASCII codes of the letters (letterC and ii leave c and i to local names).
    private static let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), letterC = UInt8(ascii: "c"), d = UInt8(ascii: "d")
    private static let e = UInt8(ascii: "e"), f = UInt8(ascii: "f"), g = UInt8(ascii: "g"), h = UInt8(ascii: "h")
    private static let ii = UInt8(ascii: "i"), j = UInt8(ascii: "j"), k = UInt8(ascii: "k"), l = UInt8(ascii: "l")
    private static let m = UInt8(ascii: "m"), n = UInt8(ascii: "n"), o = UInt8(ascii: "o"), p = UInt8(ascii: "p")
    private static let q = UInt8(ascii: "q"), r = UInt8(ascii: "r"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
    private static let u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
    private static let y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
    // Class letters, as PhoneticKey writes them.
    private static let classB = UInt8(ascii: "B"), classK = UInt8(ascii: "K"), classT = UInt8(ascii: "T"), classD = UInt8(ascii: "D")
    private static let classS = UInt8(ascii: "S"), classZ = UInt8(ascii: "Z"), classH = UInt8(ascii: "H"), classX = UInt8(ascii: "X")
    private static let classR = UInt8(ascii: "R"), classL = UInt8(ascii: "L"), classM = UInt8(ascii: "M"), classN = UInt8(ascii: "N")
    private static let classC = UInt8(ascii: "C")
    private static let consonantClasses: Set<UInt8> = [
        classB, classK, classT, classD, classS, classZ, classH, classX, classR, classL, classM, classN, classC,
    ]
}
