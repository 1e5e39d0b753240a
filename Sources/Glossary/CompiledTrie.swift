/// The read-only form of a `TermTrie` that the matcher walks: its tables copied into memory owned
/// by this object (no reference counting per lookup), and each node's best terminal chosen once at
/// compile time instead of on every visit.
final class CompiledTrie: @unchecked Sendable {
    private let wordIDs: FrozenTable64
    private let wordScalars: UnsafeMutableBufferPointer<Unicode.Scalar>
    private let wordStarts: UnsafeMutableBufferPointer<Int32>
    private let edges: FrozenTable64
    /// Per node: the index of its best terminal (`TermTrie.best`), and of its best among terminals
    /// of `term` entries; -1 when none.
    private let best: UnsafeMutableBufferPointer<Int32>
    private let bestTerm: UnsafeMutableBufferPointer<Int32>
    /// Per node: whether it has children (a walk stops at a leaf without a lookup).
    private let hasChildren: UnsafeMutableBufferPointer<Bool>
    /// All terminals, by index (the order they were added in).
    let terminals: UnsafeMutableBufferPointer<TermMatcher.Terminal>

    /// `isTerm(entry)`: whether the entry is of kind `term`.
    init(_ trie: TermTrie, isTerm: (Int32) -> Bool) {
        wordIDs = FrozenTable64(trie.wordIDs)
        edges = FrozenTable64(trie.edges)
        wordScalars = Self.copy(trie.wordScalars)
        wordStarts = Self.copy(trie.wordStarts)
        terminals = Self.copy(trie.terminalList)
        hasChildren = .allocate(capacity: trie.nodeCount)
        hasChildren.initialize(repeating: false)
        // Edge keys are node << 32 | word id; `HashTable64` stores the key 0 (the root's edge along
        // word 0) remapped to a key whose node part is no node: the root is marked apart.
        hasChildren[0] = true
        for s in trie.edges.slots where s.value >= 0 && Int(s.key >> 32) < trie.nodeCount {
            hasChildren[Int(s.key >> 32)] = true
        }
        best = .allocate(capacity: trie.nodeCount)
        bestTerm = .allocate(capacity: trie.nodeCount)
        for node in 0..<trie.nodeCount {
            best[node] = Self.best(trie, node: node, termsOnly: false, isTerm: isTerm)
            bestTerm[node] = Self.best(trie, node: node, termsOnly: true, isTerm: isTerm)
        }
    }

    deinit {
        wordIDs.deallocate()
        edges.deallocate()
        wordScalars.deallocate()
        wordStarts.deallocate()
        terminals.deallocate()
        best.deallocate()
        bestTerm.deallocate()
        hasChildren.deallocate()
    }

    private static func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
        _ = p.initialize(from: a)
        return p
    }

    /// The terminal a match at `node` reports: the canonical spelling before variants, then the
    /// later entry (later glossaries override earlier ones); the first of equals.
    static func best(_ trie: TermTrie, node: Int, termsOnly: Bool, isTerm: (Int32) -> Bool) -> Int32 {
        var best: Int32 = -1
        var k = trie.firstTerminal[node]
        while k >= 0 {
            let t = trie.terminalList[Int(k)]
            if !termsOnly || isTerm(t.entry) {
                if best >= 0 {
                    let b = trie.terminalList[Int(best)]
                    let better = (t.spelling == 0) != (b.spelling == 0) ? t.spelling == 0 : t.entry > b.entry
                    if better { best = k }
                } else {
                    best = k
                }
            }
            k = trie.nextTerminal[Int(k)]
        }
        return best
    }

    /// The best terminal's index at `node` (among `term` entries when `termsOnly`), or nil.
    @inline(__always)
    func bestTerminal(_ node: Int32, termsOnly: Bool) -> Int32? {
        let b = termsOnly ? bestTerm[Int(node)] : best[Int(node)]
        return b >= 0 ? b : nil
    }

    /// The key of word `id`.
    @inline(__always)
    func word(_ id: Int32) -> UnsafeMutableBufferPointer<Unicode.Scalar> {
        UnsafeMutableBufferPointer(rebasing: wordScalars[Int(wordStarts[Int(id)])..<Int(wordStarts[Int(id) + 1])])
    }

    /// The id of a word whose key hashes to `hash` and satisfies `matches`, if any (probing as
    /// `TermTrie.intern` does).
    @inline(__always)
    func wordID(hash: UInt64, matches: (UnsafeMutableBufferPointer<Unicode.Scalar>) -> Bool) -> Int32? {
        var h = hash
        while let id = wordIDs[h] {
            if matches(word(id)) { return id }
            h &+= 0x9E37_79B9_7F4A_7C15
        }
        return nil
    }

    /// Whether `node` has children.
    @inline(__always)
    func hasChildren(_ node: Int32) -> Bool { hasChildren[Int(node)] }

    /// The child of `node` along word `id`.
    @inline(__always)
    func edge(_ node: Int32, _ id: Int32) -> Int32? {
        guard hasChildren[Int(node)] else { return nil }
        return edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))]
    }
}
