/// An aggregated observation of a scope, kept in a sorted array and merged record by record.
protocol ScopeRecord {
    /// The records' canonical order (by their key).
    static func precedes(_ a: Self, _ b: Self) -> Bool
    /// A number whose order agrees with `precedes`: `a.orderPrefix < b.orderPrefix` means
    /// `precedes(a, b)`; equal numbers say nothing (the records are then compared in full).
    var orderPrefix: UInt64 { get }
    /// Adds another record of the same key: counts add, places merge (first `limit` kept).
    mutating func absorb(_ other: Self, limit: Int)
}

extension ScopeRecord {
    /// The records in `precedes` order. Sorted as (`orderPrefix`, index) pairs, compared in full only
    /// where the prefixes tie, and then gathered: sorting the records themselves moved them through
    /// the generic sort and called `precedes` for every comparison.
    static func sorted(_ records: [Self]) -> [Self] {
        if records.count < 2 { return records }
        var order: [(prefix: UInt64, index: Int)] = []
        order.reserveCapacity(records.count)
        for i in records.indices { order.append((records[i].orderPrefix, i)) }
        records.withUnsafeBufferPointer { r in
            order.sort { a, b in a.prefix != b.prefix ? a.prefix < b.prefix : precedes(r[a.index], r[b.index]) }
        }
        return order.map { records[$0.index] }
    }

    /// Two sorted record lists as one, records of the same key absorbed.
    /// - Complexity: O(a + b) records.
    static func merge(_ a: [Self], _ b: [Self], limit: Int) -> [Self] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [Self] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if precedes(a[i], b[j]) {
                out.append(a[i])
                i += 1
            } else if precedes(b[j], a[i]) {
                out.append(b[j])
                j += 1
            } else {
                var r = a[i]
                r.absorb(b[j], limit: limit)
                out.append(r)
                i += 1
                j += 1
            }
        }
        out += a[i...]
        out += b[j...]
        return out
    }
}

extension String {
    /// Byte order of the UTF-8 (the order of Unicode scalars): the records' order, faster than
    /// `<`, which compares canonical equivalents as equal.
    func utf8Precedes(_ other: String) -> Bool {
        // The bytes compared in place, a word at a time (the generic comparison steps through the
        // views byte by byte); every String has contiguous UTF-8 but a bridged one.
        let inPlace = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in Self.precedes(a, b) }
        }
        if let r = inPlace ?? nil { return r }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// The first eight bytes of the UTF-8, big-endian, zeros after a shorter string: ordered as
    /// `utf8Precedes` orders the strings where the numbers differ.
    var utf8OrderPrefix: UInt64 {
        var n: UInt64 = 0
        var k = 0
        for b in utf8.prefix(8) {
            n = n << 8 | UInt64(b)
            k += 1
        }
        return k == 8 ? n : n << (8 * (8 - k))
    }

    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = Swift.min(a.count, b.count)
        var i = 0
        if let p = UnsafeRawPointer(a.baseAddress), let q = UnsafeRawPointer(b.baseAddress) {
            while i + 8 <= n {
                let x = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let y = q.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Read big-endian, a word compares as its bytes do.
                if x != y { return UInt64(bigEndian: x) < UInt64(bigEndian: y) }
                i += 8
            }
        }
        while i < n {
            if a[i] != b[i] { return a[i] < b[i] }
            i += 1
        }
        return a.count < b.count
    }
}

/// A string hashed and compared by its UTF-8 bytes: keys of the records (matching keys and
/// spellings), where `String`'s hashing, which normalizes non-ASCII text first, costs more than
/// the rest of counting a word. Agrees with `utf8Precedes`.
struct UTF8Key: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        let bytes = a.string.utf8.withContiguousStorageIfAvailable { x in
            b.string.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && x.elementsEqual(y) }
        }
        if let same = bytes ?? nil { return same }
        return a.string.utf8.elementsEqual(b.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { for b in string.utf8 { hasher.combine(b) } }
        hasher.combine(0xFF as UInt8)
    }
}
