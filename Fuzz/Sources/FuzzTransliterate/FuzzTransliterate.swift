import ArabicText
import FuzzSupport

let transliterator: NameTransliterator = {
    do { return try NameTransliterator() } catch {
        fuzzCheck(false, "the shipped transliteration rules do not load: \(error)")
        fatalError()
    }
}()

/// Name transliteration. Properties: everything that is not an Arabic word passes through unchanged
/// (a text without Arabic words comes back identical, and the text around the words is kept in order);
/// the same word always gives the same result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransliterate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let scalars = Array(text.unicodeScalars)
    let words = Tokenizer.tokenize(scalars: scalars).filter { $0.kind == .arabicWord }
    let out = transliterator.transliterate(text: text)
    if words.isEmpty { fuzzCheck(out == text, "text without Arabic words changed") }
    // The non-word stretches appear in the output in order.
    var rest = Substring(out).unicodeScalars[...]
    var last = 0
    for w in words + [Token(kind: .arabicWord, range: scalars.count..<scalars.count)] {
        let between = scalars[last..<w.range.lowerBound]
        if !between.isEmpty {
            guard let r = firstRange(of: between, in: rest) else {
                fuzzCheck(false, "the text between words at \(last)..<\(w.range.lowerBound) is not kept")
                return 0
            }
            rest = rest[r.upperBound...]
        }
        last = w.range.upperBound
    }
    if let w = words.first {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[w.range])
        let word = String(v)
        fuzzCheck(transliterator.transliterate(word: word) == transliterator.transliterate(word: word), "not deterministic")
    }
    return 0
}

func firstRange(
    of needle: ArraySlice<Unicode.Scalar>, in hay: Substring.UnicodeScalarView.SubSequence
) -> Range<Substring.UnicodeScalarView.Index>? {
    var i = hay.startIndex
    while i < hay.endIndex {
        var j = i
        var k = needle.startIndex
        while k < needle.endIndex && j < hay.endIndex && hay[j] == needle[k] {
            j = hay.index(after: j)
            k += 1
        }
        if k == needle.endIndex { return i..<j }
        i = hay.index(after: i)
    }
    return nil
}
