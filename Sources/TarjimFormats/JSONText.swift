/// Minimal, fast JSON writing for the line-oriented outputs (JSONL). Strings are escaped per RFC 8259;
/// non-ASCII text is written as UTF-8, not as \u escapes, so Arabic stays readable.
public enum JSONText {
    /// Appends `s` as a JSON string literal (with quotes) to `out`.
    public static func appendString(_ s: some StringProtocol, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        appendString(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (with quotes) to UTF-8 bytes. Scanned as UTF-8 bytes and
    /// copied in runs: every byte to escape is ASCII, except U+2028 and U+2029 (E2 80 A8/A9).
    public static func appendString(_ s: some StringProtocol, to out: inout [UInt8]) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendUTF8($0, to: &out) }
        if done == nil {
            var copy = String(s)
            copy.withUTF8 { appendUTF8($0, to: &out) }
        }
    }

    private static func appendUTF8(_ p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        forEachRun(of: p, copy: { out.append(contentsOf: $0) }, escape: { appendEscape($0, to: &out) })
        out.append(0x22)
    }

    /// The most bytes `appendString` writes for `byteCount` bytes of UTF-8: six for each (a control
    /// as `\u00XX`) and the quotes.
    static func maxStringLength(utf8 byteCount: Int) -> Int { 6 * byteCount + 2 }

    /// Splits `p` (the UTF-8 of a string) into runs copied as they are and scalars escaped as JSON
    /// requires (the escape's value), in order, without the quotes. Scanned as UTF-8 bytes: every
    /// byte to escape is ASCII, except U+2028 and U+2029 (E2 80 A8/A9).
    @inline(__always)
    static func forEachRun(
        of p: UnsafeBufferPointer<UInt8>, copy: (UnsafeBufferPointer<UInt8>) -> Void, escape: (UInt32) -> Void
    ) {
        var run = 0
        var i = 0
        let raw = UnsafeRawPointer(p.baseAddress)
        while i < p.count {
            // Eight bytes at a time while none is a control, ", \ or E2 (bit tricks: a byte below
            // 0x20, or a byte equal to one of the others, sets bit 7 of its lane).
            if let raw {
                while i + 8 <= p.count {
                    let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if Self.mayNeedEscape(x) { break }
                    i += 8
                }
                if i >= p.count { break }
            }
            let b = p[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            var v = UInt32(b)
            var width = 1
            if b == 0xE2 {
                guard i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) else {
                    i += 1
                    continue
                }
                v = p[i + 2] == 0xA8 ? 0x2028 : 0x2029
                width = 3
            }
            if i > run { copy(UnsafeBufferPointer(rebasing: p[run..<i])) }
            escape(v)
            i += width
            run = i
        }
        if p.count > run { copy(UnsafeBufferPointer(rebasing: p[run..<p.count])) }
    }

    /// Whether one of the eight bytes of `x` is below 0x20, 0x22, 0x5C or 0xE2 (no false negative).
    @inline(__always)
    private static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below20 = (x &- 0x20 &* ones) & ~x & highs
        return below20 | hasZero(x ^ (0x22 &* ones)) | hasZero(x ^ (0x5C &* ones)) | hasZero(x ^ (0xE2 &* ones)) != 0
    }

    private static func appendEscape(_ v: UInt32, to out: inout [UInt8]) {
        withEscape(v) { out.append(contentsOf: $0) }
    }

    /// Calls `body` with the bytes of the escape for `v` (`\"`, `\n`, `\u2028`...): two to six bytes.
    @inline(__always)
    static func withEscape<R>(_ v: UInt32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let short: UInt8? =
            switch v {
            case 0x22: 0x22
            case 0x5C: 0x5C
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            default: nil
            }
        if let short {
            let pair: (UInt8, UInt8) = (0x5C, short)
            return withUnsafeBytes(of: pair, body)
        }
        @inline(__always) func hex(_ shift: UInt32) -> UInt8 {
            let d = UInt8((v >> shift) & 0xF)
            return d < 10 ? 0x30 + d : 0x57 + d
        }
        let six: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, UInt8(ascii: "u"), hex(12), hex(8), hex(4), hex(0))
        return withUnsafeBytes(of: six, body)
    }

    /// Appends the decimal digits of `n`.
    public static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            if n == Int.min {
                out.append(contentsOf: String(n).utf8.dropFirst())
                return
            }
            appendInt(-n, to: &out)
            return
        }
        if n < 10 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + n))
            return
        }
        appendInt(n / 10, to: &out)
        out.append(UInt8(truncatingIfNeeded: 0x30 + n % 10))
    }

    /// The JSON string literal for `s`.
    public static func string(_ s: some StringProtocol) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }
}
