/// The folds of the matching key, applied after NFKC.
enum KeyFolding {
    /// Folds one NFKC scalar; nil drops it.
    /// - harakat U+064B–065F, superscript alef U+0670, other Arabic marks, tatweel and invisible format
    ///   characters (bidi controls, ZWJ/ZWNJ, ...) are dropped;
    /// - أ إ آ ٱ (and ٲ ٳ) -> ا, ى -> ي, ة -> ه, Persian ی -> ي and ک -> ك;
    /// - Arabic-Indic and Persian digits -> 0-9;
    /// - ، -> `,`, ؛ -> `;`, ؟ -> `?`, ۔ -> `.`, ٪ -> `%`, ٫ (decimal) -> `.`, ٬ (thousands) -> `,`.
    ///
    /// The key builders read the fold of BMP scalars from `NormalizationTables` (one lookup); this
    /// function is the definition the table is built from.
    @inline(__always)
    static func fold(_ v: UInt32) -> Unicode.Scalar? {
        if v < 0x0600 { return Unicode.Scalar(v) }
        if ArabicScalar.isMark(v) || v == ArabicScalar.tatweel || ArabicScalar.isInvisibleFormat(v) { return nil }
        let mapped: UInt32
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: mapped = 0x0627
        case 0x0649, 0x06CC: mapped = 0x064A
        case 0x0629: mapped = 0x0647
        case 0x06A9: mapped = 0x0643
        case 0x0660...0x0669: mapped = v - 0x0660 + 0x30
        case 0x06F0...0x06F9: mapped = v - 0x06F0 + 0x30
        case 0x060C: mapped = 0x2C
        case 0x061B: mapped = 0x3B
        case 0x061F: mapped = 0x3F
        case 0x06D4: mapped = 0x2E
        case 0x066A: mapped = 0x25
        case 0x066B: mapped = 0x2E
        case 0x066C: mapped = 0x2C
        default: mapped = v
        }
        return Unicode.Scalar(mapped)
    }

    /// The fold of `v` as a raw value, `NormalizationTables.dropped` when dropped (one table lookup
    /// for the BMP).
    @inline(__always)
    static func foldValue(_ v: UInt32) -> UInt32 {
        NormalizationTables.info(v, NormalizationTables.table) & NormalizationTables.foldMask
    }

    /// Calls `body` for each scalar of NFKC(`src`), with the source span it came from. Chunks are cut
    /// at NFKC boundaries; a chunk that NFKC leaves unchanged maps scalar by scalar, a changed chunk
    /// maps each output scalar to the whole chunk.
    ///
    /// The chunking runs over any source of scalars (an array of scalars, UTF-8 bytes): the one
    /// implementation behind the matching key, whatever the text is stored as. `body` gets each
    /// output scalar, its table entry (`NormalizationTables`, which holds its fold) and its source
    /// span (offsets in scalars or bytes).
    ///
    /// The fast path is a scalar followed by one with an NFKC boundary before it (almost every
    /// scalar of Arabic or Latin text): one table lookup each, no ICU.
    @inline(__always)
    static func forEachNormalized<S: NormalizationSource>(_ src: S, _ body: (UInt32, UInt32, Int, Int) -> Void) {
        let table = NormalizationTables.table
        let n = src.endOffset
        if n == 0 { return }
        var i = 0
        var (v, j) = src.scalar(at: 0)
        var info = NormalizationTables.info(v, table)
        while true {
            var w: UInt32 = 0
            var k = j
            var winfo: UInt32 = 0
            if j < n {
                (w, k) = src.scalar(at: j)
                winfo = NormalizationTables.info(w, table)
            }
            if j == n || winfo & NormalizationTables.boundaryBit != 0 {
                // A chunk of one scalar.
                if info & NormalizationTables.quickCheckYesBit != 0 {
                    body(v, info, i, j)
                } else {
                    chunk(src, i..<j, unchanged: false, table, body)
                }
                if j == n { return }
                i = j
                v = w
                info = winfo
                j = k
                continue
            }
            // A longer chunk: the quick check (every scalar "yes", combining marks in canonical order).
            var unchanged = info & NormalizationTables.quickCheckYesBit != 0
            var lastClass = UInt8(truncatingIfNeeded: info >> NormalizationTables.cccShift)
            var e = j
            while e < n {
                let (x, next) = e == j ? (w, k) : src.scalar(at: e)
                let xinfo = e == j ? winfo : NormalizationTables.info(x, table)
                if xinfo & NormalizationTables.boundaryBit != 0 { break }
                let cc = UInt8(truncatingIfNeeded: xinfo >> NormalizationTables.cccShift)
                if xinfo & NormalizationTables.quickCheckYesBit == 0 || (cc != 0 && cc < lastClass) { unchanged = false }
                lastClass = cc
                e = next
            }
            chunk(src, i..<e, unchanged: unchanged, table, body)
            if e == n { return }
            i = e
            (v, j) = src.scalar(at: e)
            info = NormalizationTables.info(v, table)
        }
    }

    /// Appends the matching key of valid UTF-8 `b` to `out` as UTF-8: the fold of NFKC(`b`).
    ///
    /// Text below U+0800 (ASCII, Arabic, Latin with accents) goes 64 bytes at a time through
    /// `appendBlocks`; what a block cannot take (a longer sequence, a scalar NFKC may change, the
    /// last bytes) goes through `appendKeyByChunks`.
    /// - Complexity: O(n); ICU only for chunks NFKC could change.
    static func appendKey(utf8 b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if b.isEmpty { return }
        _ = appending(to: &out, room: b.count + 16) { appendKey(b, validating: false, to: &$0) }
    }

    /// `appendKey(utf8:to:)` over bytes not yet checked: false, with nothing appended, when `b` is
    /// not valid UTF-8 or holds a NUL byte (`TextDecoder.isValidUTF8WithoutNUL`). The check is
    /// made in the same pass as the key.
    static func appendKey(validatingUTF8 b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        if b.isEmpty { return true }
        return appending(to: &out, room: b.count + 16) { appendKey(b, validating: true, to: &$0) }
    }

    /// Appends to `out` what `write` writes, unless it returns false. An empty `out` is replaced by
    /// an array of `room` bytes that `write` writes into (no copy) while the bytes fit.
    @inline(__always)
    private static func appending(to out: inout [UInt8], room: Int, _ write: (inout KeyWriter) -> Bool) -> Bool {
        var ok = true
        var spilled: KeyWriter?
        if out.isEmpty {
            out = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
                var key = KeyWriter(over: buffer)
                ok = write(&key)
                initialized = ok && key.isInPlace ? key.count : 0
                if ok && !key.isInPlace { spilled = key } else { key.deallocate() }
            }
        } else {
            var key = KeyWriter(capacity: room)
            ok = write(&key)
            if ok { spilled = key } else { key.deallocate() }
        }
        if let spilled {
            out.append(contentsOf: UnsafeBufferPointer(start: spilled.base, count: spilled.count))
            spilled.deallocate()
        }
        return ok
    }

    /// The key of `b` in blocks of 64 bytes (`appendBlocks`) and, where a block cannot take the fast
    /// way, in stretches written by `appendKeyByChunks`. A stretch starts where a chunk starts and
    /// ends before an ASCII byte (a scalar with an NFKC boundary before it), so the pieces' keys
    /// are the key of the whole. With `validating`, each stretch is checked before it is read (the
    /// blocks check themselves); false when a check fails.
    @inline(__always)
    static func appendKey(_ b: UnsafeBufferPointer<UInt8>, validating: Bool, to key: inout KeyWriter) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        var p = 0
        while p < n {
            let (stop, failed) = appendBlocks(base, from: p, count: n, &key)
            // The stretch runs at least to the end of the block that failed, then to an ASCII byte.
            var end = failed + blockSize + 8 > n ? n : failed + blockSize
            while end < n && base[end] >= 0x80 { end += 1 }
            let stretch = UnsafeBufferPointer(start: base + stop, count: end - stop)
            if validating && !TextDecoder.isValidUTF8WithoutNUL(stretch) { return false }
            appendKeyByChunks(stretch, to: &key)
            p = end
        }
        return true
    }

    /// The key of valid UTF-8 `b`, which starts a chunk, scalar by scalar.
    ///
    /// The fast path is a scalar that NFKC leaves as it is (quick check yes) followed by one with an
    /// NFKC boundary before it (or the end): its fold is written straight from the table. Anything
    /// else starts a chunk that runs to the next scalar with a boundary before it; a chunk is
    /// normalized alone (`forEachNormalized`), which equals normalizing it in its text because NFKC
    /// never reaches across a boundary.
    static func appendKeyByChunks(_ b: UnsafeBufferPointer<UInt8>, to key: inout KeyWriter) {
        let n = b.count
        if n == 0 { return }
        let table = NormalizationTables.table
        let src = UTF8Source(bytes: b)
        _ = NormalizationTables.packedFolds
        var i = 0
        var (v, j) = src.scalar(at: 0)
        var info = NormalizationTables.info(v, table)
        while true {
            if v < 0x800 && j + 1 < n {
                appendRunBelow800(b, &i, &v, &j, &key)
                info = NormalizationTables.info(v, table)
            }
            var w: UInt32 = 0
            var k = j
            var winfo = NormalizationTables.boundaryBit  // the end counts as a boundary
            if j < n {
                (w, k) = src.scalar(at: j)
                winfo = NormalizationTables.info(w, table)
            }
            if winfo & NormalizationTables.boundaryBit != 0 && info & NormalizationTables.quickCheckYesBit != 0 {
                if v < 0x10000 { key.append(packed: NormalizationTables.packedFolds[Int(v)]) } else { key.append(fold: info) }
            } else {
                var e = j
                while e < n {
                    let (x, next) = src.scalar(at: e)
                    if NormalizationTables.info(x, table) & NormalizationTables.boundaryBit != 0 { break }
                    e = next
                }
                forEachNormalized(UTF8Source(bytes: UnsafeBufferPointer(rebasing: b[i..<e]))) { _, chunkInfo, _, _ in
                    key.append(fold: chunkInfo)
                }
                if e == n { break }
                i = e
                (v, j) = src.scalar(at: e)
                info = NormalizationTables.info(v, table)
                continue
            }
            if j == n { break }
            i = j
            v = w
            info = winfo
            j = k
        }
    }

    /// The fast path of `appendKey` over a run of scalars below U+0800 (ASCII and two-byte UTF-8:
    /// Arabic, Latin with accents), from the current scalar `v` at `i..<j`: while the current
    /// scalar is NFKC quick-check yes and the next has a boundary before it, the current one's fold
    /// is stored straight from the small table (`NormalizationTables.below800`, in the first level
    /// cache) with no capacity check, decoding without a branch on the byte's kind. Stops before a
    /// scalar that needs more, leaving `v`, `i` and `j` on the scalar still to write.
    @inline(__always)
    private static func appendRunBelow800(
        _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ v: inout UInt32, _ j: inout Int, _ key: inout KeyWriter
    ) {
        let base = b.baseAddress.unsafelyUnwrapped
        let n = b.count
        let small = NormalizationTables.below800
        // The folds of scalars below U+0800 are no longer than the scalars, so what is left of the
        // input is room enough (a two-byte store may write one byte past the fold, inside it).
        key.withRoom(n - i) { out in
            var dst = out
            var cur = small[Int(v)]
            var (ci, cv, cj) = (i, v, j)
            while cj + 1 < n {
                let b0 = UInt32(base[cj])
                if b0 >= 0xE0 { break }
                let b1 = UInt32(base[cj + 1])
                let two = b0 >= 0x80
                let w = two ? (b0 & 0x1F) << 6 | (b1 & 0x3F) : b0
                let next = small[Int(w)]
                guard next & NormalizationTables.boundaryBit != 0 && cur & NormalizationTables.quickCheckYesBit != 0 else { break }
                UnsafeMutableRawPointer(dst).storeBytes(of: UInt16(truncatingIfNeeded: cur).littleEndian, as: UInt16.self)
                dst += Int((cur >> 16) & 3)
                cur = next
                ci = cj
                cv = w
                cj += two ? 2 : 1
            }
            (i, v, j) = (ci, cv, cj)
            return dst - out
        }
    }

    /// One NFKC chunk: scalar by scalar when unchanged (the quick check, or ICU says so), else ICU's
    /// output, each scalar mapped to the whole chunk.
    static func chunk<S: NormalizationSource>(
        _ src: S, _ range: Range<Int>, unchanged: Bool, _ table: UnsafePointer<UInt32>, _ body: (UInt32, UInt32, Int, Int) -> Void
    ) {
        var same = unchanged
        var normalized = ""
        if !same {
            let chunk = src.string(range)
            normalized = ICUBridge.normalize(chunk, form: 1)
            same = normalized.unicodeScalars.elementsEqual(chunk.unicodeScalars)
        }
        if same {
            var k = range.lowerBound
            while k < range.upperBound {
                let (v, next) = src.scalar(at: k)
                body(v, NormalizationTables.info(v, table), k, next)
                k = next
            }
        } else {
            for u in normalized.unicodeScalars {
                body(u.value, NormalizationTables.info(u.value, table), range.lowerBound, range.upperBound)
            }
        }
    }
}

