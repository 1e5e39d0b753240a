import ArabicText

/// The anchors of each distinct Arabic word, worked out once: the name feature ids of English names
/// whose skeleton it has (none when the lexicon knows the word) and its dictionary word ids. News
/// repeats its words, so the matching key, the skeletons and the dictionary's string lookups are
/// computed for a fraction of the tokens. One table per concurrent worker (`AnchorExtractor` keeps
/// a pool); the words are indexed by a `ScalarWordCache` (no `String` per token).
struct ArabicWordAnchors: Sendable {
    private var index: ScalarWordCache
    private var nameStart: [Int32] = [0]
    private var names: [Int32] = []
    private var dictionaryStart: [Int32] = [0]
    private var dictionary: [Int32] = []
    /// At most this many words; the table starts over when it is full.
    private let limit: Int

    init(limit: Int = 100_000) {
        self.limit = limit
        index = ScalarWordCache(limit: limit)
    }

    /// Calls `body` with the name ids and the dictionary ids of `word`, computing them with
    /// `compute` the first time the word is seen.
    mutating func withAnchors(
        of word: ArraySlice<Unicode.Scalar>,
        compute: (ArraySlice<Unicode.Scalar>) -> (names: [Int32], dictionary: [Int32]),
        body: (ArraySlice<Int32>, ArraySlice<Int32>) -> Void
    ) {
        if nameStart.count > limit { startOver() }
        let next = Int32(nameStart.count - 1)
        var missed = false
        let k = Int(
            index.value(for: word) { _ in
                missed = true
                return next
            })
        if missed {
            let found = compute(word)
            names += found.names
            nameStart.append(Int32(names.count))
            dictionary += found.dictionary
            dictionaryStart.append(Int32(dictionary.count))
        }
        body(
            names[Int(nameStart[k])..<Int(nameStart[k + 1])],
            dictionary[Int(dictionaryStart[k])..<Int(dictionaryStart[k + 1])])
    }

    /// Empties the table (the index also starts over by itself when full, which only leaves unused
    /// entries behind).
    private mutating func startOver() {
        self = ArabicWordAnchors(limit: limit)
    }
}
