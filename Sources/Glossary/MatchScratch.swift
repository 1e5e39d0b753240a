import ArabicText

/// What a `TermMatcher` works in while it matches: the sentence being keyed (buffers reused from
/// sentence to sentence) and a cache of what each distinct word can do in the glossary's trie (its
/// word id, the trie nodes its clitic readings start terms at, the ids of its stems under an
/// enclitic pronoun). News vocabulary is Zipfian, so most words are looked up once and then found
/// in the cache. The cache depends only on the matcher's glossary, never on the text around a word;
/// it starts over when it holds `limit` words. A matcher keeps a pool of these, one per concurrent
/// call (values taken out of the pool, used as locals, put back).
struct MatchScratch: Sendable {
    /// A clitic reading of a word that starts at least one term: the trie node after its stem.
    struct StartReading: Sendable {
        let reading: CliticReading
        let node: Int32
        /// The article was read off a stem the glossary writes without it (only `term` entries).
        let articleOutside: Bool
        /// `trie.bestTerminal(node, termsOnly: articleOutside)`, -1 for none, and whether `node`
        /// has children: what the matcher asks the trie about the node first, kept with the
        /// word so that a cache hit does not read the trie's large per-node tables.
        let best: Int32
        let hasChildren: Bool

        init(reading: CliticReading, node: Int32, articleOutside: Bool, _ trie: CompiledTrie) {
            self.reading = reading
            self.node = node
            self.articleOutside = articleOutside
            best = trie.bestTerminal(node, termsOnly: articleOutside) ?? -1
            hasChildren = trie.hasChildren(node)
        }
    }

    /// A reading of a word with an enclitic pronoun (and no proclitic) whose stem is a glossary word:
    /// how the last word of a multiword term may end.
    struct EndReading: Sendable {
        let reading: CliticReading
        let id: Int32
    }

    struct WordInfo: Sendable {
        /// The word id of the whole key, -1 when the glossary has no such word.
        let fullID: Int32
        let starts: Range<Int32>
        let ends: Range<Int32>
    }

    /// A cached word: its hash (0: empty slot), its key's place in `arena`, and its index in
    /// `infos`, side by side so that a hit reads the slot and the arena only.
    struct Slot {
        var hash: UInt64 = 0
        var arenaStart: Int32 = 0
        var length: Int32 = 0
        var info: Int32 = 0
        var arabic = false
    }

    /// A reading of a word without an enclitic whose stem has four letters or more and shares its
    /// phonetic key with glossary names: those names that the word alone does not rule out.
    struct FuzzyReading: Sendable {
        let reading: CliticReading
        /// The stem's length in key scalars.
        let stemCount: Int
        let options: [FuzzyOption]
    }

    /// A candidate name for a reading, with what the word and the name alone decide: plain values
    /// only (no arrays), so the matcher's inner loop copies them without reference counting.
    struct FuzzyOption: Sendable {
        let entry: Int32
        let spelling: Int32
        /// The word id of the whole spelling (article included).
        let word: Int32
        let kind: EntryKind
        /// The candidate stem's `KeyHash`.
        let stemHash: UInt64
        /// The candidate stem's length in key scalars.
        let stemCount: Int
        /// `NameDistance.isOneSlip(stem, of: name)`, for names of four letters or more.
        let oneSlip: Bool
        /// `NameDistance.distance(stem, name)`.
        let distance: Double
    }

    /// A trie edge and its child (-1: no such edge).
    struct EdgeSlot {
        var key: UInt64 = .max
        var child: Int32 = -1
    }

    /// An Arabic word that the fuzzy name search will look at once the whole scope has been matched
    /// exactly (no exact match covered it, it is no glossary word, and a reading of it has
    /// candidates), with what the search needs of its sentence: kept in flat arrays for the scope
    /// (`sites`, `siteKeys`, `siteKeyOffsets`), so that a sentence waiting for the search holds no
    /// buffers of its own.
    struct FuzzySite: Sendable {
        /// The token, as in the sentence's `KeyedText`.
        let token: KeyedToken
        /// Its index in `tokens` (the sentence's tokens).
        let index: Int32
        /// Its word's index in `infos`, valid while `generation` is `generation` (the cache has
        /// not started over since).
        let info: Int32
        let generation: Int
        /// Where its key scalars start in `siteKeys` (and the source offset each came from, in
        /// `siteKeyOffsets`).
        let keyStart: Int32
        /// The token before it (when `index > 0`): its key hash, its word id (-1: no glossary word),
        /// where it starts, and whether it can be a first name before this word (an Arabic word no
        /// exact match covered, at most two scalars before it).
        let previousHash: UInt64
        let previousID: Int32
        let previousStart: Int
        let previousJoins: Bool
    }

