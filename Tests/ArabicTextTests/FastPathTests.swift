import Testing

@testable import ArabicText

/// The fast paths (UTF-8 byte scanning, table lookups, skipping ICU where it cannot change the
/// result) against the slow definitions, on random strings over an alphabet chosen to hit every
/// branch: Arabic letters and marks, decomposed hamza, presentation forms and ligatures that NFKC
/// rewrites, Arabic-Indic digits, Latin with combining accents, invisible format characters,
/// terminators, closers, whitespace and a scalar outside the BMP.
@Suite struct FastPathTests {
    static let alphabet: [Unicode.Scalar] = Array(
        ("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى" + "\u{064B}\u{064E}\u{0650}\u{0651}\u{0652}\u{0654}\u{0655}\u{0670}\u{0640}"
            + "\u{FE8D}\u{FEFB}\u{FDF2}\u{FC5E}\u{FB50}" + "٠١٢٣٤٥٦٧٨٩۴" + "abcXYZe\u{0301}\u{0327}Å"
            + "\u{200F}\u{200C}\u{200D}\u{202B}\u{202C}\u{FEFF}"
            + ".?!؟…۔،؛\"”»)' \u{00A0}\u{2003}\t" + "\u{1D400}\u{1F600}ﬁ²")
            .unicodeScalars)