/// Where `KeyFolding.forEachNormalized` reads scalars from.
protocol NormalizationSource {
    /// The end offset (scalars or bytes).
    var endOffset: Int { get }
    /// The scalar at `offset` and the offset after it.
    func scalar(at offset: Int) -> (UInt32, Int)
    /// The text of a span.
    func string(_ range: Range<Int>) -> String
}

/// An array of scalars; offsets are scalar indices.
struct ScalarSource: NormalizationSource {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    var endOffset: Int { scalars.count }
    @inline(__always) func scalar(at offset: Int) -> (UInt32, Int) { (scalars[offset].value, offset + 1) }
    func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }
}

/// Valid UTF-8 bytes (a String's storage); offsets are byte offsets.
struct UTF8Source: NormalizationSource {
    let bytes: UnsafeBufferPointer<UInt8>
    var endOffset: Int { bytes.count }
    @inline(__always) func scalar(at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, i + 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), i + 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), i + 3)
        }
        return (
            (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F),
            i + 4
        )
    }
    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
}

/// NFKC properties and the key fold of the BMP, read from ICU once and cached as one table: a lookup
/// per scalar gives its fold, NFKC quick check, boundary and canonical combining class.
enum NormalizationTables {
    /// Bits 0-20: the fold (`dropped` when the key drops the scalar); bit 21: NFKC quick check yes;
    /// bit 22: NFKC boundary before; bits 24-31: canonical combining class. Allocated once, never
    /// freed; read through a pointer so that a lookup is one load.
    nonisolated(unsafe) static let table: UnsafePointer<UInt32> = {
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        for cp in UInt32(0)..<0x10000 { t[Int(cp)] = compute(cp) }
        return UnsafePointer(t)
    }()

