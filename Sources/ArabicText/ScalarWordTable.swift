/// A word -> number table for words held as Unicode scalars (a piece of a sentence's scalars),
/// hashed and compared as scalars: no UTF-8 encoding and no `String` per lookup. Open addressing,
/// linear probing, at most half full; the words are kept end to end in one array.
///
/// A lookup touches three places, which decides its cost on a table larger than the cache: the
/// slot (8 bytes: a part of the hash and the entry number), the entry (where the word's scalars are
/// and its number) and the scalars.
///
/// ```swift
/// var table = ScalarWordTable()
/// let n = sentence.withUnsafeBufferPointer { u in table.value(for: UnsafeBufferPointer(rebasing: u[4..<10])) { _ in 7 } }
/// ```
/// - Complexity: O(w) a lookup for a word of w scalars (one hash, one comparison on a hit),
///   amortized over the table's growth.
package struct ScalarWordTable: Sendable {
    private struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var value: Int32
    }

    /// The high 32 bits of the word's hash and, below, its entry number + 1 (0: an empty slot).
    private var slots = [UInt64](repeating: 0, count: 1_024)
    private var entries: [Entry] = []
    private var scalars: [UInt32] = []

    package init() {}

    /// How many words the table holds.
    package var count: Int { entries.count }

    /// The number stored for `word`, computing and storing it on a miss. A miss when the table
    /// already holds `limit` words empties it first (a bounded cache).
    @inline(__always)
    package mutating func value(
        for word: UnsafeBufferPointer<Unicode.Scalar>, startingOverAt limit: Int = .max,
        _ compute: (UnsafeBufferPointer<Unicode.Scalar>) -> Int32
    ) -> Int32 {
        let h = Self.hash(word)
        var (found, slot) = find(word, hash: h)
        if let found { return found }
        let v = compute(word)
        if entries.count >= limit {
            removeAll()
            slot = find(word, hash: h).1
        }
        insert(word, hash: h, value: v, at: slot)
        return v
    }

    /// The value of `word`, or the empty slot where it goes.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash h: UInt32) -> (Int32?, Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(h) & mask
            while true {
                let s = slots[i]
                if s == 0 { return (nil, i) }
                if UInt32(truncatingIfNeeded: s >> 32) == h {
                    let e = entries[Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1]
                    if isWord(e, word) { return (e.value, i) }
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash h: UInt32, value v: Int32, at slot: Int) {
        var i = slot
        if (entries.count + 1) * 2 > slots.count {
            grow()
            let mask = slots.count - 1
            i = Int(h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
        }
        entries.append(Entry(start: Int32(scalars.count), count: Int32(word.count), value: v))
        slots[i] = UInt64(h) << 32 | UInt64(entries.count)
        for u in word { scalars.append(u.value) }
    }

    /// Empties the table (keeping its memory).
    package mutating func removeAll() {
        for k in slots.indices { slots[k] = 0 }
        entries.removeAll(keepingCapacity: true)
        scalars.removeAll(keepingCapacity: true)
    }

    /// Whether the word of entry `e` is `word`.
    @inline(__always)
    private func isWord(_ e: Entry, _ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard Int(e.count) == word.count else { return false }
        let from = Int(e.start)
        return scalars.withUnsafeBufferPointer { b in
            for j in 0..<word.count where b[from + j] != word[j].value { return false }
            return true
        }
    }

    /// A multiply-xorshift hash of the length and the scalars: its high 32 bits.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> UInt32 {
        var h = UInt64(truncatingIfNeeded: word.count)
        for u in word {
            h = (h ^ UInt64(u.value)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 31
        }
        return UInt32(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// Twice the slots, the words placed again by their hash.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s != 0 {
            var i = Int(truncatingIfNeeded: s >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
