import ArabicText

extension Lexicon {
    /// Whether an Arabic word looks like a name no glossary lists: the lexicon rejects it, it has at
    /// least four letters, it does not end in teh marbuta (feminine nouns and adjectives, rarely
    /// foreign names), and it is not a known word plus a suffix the lexicon missed. `draft` (unknown
    /// names to transliterate) and `check` (unknown-name variants) use this one rule, so they agree
    /// on what an unknown name is.
    ///
    /// ```swift
    /// let lexicon = Lexicon(words: ["قال"])
    /// lexicon.isNameLike("تارنوفسكي", key: Normalizer.key("تارنوفسكي"))  // true
    /// ```
    /// - Parameters:
    ///   - word: the word as written.
    ///   - key: its matching key (`Normalizer.key`).
    public func isNameLike(_ word: String, key: String) -> Bool {
        nameCache.withLock { $0.value(for: Substring(word)) { _ in nameLikeUncached(word, key: key) } }
    }

    /// `isNameLike(_:key:)` with the key computed only when the answer is not cached yet.
    public func isNameLike(_ word: String) -> Bool {
        nameCache.withLock { $0.value(for: Substring(word)) { _ in nameLikeUncached(word, key: Normalizer.key(word)) } }
    }

    /// A test that needs no lookup, for words `isNameLike` always rejects: a word ending in teh
    /// marbuta, or of fewer than four scalars that are all letters of the Arabic block's base range
    /// (their key is no longer than they are). Callers skip such words before any cache.
    @inlinable
    public static func cannotBeNameLike(_ word: some BidirectionalCollection<Unicode.Scalar>) -> Bool {
        if word.last == "\u{0629}" { return true }
        return word.count < 4 && word.allSatisfy { (0x0621...0x064A).contains($0.value) }
    }

    private func nameLikeUncached(_ word: String, key: String) -> Bool {
        let k = Array(key.unicodeScalars)
        guard k.count >= 4, word.unicodeScalars.last != "\u{0629}", !knows(word) else { return false }
        for suffix in ["ها", "هم", "هما", "هن", "كم", "نا", "ات", "ون", "ين", "ه", "ي"] {
            let sfx = Array(suffix.unicodeScalars)
            if k.count - sfx.count >= 3 && k.suffix(sfx.count).elementsEqual(sfx) {
                let stem = String(scalars: k.dropLast(sfx.count))
                if knows(stem) { return false }
            }
        }
        return true
    }
}
