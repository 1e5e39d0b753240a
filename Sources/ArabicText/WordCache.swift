/// A cache of per-word answers (transliterations, lexicon lookups), keyed by the word's UTF-8 bytes:
/// one 64-bit hash and a byte comparison per lookup, no `String` hashing (which normalizes non-ASCII
/// text as it hashes). News text repeats its words, so most lookups hit. Bounded: it starts over
/// when full.
///
/// ```swift
/// var cache = WordCache<String>(limit: 100_000)
/// let latin = cache.value(for: word) { transliterate($0) }
/// ```
///
/// Other modules use it through the non-generic wrappers below (`ScalarWordCache`, `WordFlagCache`),
/// which are specialized here: `WordCache<Bool>` called from the Glossary module ran unspecialized,
/// through value witnesses and metadata lookups on every probe (measured in `tarjim draft`). The
/// lookup is also `@inlinable`.
package struct WordCache<Value> {
    /// Open addressing, linear probing, at most half full (no `Dictionary`: its SipHash of every key
    /// costs more than the rest of a lookup).
    @usableFromInline var slots = [WordCacheSlot](repeating: WordCacheSlot(), count: 1_024)
    @usableFromInline var starts: [Int] = [0]
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline let limit: Int

    package init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// The cached value for `word`, computing and storing it on a miss.
    @inlinable
    package mutating func value(for word: Substring, _ compute: (Substring) -> Value) -> Value {
        var w = word
        return w.withUTF8 { p in value(forUTF8: p) { _ in compute(word) } }
    }

    /// The cached value for the word spelled by `utf8`, computing and storing it on a miss.
    @inlinable
    package mutating func value(forUTF8 utf8: UnsafeBufferPointer<UInt8>, _ compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if h == 0 { h = 1 }
        var mask = slots.count - 1
        var i = Self.start(h, mask)
        while slots[i].hash != 0 {
            if slots[i].hash == h {
                let k = Int(slots[i].index)
                if Self.equal(bytes, starts[k], starts[k + 1], utf8) { return values[k] }
            }
            i = (i + 1) & mask
        }
        let v = compute(utf8)
        if values.count >= limit {
            for k in slots.indices { slots[k].hash = 0 }
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
            bytes.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            i = Self.start(h, mask)
        } else if (values.count + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            i = Self.start(h, mask)
            while slots[i].hash != 0 { i = (i + 1) & mask }
        }
        slots[i] = WordCacheSlot(hash: h, index: Int32(values.count))
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        values.append(v)
        return v
    }

    /// Whether `bytes[from..<to]` spells `word` (compared through pointers).
    @inlinable @inline(__always)
    static func equal(_ bytes: [UInt8], _ from: Int, _ to: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard to - from == word.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for j in 0..<word.count where b[from + j] != word[j] { return false }
            return true
        }
    }

    @inlinable @inline(__always)
    static func start(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = [WordCacheSlot](repeating: WordCacheSlot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.hash != 0 {
            var i = Self.start(s.hash, mask)
            while slots[i].hash != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}

/// A word -> number table for words held as Unicode scalars (a slice of a sentence's scalars): the
/// caller needs no `String` to look a word up, and keeps what the numbers stand for itself (a hit
/// copies an integer). The scalars are hashed and compared as they are (`ScalarWordTable`), with no
/// UTF-8 encoding per lookup. Bounded: it starts over when it holds `limit` words.
///
/// ```swift
/// var index = ScalarWordCache(limit: 50_000)
/// let n = index.value(for: sentence[token.range]) { word in Int32(names.count) }
/// ```
package struct ScalarWordCache: Sendable {
    private var table = ScalarWordTable()
    private let limit: Int

    package init(limit: Int = 100_000) {
        self.limit = limit
    }

    /// The number stored for `word`, computing and storing it on a miss.
    package mutating func value(for word: ArraySlice<Unicode.Scalar>, _ compute: (ArraySlice<Unicode.Scalar>) -> Int32) -> Int32 {
        let limit = limit
        return word.withUnsafeBufferPointer { w in table.value(for: w, startingOverAt: limit) { _ in compute(word) } }
    }

    /// The number stored for the word at `word`, computing and storing it on a miss.
    package mutating func value(
        for word: UnsafeBufferPointer<Unicode.Scalar>, _ compute: (UnsafeBufferPointer<Unicode.Scalar>) -> Int32
    ) -> Int32 {
        table.value(for: word, startingOverAt: limit, compute)
    }
}
extension WordCache: Sendable where Value: Sendable {}

/// A `WordCache` slot: a word's hash (0: empty slot) and its index in the cache's values.
@usableFromInline
struct WordCacheSlot: Sendable {
    @usableFromInline var hash: UInt64 = 0
    @usableFromInline var index: Int32 = 0

    @inlinable init() {}

    @inlinable init(hash: UInt64, index: Int32) {
        self.hash = hash
        self.index = index
    }
}

/// A `WordCache` of yes/no answers (lexicon lookups), not generic, so that the cache is specialized
/// here rather than called through value witnesses from the modules that use it.
package struct WordFlagCache: Sendable {
    private var cache: WordCache<Bool>

    package init(limit: Int = 100_000) {
        cache = WordCache(limit: limit)
    }

    /// The cached answer for `word`, computing and storing it on a miss.
    package mutating func value(for word: Substring, _ compute: (Substring) -> Bool) -> Bool {
        cache.value(for: word, compute)
    }
}
