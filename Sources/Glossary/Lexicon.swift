import ArabicText
import Foundation

/// A list of ordinary Arabic words (by matching key), used to keep fuzzy name detection away from
/// ordinary words: a word the lexicon knows is not a garbled name.
///
/// The default source is Debian's `hunspell-ar` word list (`/usr/share/hunspell/ar.dic`, ~170,000
/// forms, installed by the project's CI and setup); any list with one word per line (optionally
/// `word/FLAGS` or `word<TAB>...`) works.
public struct Lexicon: Sendable {
    public private(set) var keys: Set<String>

    public static let defaultPath = "/usr/share/hunspell/ar.dic"

    public init(words: some Sequence<String>) {
        keys = Set(words.map { Normalizer.key($0) })
    }

    /// Reads a hunspell `.dic` or a plain word list.
    public init(contentsOf url: URL) throws(GlossaryError) {
        let text: String
        do {
            text = try TextDecoder.decode(contentsOf: url, encoding: .utf8).text
        } catch {
            throw .unreadable(file: url.path, reason: error.description)
        }
        var keys = Set<String>()
        keys.reserveCapacity(200_000)
        for line in text.split(whereSeparator: \.isNewline) {
            var word = line.prefix { $0 != "/" && $0 != "\t" && $0 != " " }
            if word.isEmpty { continue }
            if word.unicodeScalars.allSatisfy({ $0.value < 0x80 }) { continue }  // counts, flags
            word = word.drop { $0 == " " }
            keys.insert(Normalizer.key(String(word)))
        }
        self.keys = keys
    }

    /// The system lexicon when it is installed, nil otherwise.
    public static func system() -> Lexicon? {
        guard FileManager.default.fileExists(atPath: defaultPath) else { return nil }
        return try? Lexicon(contentsOf: URL(fileURLWithPath: defaultPath))
    }

    public func contains(key: String) -> Bool { keys.contains(key) }
}
