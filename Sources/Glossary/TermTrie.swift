/// The word trie a `TermMatcher` compiles its glossary into, in flat arrays: word keys interned
/// into one scalar arena (id -> key, key hash -> id), edges (node, word id) -> node in an
/// open-addressing table, and each node's terminals (glossary spellings ending there) as a linked
/// list in insertion order. Building it allocates a handful of arrays, not one per word or node.
struct TermTrie: Sendable {
    /// Word key hash -> word id.
    private(set) var wordIDs: HashTable64
    /// The keys of all words, end to end; word `id` is `wordScalars[wordStarts[id] ..< wordStarts[id + 1]]`.
    private(set) var wordScalars: [Unicode.Scalar] = []
    private(set) var wordStarts: [Int32] = [0]
    /// (node << 32 | word id) -> child node. Node 0 is the root.
    private(set) var edges: HashTable64
    /// Per node: the first and last of its terminals (-1: none).
    private(set) var firstTerminal: [Int32] = [-1]
    private var lastTerminal: [Int32] = [-1]
    private(set) var terminalList: [TermMatcher.Terminal] = []
    private(set) var nextTerminal: [Int32] = []

    /// A trie for about `words` distinct words.
    init(words: Int) {
        wordIDs = HashTable64(capacity: words)
        edges = HashTable64(capacity: words)
        wordScalars.reserveCapacity(words * 6)
        wordStarts.reserveCapacity(words + 1)
        firstTerminal.reserveCapacity(words + 1)
        lastTerminal.reserveCapacity(words + 1)
        terminalList.reserveCapacity(words)
        nextTerminal.reserveCapacity(words)
    }

    /// The key of word `id`.
    @inline(__always)
    func word(_ id: Int32) -> ArraySlice<Unicode.Scalar> {
        wordScalars[Int(wordStarts[Int(id)])..<Int(wordStarts[Int(id) + 1])]
    }

    /// The id of the word with key `w` (whose `KeyHash` is `hash`), adding it when new.
    mutating func intern(_ w: some Collection<Unicode.Scalar>, hash: UInt64) -> Int32 {
        var h = hash
        while let id = wordIDs[h] {
            if word(id).elementsEqual(w) { return id }
            h &+= 0x9E37_79B9_7F4A_7C15  // a (practically impossible) collision: probe on
        }
        let id = Int32(wordStarts.count - 1)
        wordScalars.append(contentsOf: w)
        wordStarts.append(Int32(wordScalars.count))
        wordIDs.insert(h, id)
        return id
    }

    /// Prefetches where `intern` of a word with key hash `hash` starts looking.
    @inline(__always)
    func prefetchWord(hash: UInt64) { wordIDs.prefetch(hash) }

    /// Prefetches where `child(node, id)` starts looking.
    @inline(__always)
    func prefetchEdge(_ node: Int32, _ id: Int32) { edges.prefetch(UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))) }

    /// The child of `node` along word `id`.
    @inline(__always)
    func edge(_ node: Int32, _ id: Int32) -> Int32? {
        edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))]
    }

    /// The child of `node` along word `id`, added when missing.
    mutating func child(_ node: Int32, _ id: Int32) -> Int32 {
        let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        if let next = edges[key] { return next }
        let next = Int32(firstTerminal.count)
        firstTerminal.append(-1)
        lastTerminal.append(-1)
        edges.insert(key, next)
        return next
    }

    var nodeCount: Int { firstTerminal.count }

    /// Adds a terminal to `node`, after the ones it has.
    mutating func addTerminal(_ t: TermMatcher.Terminal, at node: Int32) {
        let k = Int32(terminalList.count)
        terminalList.append(t)
        nextTerminal.append(-1)
        let n = Int(node)
        if lastTerminal[n] < 0 { firstTerminal[n] = k } else { nextTerminal[Int(lastTerminal[n])] = k }
        lastTerminal[n] = k
    }

    /// The terminals of `node`, in the order they were added.
    func terminals(at node: Int32) -> Terminals { Terminals(trie: self, first: firstTerminal[Int(node)]) }

    struct Terminals: Sequence, IteratorProtocol {
        let trie: TermTrie
        var first: Int32
        mutating func next() -> TermMatcher.Terminal? {
            guard first >= 0 else { return nil }
            defer { first = trie.nextTerminal[Int(first)] }
            return trie.terminalList[Int(first)]
        }
    }
}
