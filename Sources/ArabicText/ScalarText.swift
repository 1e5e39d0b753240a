/// Random access to the scalars of a text by offset, forwards and backwards: the one interface the
/// sentence rules run over, whether the text is an array of scalars (offsets are indices) or valid
/// UTF-8 bytes (offsets are byte offsets).
protocol ScalarText: NormalizationSource {
    /// The offset where the scalar before `offset` starts (`offset` > 0).
    func offset(before offset: Int) -> Int
    /// The offset of the first sentence terminator (`SentenceRules.isTerminator`) at or after
    /// `offset`, or `endOffset`.
    func terminator(from offset: Int) -> Int
}

extension ScalarText {
    /// The value of the scalar starting at `offset`.
    @inline(__always) func value(at offset: Int) -> UInt32 { scalar(at: offset).0 }

    /// The value of the scalar that ends at `offset` (`offset` > 0).
    @inline(__always) func value(before offset: Int) -> UInt32 { scalar(at: self.offset(before: offset)).0 }

    /// The offset after the scalar at `offset`.
    @inline(__always) func offset(after offset: Int) -> Int { scalar(at: offset).1 }
}

extension ScalarSource: ScalarText {
    @inline(__always) func offset(before offset: Int) -> Int { offset - 1 }

    func terminator(from offset: Int) -> Int {
        var i = offset
        while i < scalars.count && !SentenceRules.isTerminator(scalars[i].value) { i += 1 }
        return i
    }
}

extension UTF8Source: ScalarText {
    @inline(__always) func offset(before offset: Int) -> Int {
        var k = offset - 1
        while bytes[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    /// A byte scan: the terminators are . ? ! (ASCII), ؟ (D8 9F), ۔ (DB 94) and … (E2 80 A6); lead
    /// and ASCII bytes never occur inside another scalar, so no decoding is needed. Eight bytes at
    /// a time are skipped when none of them is one of those ASCII bytes, 9F, 94 (the second bytes)
    /// or E2.
    @inline(__always) func terminator(from offset: Int) -> Int {
        var i = offset
        let n = bytes.count
        while true {
            while i + 8 <= n {
                let v = block(at: i)
                if Self.has(v, 0x21) | Self.has(v, 0x2E) | Self.has(v, 0x3F) | Self.has(v, 0x9F) | Self.has(v, 0x94) | Self.has(v, 0xE2)
                    != 0
                {
                    break
                }
                i += 8
            }
            // Byte by byte through this block, from the byte before it (the lead of a second byte).
            var k = max(offset, i - 1)
            let stop = min(n, i + 8)
            while k < stop {
                switch bytes[k] {
                case 0x21, 0x2E, 0x3F: return k
                case 0xD8: if bytes[k + 1] == 0x9F { return k }
                case 0xDB: if bytes[k + 1] == 0x94 { return k }
                case 0xE2: if bytes[k + 1] == 0x80 && bytes[k + 2] == 0xA6 { return k }
                default: break
                }
                k += 1
            }
            if stop == n { return n }
            i = stop
        }
    }

    /// The line terminator at or after `offset` (LF, CR, CRLF, NEL C2 85, LS E2 80 A8, PS E2 80 A9):
    /// its offset and length in bytes, or (`endOffset`, 0). Eight bytes at a time are skipped when
    /// none is a control below 0x0E, C2 or E2.
    @inline(__always) func lineTerminator(from offset: Int) -> (Int, Int) {
        var i = offset
        let n = bytes.count
        while true {
            while i + 8 <= n {
                let v = block(at: i)
                let below = (v &- 0x0E0E_0E0E_0E0E_0E0E) & ~v & 0x8080_8080_8080_8080
                if below | Self.has(v, 0xC2) | Self.has(v, 0xE2) != 0 { break }
                i += 8
            }
            let stop = min(n, i + 8)
            while i < stop {
                switch bytes[i] {
                case 0x0A: return (i, 1)
                case 0x0D: return (i, i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1)
                case 0xC2: if i + 1 < n && bytes[i + 1] == 0x85 { return (i, 2) }
                case 0xE2: if i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) { return (i, 3) }
                default: break
                }
                i += 1
            }
            if stop == n { return (n, 0) }
        }
    }

    /// Eight bytes from `offset` (`offset + 8 <= endOffset`).
    @inline(__always) private func block(at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Nonzero when one of the eight bytes of `v` is `byte` (the classic "has zero byte" test on
    /// `v` xor the byte repeated; exact about whether there is one).
    @inline(__always) private static func has(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        let x = v ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The number of scalars in `bytes[range]`: the bytes that are not continuation bytes
    /// (10xxxxxx), counted eight at a time.
    func scalarCount(_ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = range.lowerBound
        var continuation = 0
        while i + 8 <= range.upperBound {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 of each continuation byte, moved to bit 0 and summed into the top byte by the
            // multiplication (no popcnt in the x86-64 baseline).
            continuation += Int((((x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7) &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < range.upperBound {
            if bytes[i] & 0xC0 == 0x80 { continuation += 1 }
            i += 1
        }
        return range.count - continuation
    }
}
