#if canImport(Glibc)
    import Glibc
#endif

/// Romanizations already made, keyed by the word's UTF-8 bytes and answered as UTF-8 bytes: keys and
/// values live in one byte arena, found through an open-addressing table of 64-bit hashes, so a hit
/// is a hash, a probe, a byte comparison and a copy into the output (no Array or String per word).
/// Bounded: it starts over when full.
///
/// ```swift
/// var cache = RomanizationCache(limit: 100_000)
/// cache.append(word, to: &out) { Array(romanize($0).utf8) }
/// ```
struct RomanizationCache {
    /// Where an entry's key and value are in `arena` (the value follows the key), with the key's hash:
    /// one load per probe.
    private struct Entry {
        var hash: UInt64
        var keyStart: Int
        var valueStart: Int
        var valueEnd: Int
    }

    /// Entry index + 1 per slot, 0 when empty; a power of two long.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var count: Int { entries.count }

    /// Appends the value for `key` to `out`, computing and storing it on a miss.
    mutating func append(_ key: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], _ compute: (UnsafeBufferPointer<UInt8>) -> [UInt8]) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
                    while slots[s] != 0 {
                        let e = Int(slots[s]) - 1
                        let entry = entries[e]
                        if entry.hash == h && entry.valueStart - entry.keyStart == key.count
                            && (key.isEmpty || memcmp(arena.baseAddress! + entry.keyStart, key.baseAddress!, key.count) == 0)
                        {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: arena[entry.valueStart..<entry.valueEnd]))
                            return e
                        }
                        s = (s + 1) & mask
                    }
                    return nil
                }
            }
        }
        if found != nil { return }
        let value = compute(key)
        out.append(contentsOf: value)
        if count >= limit {
            self = RomanizationCache(limit: limit)
        }
        insert(key, value, hash: h)
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: [UInt8], hash h: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let keyStart = arena.count
        arena.append(contentsOf: key)
        let valueStart = arena.count
        arena.append(contentsOf: value)
        entries.append(Entry(hash: h, keyStart: keyStart, valueStart: valueStart, valueEnd: arena.count))
        place(count - 1)
    }

    private mutating func place(_ e: Int) {
        let h = entries[e].hash
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(e + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for e in 0..<count { place(e) }
    }
}