    static let foldMask: UInt32 = 0x1F_FFFF
    static let dropped: UInt32 = 0x1F_FFFF
    static let quickCheckYesBit: UInt32 = 1 << 21
    static let boundaryBit: UInt32 = 1 << 22
    static let cccShift: UInt32 = 24

    static func compute(_ cp: UInt32) -> UInt32 {
        var x = Unicode.Scalar(cp).flatMap { KeyFolding.fold($0.value)?.value } ?? dropped
        if cp < 0x80 || ICUBridge.nfkcQuickCheckYes(cp) { x |= quickCheckYesBit }
        if cp < 0x80 || ICUBridge.hasBoundaryBefore(form: 1, cp) { x |= boundaryBit }
        x |= UInt32(cp < 0x80 ? 0 : ICUBridge.combiningClass(cp)) << cccShift
        return x
    }

    /// The fold of each BMP scalar as UTF-8, packed for one store: bytes 0-2 the UTF-8 bytes (a fold
    /// of a BMP scalar is in the BMP, at most three bytes), byte 3 their count (0 when dropped).
    nonisolated(unsafe) static let packedFolds: UnsafePointer<UInt32> = {
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        for cp in 0..<0x10000 {
            let f = table[cp] & foldMask
            var packed: UInt32 = 0
            if f != dropped {
                var shift: UInt32 = 0
                UTF8.encode(Unicode.Scalar(f).unsafelyUnwrapped) { byte in
                    packed |= UInt32(byte) << shift
                    shift += 8
                }
                packed |= (shift / 8) << 24
            }
            t[cp] = packed
        }
        return UnsafePointer(t)
    }()

