/// A `HashTable64` copied into memory that its owner frees (`deallocate()`): lookups in the
/// matcher's inner loops read through pointers, with no reference counting.
struct FrozenTable64: @unchecked Sendable {
    typealias Slot = HashTable64.Slot

    private let slots: UnsafeMutableBufferPointer<Slot>
    private let mask: Int

    init(_ t: HashTable64) {
        slots = .allocate(capacity: t.slots.count)
        _ = slots.initialize(fromContentsOf: t.slots)
        mask = t.mask
    }

    func deallocate() { slots.deallocate() }

    /// The same answer as `HashTable64`'s subscript.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let k = HashTable64.slotKey(key)
        var i = HashTable64.start(k, mask)
        while true {
            let s = slots[i]
            if s.key == k { return s.value }
            if s.key == HashTable64.empty { return nil }
            i = (i + 1) & mask
        }
    }
}
