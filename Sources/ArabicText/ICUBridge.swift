internal import CICU
import Synchronization

/// Swift face of the C shim: UTF-8 in, Swift values out. Nothing outside this file calls `tj_*`.
///
/// The shim counts in 32-bit integers, and its buffers are a few times their input. So text longer
/// than `callLimit` bytes goes to it in parts, cut where the result is the same as in one call:
/// normalization before a character with a normalization boundary, legacy encodings at any byte
/// (they are single-byte), UTF-16 at a code unit that is not a trailing surrogate, sentence breaks
/// by restarting at a boundary found well before the part's end (`ICUBreaker`). Transliteration
/// and bidi reordering, which have no such cut, are cut at a space (or, failing one, at a
/// character): a line of more than `callLimit` bytes is reordered for display part by part.
enum ICUBridge {
    static var version: String { String(cString: tj_icu_version()) }

    /// The most bytes one shim call gets (16 MiB: its buffers stay far below 2^31 bytes).
    static let callLimit = 1 << 24

    /// Runs a shim call that fills a UTF-8 buffer and reports the needed length, retrying once with the
    /// reported size. Returns nil when the call fails.
    static func withGrowingBuffer(
        initial: Int,
        _ body: (UnsafeMutablePointer<CChar>, Int32) -> Int32
    ) -> String? {
        var cap = max(initial, 16)
        for _ in 0..<3 {
            var buf = [CChar](repeating: 0, count: cap)
            let n = buf.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(cap)) }
            if n < 0 { return nil }
            if Int(n) <= cap {
                return buf.withUnsafeBufferPointer { p in
                    String(decoding: UnsafeRawBufferPointer(start: p.baseAddress, count: Int(n)), as: UTF8.self)
                }
            }
            cap = Int(n) + 1
        }
        return nil
    }

    /// Runs `call` on `text` (valid UTF-8) whole when it has at most `limit` bytes, else on parts
    /// ending where `cutsBefore` accepts the scalar that follows (`cut(_:from:before:accepts:)`),
    /// and joins the results. A part whose call fails is kept as it is.
    static func inParts(
        _ text: UnsafeBufferPointer<UInt8>, limit: Int, cutsBefore: (UnsafeBufferPointer<UInt8>, Int) -> Bool,
        _ call: (UnsafeBufferPointer<UInt8>) -> String?
    ) -> String {
        let n = text.count
        if n <= limit { return call(text) ?? String(decoding: text, as: UTF8.self) }
        var out = ""
        out.reserveCapacity(n + n / 8)
        var from = 0
        while from < n {
            var end = min(n, from + max(limit, 4))
            if end < n {
                end = cut(text, from: from, before: end) { cutsBefore(text, $0) }
            }
            let part = UnsafeBufferPointer(rebasing: text[from..<end])
            out += call(part) ?? String(decoding: part, as: UTF8.self)
            from = end
        }
        return out
    }

    /// Where a part starting at `from` ends, for a limit that puts its end at `end` (before the
    /// text's end): the last scalar start after `from` and up to `end` that `accepts`; failing one,
    /// the first after `end` within as many bytes again (the part is then longer than the limit);
    /// failing that too, the last scalar start up to `end`.
    static func cut(_ text: UnsafeBufferPointer<UInt8>, from: Int, before end: Int, accepts: (Int) -> Bool) -> Int {
        var lastStart: Int?
        var i = end
        while i > from {
            if text[i] & 0xC0 != 0x80 {
                if lastStart == nil { lastStart = i }
                if accepts(i) { return i }
            }
            i -= 1
        }
        var j = end + 1
        let stop = min(text.count, end + (end - from))
        while j < stop {
            if text[j] & 0xC0 != 0x80 && accepts(j) { return j }
            j += 1
        }
        if let lastStart { return lastStart }
        // No scalar starts after `from` up to `end`: only possible for a limit below 4 bytes.
        var k = end
        while k < text.count && text[k] & 0xC0 == 0x80 { k += 1 }
        return k
    }

    /// The scalar whose UTF-8 starts at `i` in valid UTF-8.
    static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32 {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return b0 }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F) }
        if b0 < 0xF0 { return (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F) }
        return (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
    }

    /// Whether the scalar at `i` is a space, tab or line break: a cut for transliteration and bidi.
    static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D
    }

    /// `form`: 0 NFC, 1 NFKC. Exact at any length: parts are cut before a character that has a
    /// normalization boundary before it, where normalizing the parts apart gives the same text.
    static func normalize(_ s: String, form: Int32, limit: Int = callLimit) -> String {
        var s = s
        if s.isEmpty { return s }
        return s.withUTF8 { text in
            inParts(text, limit: limit, cutsBefore: { hasBoundaryBefore(form: form, scalar(in: $0, at: $1)) }) { src in
                withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                    tj_normalize(form, UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), dst, cap)
                }
            }
        }
    }

    static func isInert(form: Int32, _ cp: UInt32) -> Bool { tj_norm_is_inert(form, Int32(bitPattern: cp)) == 1 }
    static func nfkcQuickCheckYes(_ cp: UInt32) -> Bool { tj_nfkc_qc_yes(Int32(bitPattern: cp)) == 1 }
    static func combiningClass(_ cp: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: tj_combining_class(Int32(bitPattern: cp))) }
    static func hasBoundaryBefore(form: Int32, _ cp: UInt32) -> Bool {
        tj_norm_has_boundary_before(form, Int32(bitPattern: cp)) == 1
    }

    /// A line in visual order; a line longer than `limit` bytes is reordered in parts cut at a space.
    static func bidiVisual(_ s: String, base: Int32, limit: Int = callLimit) -> String {
        var s = s
        if s.isEmpty { return s }
        return s.withUTF8 { text in
            inParts(text, limit: limit, cutsBefore: isSpace) { src in
                withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                    tj_bidi_visual(UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), base, dst, cap)
                }
            }
        }
    }

    /// Detects a charset: (ICU name, confidence 0-100), from the first `limit` bytes.
    static func detectCharset(_ bytes: [UInt8], limit: Int = callLimit) -> (name: String, confidence: Int) {
        var name = [CChar](repeating: 0, count: 64)
        var conf: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                tj_detect_charset($0, Int32(min(p.count, limit)), &name, 64, &conf)
            }
        }
        if rc != 0 { return ("", 0) }
        return (String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(conf))
    }

    enum ConversionResult: Equatable {
        case success(String)
        case invalidByte(offset: Int)
        case unknownCharset
    }

    /// Decodes `bytes` (a single-byte charset, or UTF-16LE/BE) to UTF-8; an invalid byte's offset
    /// counts from the slice's start. Parts of at most `limit` bytes are cut at any byte, and for
    /// UTF-16 at an even offset before a code unit that is not a trailing surrogate.
    static func convertToUTF8(_ bytes: ArraySlice<UInt8>, charset: String, limit: Int = callLimit) -> ConversionResult {
        if bytes.isEmpty { return .success("") }
        let utf16: Bool? = charset == "UTF-16LE" ? true : charset == "UTF-16BE" ? false : nil
        return bytes.withUnsafeBufferPointer { all -> ConversionResult in
            var out = ""
            var from = 0
            while from < all.count {
                var end = min(all.count, from + max(limit, 4))
                if end < all.count, let littleEndian = utf16 {
                    end -= (end - from) % 2
                    // Not between a leading and a trailing surrogate (a lone one is reported as such).
                    if end + 1 < all.count && all[littleEndian ? end + 1 : end] & 0xFC == 0xDC { end -= 2 }
                }
                switch convertPart(UnsafeBufferPointer(rebasing: all[from..<end]), charset: charset) {
                case .success(let s): out += s
                case .invalidByte(let offset): return .invalidByte(offset: from + offset)
                case .unknownCharset: return .unknownCharset
                }
                from = end
            }
            return .success(out)
        }
    }

    private static func convertPart(_ p: UnsafeBufferPointer<UInt8>, charset: String) -> ConversionResult {
        var bad: Int32 = -1
        var cap = p.count * 3 + 16
        for _ in 0..<3 {
            var out = [CChar](repeating: 0, count: cap)
            let n = p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                tj_convert_to_utf8(charset, $0, Int32(p.count), &out, Int32(cap), &bad)
            }
            if n == -1 { return .invalidByte(offset: Int(bad)) }
            if n < 0 { return .unknownCharset }
            if Int(n) <= cap {
                return .success(String(decoding: out.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cap = Int(n) + 1
        }
        return .unknownCharset
    }

    /// Encodes UTF-8 text into a legacy charset or UTF-16 (no byte order mark); nil when a
    /// character has no mapping. Parts of at most `limit` bytes are cut at a scalar start.
    static func convertFromUTF8(_ s: String, charset: String, limit: Int = callLimit) -> [UInt8]? {
        var s = s
        if s.isEmpty { return [] }
        return s.withUTF8 { text -> [UInt8]? in
            var result: [UInt8] = []
            var from = 0
            while from < text.count {
                var end = min(text.count, from + max(limit, 4))
                if end < text.count { end = cut(text, from: from, before: end) { _ in true } }
                guard let part = convertPart(fromUTF8: UnsafeBufferPointer(rebasing: text[from..<end]), charset: charset) else {
                    return nil
                }
                result += part
                from = end
            }
            return result
        }
    }

    private static func convertPart(fromUTF8 src: UnsafeBufferPointer<UInt8>, charset: String) -> [UInt8]? {
        var cap = src.count * 2 + 16
        var bad: Int32 = 0
        for _ in 0..<3 {
            var out = [CChar](repeating: 0, count: cap)
            let n = tj_convert_from_utf8(
                charset, UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count),
                &out, Int32(cap), &bad)
            if n < 0 { return nil }
            if Int(n) <= cap { return out.prefix(Int(n)).map { UInt8(bitPattern: $0) } }
            cap = Int(n) + 1
        }
        return nil
    }
}

