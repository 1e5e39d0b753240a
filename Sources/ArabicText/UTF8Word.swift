/// Eight bytes of UTF-8 classified with bit masks, for the checks that go a word at a time over
/// ASCII and two-byte sequences (Arabic letters) in any mix, without branching on each byte: bit 7
/// of each byte of a mask says what the byte is.
struct UTF8Word {
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// 10xxxxxx.
    let continuation: UInt64
    /// 110xxxxx.
    let lead: UInt64
    /// Nonzero when a byte is NUL, starts a longer sequence or is invalid (111xxxxx), a lead is
    /// overlong (C0, C1), or the continuations are not exactly the bytes after the leads.
    let bad: UInt64

    /// - Parameters:
    ///   - x: the bytes, the first in the low byte (a little-endian load).
    ///   - carry: `carryOut` of the word before (0x80 when its last byte is a lead).
    @inline(__always)
    init(_ x: UInt64, carry: UInt64) {
        let highs = Self.highs
        let b7 = x & highs
        let b6 = (x << 1) & highs
        let b5 = (x << 2) & highs
        continuation = b7 & ~b6
        lead = b7 & b6 & ~b5
        let longer = b7 & b6 & b5
        let notOverlong = ((x & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7F7F_7F7F_7F7F_7F7F) & highs  // C2 and up
        let nul = (x &- 0x0101_0101_0101_0101) & ~x & highs  // nonzero when a byte is 0
        bad = longer | nul | (lead & ~notOverlong) | (continuation ^ (lead << 8 | carry))
    }

    /// 0x80 when the last byte is a lead (its continuation is the next word's first byte).
    @inline(__always) var carryOut: UInt64 { lead >> 56 }

    /// One bit per byte that starts a scalar (not a continuation), byte k at bit k.
    @inline(__always) var starts: UInt64 { ((Self.highs & ~continuation) &* 0x0002_0408_1020_4081) >> 56 }
}
