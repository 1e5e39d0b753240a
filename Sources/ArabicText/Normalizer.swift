/// The two normalized forms of a text. They are never confused: the display text is what users
/// see and what outputs quote; the matching key is only for comparing.
public enum Normalizer {
    /// The display text: the user's text in NFC (nothing else changes).
    public static func display(_ text: String) -> String {
        ICUBridge.normalize(text, form: 0)
    }

    /// The matching key as a string; see `MatchingKey` for the folds and the offset map.
    public static func key(_ text: String) -> String {
        MatchingKey.keyString(text)
    }

    /// Appends the matching key of valid UTF-8 text to `out` as UTF-8 (the bytes of `key(_:)`),
    /// without making a String: what `tarjim normalize --key` writes.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// var text = "\u{FEFB}وَ"
    /// text.withUTF8 { Normalizer.appendKey(utf8: $0, to: &out) }   // the bytes of "لاو"
    /// ```
    /// - Complexity: O(n).
    public static func appendKey(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        KeyFolding.appendKey(utf8: utf8, to: &out)
    }

    /// `appendKey(utf8:to:)` over bytes not yet checked: false, with nothing appended, when `utf8`
    /// is not valid UTF-8 or holds a NUL byte (what `tarjim normalize --key` calls on the pieces of
    /// a UTF-8 input; the check is made in the same pass as the key).
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// [0x41, 0xFF].withUnsafeBufferPointer { Normalizer.appendKey(validatingUTF8: $0, to: &out) }   // false
    /// ```
    /// - Complexity: O(n).
    public static func appendKey(validatingUTF8 utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        KeyFolding.appendKey(validatingUTF8: utf8, to: &out)
    }

    /// The system ICU's version, e.g. "72.1".
    public static var icuVersion: String { ICUBridge.version }
}
