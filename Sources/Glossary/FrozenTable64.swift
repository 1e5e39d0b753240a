/// A `HashTable64` copied into memory that its owner frees (`deallocate()`): lookups in the
/// matcher's inner loops read through pointers, with no reference counting.
struct FrozenTable64: @unchecked Sendable {
    private let keys: UnsafeMutableBufferPointer<UInt64>
    private let values: UnsafeMutableBufferPointer<Int32>
    private let mask: Int

    init(_ t: HashTable64) {
        keys = .allocate(capacity: t.keys.count)
        _ = keys.initialize(from: t.keys)
        values = .allocate(capacity: t.values.count)
        _ = values.initialize(from: t.values)
        mask = t.mask
    }

    func deallocate() {
        keys.deallocate()
        values.deallocate()
    }

    /// The same answer as `HashTable64`'s subscript.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let k = HashTable64.slotKey(key)
        var i = HashTable64.start(k, mask)
        while true {
            let s = keys[i]
            if s == k { return values[i] }
            if s == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
