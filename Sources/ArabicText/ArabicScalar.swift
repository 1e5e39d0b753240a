/// Code point classes for Arabic text, by range (a range check is ~25x cheaper than a scalar property).
public enum ArabicScalar {
    /// Arabic letters, including Persian/Urdu additions and presentation forms.
    @inlinable public static func isLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE...0x06EF,
            0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x08A0...0x08C9, 0xFB50...0xFD3D, 0xFD50...0xFDFB,
            0xFE70...0xFEFC:
            return true
        default: return false
        }
    }

    /// Harakat, Quranic marks and other combining marks of the Arabic block.
    @inlinable public static func isMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8,
            0x06EA...0x06ED, 0x08CA...0x08E1, 0x08E3...0x08FF:
            return true
        default: return false
        }
    }

    /// Tatweel (kashida), U+0640.
    public static let tatweel: UInt32 = 0x0640

    /// Letters, marks and tatweel: the scalars that make up an Arabic word.
    @inlinable public static func isWordPart(_ v: UInt32) -> Bool {
        isLetter(v) || isMark(v) || v == tatweel
    }

    /// The digit value of a Western, Arabic-Indic (U+0660...) or Persian (U+06F0...) digit.
    @inlinable public static func digitValue(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x30...0x39: return v - 0x30
        case 0x0660...0x0669: return v - 0x0660
        case 0x06F0...0x06F9: return v - 0x06F0
        default: return nil
        }
    }

    /// Bidi controls: LRM, RLM, ALM, the embeddings/overrides U+202A–202E and isolates U+2066–2069.
    @inlinable public static func isBidiControl(_ v: UInt32) -> Bool {
        switch v {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Invisible format characters dropped from matching keys: bidi controls, zero-width space,
    /// ZWNJ, ZWJ, word joiner, soft hyphen and BOM.
    @inlinable public static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF: return true
        default: return isBidiControl(v)
        }
    }

    @inlinable public static func isLatinLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// `s` without the `isWhitespace` scalars at either end: the trimming the glossary readers, writers
    /// and the CLI share (Foundation's `.whitespaces` leaves U+2028 and U+2029, which the TSV reader
    /// trims, so an entry would change on its way through).
    public static func trimmingWhitespace(_ s: some StringProtocol) -> String {
        let u = s.unicodeScalars
        if let f = u.first, let l = u.last, !isWhitespace(f.value), !isWhitespace(l.value) { return String(s) }
        guard let f = u.firstIndex(where: { !isWhitespace($0.value) }), let l = u.lastIndex(where: { !isWhitespace($0.value) })
        else { return "" }
        return String(scalars: u[f...l])
    }

    @inlinable public static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
