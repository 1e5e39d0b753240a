/// A cache of per-word answers (transliterations, lexicon lookups), keyed by the word's UTF-8 bytes:
/// one 64-bit hash and a byte comparison per lookup, no `String` hashing (which normalizes non-ASCII
/// text as it hashes). News text repeats its words, so most lookups hit. Bounded: it starts over
/// when full.
///
/// ```swift
/// var cache = WordCache<String>(limit: 100_000)
/// let latin = cache.value(for: word) { transliterate($0) }
/// ```
package struct WordCache<Value> {
    private var slots: [UInt64: Int32] = [:]
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var values: [Value] = []
    private let limit: Int

    package init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// The cached value for `word`, computing and storing it on a miss.
    package mutating func value(for word: Substring, _ compute: (Substring) -> Value) -> Value {
        var w = word
        return w.withUTF8 { p in value(forUTF8: p) { _ in compute(word) } }
    }

    /// The cached value for the word spelled by `utf8`, computing and storing it on a miss.
    package mutating func value(forUTF8 utf8: UnsafeBufferPointer<UInt8>, _ compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if let slot = slots[h] {
            let i = Int(slot)
            let stored = bytes[starts[i]..<starts[i + 1]]
            if stored.elementsEqual(utf8) { return values[i] }
            return compute(utf8)  // a hash collision: answer without caching
        }
        let v = compute(utf8)
        if values.count >= limit {
            slots.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
            bytes.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
        slots[h] = Int32(values.count)
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        values.append(v)
        return v
    }
}