    /// The fuzzy sites of the scope being matched, in text order.
    var sites: [FuzzySite] = []
    var siteKeys: [Unicode.Scalar] = []
    var siteKeyOffsets: [Int] = []
    /// Counts the times the word cache started over: a word index taken in another generation is
    /// no longer valid.
    private(set) var generation = 0

    /// Empties the fuzzy sites for the next scope (dropping buffers that a very long document made
    /// large, so that a pooled scratch does not keep them).
    mutating func startScope() {
        if sites.capacity > 1 << 16 {
            sites = []
            siteKeys = []
            siteKeyOffsets = []
        } else {
            sites.removeAll(keepingCapacity: true)
            siteKeys.removeAll(keepingCapacity: true)
            siteKeyOffsets.removeAll(keepingCapacity: true)
        }
    }

    var keyed = KeyedText()
    /// A direct-mapped cache of the trie's edges: the walks over a text take the same few thousand
    /// edges again and again, and a large glossary's edge table does not stay in the processor's
    /// cache. Exact (it holds what the trie answered), so it never needs clearing. 16,384 slots
    /// (256 KB): with 4,096 the walks of the 100k bench glossary missed it often enough to cost 2%.
    private var edgeSlots = [EdgeSlot](repeating: EdgeSlot(), count: 16_384)
    /// Per word of `infos`: its readings in `fuzzy` (`notComputed` until the fuzzy search asks).
    private var fuzzyOf: [Range<Int32>] = []
    private(set) var fuzzy: [FuzzyReading] = []
    private static let notComputed: Range<Int32> = -1 ..< -1
    /// For each token of `keyed`, the index of its word in `infos`.
    private(set) var tokenInfo: [Int32] = []
    private(set) var infos: [WordInfo] = []
    private(set) var starts: [StartReading] = []
    private(set) var ends: [EndReading] = []
    /// Open addressing, linear probing, at most half full.
    private var slots = [Slot](repeating: Slot(), count: 4_096)
    private var arena: [Unicode.Scalar] = []
    let limit: Int

    init(limit: Int = 50_000) {
        self.limit = limit
    }

