import ArabicText

/// What `Lexicon.isNameLike` and `Normalizer.key` said about the words a thread has seen: for each
/// word as written, whether it is name-like and then its matching key (a name-like key has four
/// letters or more) and the word itself as a `String`. Each collecting thread has its own (`Checker`
/// keeps them in a pool), so the common case takes no lock, makes no String and computes no key:
/// the word's scalars are looked up in a `ScalarWordTable`, which holds an entry number.
///
/// ```swift
/// var memo = NameLikeMemo()
/// if let e = memo.entry(of: word, { isNameLike($0) ? Normalizer.key($0) : nil }) { memo.key(e) }
/// ```
struct NameLikeMemo {
    /// More distinct words than this and the memo starts again (bounded memory).
    let limit: Int
    /// The entry number of each word seen, -1 for a word that is not name-like.
    private var words = ScalarWordTable()
    private var keys: [String] = []
    private var written: [String] = []
    /// Changes each time the memo starts again, when entry numbers given before lose their meaning.
    private(set) var generation = 0

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    /// The entry of a name-like word (see `key` and `written`), nil when the word is not name-like.
    /// `compute` gets the word as a String, only on the first sight of the word, and gives its
    /// matching key when it is name-like.
    @inline(__always)
    mutating func entry(of word: UnsafeBufferPointer<Unicode.Scalar>, _ compute: (String) -> String?) -> Int? {
        if words.count >= limit {
            words.removeAll()
            keys.removeAll(keepingCapacity: true)
            written.removeAll(keepingCapacity: true)
            generation += 1
        }
        var computed: (key: String, word: String)?
        let next = Int32(keys.count)
        let e = words.value(for: word) { w in
            let s = String(scalars: w)
            guard let key = compute(s) else { return -1 }
            computed = (key, s)
            return next
        }
        if let computed {
            keys.append(computed.key)
            written.append(computed.word)
        }
        return e < 0 ? nil : Int(e)
    }

    /// The matching key of a name-like word.
    func key(_ entry: Int) -> String { keys[entry] }

    /// The name-like word as written.
    func written(_ entry: Int) -> String { written[entry] }
}
