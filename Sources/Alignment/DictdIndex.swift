/// A dictd index scanned for the entries a dictionary keeps: the one-word Arabic headwords whose
/// matching key is wanted, with where their entries lie in the body. The scan needs no body, so
/// `DictdReader` runs it while the body is read and inflated; `firstError(bodyCount:file:)` then
/// reports what a line-by-line read would have reported first.
///
/// Most headwords are Arabic letters only; their keys are folded from the bytes, and when every
/// wanted key is Arabic letters only too, a headword is compared by a 64-bit hash of its key's
/// bytes first (a `String` and its hash, which normalizes non-ASCII text, only for the few that
/// pass). For strings of the letters U+0621...U+064A, equal bytes and equal `String`s are the same
/// thing (none is canonically equivalent to another such string).
struct DictdIndex: Sendable {
    struct Entry: Sendable {
        let key: String
        let offset: Int
        let length: Int
    }

    /// The kept entries, in index order.
    private(set) var entries: [Entry] = []
    /// The Arabic-headword lines whose entry ends further into the body than any line before: the
    /// first of them that ends past the body is the first entry outside it.
    private var farthest: [(line: Int, offset: Int, length: Int)] = []
    /// The first line that is not `headword<TAB>offset<TAB>length`; the scan stops there.
    private var malformedLine: Int?

    /// - Parameter keys: keep only these Arabic matching keys (nil: all).
    init(index: [UInt8], keys: Set<String>?) {
        let letterKeys = keys.flatMap { keys in keys.allSatisfy { Self.isLetters($0.utf8) } ? Set(keys.map { Self.hash($0.utf8) }) : nil }
        var key: [UInt8] = []
        var farthestEnd = -1
        let n = index.count
        var line = 0
        var start = 0
        while start <= n {
            var end = start
            while end < n && index[end] != 0x0A { end += 1 }
            line += 1
            defer { start = end + 1 }
            if end == start { continue }
            func tab(after from: Int) -> Int? {
                var k = from
                while k < end && index[k] != 0x09 { k += 1 }
                return k < end ? k : nil
            }
            guard let t1 = tab(after: start), let t2 = tab(after: t1 + 1),
                let offset = DictdReader.base64(index[(t1 + 1)..<t2]),
                let length = DictdReader.base64(index[(t2 + 1)..<(tab(after: t2 + 1) ?? end)])
            else {
                malformedLine = line
                return
            }
            // dictd's own entries (00databaseinfo, ...) and Latin headwords are not Arabic words (no
            // lead byte of U+0600-06FF), and several words are not looked up.
            let head = index[start..<t1]
            guard head.contains(where: { $0 >= 0xD8 && $0 <= 0xDB }), !head.contains(0x20) else { continue }
            if offset + length > farthestEnd {
                farthest.append((line, offset, length))
                farthestEnd = offset + length
            }
            let found: String
            key.removeAll(keepingCapacity: true)
            if DictdReader.appendSimpleKey(head, to: &key) {
                if key.isEmpty { continue }
                if let letterKeys, Self.isLetters(key), !letterKeys.contains(Self.hash(key)) { continue }
                found = String(decoding: key, as: UTF8.self)
            } else {
                guard let k = BilingualDictionary.headwordKey(String(decoding: head, as: UTF8.self)) else { continue }
                found = k
            }
            if let keys, !keys.contains(found) { continue }
            entries.append(Entry(key: found, offset: offset, length: length))
        }
    }

    /// The error a line-by-line read reports first with a body of `bodyCount` bytes, if any.
    func firstError(bodyCount: Int, file: String?) -> AlignmentError? {
        if let outside = farthest.first(where: { $0.offset + $0.length > bodyCount }), outside.line < malformedLine ?? Int.max {
            return .malformedDictionary(
                file: file, line: outside.line,
                message: "entry \(outside.offset)+\(outside.length) lies outside the \(bodyCount)-byte body")
        }
        if let line = malformedLine {
            return .malformedDictionary(file: file, line: line, message: "expected 'headword<TAB>offset<TAB>length'")
        }
        return nil
    }

    /// Whether UTF-8 `bytes` are letters U+0621...U+064A only (two bytes each, D8 A1 to D9 8A).
    static func isLetters(_ bytes: some Collection<UInt8>) -> Bool {
        var lead: UInt8 = 0
        for (k, b) in bytes.enumerated() {
            if k % 2 == 0 {
                lead = b
                guard b == 0xD8 || b == 0xD9 else { return false }
            } else {
                let v = UInt32(lead & 0x1F) << 6 | UInt32(b & 0x3F)
                guard b & 0xC0 == 0x80, v >= 0x0621, v <= 0x064A else { return false }
            }
        }
        return bytes.count % 2 == 0
    }

    /// FNV-1a, 64 bits.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