/// An ICU break iterator over UTF-8 text; boundaries come back as UTF-8 byte offsets.
final class ICUBreaker {
    enum Kind: Int32 {
        case sentence = 0
        case word = 1
    }
    private let handle: OpaquePointer

    init?(_ kind: Kind, locale: String = "ar") {
        var err: Int32 = 0
        guard let h = tj_breaker_open(kind.rawValue, locale, &err) else { return nil }
        handle = h
    }

    deinit { tj_breaker_close(handle) }

    /// Boundary byte offsets after 0, ending with the text's length, and their rule statuses.
    ///
    /// Text longer than `limit` bytes is broken in windows of `limit` bytes: the boundaries of a
    /// window are kept up to the last one at least `limit / 4` bytes (at most 64 KB) before its
    /// end, and the next window starts there, as ICU would go on from a boundary. After a window
    /// without such a boundary (one sentence longer than that), the next one starts `limit / 4`
    /// bytes before its end.
    func boundaries(utf8 text: UnsafeBufferPointer<UInt8>, limit: Int = ICUBridge.callLimit) -> (offsets: [Int], status: [Int32]) {
        let n = text.count
        if n == 0 || text.baseAddress == nil { return ([], []) }
        if n <= limit {
            let (o, s) = boundariesOnce(text)
            return (o.map { Int($0) }, s)
        }
        let window = max(limit, 8)
        let margin = min(window / 4, 1 << 16)
        var offsets: [Int] = []
        var status: [Int32] = []
        var from = 0
        while from < n {
            let end = min(n, from + window)
            let (o, s) = boundariesOnce(UnsafeBufferPointer(rebasing: text[from..<end]))
            if end == n {
                for (b, st) in zip(o, s) {
                    offsets.append(from + Int(b))
                    status.append(st)
                }
                break
            }
            // The last boundary far enough from the window's end to be ICU's in the whole text.
            var keep = o.count - 1
            while keep >= 0 && from + Int(o[keep]) > end - margin { keep -= 1 }
            if keep < 0 {
                from = ICUBridge.cut(text, from: from, before: end - margin) { _ in true }
                continue
            }
            for k in 0...keep {
                offsets.append(from + Int(o[k]))
                status.append(s[k])
            }
            from += Int(o[keep])
        }
        return (offsets, status)
    }

