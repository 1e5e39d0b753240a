import Foundation

/// Romanizes unvowelled Arabic names into readable English-style spellings with a custom ICU rule
/// set (`Resources/arabic-latin.txt`): بوتين -> Butin, ماكرون -> Makrun, لافروف -> Lafruf.
///
/// Words are transliterated one at a time (ICU transliterators slow down quadratically on long
/// buffers) and capitalised; everything that is not an Arabic word passes through unchanged.
/// Open one and reuse it: compiling the rules takes milliseconds.
public final class NameTransliterator: Sendable {
    private let icu: ICUTransliterator

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
        let latin = icu.transliterate(String(word))
        guard let first = latin.unicodeScalars.firstIndex(where: { ArabicScalar.isLatinLetter($0.value) }) else { return latin }
        var v = latin.unicodeScalars
        let upper = String(v[first]).uppercased()
        v.replaceSubrange(first...first, with: upper.unicodeScalars)
        return String(v)
    }

    /// Transliterates every Arabic word of `text`, leaving the rest as it is.
    public func transliterate(text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var last = 0
        for t in Tokenizer.tokenize(scalars: scalars) where t.kind == .arabicWord {
            out.append(contentsOf: scalars[last..<t.range.lowerBound])
            var w = String.UnicodeScalarView()
            w.append(contentsOf: scalars[t.range])
            out.append(contentsOf: transliterate(word: String(w)).unicodeScalars)
            last = t.range.upperBound
        }
        out.append(contentsOf: scalars[last...])
        return String(out)
    }
}
