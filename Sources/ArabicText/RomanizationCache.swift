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
    /// Entry index + 1 per slot, 0 when empty; a power of two long.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// Per entry: where its key starts in `arena`, where the key ends (the value starts), where the
    /// value ends.
    private var keyStarts: [Int] = []
    private var valueStarts: [Int] = []
    private var valueEnds: [Int] = []
    private var arena: [UInt8] = []
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var count: Int { hashes.count }

    /// Appends the value for `key` to `out`, computing and storing it on a miss.
    mutating func append(_ key: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], _ compute: (UnsafeBufferPointer<UInt8>) -> [UInt8]) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[s] != 0 {
            let e = Int(slots[s]) - 1
            if hashes[e] == h && valueStarts[e] - keyStarts[e] == key.count && matches(key, at: keyStarts[e]) {
                arena.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[valueStarts[e]..<valueEnds[e]])) }
                return
            }
            s = (s + 1) & mask
        }
        let value = compute(key)
        out.append(contentsOf: value)
        if count >= limit {
            self = RomanizationCache(limit: limit)
        }
        insert(key, value, hash: h)
    }

    private func matches(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard let k = key.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, k, key.count) == 0 }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: [UInt8], hash h: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        keyStarts.append(arena.count)
        arena.append(contentsOf: key)
        valueStarts.append(arena.count)
        arena.append(contentsOf: value)
        valueEnds.append(arena.count)
        hashes.append(h)
        place(count - 1)
    }

    private mutating func place(_ e: Int) {
        let h = hashes[e]
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
