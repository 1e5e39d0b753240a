import ArabicText
import CHunspell
import Foundation
import Synchronization

/// Ordinary Arabic words: a word the lexicon knows is not taken for a garbled name on weak evidence,
/// and a word it does not know is name-like (most words Hunspell rejects in news text are foreign
/// names).
///
/// The default is Hunspell with Debian's `hunspell-ar` dictionary (`/usr/share/hunspell/ar.aff` and
/// `ar.dic`), which knows Arabic prefixes and suffixes, so وللصحفيين and دعمها are words. A plain word
/// list (`Lexicon(words:)`) works too; it only knows the forms it lists.
///
/// Thread-safe; answers are cached per word.
public final class Lexicon: Sendable {
    private enum Storage: @unchecked Sendable {
        case words(Set<String>)
        case hunspell(OpaquePointer)
    }

    private let storage: Storage
    /// Answers so far; its lock also serializes Hunspell, which is not thread-safe.
    private let cache = Mutex(WordFlagCache(limit: 200_000))
    /// `isNameLike` answers so far (a function of the word alone).
    let nameCache = Mutex(WordFlagCache(limit: 200_000))

    /// Debian's Arabic Hunspell dictionary, without the extension.
    public static let defaultHunspellPath = "/usr/share/hunspell/ar"

    /// A lexicon of exactly these words (compared by matching key).
    public init(words: some Sequence<String>) {
        storage = .words(Set(words.map { Normalizer.key($0) }))
    }

    /// Hunspell with `PATH.aff` and `PATH.dic`.
    public init(hunspell path: String) throws(GlossaryError) {
        for ext in [".aff", ".dic"] where !FileManager.default.isReadableFile(atPath: path + ext) {
            throw .unreadable(file: path + ext, reason: "Hunspell dictionary not found (apt-get install hunspell-ar)")
        }
        guard let h = Hunspell_create(path + ".aff", path + ".dic") else {
            throw .unreadable(file: path + ".dic", reason: "Hunspell could not load the dictionary")
        }
        storage = .hunspell(h)
    }

    deinit {
        if case .hunspell(let h) = storage { Hunspell_destroy(h) }
    }

    /// The system's Arabic Hunspell lexicon when hunspell-ar is installed, nil otherwise.
    public static func system() -> Lexicon? {
        try? Lexicon(hunspell: defaultHunspellPath)
    }

    /// Whether `word` (as written in the text, clitics included) is an ordinary word.
    public func knows(_ word: String) -> Bool {
        cache.withLock { $0.value(for: Substring(word)) { _ in lookUp(word) } }
    }

    private func lookUp(_ word: String) -> Bool {
        switch storage {
        case .words(let set):
            let key = Normalizer.key(word)
            return set.contains(key)
                || CliticAnalyzer.analyses(ofKey: key).contains { set.contains($0.stem) || set.contains($0.stemWithArticle) }
        case .hunspell(let h):
            // Hunspell's Arabic dictionary ignores harakat and tatweel itself; drop bidi/format controls.
            let clean = String(scalars: word.unicodeScalars.filter { !ArabicScalar.isInvisibleFormat($0.value) })
            return Hunspell_spell(h, clean) != 0
        }
    }
}
