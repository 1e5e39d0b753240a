import ArabicText

/// What `Lexicon.isNameLike` and `Normalizer.key` said about the words a thread has seen: for each
/// word as written, its matching key when it is name-like (a name-like key has four letters or
/// more). Each collecting thread has its own (`Checker` keeps them in a pool), so the common case
/// takes no lock, makes no String and computes no key: the word's scalars are looked up in a
/// `ScalarWordCache` (as the drafter's unknown-name cache does), which holds an index into `keys`.
struct NameLikeMemo {
    /// More distinct words than this and the memo starts again (bounded memory).
    static let limit = 200_000
    /// The index in `keys` of each word seen, -1 for a word that is not name-like.
    private var words = ScalarWordCache(limit: limit)
    private var keys: [String] = []

    /// The word's matching key when it is name-like, nil when it is not.
    mutating func key(of word: ArraySlice<Unicode.Scalar>, _ compute: (String) -> String?) -> String? {
        if keys.count >= Self.limit {
            // `words` starts over by itself when full; `keys` only grows, so both start over here.
            words = ScalarWordCache(limit: Self.limit)
            keys.removeAll(keepingCapacity: true)
        }
        var computed: String?
        let next = Int32(keys.count)
        let index = words.value(for: word) { w in
            computed = compute(String(scalars: w))
            return computed == nil ? -1 : next
        }
        if let computed { keys.append(computed) }
        return index < 0 ? nil : keys[Int(index)]
    }
}
