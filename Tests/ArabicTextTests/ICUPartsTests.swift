import Testing

@testable import ArabicText

/// Text longer than `ICUBridge.callLimit` goes to the ICU shim in parts (its counts are 32-bit).
/// These tests lower the limit to a few bytes and require the same result as one call.
/// (Strings are compared as scalars: `==` on String is canonical equivalence, blind to normalization.)
@Suite struct ICUPartsTests {
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    func scalars(_ r: ICUBridge.ConversionResult) -> [UInt32]? {
        if case .success(let s) = r { return scalars(s) }
        return nil
    }
    /// Decomposed letters (alef + hamza above, waw + hamza, yeh + hamza, alef + madda), marks out of
    /// canonical order (shadda before fatha), Latin e + acute, Hangul jamo: NFC changes each one.
    static let decomposed =
        "أعلنت الوزا\u{0631}ة ان اﻻجتماع \u{0627}\u{0654}جل. الم\u{0648}\u{0654}تمر في \u{064A}\u{0654}دلب "
        + "ش\u{0651}\u{064E}د على \u{0627}\u{0653}خر البنود، وقال Jose\u{0301} إن \u{1100}\u{1161} ليست عربية؛ "
        + "والر\u{0626}يس \u{0627}\u{0654}كد ذلك\u{0651}\u{064F}."

