import Testing

@testable import ArabicText

/// The 64-byte blocks of the matching key (`KeyFolding.appendBlocks`: scalar positions from bit
/// masks, folds from `NormalizationTables.byPair`, the UTF-8 check in the same pass) against the
/// definition (`FastPathTests.slowKey`): every kind of scalar at every offset of texts long enough
/// for several blocks, at every alignment, cut at every scalar, and one bad byte anywhere.
@Suite struct KeyBlocksTests {
    /// Arabic news text with ASCII, long enough for a few blocks.
    static let base =
        "أعلنت وزارة الزراعة يوم الأحد عن خطة لدعم 12 ألف مزارع في المحافظات الجنوبية، وقال المتحدث إن التنفيذ يبدأ مع موسم الحصاد المقبل.\n"

    /// Scalars and sequences a block takes (marks the key drops, in and out of canonical order,
    /// tatweel, folds) and ones it must leave to the chunks: marks that compose (hamza above after
    /// waw makes ؤ), marks the key keeps (two out of canonical order), decomposed Latin, scalars
    /// NFKC rewrites, three- and four-byte sequences, ligatures that NFKC expands, and NUL (a
    /// String may hold one; the check refuses it).
    static let insertions: [String] = [
        "\u{064E}", "\u{0651}\u{064E}", "\u{064E}\u{0651}", "\u{0652}\u{0652}\u{0652}", "\u{0670}", "\u{0640}", "\u{061C}",
        "\u{0654}", "\u{0648}\u{0654}", "\u{0627}\u{0655}", "\u{0653}", "\u{064E}\u{0654}", "\u{0301}", "e\u{0301}",
        "\u{0300}\u{0327}", "\u{0305}", "\u{0305}\u{0316}", "\u{00E9}", "\u{00A0}", "\u{0675}", "\u{0340}", "\u{0344}", "\u{06CC}\u{06A9}",
        "\u{0660}\u{06F9}", "\u{060C}\u{061F}", "\u{FEFB}", "\u{FDFA}", "\u{201D}", "\u{200F}", "\u{1F600}", "\u{10400}\u{0301}", "\n",
        "\r\n", "\u{0000}",
    ]

    static func hex(_ s: String) -> String { s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }

    /// The key through both entry points, checked against the definition.
    static func expectKey(_ text: String, _ comment: @autoclosure () -> String = "") {
        let expected = Array(FastPathTests.slowKey(text).utf8)
        var copy = text
        var out: [UInt8] = [0x41]
        copy.withUTF8 { Normalizer.appendKey(utf8: $0, to: &out) }
        #expect(out == [0x41] + expected, "\(comment()) \(hex(text))")
        var checked: [UInt8] = [0x42]
        let ok = copy.withUTF8 { Normalizer.appendKey(validatingUTF8: $0, to: &checked) }
        if text.utf8.contains(0) {
            // Valid text for the key, refused by the check.
            #expect(!ok && checked == [0x42], "\(comment()) \(hex(text))")
        } else {
            #expect(ok && checked == [0x42] + expected, "\(comment()) \(hex(text))")
        }
    }

    /// Each insertion at every scalar offset of two lines of text, after 0 to 8 ASCII letters (so
    /// that every insertion meets the blocks' edges at every alignment).
    @Test func everyInsertionAtEveryOffsetEqualsTheDefinition() {
        let scalars = Array((Self.base + Self.base).unicodeScalars)
        for (n, insertion) in Self.insertions.enumerated() {
            for k in 0...scalars.count {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: String(repeating: "a", count: (k + n) % 9).unicodeScalars)
                v.append(contentsOf: scalars[..<k])
                v.append(contentsOf: insertion.unicodeScalars)
                v.append(contentsOf: scalars[k...])
                Self.expectKey(String(v), "insertion \(n) at \(k)")
            }
        }
    }

    /// Every prefix of a text with some of each insertion: a text may end anywhere in a block or
    /// a run, and stop or start a block on any kind of scalar.
    @Test func everyPrefixEqualsTheDefinition() {
        var text = ""
        for (k, insertion) in Self.insertions.enumerated() {
            text += Self.base.unicodeScalars.dropFirst((k * 5) % 90).prefix(40 + k % 7).map(String.init).joined() + insertion
        }
        let scalars = Array(text.unicodeScalars)
        for k in 0...scalars.count {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[..<k])
            Self.expectKey(String(v), "prefix \(k)")
        }
    }

    /// One byte of the text replaced, at every offset, by every kind of byte (NUL, ASCII,
    /// continuation, overlong and two-, three- and four-byte leads, invalid bytes), after 0 to 8
    /// ASCII bytes: the check fails exactly when the standard library's validation does or there
    /// is a NUL, and passes with the key of the definition.
    @Test func oneBadByteAnywhereIsFound() {
        let text = Array((Self.base + "“بحسب” التقرير 🙂 " + Self.base).utf8)
        let replacements: [UInt8] = [0x00, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xD8, 0xDF, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        for shift in 0..<9 {
            for k in 0..<text.count {
                for r in replacements where r != text[k] {
                    var input = Array(repeating: UInt8(0x61), count: shift) + text
                    input[shift + k] = r
                    let valid = String(validating: input, as: UTF8.self) != nil && !input.contains(0)
                    var out: [UInt8] = [0x43]
                    let ok = input.withUnsafeBufferPointer { Normalizer.appendKey(validatingUTF8: $0, to: &out) }
                    #expect(ok == valid, "byte \(k) to \(r) after \(shift)")
                    if ok {
                        let decoded = String(decoding: input, as: UTF8.self)
                        #expect(out == [0x43] + Array(FastPathTests.slowKey(decoded).utf8), "byte \(k) to \(r) after \(shift)")
                    } else {
                        #expect(out == [0x43], "nothing appended for byte \(k) to \(r) after \(shift)")
                    }
                }
            }
        }
    }

    /// The pair table holds, for each scalar below U+0800, the fold of the definition, and says
    /// fast exactly for the scalars the block rule allows.
    @Test func pairTableEqualsTheDefinition() {
        for cp in UInt32(0)..<0x800 {
            let s = Unicode.Scalar(cp)!
            let bytes = Array(String(s).utf8)
            // An ASCII scalar's entry whatever byte follows it.
            let ys = bytes.count == 1 ? (0..<256).map { UInt32(bytes[0]) | UInt32($0) << 8 } : [UInt32(bytes[0]) | UInt32(bytes[1]) << 8]
            let entries = ys.map { NormalizationTables.byPair[Int(NormalizationTables.pairIndex($0))] }
            #expect(Set(entries).count == 1, "U+\(String(cp, radix: 16))")
            let e = entries[0]
            let fold = KeyFolding.fold(cp).map { Array(String($0).utf8) } ?? []
            let length = Int(e >> 24)
            #expect(length == fold.count, "U+\(String(cp, radix: 16))")
            #expect(fold.indices.allSatisfy { UInt8(truncatingIfNeeded: e >> (8 * UInt32($0))) == fold[$0] }, "U+\(String(cp, radix: 16))")
            let boundary = ICUBridge.hasBoundaryBefore(form: 1, cp) || cp < 0x80
            let yes = ICUBridge.nfkcQuickCheckYes(cp) || cp < 0x80
            #expect((e & NormalizationTables.pairBoundaryBit != 0) == boundary, "U+\(String(cp, radix: 16))")
            #expect((e & NormalizationTables.pairFastBit != 0) == (yes && (boundary || fold.isEmpty)), "U+\(String(cp, radix: 16))")
        }
    }
}
