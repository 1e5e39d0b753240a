/// A word -> number table for words held as Unicode scalars (a piece of a sentence's scalars),
/// hashed and compared as scalars: no UTF-8 encoding and no `String` per lookup. Open addressing,
/// linear probing, at most half full; the words are kept end to end in one array.
///
/// ```swift
/// var table = ScalarWordTable()
/// let n = sentence.withUnsafeBufferPointer { u in table.value(for: UnsafeBufferPointer(rebasing: u[4..<10])) { _ in 7 } }
/// ```
/// - Complexity: O(w) a lookup for a word of w scalars (one hash, one comparison on a hit),
///   amortized over the table's growth.
struct ScalarWordTable {
    private struct Slot {
        /// 0: an empty slot.
        var hash: UInt64 = 0
        var index: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 1_024)
    /// Word k is `scalars[starts[k]..<starts[k + 1]]`.
    private var starts: [Int] = [0]
    private var scalars: [UInt32] = []
    private var values: [Int32] = []

    /// How many words the table holds.
    var count: Int { values.count }

    /// The number stored for `word`, computing and storing it on a miss.
    @inline(__always)
    mutating func value(for word: UnsafeBufferPointer<Unicode.Scalar>, _ compute: (UnsafeBufferPointer<Unicode.Scalar>) -> Int32) -> Int32 {
        let h = Self.hash(word)
        let (found, slot) = find(word, hash: h)
        if let found { return found }
        let v = compute(word)
        insert(word, hash: h, value: v, at: slot)
        return v
    }

    /// The value of `word`, or the empty slot where it goes.
    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash h: UInt64) -> (Int32?, Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.start(h, mask)
            while true {
                let s = slots[i]
                if s.hash == 0 { return (nil, i) }
                if s.hash == h {
                    let k = Int(s.index)
                    if isWord(k, word) { return (values[k], i) }
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<Unicode.Scalar>, hash h: UInt64, value v: Int32, at slot: Int) {
        var i = slot
        if (values.count + 1) * 2 > slots.count {
            grow()
            let mask = slots.count - 1
            i = Self.start(h, mask)
            while slots[i].hash != 0 { i = (i + 1) & mask }
        }
        slots[i] = Slot(hash: h, index: Int32(values.count))
        for u in word { scalars.append(u.value) }
        starts.append(scalars.count)
        values.append(v)
    }

    /// Empties the table (keeping its memory).
    mutating func removeAll() {
        for k in slots.indices { slots[k].hash = 0 }
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        scalars.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// Whether word `k` of the table is `word`.
    @inline(__always)
    private func isWord(_ k: Int, _ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        let from = starts[k]
        guard starts[k + 1] - from == word.count else { return false }
        return scalars.withUnsafeBufferPointer { b in
            for j in 0..<word.count where b[from + j] != word[j].value { return false }
            return true
        }
    }

    /// A multiply-xorshift hash of the length and the scalars (never 0).
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: word.count)
        for u in word {
            h = (h ^ UInt64(u.value)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 31
        }
        return h == 0 ? 1 : h
    }

    /// The first slot to probe: the high bits of the mixed hash.
    @inline(__always)
    private static func start(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.hash != 0 {
            var i = Self.start(s.hash, mask)
            while slots[i].hash != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
