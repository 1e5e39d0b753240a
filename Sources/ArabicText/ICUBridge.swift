internal import CICU
import Synchronization

/// Swift face of the C shim: UTF-8 in, Swift values out. Nothing outside this file calls `tj_*`.
enum ICUBridge {
    static var version: String { String(cString: tj_icu_version()) }

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

    /// `form`: 0 NFC, 1 NFKC.
    static func normalize(_ s: String, form: Int32) -> String {
        var s = s
        return s.withUTF8 { src in
            withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                tj_normalize(form, UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), dst, cap)
            }
        } ?? s
    }

    static func isInert(form: Int32, _ cp: UInt32) -> Bool { tj_norm_is_inert(form, Int32(bitPattern: cp)) == 1 }
    static func nfkcQuickCheckYes(_ cp: UInt32) -> Bool { tj_nfkc_qc_yes(Int32(bitPattern: cp)) == 1 }
    static func combiningClass(_ cp: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: tj_combining_class(Int32(bitPattern: cp))) }
    static func hasBoundaryBefore(form: Int32, _ cp: UInt32) -> Bool {
        tj_norm_has_boundary_before(form, Int32(bitPattern: cp)) == 1
    }

    static func bidiVisual(_ s: String, base: Int32) -> String {
        var s = s
        if s.isEmpty { return s }
        return s.withUTF8 { src in
            withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                tj_bidi_visual(UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), base, dst, cap)
            }
        } ?? s
    }

    /// Detects a charset: (ICU name, confidence 0-100).
    static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int) {
        var name = [CChar](repeating: 0, count: 64)
        var conf: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                tj_detect_charset($0, Int32(p.count), &name, 64, &conf)
            }
        }
        if rc != 0 { return ("", 0) }
        return (String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(conf))
    }

    enum ConversionResult {
        case success(String)
        case invalidByte(offset: Int)
        case unknownCharset
    }

    static func convertToUTF8(_ bytes: ArraySlice<UInt8>, charset: String) -> ConversionResult {
        if bytes.isEmpty { return .success("") }
        var bad: Int32 = -1
        var cap = bytes.count * 3 + 16
        for _ in 0..<3 {
            var out = [CChar](repeating: 0, count: cap)
            let n = bytes.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                    tj_convert_to_utf8(charset, $0, Int32(p.count), &out, Int32(cap), &bad)
                }
            }
            if n == -1 { return .invalidByte(offset: Int(bad)) }
            if n == -2 { return .unknownCharset }
            if n < 0 { return .unknownCharset }
            if Int(n) <= cap {
                return .success(String(decoding: out.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cap = Int(n) + 1
        }
        return .unknownCharset
    }

    /// Encodes UTF-8 text into a legacy charset; nil when a character has no mapping.
    static func convertFromUTF8(_ s: String, charset: String) -> [UInt8]? {
        var s = s
        if s.isEmpty { return [] }
        return s.withUTF8 { src -> [UInt8]? in
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
    func boundaries(utf8 text: UnsafeBufferPointer<UInt8>) -> (offsets: [Int32], status: [Int32]) {
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

    func transliterate(_ s: String) -> String {
        var s = s
        if s.isEmpty { return s }
        return lock.withLock { _ in
            s.withUTF8 { src in
                ICUBridge.withGrowingBuffer(initial: src.count * 2 + 16) { dst, cap in
                    tj_translit_run(
                        handle, UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(src.count), dst, cap)
                }
            }
        } ?? s
    }
}
