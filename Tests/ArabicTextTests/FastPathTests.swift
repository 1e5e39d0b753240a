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
                #expect(u[a.range.upperBound..<b.range.lowerBound].allSatisfy {
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
                #expect(slice.indices.allSatisfy { key.sourceStart[$0] >= t.token.range.lowerBound && key.sourceStart[$0] < t.token.range.upperBound })
                #expect(keyed.sourceRange(ofKey: t.keyRange) == key.sourceRange(ofKey: t.keyRange))
            }
            for k in 0...key.scalars.count { #expect(keyed.sourceRange(ofKey: k..<k) == key.sourceRange(ofKey: k..<k)) }
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

    /// Transliterating a text (one ICU call per distinct word, copied in runs) equals transliterating
    /// it word by word with a fresh transliterator and keeping everything else.
    @Test func textTransliterationEqualsWordByWord() throws {
        let translit = try NameTransliterator()
        let words = ["بوتين", "ماكرون", "لافروف", "بلينكن", "وبايدن", "ال", "ج"]
        let glue = [" ", "، ", " (", ") ", "\n", " 14 ", " abc ", "\u{200F}", ". "]
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
}
