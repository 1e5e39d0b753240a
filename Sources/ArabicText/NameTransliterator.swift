import Foundation
import Synchronization

/// Romanizes unvowelled Arabic names into readable English-style spellings with a custom ICU rule
/// set (`Resources/arabic-latin.txt`): بوتين -> Butin, ماكرون -> Makrun, لافروف -> Lafruf.
///
/// Words are transliterated one at a time (ICU transliterators slow down quadratically on long
/// buffers) and capitalised; everything that is not an Arabic word passes through unchanged.
/// Open one and reuse it: compiling the rules takes milliseconds.
public final class NameTransliterator: Sendable {
    private let icu: ICUTransliterator
    /// Romanizations already made (names recur in a document and across documents).
    /// Guarded by `lock` (a Mutex holding the cache itself would not let a call store romanizations
    /// made from the caller's bytes).
    nonisolated(unsafe) private var cache = RomanizationCache(limit: 200_000)
    private let lock = Mutex(())
    /// `transliterate(word:)`'s answers as strings (a hit makes none), also guarded by `lock`.
    nonisolated(unsafe) private var words = WordCache<String>(limit: 50_000)

    /// Compiles the shipped rules.
    public convenience init() throws(ArabicTextError) {
        let url = try ResourceLocator.url(for: "arabic-latin.txt", bundleName: "Tarjim_ArabicText")
        let rules: String
        do { rules = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(file: url.path, reason: FileBytes.reason(error))
        }
        try self.init(rules: rules)
    }

    /// Compiles a custom rule set in ICU's transliteration rule syntax.
    public init(rules: String) throws(ArabicTextError) {
        icu = try ICUTransliterator(id: "Tarjim-Arabic-Latin", rules: rules)
    }

    /// The romanization of one Arabic word, capitalised ("Lafruf").
    public func transliterate(word: some StringProtocol) -> String {
        var bytes = String(Substring(word))
        return bytes.withUTF8 { b in
            lock.withLock { _ in
                words.value(forUTF8: b) { b in
                    var out: [UInt8] = []
                    cache.append(b, to: &out) { romanize($0) }
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }

    /// The capitalised romanization of one word's UTF-8 bytes, as UTF-8 bytes.
    private func romanize(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let latin = icu.transliterate(String(decoding: word, as: UTF8.self))
        guard let first = latin.unicodeScalars.firstIndex(where: { ArabicScalar.isLatinLetter($0.value) }) else { return Array(latin.utf8) }
        var v = latin.unicodeScalars
        let upper = String(v[first]).uppercased()
        v.replaceSubrange(first...first, with: upper.unicodeScalars)
        return Array(String(v).utf8)
    }

    /// Transliterates every Arabic word of `text`, leaving the rest as it is.
    /// - Complexity: O(n); ICU runs once per distinct word (the cache is shared by every call).
    public func transliterate(text: String) -> String {
        var t = text
        var out: [UInt8] = []
        t.withUTF8 { appendTransliteration(utf8: $0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `transliterate(text:)` of valid UTF-8 text to `out` as UTF-8, without making a String:
    /// the words are found on the bytes (the Arabic words of `Tokenizer`: a letter, mark or tatweel,
    /// then word parts, and ZWNJ/ZWJ between word parts), looked up by their bytes in the cache, and
    /// everything between them is copied in runs.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// var text = "قال بوتين"
    /// text.withUTF8 { translit.appendTransliteration(utf8: $0, to: &out) }   // "Qal Butin"
    /// ```
    /// - Complexity: O(n); ICU once per distinct word.
    public func appendTransliteration(utf8 b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let src = UTF8Source(bytes: b)
        let n = b.count
        // Read once: a static's lazy initialization check on every scalar cost 8% of the command.
        let parts = Self.wordParts
        @inline(__always) func isWordPart(_ v: UInt32) -> Bool { v < 0x800 ? parts[Int(v)] : ArabicScalar.isWordPart(v) }
        out.reserveCapacity(out.count + n + n / 4)
        lock.withLock { _ in
            var copied = 0  // bytes before it are in `out`
            var i = 0
            while i < n {
                // ASCII is never part of an Arabic word.
                if b[i] < 0x80 {
                    i += 1
                    continue
                }
                let (v, next) = src.scalar(at: i)
                guard isWordPart(v) else {
                    i = next
                    continue
                }
                let start = i
                i = next
                while i < n {
                    let (w, after) = src.scalar(at: i)
                    if isWordPart(w) {
                        i = after
                        continue
                    }
                    // ZWNJ/ZWJ inside a word (Persian style) belongs to it.
                    if (w == 0x200C || w == 0x200D) && after < n && isWordPart(src.value(at: after)) {
                        i = after
                        continue
                    }
                    break
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<start]))
                cache.append(UnsafeBufferPointer(rebasing: b[start..<i]), to: &out) { romanize($0) }
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
        }
    }

    /// `ArabicScalar.isWordPart` of the scalars below U+0800 (the Arabic block, where almost every
    /// word part is).
    nonisolated(unsafe) private static let wordParts: UnsafePointer<Bool> = {
        let t = UnsafeMutablePointer<Bool>.allocate(capacity: 0x800)
        for v in 0..<0x800 { t[v] = ArabicScalar.isWordPart(UInt32(v)) }
        return UnsafePointer(t)
    }()
}
