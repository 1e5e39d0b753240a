/// Writes one JSON line into room made at the end of the output up front: the many short pieces of
/// a line (keys, numbers, strings) cost a pointer write each instead of an `Array.append` each.
///
/// ```swift
/// var out: [UInt8] = []
/// JSONLineWriter.append(capacity: 64, to: &out) { w in
///     w.raw("{\"n\":")
///     w.int(42)
///     w.raw(",\"s\":")
///     w.string("قال")
///     w.raw("}\n")
/// }
/// ```
/// Every write checks that it fits in `capacity` (a wrong size stops the program, it never
/// overwrites memory): give `capacity` as the literals' length plus
/// `JSONText.maxStringLength(utf8:)` for each string and 20 for each integer.
struct JSONLineWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Calls `body` with a writer of at most `capacity` bytes, then appends what it wrote to `out`.
    /// The line is written in place at the end of `out` (grown by `capacity` zero bytes, then cut
    /// back): no buffer to allocate and no copy.
    static func append(capacity: Int, to out: inout [UInt8], _ body: (inout JSONLineWriter) -> Void) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: capacity))
        let written = out.withUnsafeMutableBufferPointer { b in
            var w = JSONLineWriter(base: b.baseAddress! + start, capacity: capacity)
            body(&w)
            return w.count
        }
        out.removeLast(capacity - written)
    }

    /// Copies bytes as they are.
    mutating func bytes(_ p: UnsafeRawBufferPointer) {
        precondition(p.count <= capacity - count, "JSONLineWriter: line longer than its capacity")
        guard let source = p.baseAddress else { return }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: p.count)
        count += p.count
    }

    /// Copies a literal (keys and punctuation).
    mutating func raw(_ text: StaticString) {
        bytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Copies the UTF-8 of `text` as it is (an enum's raw value, JSON already written).
    mutating func raw(_ text: String) {
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
        JSONText.forEachRun(of: p, copy: { bytes(UnsafeRawBufferPointer($0)) }, escape: { v in JSONText.withEscape(v) { bytes($0) } })
        byte(0x22)
    }

    mutating func byte(_ b: UInt8) {
        precondition(count < capacity, "JSONLineWriter: line longer than its capacity")
        base[count] = b
        count += 1
    }

    /// Writes the decimal digits of `n` (at most 20 bytes).
    mutating func int(_ n: Int) {
        if n >= 0 && n < 10 {
            byte(UInt8(truncatingIfNeeded: 0x30 + n))
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
