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

    /// The system ICU's version, e.g. "72.1".
    public static var icuVersion: String { ICUBridge.version }
}
