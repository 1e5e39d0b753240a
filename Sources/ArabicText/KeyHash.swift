/// A 64-bit FNV-1a hash over Unicode scalar values, for looking up key slices without building
/// strings. Callers that need certainty compare the scalars on a hit.
public enum KeyHash {
    public static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inlinable @inline(__always)
    public static func combine(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    @inlinable
    public static func of(_ scalars: some Sequence<Unicode.Scalar>, seed: UInt64 = seed) -> UInt64 {
        var h = seed
        for s in scalars { h = combine(h, s.value) }
        return h
    }

    /// The hash state after the article ال, to hash "ال" + stem without building it.
    public static let afterArticle: UInt64 = combine(combine(seed, 0x0627), 0x0644)
}