    private func boundariesOnce(_ text: UnsafeBufferPointer<UInt8>) -> (offsets: [Int32], status: [Int32]) {
        guard let base = text.baseAddress, text.count > 0 else { return ([], []) }
        var cap = max(16, text.count / 8)
        while true {
            var out = [Int32](repeating: 0, count: cap)
            var st = [Int32](repeating: 0, count: cap)
            let n = base.withMemoryRebound(to: CChar.self, capacity: text.count) {
                tj_breaker_boundaries(handle, $0, Int32(text.count), &out, &st, Int32(cap))
            }
            if n < 0 { return ([Int32(text.count)], [0]) }
            if Int(n) <= cap { return (Array(out.prefix(Int(n))), Array(st.prefix(Int(n)))) }
            cap = Int(n)
        }
    }
}

/// A compiled ICU transliterator (custom rules or a system id). Opening costs milliseconds: reuse it.
final class ICUTransliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Mutex(())

    init(id: String, rules: String?) throws(ArabicTextError) {
        var errbuf = [CChar](repeating: 0, count: 256)
        var h: OpaquePointer?
        if var r = rules {
            h = r.withUTF8 { p in
                tj_translit_open(
                    id, UnsafeRawPointer(p.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(p.count), &errbuf, 256)
            }
        } else {
            h = tj_translit_open(id, nil, 0, &errbuf, 256)
        }
        guard let h else {
            let msg = String(decoding: errbuf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .transliterationRules(message: msg)
        }
        handle = h
    }

    deinit { tj_translit_close(handle) }

    /// `s` transliterated; text longer than `limit` bytes in parts cut at a space.
    func transliterate(_ s: String, limit: Int = ICUBridge.callLimit) -> String {
        var s = s
        if s.isEmpty { return s }
        return lock.withLock { _ in
            s.withUTF8 { text in
                ICUBridge.inParts(text, limit: limit, cutsBefore: ICUBridge.isSpace) { src in
                    ICUBridge.withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                        tj_translit_run(
                            handle, UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), dst, cap)
                    }
                }
            }
        }
    }
}