    /// `trie.edge(node, id)`, through the edge cache.
    @inline(__always)
    mutating func edge(_ node: Int32, _ id: Int32, _ trie: CompiledTrie) -> Int32? {
        guard id >= 0, trie.hasChildren(node) else { return nil }
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        let i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50)
        let slot = edgeSlots[i]
        if slot.key == key { return slot.child >= 0 ? slot.child : nil }
        let child = trie.edge(node, id)
        edgeSlots[i] = EdgeSlot(key: key, child: child ?? -1)
        return child
    }

    /// The word info of token `i` of `keyed` (after `lookUpTokens`).
    @inline(__always)
    func info(ofToken i: Int) -> WordInfo { infos[Int(tokenInfo[i])] }

    /// Finds (computing on a miss) the word info of every token of `keyed`.
    mutating func lookUpTokens(_ trie: CompiledTrie) {
        if infos.count >= limit { clear() }
        tokenInfo.removeAll(keepingCapacity: true)
        // The key array held once for the whole sentence (a slice of `keyed.key` per token would
        // retain and release it each time, `word` being mutating).
        let key = keyed.key
        for t in keyed.tokens { tokenInfo.append(word(key[t.keyRange], isArabic: t.token.kind == .arabicWord, hash: t.hash, trie)) }
    }

    private mutating func clear() {
        generation += 1
        for i in slots.indices { slots[i].hash = 0 }
        arena.removeAll(keepingCapacity: true)
        infos.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fuzzyOf.removeAll(keepingCapacity: true)
        fuzzy.removeAll(keepingCapacity: true)
    }

    /// The readings of word `w` for the fuzzy name search if they are computed already.
    @inline(__always)
    func cachedFuzzyReadings(ofWord w: Int32) -> Range<Int32>? {
        let r = fuzzyOf[Int(w)]
        return r == Self.notComputed ? nil : r
    }

    /// The readings of word `w` (an index in `infos`) that the fuzzy name search looks at, with
    /// their candidates: computed by `compute` (which appends them to the array it is given) the
    /// first time, then cached.
    mutating func fuzzyReadings(ofWord w: Int32, _ compute: (inout [FuzzyReading]) -> Void) -> Range<Int32> {
        let r = fuzzyOf[Int(w)]
        if r != Self.notComputed { return r }
        let lo = Int32(fuzzy.count)
        compute(&fuzzy)
        let computed = lo..<Int32(fuzzy.count)
        fuzzyOf[Int(w)] = computed
        return computed
    }

    @inline(__always)
    private static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    /// The index in `infos` of the word with key `key` (whose `KeyHash` is `hash`), computing its
    /// info on a miss.
    mutating func word(_ key: ArraySlice<Unicode.Scalar>, isArabic: Bool, hash: UInt64, _ trie: CompiledTrie) -> Int32 {
        var h = isArabic ? hash : hash &+ 1
        if h == 0 { h = 1 }
        let mask = slots.count - 1
        var i = Self.slot(h, mask)
        while slots[i].hash != 0 {
            let s = slots[i]
            if s.hash == h && s.arabic == isArabic && Int(s.length) == key.count && Self.arena(arena, at: Int(s.arenaStart), holds: key) {
                return s.info
            }
            i = (i + 1) & mask
        }
        let info = Int32(infos.count)
        infos.append(Self.info(of: key, isArabic: isArabic, hash: hash, trie, &starts, &ends))
        fuzzyOf.append(Self.notComputed)
        slots[i] = Slot(hash: h, arenaStart: Int32(arena.count), length: Int32(key.count), info: info, arabic: isArabic)
        arena.append(contentsOf: key)
        if infos.count * 2 > slots.count { grow() }
        return info
    }

    /// Whether `arena` holds `key` from `start` on (bounds known to hold: compared through pointers).
    @inline(__always)
    private static func arena(_ arena: [Unicode.Scalar], at start: Int, holds key: ArraySlice<Unicode.Scalar>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            key.withUnsafeBufferPointer { k in
                for j in 0..<k.count where a[start + j] != k[j] { return false }
                return true
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.hash != 0 {
            var i = Self.slot(s.hash, mask)
            while slots[i].hash != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }

    /// What a word (its key, whose `KeyHash` is `hash`) can do in the trie: the definition of the
    /// lookups `TermMatcher` makes for every word, appended to `starts` and `ends` in the order the
    /// matcher considers them.
    static func info(
        of key: ArraySlice<Unicode.Scalar>, isArabic: Bool, hash: UInt64, _ trie: CompiledTrie, _ starts: inout [StartReading],
        _ ends: inout [EndReading]
    ) -> WordInfo {
        let full = key.isEmpty ? nil : trie.wordID(hash: hash) { $0.elementsEqual(key) }
        let s0 = Int32(starts.count)
        let e0 = Int32(ends.count)
        if key.isEmpty {
            // An empty key starts nothing.
        } else if isArabic {
            // A final ي on a term is the nisba adjective (الياباني "Japanese"), not "my": not read as a clitic.
            CliticReading.forEach(in: key) { r in
                guard r.enclitic != .i else { return }
                let stem = key[(key.startIndex + r.prefixLength)..<(key.endIndex - r.suffixLength)]
                // The glossary writes definite names with the article (الناتو); general terms usually
                // without it (عقوبات), so a term also matches its definite form (العقوبات).
                if let id = wordID(stem, article: r.hasArticle, trie), let node = trie.edge(0, id) {
                    starts.append(StartReading(reading: r, node: node, articleOutside: false, trie))
                }
                if r.hasArticle, let id = wordID(stem, article: false, trie), let node = trie.edge(0, id) {
                    starts.append(StartReading(reading: r, node: node, articleOutside: true, trie))
                }
            }
            // The last word of a term may carry an enclitic pronoun (not ي, the nisba ending).
            CliticReading.forEach(in: key) { r in
                guard r.prefixLength == 0, let e = r.enclitic, e != .i else { return }
                if let id = wordID(key[key.startIndex..<(key.endIndex - r.suffixLength)], article: false, trie) {
                    ends.append(EndReading(reading: r, id: id))
                }
            }
        } else if let full, let node = trie.edge(0, full) {
            starts.append(
                StartReading(
                    reading: CliticReading(
                        conjunction: nil, preposition: nil, hasArticle: false, enclitic: nil, prefixLength: 0, suffixLength: 0),
                    node: node, articleOutside: false, trie))
        }
        return WordInfo(fullID: full ?? -1, starts: s0..<Int32(starts.count), ends: e0..<Int32(ends.count))
    }

    /// The word id of a key slice (with the article ال before it when `article`), if the glossary
    /// has that word.
    @inline(__always)
    static func wordID(_ slice: ArraySlice<Unicode.Scalar>, article: Bool, _ trie: CompiledTrie) -> Int32? {
        var h = article ? KeyHash.afterArticle : KeyHash.seed
        for s in slice { h = KeyHash.combine(h, s.value) }
        return trie.wordID(hash: h) { w in
            article
                ? (w.count == slice.count + 2 && w[0] == "ا" && w[1] == "ل" && w[2...].elementsEqual(slice))
                : w.elementsEqual(slice)
        }
    }
}
