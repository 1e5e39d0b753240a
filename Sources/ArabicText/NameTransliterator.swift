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
    private let cache = Mutex(WordCache<String>(limit: 200_000))

    /// Compiles the shipped rules.
    public convenience init() throws(ArabicTextError) {
        let url = try ResourceLocator.url(for: "arabic-latin.txt", bundleName: "Tarjim_ArabicText")
        let rules: String
        do { rules = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        try self.init(rules: rules)
    }

    /// Compiles a custom rule set in ICU's transliteration rule syntax.
    public init(rules: String) throws(ArabicTextError) {
        icu = try ICUTransliterator(id: "Tarjim-Arabic-Latin", rules: rules)
    }

    /// The romanization of one Arabic word, capitalised ("Lafruf").
    public func transliterate(word: some StringProtocol) -> String {
        let w = Substring(word)
        return cache.withLock { $0.value(for: w) { romanize($0) } }
    }

    private func romanize(_ word: Substring) -> String {
        let latin = icu.transliterate(String(word))
        guard let first = latin.unicodeScalars.firstIndex(where: { ArabicScalar.isLatinLetter($0.value) }) else { return latin }
        var v = latin.unicodeScalars
        let upper = String(v[first]).uppercased()
        v.replaceSubrange(first...first, with: upper.unicodeScalars)
        return String(v)
    }

    /// Transliterates every Arabic word of `text`, leaving the rest as it is.
    /// - Complexity: O(n); ICU runs once per distinct word (the cache is shared by every call).
    public func transliterate(text: String) -> String {
        var buffer = ScalarBuffer()
        var t = text
        return t.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + b.count / 4)
            // Line by line (a line break always ends a word): memory stays that of one line.
            var lineStart = 0
            while lineStart < b.count {
                var lineEnd = lineStart
                while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd < b.count { lineEnd += 1 }
                buffer.load(b, lineStart..<lineEnd)
                var copied = lineStart  // bytes before it are in `out`
                for tok in Tokenizer.tokenize(scalars: buffer.scalars) where tok.kind == .arabicWord {
                    let start = buffer.offsets[tok.range.lowerBound]
                    let end = buffer.offsets[tok.range.upperBound]
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<start]))
                    let latin = transliterate(word: String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                    out.append(contentsOf: latin.utf8)
                    copied = end
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<lineEnd]))
                lineStart = lineEnd
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
