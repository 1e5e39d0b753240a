import ArabicText

// Compiling a glossary: its spellings keyed, their words interned and their edges added to the
// trie, and (with `fuzzy`) the garbled-name candidates and stems collected.
extension TermMatcher {
    /// What compiling a glossary gives, before the trie is frozen and the candidates grouped.
    struct Compiled {
        var trie: TermTrie
        /// Candidates in glossary order with their phonetic key hash.
        var fuzzy: [(hash: UInt64, candidate: FuzzyCandidate)] = []
        var fuzzyStems: [Unicode.Scalar] = []
        var terminalStems: [Range<Int32>] = []
        var stemHashes: [UInt64] = []
    }

    /// A spelling with words: its entry, which spelling of it, and its words in `Words`.
    private struct Spelling {
        let entry: Int32
        let spelling: Int32
        let words: Range<Int32>
    }

    /// The keyed words of all spellings, end to end: word `w`'s key is
    /// `keys[keyStarts[w]..<keyStarts[w + 1]]`, its `KeyHash` `hashes[w]`.
    private struct Words {
        var keys: [Unicode.Scalar] = []
        var keyStarts: [Int32] = [0]
        var hashes: [UInt64] = []
    }

    /// How many words ahead the interning and edge loops prefetch their hash-table slots. A large
    /// glossary's tables do not stay in the processor's cache, and nearly every lookup misses it:
    /// asked for early, the misses overlap.
    private static let prefetchDistance = 12

    /// Compiles `glossary` in three passes: every spelling keyed (its words' keys and hashes
    /// collected, and with `fuzzy` its name stems), then every word interned in order, then every
    /// spelling's path added to the trie. Words and nodes get the ids that one pass interleaving
    /// the three would give; the passes only let the hash-table lookups be prefetched.
    static func compile(_ glossary: Glossary, fuzzy: Bool) -> Compiled {
        var spellingCount = 0
        for e in glossary.entries.indices { spellingCount += 1 + glossary.entries[e].variants.count }
        // Sized for one new word and node per spelling (a table grows when half full): a larger
        // table only spreads the compile's lookups over more memory.
        var out = Compiled(trie: TermTrie(words: spellingCount))
        var spellings: [Spelling] = []
        spellings.reserveCapacity(spellingCount)
        var words = Words()
        words.keys.reserveCapacity(spellingCount * 8)
        words.keyStarts.reserveCapacity(spellingCount * 2)
        words.hashes.reserveCapacity(spellingCount * 2)
        if fuzzy {
            // Room for every spelling up front: growing by doubling copied each array several times.
            out.fuzzy.reserveCapacity(spellingCount)
            out.fuzzyStems.reserveCapacity(spellingCount * 8)
            out.terminalStems.reserveCapacity(spellingCount)
            out.stemHashes.reserveCapacity(spellingCount * 2)
        }
        var keyed = KeyedText()
        for e in glossary.entries.indices {
            // Fields read in place: copying each entry out retained and released all its strings.
            let isName = glossary.entries[e].kind.isName
            for s in 0...glossary.entries[e].variants.count {
                // The words' keys straight from the spelling's key, with the hashes the tokens carry.
                keyed.reset(scalarsOf: s == 0 ? glossary.entries[e].arabic : glossary.entries[e].variants[s - 1])
                let first = Int32(words.hashes.count)
                var firstKeyCount = 0
                for t in keyed.tokens where !t.keyRange.isEmpty {
                    if words.hashes.count == first { firstKeyCount = t.keyRange.count }
                    words.keys.append(contentsOf: keyed.keySlice(t))
                    words.keyStarts.append(Int32(words.keys.count))
                    words.hashes.append(t.hash)
                }
                let count = Int(Int32(words.hashes.count) - first)
                guard count > 0 else { continue }
                spellings.append(Spelling(entry: Int32(e), spelling: Int32(s), words: first..<Int32(words.hashes.count)))
                guard fuzzy else { continue }
                let lo = Int32(out.stemHashes.count)
                if isName {
                    // The stems as slices of the key, hashed in place: no array per stem.
                    Self.forEachNameStem(of: keyed) { stem in
                        let hash = KeyHash.of(stem)
                        out.stemHashes.append(hash)
                        guard count == 1, stem.count >= 3 else { return }
                        let range = Int32(out.fuzzyStems.count)..<Int32(out.fuzzyStems.count + stem.count)
                        out.fuzzyStems.append(contentsOf: stem)
                        // `word` is the word's index until the words are interned.
                        out.fuzzy.append(
                            (
                                PhoneticKey.hash(keyScalars: stem),
                                FuzzyCandidate(
                                    entry: Int32(e), spelling: Int32(s), stem: range, stemHash: hash, word: first,
                                    definite: stem.count < firstKeyCount)
                            ))
                    }
                }
                out.terminalStems.append(lo..<Int32(out.stemHashes.count))
            }
        }
        let ids = intern(words, into: &out.trie)
        addPaths(spellings, ids, into: &out.trie)
        for i in out.fuzzy.indices { out.fuzzy[i].candidate.word = ids[Int(out.fuzzy[i].candidate.word)] }
        return out
    }

    /// The word id of every word, interned in order.
    private static func intern(_ words: Words, into trie: inout TermTrie) -> [Int32] {
        let n = words.hashes.count
        let d = prefetchDistance
        var ids = [Int32](repeating: 0, count: n)
        words.keys.withUnsafeBufferPointer { keys in
            for w in 0..<n {
                if w + d < n { trie.prefetchWord(hash: words.hashes[w + d]) }
                let key = keys[Int(words.keyStarts[w])..<Int(words.keyStarts[w + 1])]
                ids[w] = trie.intern(key, hash: words.hashes[w])
            }
        }
        return ids
    }

    /// Each spelling's path of words from the root, and its terminal at the end.
    private static func addPaths(_ spellings: [Spelling], _ ids: [Int32], into trie: inout TermTrie) {
        let d = prefetchDistance
        for (k, s) in spellings.enumerated() {
            // The first edge of a spelling ahead (from the root: known before its walk starts).
            if k + d < spellings.count { trie.prefetchEdge(0, ids[Int(spellings[k + d].words.lowerBound)]) }
            var node: Int32 = 0
            for w in s.words { node = trie.child(node, ids[Int(w)]) }
            trie.addTerminal(Terminal(entry: s.entry, spelling: s.spelling), at: node)
        }
    }
}