    /// For scalars below U+0800 (8 KB): bits 0-15 the fold's UTF-8 (at most two bytes), bits 16-17
    /// its length (0 when dropped), and the quick check and boundary bits of `table`.
    nonisolated(unsafe) static let below800: UnsafePointer<UInt32> = {
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x800)
        for cp in 0..<0x800 {
            let packed = packedFolds[cp]
            precondition(packed >> 24 <= 2, "a fold below U+0800 is at most two bytes")
            t[cp] = packed & 0xFFFF | (packed >> 24) << 16 | table[cp] & (quickCheckYesBit | boundaryBit)
        }
        return UnsafePointer(t)
    }()

    /// For the blocks of `KeyFolding.appendBlocks` (64 KB, of which a few KB are read for Arabic
    /// text): the entry of a scalar below U+0800 indexed by its first two bytes read as a
    /// little-endian `UInt16` `y`, masked to the first byte and the second's low six bits
    /// (`pairIndex`, one AND, no branch on the kind of byte): an ASCII scalar's entry is repeated
    /// for every second byte. Bits 0-15 the fold's UTF-8, `pairFastBit`, `pairBoundaryBit`, bits
    /// 24-31 the fold's length (0 when dropped). Other entries are 0.
    nonisolated(unsafe) static let byPair: UnsafePointer<UInt32> = {
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x4000)
        t.initialize(repeating: 0, count: 0x4000)
        for cp in 0..<0x800 {
            let packed = packedFolds[cp]
            let length = packed >> 24
            precondition(length <= 2, "a fold below U+0800 is at most two bytes")
            let yes = table[cp] & quickCheckYesBit != 0
            let boundary = table[cp] & boundaryBit != 0
            let fast = yes && (boundary || length == 0)
            let entry = packed & 0xFFFF | length << 24 | (fast ? pairFastBit : 0) | (boundary ? pairBoundaryBit : 0)
            if cp < 0x80 {
                for second in 0..<0x40 { t[cp | second << 8] = entry }
            } else {
                t[Int(pairIndex(UInt32(0xC0 | cp >> 6) | UInt32(0x80 | cp & 0x3F) << 8))] = entry
            }
        }
        return UnsafePointer(t)
    }()

    /// In a `byPair` entry: NFKC leaves the scalar as it is whatever follows, and the key gets its
    /// fold alone. It is quick check yes and either has a boundary before it (a following scalar
    /// without one is fast too, hence quick check yes and not composing) or is dropped by the key
    /// (a mark such as a haraka: a chunk of a fast starter and dropped marks is unchanged by NFKC
    /// but for the marks' order, which the key does not see).
    static let pairFastBit: UInt32 = 1 << 16
    /// In a `byPair` entry: the scalar has an NFKC boundary before it.
    static let pairBoundaryBit: UInt32 = 1 << 17

    /// The `byPair` index of the scalar whose first two bytes, little-endian, are `y`: the first
    /// byte (ASCII, or C2-DF) and the second's low six bits.
    @inline(__always)
    static func pairIndex(_ y: UInt32) -> UInt32 { y & 0x3FFF }

    @inline(__always)
    static func info(_ cp: UInt32, _ table: UnsafePointer<UInt32>) -> UInt32 {
        if cp >= 0x10000 { return compute(cp) }
        return table[Int(cp)]
    }
}

