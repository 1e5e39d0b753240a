import ArabicText

/// What each distinct English token (a number or a Latin word) gives the anchors, worked out at its
/// first occurrence: its strong feature ids (number readings, Latin token, name), its compared form
/// for glossary terms and its dictionary content word ids. Interning happens at the first
/// occurrence, so the ids are those a pass without the table gives; a later occurrence copies them
/// (no `String`, no hashing of strings).
struct EnglishTokenAnchors {
    struct Entry {
        var strong: [Int32] = []
        var compared: String?
        var content: [Int32] = []
    }

    private var numbers: ScalarWordCache
    private var words: ScalarWordCache
    private var entries: [Entry] = []
    /// At most this many tokens; the table starts over when it is full.
    private let limit: Int

    init(limit: Int = 100_000) {
        self.limit = limit
        numbers = ScalarWordCache(limit: limit)
        words = ScalarWordCache(limit: limit)
    }

    /// The entry of a token (`isNumber`: a number token, else a Latin word), computed by `compute`
    /// the first time the token is seen.
    mutating func entry(of token: ArraySlice<Unicode.Scalar>, isNumber: Bool, compute: () -> Entry) -> Entry {
        if entries.count >= limit { self = EnglishTokenAnchors(limit: limit) }
        let next = Int32(entries.count)
        var missed = false
        func add(_: ArraySlice<Unicode.Scalar>) -> Int32 {
            missed = true
            return next
        }
        let k = isNumber ? numbers.value(for: token, add) : words.value(for: token, add)
        if missed { entries.append(compute()) }
        return entries[Int(k)]
    }
}
