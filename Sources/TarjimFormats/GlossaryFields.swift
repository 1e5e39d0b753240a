import ArabicText
import Foundation
import Glossary

/// The rules every reader applies to the fields it hands over, so that an imported entry can always be
/// written as a TSV glossary line and read back unchanged (the TSV reader's rules): terms trimmed and
/// non-empty, no control characters (tab and line breaks included), variants without `;`, an Arabic
/// term that does not start with `#` (a comment line in TSV).
enum GlossaryFields {
    /// Trimming as the TSV reader does it (`ArabicScalar.isWhitespace`: spaces, tabs, Unicode space
    /// separators, and line and paragraph separators, which Foundation's `.whitespaces` leaves; found
    /// by fuzz-glossary-csv).
    static func trimmed(_ s: some StringProtocol) -> String { ArabicScalar.trimmingWhitespace(s) }

    /// `U+0009` style.
    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The 0-based scalar offset and value of the first character a glossary field cannot hold:
    /// C0 controls (tab and line breaks included), DEL, C1 controls.
    static func firstControl(in s: some StringProtocol) -> (offset: Int, value: UInt32)? {
        for (i, c) in s.unicodeScalars.enumerated() {
            let v = c.value
            if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { return (i, v) }
        }
        return nil
    }

    /// The 0-based scalar offset and value of the first character XML 1.0 does not allow
    /// (C0 controls other than tab, LF, CR; U+FFFE; U+FFFF).
    static func firstNonXML(in s: some StringProtocol) -> (offset: Int, value: UInt32)? {
        for (i, c) in s.unicodeScalars.enumerated() {
            let v = c.value
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF { return (i, v) }
        }
        return nil
    }

    /// A problem with one field: the 0-based scalar offset inside the field and a message.
    struct Problem: Error {
        var offset: Int
        var message: String
    }

    /// Checks a term (Arabic or English, canonical or variant) already trimmed.
    static func checkTerm(_ term: String, what: String, isVariant: Bool) -> Problem? {
        if term.isEmpty { return Problem(offset: 0, message: "empty \(what)") }
        if let (i, v) = firstControl(in: term) {
            return Problem(offset: i, message: "control character \(codePoint(v)) in the \(what); glossary fields are one line of text")
        }
        if isVariant, let i = term.unicodeScalars.firstIndex(of: ";") {
            let offset = term.unicodeScalars.distance(from: term.unicodeScalars.startIndex, to: i)
            return Problem(offset: offset, message: "';' in the \(what) '\(term)'; variants are ';'-separated in a glossary")
        }
        return nil
    }

    /// Checks a comment (kept as written, not trimmed).
    static func checkComment(_ comment: String) -> Problem? {
        if let (i, v) = firstControl(in: comment) {
            return Problem(offset: i, message: "control character \(codePoint(v)) in the comment; glossary fields are one line of text")
        }
        return nil
    }

    /// Checks the canonical Arabic term.
    static func checkArabic(_ arabic: String) -> Problem? {
        if let p = checkTerm(arabic, what: "Arabic term", isVariant: false) { return p }
        if arabic.utf8.first == 0x23 {  // the first scalar, as the TSV reader looks (hasPrefix compares Characters)
            return Problem(offset: 0, message: "an Arabic term cannot start with '#' (a glossary line starting with '#' is a comment)")
        }
        return nil
    }

    /// Splits a `;`-separated list the way the TSV reader does: at every scalar `;`, trimmed, empty
    /// items dropped.
    static func splitList(_ s: String) -> [String] {
        s.unicodeScalars.split(separator: ";", omittingEmptySubsequences: true).map { trimmed(Substring($0)) }.filter { !$0.isEmpty }
    }

    /// Parses a kind cell: empty means `term`; case and surrounding spaces are ignored.
    static func kind(_ s: String) -> EntryKind? {
        let k = trimmed(s).lowercased()
        return k.isEmpty ? .term : EntryKind(rawValue: k)
    }
}