/// A growable byte buffer written through a pointer (the matching key's output: a capacity check
/// and a store per byte, no Array bookkeeping).
struct KeyWriter {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Whether `base` was allocated here (else it is the buffer given to `init(over:)`).
    private var owned: Bool

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// Writes into `buffer` (not freed here) until it is full, then into a buffer of its own.
    init(over buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress.unsafelyUnwrapped
        capacity = buffer.count
        owned = false
    }

    /// Whether the bytes are still in the buffer given to `init(over:)`.
    var isInPlace: Bool { !owned }

    func deallocate() { if owned { base.deallocate() } }

    @inline(__always) private mutating func reserve(_ more: Int) {
        if count + more <= capacity { return }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + more)
        bigger.update(from: base, count: count)
        deallocate()
        base = bigger
        owned = true
        capacity = capacity * 2 + more
    }

    /// Calls `body` with room for `count` bytes after the written ones; it returns how many it wrote.
    @inline(__always) mutating func withRoom(_ count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(count)
        self.count += body(base + self.count)
    }

    /// Appends a fold from `NormalizationTables.packedFolds`: four bytes stored at once, the count
    /// advanced by the fold's length (0 when dropped).
    @inline(__always) mutating func append(packed: UInt32) {
        reserve(4)
        UnsafeMutableRawPointer(base + count).storeBytes(of: packed.littleEndian, as: UInt32.self)
        count += Int(packed >> 24)
    }

    /// Appends the fold held in a table entry as UTF-8 (nothing when the key drops the scalar).
    @inline(__always) mutating func append(fold info: UInt32) {
        let f = info & NormalizationTables.foldMask
        if f == NormalizationTables.dropped { return }
        reserve(4)
        if f < 0x80 {
            base[count] = UInt8(truncatingIfNeeded: f)
            count += 1
        } else if f < 0x800 {
            base[count] = UInt8(truncatingIfNeeded: 0xC0 | f >> 6)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F)
            count += 2
        } else if f < 0x10000 {
            base[count] = UInt8(truncatingIfNeeded: 0xE0 | f >> 12)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (f >> 6) & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F)
            count += 3
        } else {
            base[count] = UInt8(truncatingIfNeeded: 0xF0 | f >> 18)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (f >> 12) & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (f >> 6) & 0x3F)
            base[count + 3] = UInt8(truncatingIfNeeded: 0x80 | f & 0x3F)
            count += 4
        }
    }
}
