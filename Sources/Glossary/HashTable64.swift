import CPrefetch

/// An open-addressing hash table from already-mixed 64-bit keys to `Int32` values: two flat arrays,
/// linear probing, no per-lookup hashing beyond a multiply. The matcher's word and edge tables
/// (hundreds of thousands of entries for a large glossary) stay compact and cache-friendly, so a
/// lookup costs about the same whatever the glossary's size.
struct HashTable64: Sendable {
    /// A key and its value side by side: a lookup touches one cache line, not one in each of two
    /// arrays (building a 100k glossary's trie misses the cache on most lookups).
    struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private(set) var slots: [Slot]
    private(set) var mask: Int
    private(set) var count = 0

    /// The key reserved to mark an empty slot; `insert` remaps it.
    static let empty: UInt64 = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: Self.empty, value: -1), count: size)
        mask = size - 1
    }

    @inline(__always)
    static func slotKey(_ key: UInt64) -> UInt64 { key == empty ? 0x9E37_79B9_7F4A_7C15 : key }

    @inline(__always)
    static func start(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    @inline(__always)
    private func start(_ k: UInt64) -> Int { Self.start(k, mask) }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in slots.indices { slots[i] = Slot(key: Self.empty, value: -1) }
        count = 0
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let k = Self.slotKey(key)
        var i = start(k)
        while true {
            let s = slots[i]
            if s.key == k { return s.value }
            if s.key == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Asks the processor to load the slot where a lookup of `key` starts (a hint: no effect on
    /// the table). A loop over many keys calls it a few keys ahead of its lookups.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let i = start(Self.slotKey(key))
        slots.withUnsafeBufferPointer { tarjim_prefetch($0.baseAddress.unsafelyUnwrapped + i) }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = Self.slotKey(key)
        var i = start(k)
        while slots[i].key != Self.empty && slots[i].key != k { i = (i + 1) & mask }
        if slots[i].key == Self.empty { count += 1 }
        slots[i] = Slot(key: k, value: value)
    }

    /// The value of `key`, or nil after inserting `value` for it: one probe where a lookup and an
    /// insert would make two.
    mutating func value(for key: UInt64, insertingIfAbsent value: Int32) -> Int32? {
        if (count + 1) * 2 > slots.count { grow() }
        let k = Self.slotKey(key)
        var i = start(k)
        while true {
            let s = slots[i]
            if s.key == k { return s.value }
            if s.key == Self.empty { break }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: k, value: value)
        count += 1
        return nil
    }

    private mutating func grow() {
        let old = slots.filter { $0.key != Self.empty }
        self = HashTable64(capacity: slots.count)
        for s in old { insert(s.key, s.value) }
    }
}
