extension KeyFolding {
    /// The bytes of a block of `appendBlocks`.
    static let blockSize = 64

    /// The key of the text from `start` (where a chunk starts) in blocks of 64 bytes, checking
    /// each block's UTF-8 on the way; stops at the first block that is not all ASCII and valid
    /// two-byte sequences without NUL, or holds a scalar that is not `NormalizationTables.pairFastBit`
    /// (such a block's folds are taken back), or at the last 72 bytes.
    ///
    /// A block is decoded in two steps that do not wait on each other's loads. First its eight
    /// words are classified with bit masks (`UTF8Word`: continuation bytes, two-byte leads,
    /// anything else), which checks the UTF-8 and gives one bit per byte that starts a scalar.
    /// Then each scalar is
    /// read at the position of the next bit (`trailingZeroBitCount`), so that the loads of
    /// successive scalars overlap instead of the next position waiting on this byte's load as in
    /// a loop that decodes byte after byte; its entry in `NormalizationTables.byPair` gives the
    /// fold to store (two bytes at once), its length and whether it is fast.
    ///
    /// Returns `stop`, where the key goes on: everything before it is written, and it starts a
    /// chunk (the key backs up over the last starter and the dropped marks after it, which a
    /// later scalar might still join); and `failed`, the block the loop stopped at.
    @inline(__always)
    static func appendBlocks(
        _ base: UnsafePointer<UInt8>, from start: Int, count n: Int, _ key: inout KeyWriter
    ) -> (stop: Int, failed: Int) {
        let table = NormalizationTables.byPair
        let raw = UnsafeRawPointer(base)
        var p = start
        var stop = start
        // The folds of scalars below U+0800 are no longer than the scalars (a two-byte store may
        // write one byte past a fold, inside the room).
        key.withRoom(n - start + 2) { out in
            var dst = out
            // Bit 7 set when the last byte of the block before is a two-byte lead.
            var carry: UInt64 = 0
            while p + blockSize + 8 <= n {
                var bad: UInt64 = 0
                var starts: UInt64 = 0
                var c = carry
                for k in 0..<8 {
                    let word = UTF8Word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p + 8 * k, as: UInt64.self)), carry: c)
                    bad |= word.bad
                    c = word.carryOut
                    starts |= word.starts << UInt64(8 * k)
                }
                if bad != 0 { break }
                var d = dst
                var fast = NormalizationTables.pairFastBit
                var m = starts
                while m != 0 {
                    let y = UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: p &+ m.trailingZeroBitCount, as: UInt16.self)))
                    let e = table[Int(NormalizationTables.pairIndex(y))]
                    UnsafeMutableRawPointer(d).storeBytes(of: UInt16(truncatingIfNeeded: e).littleEndian, as: UInt16.self)
                    d += Int(e >> 24)
                    fast &= e
                    m &= m &- 1
                }
                if fast == 0 { break }
                dst = d
                carry = c
                p += blockSize
            }
            // Back up to the last scalar before `p` with a boundary before it: a scalar at `p`
            // without one (a mark) would join its chunk. This also takes back a two-byte lead at
            // the end of the last block, whose continuation the next block was to check.
            var q = p
            if q > start {
                var e: UInt32
                repeat {
                    q -= 1
                    while base[q] & 0xC0 == 0x80 { q -= 1 }
                    let y = UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt16.self)))
                    e = table[Int(NormalizationTables.pairIndex(y))]
                    dst -= Int(e >> 24)
                } while e & NormalizationTables.pairBoundaryBit == 0 && q > start
            }
            stop = q
            return dst - out
        }
        return (stop, p)
    }
}
