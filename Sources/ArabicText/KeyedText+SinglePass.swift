extension KeyedText {
    /// The key, offset map and keyed tokens of `u` in one pass (what `resetByDefinition` builds in
    /// three: `MatchingKey.fold`, `Tokenizer.tokenize`, then each token's key slice and hash): each
    /// scalar is looked up once in `KeyTokenTable`, its fold written, its classes moved the
    /// tokenizer on, and the hash of the open token updated. Returns the key's length, or nil when
    /// the key buffers (`capacity` long, at least `u.count`) are too short (NFKC made it longer).
    ///
    /// The key is cut into NFKC chunks exactly as `KeyFolding.forEachNormalized` cuts it: a chunk
    /// starts at the start and before each scalar with an NFKC boundary. A chunk of one quick-check
    /// "yes" scalar (almost every scalar of news text) is written here; any other goes through
    /// `forEachNormalized` alone, which gives what it gives inside the whole text. A token's key
    /// range holds the key scalars whose source starts in the token; only such a chunk can make
    /// those differ from the scalars written while the token was open, and then the range's ends
    /// are found in the offset map and its hash recomputed.
    /// - Complexity: O(n).
    static func singlePass(
        _ u: UnsafeBufferPointer<Unicode.Scalar>, _ key: UnsafeMutablePointer<Unicode.Scalar>, _ starts: UnsafeMutablePointer<Int>,
        _ ends: UnsafeMutablePointer<Int>, capacity: Int, _ tokens: inout [KeyedToken]
    ) -> Int? {
        typealias T = KeyTokenTable
        let n = u.count
        if n == 0 { return 0 }
        let table = T.table
        // The end reads as a scalar with a boundary before it and no token class.
        @inline(__always) func info(_ i: Int) -> UInt32 { i < n ? T.info(u[i].value, table) : T.boundaryBit }
        var count = 0
        // Source offsets before `keyedTo` have been keyed (a chunk keys all its scalars at once).
        var keyedTo = 0
        var overflow = false
        var i = 0
        var cur = info(0)
        var next = info(1)
        // The open token: where its key starts, its hash so far, and whether a chunk keyed apart
        // touched it (then the hash is recomputed when it closes).
        var lo = 0
        var h = KeyHash.seed
        var recompute = false

        /// Keys the scalar at `i` (when it starts a chunk) and moves on to the next.
        @inline(__always) func advance(inToken: Bool) {
            if i >= keyedTo {
                if cur & T.quickCheckYesBit != 0 && next & T.boundaryBit != 0 {
                    let f = cur & T.foldMask
                    if f != T.dropped {
                        // A fold is a scalar value (the table holds `KeyFolding.fold`'s).
                        key[count] = unsafeBitCast(f, to: Unicode.Scalar.self)
                        starts[count] = i
                        ends[count] = i &+ 1
                        count &+= 1
                        if inToken { h = KeyHash.combine(h, f) }
                    }
                } else {
                    (keyedTo, count) = keyChunk(u, at: i, key, starts, ends, capacity: capacity, count)
                    if keyedTo < 0 {
                        overflow = true
                        keyedTo = n
                    }
                    if inToken { recompute = true }
                }
            }
            i &+= 1
            cur = next
            next = info(i &+ 1)
        }

        @inline(__always) func open() {
            lo = count
            h = KeyHash.seed
            recompute = keyedTo > i
            if recompute { while lo > 0 && starts[lo - 1] >= i { lo -= 1 } }
        }

        @inline(__always) func close(_ kind: TokenKind, _ start: Int) {
            var hi = count
            if recompute {
                if keyedTo > i { while hi > lo && starts[hi - 1] >= i { hi -= 1 } }
                h = KeyHash.seed
                for k in lo..<hi { h = KeyHash.combine(h, key[k].value) }
            }
            tokens.append(KeyedToken(token: Token(kind: kind, range: start..<i), keyRange: lo..<hi, hash: h))
        }

        while i < n {
            if cur & T.skipBit != 0 {
                advance(inToken: false)
                continue
            }
            let start = i
            open()
            if cur & T.wordBit != 0 {
                advance(inToken: true)
                while i < n {
                    if cur & T.wordBit != 0 {
                        advance(inToken: true)
                        continue
                    }
                    // ZWNJ/ZWJ inside a word (Persian style) belongs to it.
                    let w = u[i].value
                    if (w == 0x200C || w == 0x200D) && next & T.wordBit != 0 {
                        advance(inToken: true)
                        continue
                    }
                    break
                }
                close(.arabicWord, start)
            } else if cur & T.digitBit != 0 {
                advance(inToken: true)
                while i < n {
                    if cur & T.digitBit != 0 {
                        advance(inToken: true)
                        continue
                    }
                    if cur & T.separatorBit != 0 && next & T.digitBit != 0 {
                        advance(inToken: true)
                        advance(inToken: true)
                        continue
                    }
                    break
                }
                close(.number, start)
            } else if cur & T.latinBit != 0 {
                advance(inToken: true)
                while i < n {
                    if cur & (T.latinBit | T.latinCombiningBit) != 0 {
                        advance(inToken: true)
                        continue
                    }
                    let w = u[i].value
                    if w >= 0x30 && w <= 0x39 {
                        advance(inToken: true)
                        continue
                    }
                    if (w == 0x2D || w == 0x27 || w == 0x2019 || w == 0x2E) && i + 1 < n
                        && (next & T.latinBit != 0 || (w == 0x2D && u[i + 1].value >= 0x30 && u[i + 1].value <= 0x39))
                    {
                        advance(inToken: true)
                        advance(inToken: true)
                        continue
                    }
                    break
                }
                close(.latinWord, start)
            } else {
                advance(inToken: true)
                // Combining marks stay with the character they sit on.
                while i < n && cur & T.latinCombiningBit != 0 { advance(inToken: true) }
                close(.punctuation, start)
            }
        }
        return overflow ? nil : count
    }

    /// Keys the NFKC chunk that starts at `c` (it runs to the next scalar with a boundary before
    /// it), appending to the key buffers at `count`, as `KeyFolding.forEachNormalized` keys it: a
    /// chunk that its quick check finds unchanged (every scalar "yes", combining classes in
    /// canonical order: a letter with its harakat) scalar by scalar, any other through
    /// `forEachNormalized` alone. Returns the chunk's end (-1 when the buffers could not hold it
    /// and one key scalar for each scalar after it) and the key's new length.
    @inline(never)
    private static func keyChunk(
        _ u: UnsafeBufferPointer<Unicode.Scalar>, at c: Int, _ key: UnsafeMutablePointer<Unicode.Scalar>,
        _ starts: UnsafeMutablePointer<Int>, _ ends: UnsafeMutablePointer<Int>, capacity: Int, _ count: Int
    ) -> (end: Int, count: Int) {
        let n = u.count
        let table = NormalizationTables.table
        var info = NormalizationTables.info(u[c].value, table)
        var unchanged = info & NormalizationTables.quickCheckYesBit != 0
        var lastClass = info >> NormalizationTables.cccShift
        var e = c + 1
        while e < n {
            info = NormalizationTables.info(u[e].value, table)
            if info & NormalizationTables.boundaryBit != 0 { break }
            let cc = info >> NormalizationTables.cccShift
            if info & NormalizationTables.quickCheckYesBit == 0 || (cc != 0 && cc < lastClass) { unchanged = false }
            lastClass = cc
            e += 1
        }
        var k = count
        if unchanged {
            // No longer than the chunk: room enough (see the end).
            for j in c..<e {
                let f = NormalizationTables.info(u[j].value, table) & NormalizationTables.foldMask
                guard f != NormalizationTables.dropped else { continue }
                key[k] = unsafeBitCast(f, to: Unicode.Scalar.self)
                starts[k] = j
                ends[k] = j + 1
                k += 1
            }
            return (e, k)
        }
        var fits = true
        KeyFolding.forEachNormalized(ScalarSource(scalars: UnsafeBufferPointer(rebasing: u[c..<e]))) { _, info, s, t in
            let f = info & NormalizationTables.foldMask
            guard f != NormalizationTables.dropped else { return }
            guard k < capacity else {
                fits = false
                return
            }
            key[k] = unsafeBitCast(f, to: Unicode.Scalar.self)
            starts[k] = c + s
            ends[k] = c + t
            k += 1
        }
        // The scalars after the chunk write one key scalar at most each without checking for room.
        return (fits && k + (n - e) <= capacity ? e : -1, k)
    }
}