    static func randomText(_ rng: inout SplitMix, length: Int) -> String {
        var v = String.UnicodeScalarView()
        for _ in 0..<length { v.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        return String(v)
    }

    /// The definition: NFKC of the whole text, then the fold of every scalar.
    static func slowKey(_ text: String) -> String {
        var v = String.UnicodeScalarView()
        for u in ICUBridge.normalize(text, form: 1).unicodeScalars {
            if let f = KeyFolding.fold(u.value) { v.append(f) }
        }
        return String(v)
    }

    @Test func keyStringEqualsTheDefinitionAndTheOffsetMappedKey() {
        var rng = SplitMix(seed: 7)
        for n in 0..<3_000 {
            let text = Self.randomText(&rng, length: n % 40)
            let fast = MatchingKey.keyString(text)
            #expect(fast == Self.slowKey(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(MatchingKey(text).string == fast)
        }
    }

    @Test func tokenizerTableEqualsTheDefinition() {
        var rng = SplitMix(seed: 13)
        for n in 0..<3_000 {
            let u = Array(Self.randomText(&rng, length: n % 40).unicodeScalars)
            var fast: [Token] = []
            var slow: [Token] = []
            u.withUnsafeBufferPointer {
                Tokenizer.tokenize($0, into: &fast)
                Tokenizer.tokenizeByDefinition($0, into: &slow)
            }
            #expect(fast == slow, "\(u.map { String($0.value, radix: 16) })")
            // Between tokens only whitespace and invisible format characters (the matcher runs a
            // multiword term on to the next token without looking at the gap).
            for (a, b) in zip(fast, fast.dropFirst()) {
                #expect(
                    u[a.range.upperBound..<b.range.lowerBound].allSatisfy {
                        ArabicScalar.isWhitespace($0.value) || ArabicScalar.isInvisibleFormat($0.value)
                    })
            }
        }
        for v in UInt32(0x10000)...0x10FFFF where Unicode.Scalar(v) != nil { #expect(Tokenizer.classes(v) == 0) }
    }

    /// One `KeyedText` reused over texts of every length (ligatures make keys longer than their
    /// text) gives the key, offsets and tokens of `MatchingKey` and `Tokenizer`, with each token's
    /// key slice and hash.
    @Test func keyedTextEqualsMatchingKeyAndTokens() {
        var rng = SplitMix(seed: 17)
        var keyed = KeyedText()
        for n in 0..<3_000 {
            let u = Array(Self.randomText(&rng, length: (n * 7) % 60).unicodeScalars)
            keyed.reset(u)
            let key = MatchingKey(scalars: u)
            #expect(Array(keyed.key[..<keyed.keyCount]) == key.scalars)
            #expect(Array(keyed.keyStart[..<keyed.keyCount]) == key.sourceStart)
            #expect(Array(keyed.keyEnd[..<keyed.keyCount]) == key.sourceEnd)
            #expect(keyed.tokens.map(\.token) == Tokenizer.tokenize(scalars: u))
            for t in keyed.tokens {
                let slice = keyed.keySlice(t)
                #expect(t.hash == KeyHash.of(slice))
                #expect(
                    slice.indices.allSatisfy {
                        key.sourceStart[$0] >= t.token.range.lowerBound && key.sourceStart[$0] < t.token.range.upperBound
                    })
                #expect(keyed.sourceRange(ofKey: t.keyRange) == key.sourceRange(ofKey: t.keyRange))
            }
            for k in 0...key.scalars.count { #expect(keyed.sourceRange(ofKey: k..<k) == key.sourceRange(ofKey: k..<k)) }
            // The compacted copy kept for later says the same with buffers of the used length, and
            // stays the same when the reused buffers move on to the next text.
            let kept = keyed.compacted()
            #expect(kept.key.count == kept.keyCount && kept.keyCount == keyed.keyCount)
            #expect(kept.tokens.map(\.token) == keyed.tokens.map(\.token))
            keyed.reset(Array("ثم نص آخر أطول من الأول بكثير".unicodeScalars))
            #expect(Array(kept.key) == key.scalars)
            #expect(kept.tokens.map { Array(kept.keySlice($0)) } == kept.tokens.map { Array(key.scalars[$0.keyRange]) })
            for t in kept.tokens { #expect(kept.sourceRange(ofKey: t.keyRange) == key.sourceRange(ofKey: t.keyRange)) }
        }
    }

    @Test func foldTableEqualsFold() {
        for cp in UInt32(0)..<0x11000 where Unicode.Scalar(cp) != nil {
            #expect(KeyFolding.foldValue(cp) == (KeyFolding.fold(cp)?.value ?? NormalizationTables.dropped), "U+\(String(cp, radix: 16))")
        }
    }

    /// Sentence segmentation without ICU where ICU cannot add a boundary equals segmentation with
    /// ICU's candidates everywhere.
    @Test func segmentationWithoutICUEqualsWithICU() {
        let pieces = [
            "قال", "د", "م", "وزير", "ب", " ", " ", " ", "  ", "\u{00A0}", ".", ".", ".", "؟", "?", "!", "…", "۔", "”", "»", "\"", "'", ")",
            "]",
            "“", "«", "(", "3", "٣", "14", "J", "U", "S", "Mr", "e", "g", "com", "x", "\u{200F}", "\u{200D}", "،", ",", ":", "-",
        ]
        let segmenter = SentenceSegmenter()
        var rng = SplitMix(seed: 11)
        for n in 0..<4_000 {
            var text = ""
            for _ in 0..<(1 + n % 30) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let u = Array(text.unicodeScalars)
            #expect(segmenter.split(scalars: u) == segmenter.split(scalars: u, useICU: true), "\(text)")
        }
    }

    /// The byte-level segmentation of a whole document (line scan eight bytes at a time, terminator
    /// scan, scalar offsets counted eight bytes at a time) equals splitting each paragraph's scalars
    /// with ICU's candidates everywhere.
    @Test func documentSegmentationOnBytesEqualsParagraphsWithICU() {
        let pieces = [
            "قال", "د", "وزير", "ب", " ", " ", "  ", "\u{00A0}", ".", ".", "؟", "?", "!", "…", "۔", "”", "»", "\"", ")", "“", "«",
            "3", "14", "J", "U", "Mr", "e", "com", "\u{200F}", "،", "\n", "\n", "\r\n", "\r", "\u{0085}", "\u{2028}", "\u{2029}",
            "\u{1F600}", "ﬁ", "\u{00AB}", "\u{00C2}",
        ]
        let segmenter = SentenceSegmenter()
        var rng = SplitMix(seed: 13)
        for n in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + n % 60) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            var expected: [Sentence] = []
            for p in Paragraph.split(text) {
                let u = Array(p.text.unicodeScalars)
                for r in segmenter.split(scalars: u, useICU: true) {
                    expected.append(
                        Sentence(
                            paragraph: p.number, index: expected.count + 1,
                            range: (p.range.lowerBound + r.lowerBound)..<(p.range.lowerBound + r.upperBound),
                            text: String(scalars: u[r])))
                }
            }
            #expect(segmenter.sentences(in: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The matching key written as bytes (ASCII runs without lookups, chunks cut at NFKC boundaries)
    /// equals the definition on longer, multi-line texts.
    @Test func keyBytesEqualTheDefinitionOnLongTexts() {
        var rng = SplitMix(seed: 17)
        for n in 0..<500 {
            var text = Self.randomText(&rng, length: n % 300)
            text += n % 3 == 0 ? "\nabc de\n" : ""
            text += Self.randomText(&rng, length: n % 7)
            var out: [UInt8] = [0x41]
            var copy = text
            copy.withUTF8 { Normalizer.appendKey(utf8: $0, to: &out) }
            #expect(out == [0x41] + Array(Self.slowKey(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The fast UTF-8 check equals the standard library's validation plus "no NUL", and
    /// `decodeToUTF8` gives the bytes, encoding and errors of `decode`.
    @Test func fastUTF8CheckAndByteDecodingEqualTheSlowOnes() {
        let bytes: [UInt8] = [
            0x41, 0x20, 0x00, 0x0A, 0xD8, 0xA7, 0xD9, 0x84, 0xC2, 0x80, 0xC1, 0xBF, 0xE0, 0xA0, 0x80, 0x9F, 0xED, 0xA0, 0xBF,
            0xEF, 0xBB, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x90, 0xF5, 0xFF, 0xFE, 0xE2, 0x80, 0xA6, 0xC7,
        ]
        var rng = SplitMix(seed: 19)
        for n in 0..<6_000 {
            var input: [UInt8] = []
            let asciiRun = n % 4 == 0 ? Int(rng.next() % 20) : 0
            input += Array(repeating: 0x61, count: asciiRun)
            for _ in 0..<(n % 24) { input.append(bytes[Int(rng.next() % UInt64(bytes.count))]) }
            let slow = String(validating: input, as: UTF8.self) != nil && !input.contains(0)
            #expect(TextDecoder.isValidUTF8WithoutNUL(input, from: 0) == slow, "\(input)")
            let viaString = Result { () throws(ArabicTextError) in try TextDecoder.decode(input) }
            let viaBytes = Result { () throws(ArabicTextError) in try TextDecoder.decodeToUTF8(input) }
            switch (viaString, viaBytes) {
            case (.success(let d), .success(let b)):
                #expect(b.withUTF8 { Array($0) } == Array(d.text.utf8) && b.encoding == d.encoding && b.hadBOM == d.hadBOM, "\(input)")
            case (.failure(let e1), .failure(let e2)):
                #expect("\(e1)" == "\(e2)", "\(input)")
            default:
                Issue.record("decode and decodeToUTF8 disagree on \(input)")
            }
        }
    }

    /// The eight-byte check on news text with one byte changed: at every offset, to every kind of
    /// byte (ASCII, NUL, continuation, two-, three- and four-byte leads, C0/C1, invalid).
    @Test func fastUTF8CheckOnArabicTextWithOneBadByte() {
        let text = Array("قال الوزير، “بحسب” التقرير: ارتفعت الأسعار 3.5% في ربع السنة 🙂 الماضي.\n".utf8)
        let replacements: [UInt8] = [0x00, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xD8, 0xDF, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        #expect(TextDecoder.isValidUTF8WithoutNUL(text, from: 0))
        for start in 0..<9 {
            for k in start..<text.count {
                for r in replacements {
                    var input = Array(text[start...])
                    input[k - start] = r
                    let slow = String(validating: input, as: UTF8.self) != nil && !input.contains(0)
                    #expect(TextDecoder.isValidUTF8WithoutNUL(input, from: 0) == slow, "\(input)")
                }
            }
        }
    }

    @Test func scalarCountEqualsDecoding() {
        var rng = SplitMix(seed: 23)
        for n in 0..<1_000 {
            var text = Self.randomText(&rng, length: n % 50)
            let expected = text.unicodeScalars.count
            text.withUTF8 { b in
                #expect(UTF8Source(bytes: b).scalarCount(0..<b.count) == expected)
            }
        }
    }

    /// Transliterating a text (one ICU call per distinct word, copied in runs) equals transliterating
    /// it word by word with a fresh transliterator and keeping everything else.
    @Test func textTransliterationEqualsWordByWord() throws {
        let translit = try NameTransliterator()
        let words = ["بوتين", "ماكرون", "لافروف", "بلينكن", "وبايدن", "ال", "ج"]
        let glue = [
            " ", "، ", " (", ") ", "\n", " 14 ", " abc ", "\u{200F}", ". ", "\u{200D}", "\u{200C}", "\u{064E}", "\u{0640}", "٣", "é",
            "\u{1F600}", "\u{FEFB}",
        ]
        var rng = SplitMix(seed: 5)
        for n in 0..<200 {
            var text = n % 2 == 0 ? "" : glue[n % glue.count]
            for _ in 0..<(n % 12) {
                text += words[Int(rng.next() % UInt64(words.count))] + glue[Int(rng.next() % UInt64(glue.count))]
            }
            let fresh = try NameTransliterator()
            let u = Array(text.unicodeScalars)
            var expected = ""
            var last = 0
            for t in Tokenizer.tokenize(scalars: u) where t.kind == .arabicWord {
                expected += String(String.UnicodeScalarView(u[last..<t.range.lowerBound]))
                expected += fresh.transliterate(word: String(String.UnicodeScalarView(u[t.range])))
                last = t.range.upperBound
            }
            expected += String(String.UnicodeScalarView(u[last...]))
            #expect(translit.transliterate(text: text) == expected, "\(text)")
        }
    }

    @Test func romanizationCacheAnswersWhatItComputedAndStartsOverWhenFull() {
        var cache = RomanizationCache(limit: 3)
        var computed = 0
        var out: [UInt8] = []
        var expected: [UInt8] = []
        // Enough distinct words to grow the table more than once before it starts over.
        let words = ["بوتين", "ماكرون", "بوتين", "a", "b", "بوتين", ""] + (0..<3_000).map { "w\($0 % 1_500)" }
        var big = RomanizationCache(limit: 10_000)
        for w in words {
            var word = w
            word.withUTF8 { b in
                cache.append(b, to: &out) {
                    computed += 1
                    return Array($0) + [0x21]
                }
                var other: [UInt8] = []
                big.append(b, to: &other) { Array($0) + [0x21] }
                #expect(other == Array(w.utf8) + [0x21])
            }
            expected += Array(w.utf8) + [0x21]
        }
        #expect(out == expected)
        #expect(big.count == 1_505)
        // The first seven: بوتين, ماكرون, a computed; b starts the cache over; بوتين and "" again.
        #expect(computed >= 6)
    }

    @Test func wordCacheAnswersWhatItComputedAndStartsOverWhenFull() {
        var cache = WordCache<Int>(limit: 3)
        var computed = 0
        for w in ["بوتين", "ماكرون", "بوتين", "a", "b", "بوتين", ""] {
            let v = cache.value(for: Substring(w)) {
                computed += 1
                return $0.unicodeScalars.count
            }
            #expect(v == w.unicodeScalars.count)
        }
        // بوتين, ماكرون, a computed; the fourth distinct word (b) starts the cache over; بوتين and "" again.
        #expect(computed == 6)
    }

    @Test func scalarWordCacheAnswersWhatItComputedAndStartsOverWhenFull() {
        var cache = ScalarWordCache(limit: 3)
        var computed = 0
        let text = Array("بوتين ماكرون بوتين a b بوتين".unicodeScalars)
        let words = text.split(separator: " ", omittingEmptySubsequences: false) + [text[0..<0]]
        for w in words {
            let v = cache.value(for: w) {
                computed += 1
                return Int32($0.count)
            }
            #expect(v == Int32(w.count))
        }
        // بوتين, ماكرون, a computed; the fourth distinct word (b) starts the cache over; بوتين and "" again.
        #expect(computed == 6)
    }
}