    @Test func normalizationInPartsEqualsOneCall() {
        for form: Int32 in [0, 1] {
            let whole = ICUBridge.normalize(Self.decomposed, form: form)
            #expect(scalars(whole) != scalars(Self.decomposed))
            for limit in 1...80 {
                #expect(
                    scalars(ICUBridge.normalize(Self.decomposed, form: form, limit: limit)) == scalars(whole),
                    "form \(form), limit \(limit)")
            }
        }
    }

    /// NFKC expands U+FDFA to 18 characters; the parts still join to the one-call result.
    @Test func expandingNormalizationInParts() {
        let text = String(repeating: "\u{FDFA} ﷲ ", count: 9)
        let whole = ICUBridge.normalize(text, form: 1)
        #expect(whole.unicodeScalars.count > 9 * 18)
        for limit in [4, 5, 7, 11, 16] {
            #expect(scalars(ICUBridge.normalize(text, form: 1, limit: limit)) == scalars(whole), "limit \(limit)")
        }
    }

    static let arabic = "قال المتحدث باسم الحكومة إن الوفد سيصل غدا إلى عمان، وإن المحادثات ستستمر ثلاثة أيام."

    @Test func legacyDecodingInPartsEqualsOneCall() throws {
        for charset in ["windows-1256", "ISO-8859-6"] {
            let bytes = try #require(ICUBridge.convertFromUTF8(Self.arabic, charset: charset))
            #expect(bytes.count == Self.arabic.unicodeScalars.count)
            #expect(scalars(ICUBridge.convertToUTF8(bytes[...], charset: charset)) == scalars(Self.arabic))
            for limit in 1...40 {
                #expect(
                    scalars(ICUBridge.convertToUTF8(bytes[...], charset: charset, limit: limit)) == scalars(Self.arabic),
                    "\(charset) \(limit)")
                #expect(ICUBridge.convertFromUTF8(Self.arabic, charset: charset, limit: limit) == bytes, "\(charset) \(limit)")
            }
        }
    }

    /// An undefined ISO-8859-6 byte is reported at its offset whichever part holds it.
    @Test func invalidLegacyByteOffsetInParts() throws {
        var bytes = try #require(ICUBridge.convertFromUTF8(Self.arabic, charset: "ISO-8859-6"))
        bytes[37] = 0xA1
        #expect(ICUBridge.convertToUTF8(bytes[...], charset: "ISO-8859-6") == .invalidByte(offset: 37))
        for limit in 1...60 {
            #expect(ICUBridge.convertToUTF8(bytes[...], charset: "ISO-8859-6", limit: limit) == .invalidByte(offset: 37), "limit \(limit)")
        }
        // A slice: offsets count from its start.
        #expect(ICUBridge.convertToUTF8(bytes[5...], charset: "ISO-8859-6", limit: 7) == .invalidByte(offset: 32))
    }

    /// UTF-16 parts never end between the two halves of a surrogate pair.
    @Test func utf16DecodingInPartsKeepsSurrogatePairs() throws {
        let text = "العدد 𝟑 في 😀 الخبر 𐌀𐌁 نهاية"
        for charset in ["UTF-16LE", "UTF-16BE"] {
            let bytes = try #require(ICUBridge.convertFromUTF8(text, charset: charset))
            #expect(bytes.count == text.utf16.count * 2)
            for limit in 1...50 {
                #expect(
                    scalars(ICUBridge.convertToUTF8(bytes[...], charset: charset, limit: limit)) == scalars(text), "\(charset) \(limit)")
                #expect(ICUBridge.convertFromUTF8(text, charset: charset, limit: limit) == bytes, "\(charset) \(limit)")
            }
            // A lone trailing surrogate is still an error at its offset.
            var broken = bytes
            let at = 2 * 3
            if charset == "UTF-16LE" { (broken[at], broken[at + 1]) = (0x00, 0xDC) } else { (broken[at], broken[at + 1]) = (0xDC, 0x00) }
            for limit in [4, 6, 8, 9, 64] {
                #expect(
                    ICUBridge.convertToUTF8(broken[...], charset: charset, limit: limit) == .invalidByte(offset: at), "\(charset) \(limit)")
            }
        }
    }

    static let sentences = [
        "أعلنت وزارة الخارجية الأمريكية أن الوزير سيزور القاهرة الأسبوع المقبل.",
        "وقال المتحدث إن الزيارة تهدف إلى بحث الأوضاع في المنطقة!",
        "هل ستنجح المفاوضات؟",
        "The U.S. delegation arrived on Monday.",
        // ICU reads on from "etc. " over the numbers to "and" to decide there is no break there.
        "Talks on grain, fuel etc. 2024, 2025 and 2026 budgets were held.",
        "وأضاف: \"لا نتوقع اختراقا سريعا\".",
        "ونقلت وكالة رويترز عن مسؤول قوله إن الاجتماع قد يتأجل...",
        "وبلغ النمو 3.5 في المئة في الربع الأول.",
        "ولم يصدر تعليق رسمي حتى الآن.",
    ]

    @Test func sentenceBreaksInWindowsEqualOneCall() throws {
        let text = Self.sentences.joined(separator: " ") + " " + Self.sentences.reversed().joined(separator: "  ")
        let utf8 = Array(text.utf8)
        let breaker = try #require(ICUBreaker(.sentence, locale: "ar"))
        let whole = utf8.withUnsafeBufferPointer { breaker.boundaries(utf8: $0) }
        #expect(whole.offsets.count >= 2 * Self.sentences.count - 2)
        #expect(whole.offsets.last == utf8.count)
        let longest = Self.sentences.map(\.utf8.count).max()!
        // Windows whose quarter holds a sentence: every boundary as in one call.
        for limit in 4 * longest + 8...utf8.count {
            let parts = utf8.withUnsafeBufferPointer { breaker.boundaries(utf8: $0, limit: limit) }
            #expect(parts.offsets == whole.offsets, "limit \(limit)")
            #expect(parts.status == whole.status, "limit \(limit)")
        }
        // Windows smaller than a sentence: boundaries still rise to the text's end.
        for limit in [1, 8, 9, 31, 64] {
            let parts = utf8.withUnsafeBufferPointer { breaker.boundaries(utf8: $0, limit: limit) }
            #expect(zip(parts.offsets, parts.offsets.dropFirst()).allSatisfy { $0 < $1 }, "limit \(limit)")
            #expect(parts.offsets.last == utf8.count, "limit \(limit)")
        }
    }

    @Test func transliterationInPartsEqualsOneCall() throws {
        let icu = try ICUTransliterator(id: "Arabic-Latin", rules: nil)
        let whole = icu.transliterate(Self.arabic)
        #expect(scalars(whole) != scalars(Self.arabic))
        for limit in 1...60 {
            #expect(scalars(icu.transliterate(Self.arabic, limit: limit)) == scalars(whole), "limit \(limit)")
        }
    }

    /// A line longer than the limit is reordered in parts; every character is kept.
    @Test func bidiInPartsKeepsEveryCharacter() {
        let line = "قال المتحدث إن العدد 42 بلغ ذروته يوم الاثنين"
        let whole = ICUBridge.bidiVisual(line, base: 1)
        #expect(scalars(whole) == scalars(String(line.reversed()).replacingOccurrences(of: "24", with: "42")))
        for limit in [4, 9, 16, 33] {
            let parts = ICUBridge.bidiVisual(line, base: 1, limit: limit)
            #expect(parts.unicodeScalars.map(\.value).sorted() == line.unicodeScalars.map(\.value).sorted(), "limit \(limit)")
        }
    }
}
