/// An open-addressing hash table from already-mixed 64-bit keys to `Int32` values: two flat arrays,
/// linear probing, no per-lookup hashing beyond a multiply. The matcher's word and edge tables
/// (hundreds of thousands of entries for a large glossary) stay compact and cache-friendly, so a
/// lookup costs about the same whatever the glossary's size.
struct HashTable64: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var mask: Int
    private(set) var count = 0

    /// The key reserved to mark an empty slot; `insert` remaps it.
    private static let empty: UInt64 = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Int32](repeating: -1, count: size)
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
        for i in keys.indices { keys[i] = Self.empty }
        count = 0
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let k = Self.slotKey(key)
        var i = start(k)
        while true {
            let s = keys[i]
            if s == k { return values[i] }
            if s == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.slotKey(key)
        var i = start(k)
        while keys[i] != Self.empty && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == Self.empty { count += 1 }
        keys[i] = k
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != Self.empty }
        self = HashTable64(capacity: keys.count)
        for (k, v) in old { insert(k, v) }
    }
}
