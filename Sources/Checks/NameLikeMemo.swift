/// What `Lexicon.isNameLike` and `Normalizer.key` said about the words a thread has seen: for each
/// word as written, its matching key when it is name-like, "" when it is not (a name-like key has
/// four letters or more). Each collecting thread has its own (`Checker` keeps them in a pool), so
/// the common case takes no lock and computes no key.
struct NameLikeMemo {
    /// More distinct words than this and the memo starts again (bounded memory).
    static let limit = 200_000
    private var keys: [UTF8Key: String] = [:]

    /// The word's matching key when it is name-like, nil when it is not.
    mutating func key(of word: String, _ compute: (String) -> String?) -> String? {
        if let k = keys[UTF8Key(word)] { return k.isEmpty ? nil : k }
        let k = compute(word)
        if keys.count >= Self.limit { keys.removeAll(keepingCapacity: true) }
        keys[UTF8Key(word)] = k ?? ""
        return k
    }
}
