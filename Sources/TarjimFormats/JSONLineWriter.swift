/// Writes one JSON line into room made at the end of the output up front: the many short pieces of
/// a line (keys, numbers, strings) cost a pointer write each instead of an `Array.append` each.
///
/// ```swift
/// var out: [UInt8] = []
/// JSONLineWriter.append(capacity: 16, maximum: 64, to: &out) { w in
///     w.raw("{\"n\":")
///     w.int(42)
///     w.raw(",\"s\":")
///     w.string("قال")
///     w.raw("}\n")
/// }
/// ```
/// A line is first written into `capacity` bytes, a guess; if it does not fit (more escapes than
/// the guess allowed for), it is written again into `maximum` bytes, which must be enough: give the
/// literals' length plus `JSONText.maxStringLength(utf8:)` for each string and 20 for each integer.
/// Every write checks its room: a wrong maximum stops the program, it never overwrites memory.
struct JSONLineWriter {
    /// What room for a line is first filled with.
    private static let zeros = [UInt8](repeating: 0, count: 1 << 14)

    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0
    /// A write did not fit: it and every later write were dropped.
    private(set) var overflowed = false

    private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Calls `body` with a writer of `capacity` bytes, again with one of `maximum` bytes if that
    /// overflowed, then appends what it wrote to `out`. The line is written in place at the end of
    /// `out` (grown by zero bytes, then cut back): no buffer to allocate and no copy.
    static func append(capacity: Int, maximum: Int, to out: inout [UInt8], _ body: (inout JSONLineWriter) -> Void) {
        let guess = min(capacity, maximum)
        if write(capacity: guess, to: &out, body) { return }
        let fits = guess < maximum && write(capacity: maximum, to: &out, body)
        precondition(fits, "JSONLineWriter: line longer than its maximum")
    }

    /// Writes the line into `capacity` bytes at the end of `out`: false, and `out` as it was, when
    /// it does not fit.
    private static func write(capacity: Int, to out: inout [UInt8], _ body: (inout JSONLineWriter) -> Void) -> Bool {
        let start = out.count
        // Zeros copied from a zeroed buffer (a repeated element is appended one by one).
        Self.zeros.withUnsafeBufferPointer { z in
            var left = capacity
            while left > 0 {
                let n = min(left, z.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: z[..<n]))
                left -= n
            }
        }
        let (written, overflowed) = out.withUnsafeMutableBufferPointer { b in
            var w = JSONLineWriter(base: b.baseAddress! + start, capacity: capacity)
            body(&w)
            return (w.count, w.overflowed)
        }
        out.removeLast(overflowed ? capacity : capacity - written)
        return !overflowed
    }

    /// Copies bytes as they are (up to 16 bytes by word-sized loads and stores, not a call).
    @inline(__always)
    mutating func bytes(_ p: UnsafeRawBufferPointer) {
        let n = p.count
        guard n <= capacity - count else {
            overflowed = true
            return
        }
        guard let source = p.baseAddress else { return }
        let target = UnsafeMutableRawPointer(base + count)
        if n > 16 {
            target.copyMemory(from: source, byteCount: n)
        } else if n >= 8 {
            // Two words that overlap when n < 16.
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            for i in 0..<n { target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
        }
        count += n
    }

    /// Copies a literal (keys and punctuation).
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Copies the UTF-8 of `text` as it is (an enum's raw value, JSON already written).
    mutating func raw(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes(UnsafeRawBufferPointer($0)) }) == nil {
            Array(text.utf8).withUnsafeBytes { bytes($0) }
        }
    }

    /// Writes `text` as a JSON string literal (with quotes), escaped as `JSONText.appendString` does.
    mutating func string(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { escaped($0) }
        }
    }

    private mutating func escaped(_ p: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        escapedContent(p)
        byte(0x22)
    }

    /// Writes the UTF-8 `p` (whole scalars) escaped as in a JSON string, without quotes: a string
    /// written in pieces is escaped as the whole would be.
    mutating func escapedContent(_ p: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escape: the bytes before the first one that may need one are found
        // sixteen at a time and copied at once.
        let clean = Self.cleanPrefixCount(p)
        if clean > 0 { bytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[..<clean])) }
        if clean == p.count { return }
        JSONText.forEachRun(
            of: UnsafeBufferPointer(rebasing: p[clean...]), copy: { bytes(UnsafeRawBufferPointer($0)) },
            escape: { v in JSONText.withEscape(v) { bytes($0) } })
    }

    /// The number of bytes at the start of `p` in which no byte is a control character, `"`, `\`
    /// or E2 (the first byte of U+2028 and U+2029): none of them is escaped. All of `p` when it is
    /// clean, else a multiple of 16 (up to a block that may not be). Words are tested a few at a
    /// time (bit tricks: such a byte sets bit 7 of its lane; a false alarm only ends the prefix
    /// early), the last block overlapping the one before; `SIMD16<UInt8>` comparisons compile to a
    /// loop over the lanes here.
    static func cleanPrefixCount(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let raw = UnsafeRawPointer(p.baseAddress) else { return 0 }
        let n = p.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        @inline(__always) func flagged(at i: Int) -> UInt64 {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            return ((x &- 0x20 &* ones) & ~x & highs) | zero(x ^ (0x22 &* ones)) | zero(x ^ (0x5C &* ones)) | zero(x ^ (0xE2 &* ones))
        }
        if n < 8 {
            for b in p where b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 { return 0 }
            return n
        }
        if n < 16 { return flagged(at: 0) | flagged(at: n - 8) == 0 ? n : 0 }
        var i = 0
        while i + 16 <= n {
            if flagged(at: i) | flagged(at: i + 8) != 0 { return i }
            i += 16
        }
        return i == n || flagged(at: n - 16) | flagged(at: n - 8) == 0 ? n : i
    }

    mutating func byte(_ b: UInt8) {
        guard count < capacity else {
            overflowed = true
            return
        }
        base[count] = b
        count += 1
    }

    /// Writes the decimal digits of `n` (at most 20 bytes).
    mutating func int(_ n: Int) {
        if n >= 0 && n < 100 {
            // Most numbers (paragraphs, offsets in a sentence) have one or two digits.
            if n >= 10 { byte(UInt8(truncatingIfNeeded: 0x30 + n / 10)) }
            byte(UInt8(truncatingIfNeeded: 0x30 + n % 10))
            return
        }
        // Digits from the end of a 20-byte scratch, then copied.
        var digits: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var m = n.magnitude
            var i = d.count
            repeat {
                i -= 1
                d[i] = UInt8(truncatingIfNeeded: 0x30 + m % 10)
                m /= 10
            } while m > 0
            if n < 0 {
                i -= 1
                d[i] = UInt8(ascii: "-")
            }
            bytes(UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }
}
