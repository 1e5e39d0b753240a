import Testing

@testable import ArabicText

@Suite struct TextDecoderTests {
    let arabic = "قال الوزير إن المحادثات مستمرة."

    @Test func plainUTF8() throws {
        let d = try TextDecoder.decode(Array(arabic.utf8))
        #expect(d.text == arabic)
        #expect(d.encoding == .utf8)
        #expect(!d.hadBOM)
    }

    @Test func utf8WithBOM() throws {
        let d = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(arabic.utf8))
        #expect(d.text == arabic)
        #expect(d.hadBOM)
    }

    @Test(arguments: [TextEncoding.utf16LE, .utf16BE])
    func utf16WithBOM(_ enc: TextEncoding) throws {
        var bytes: [UInt8] = enc == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in arabic.utf16 {
            let hi = UInt8(unit >> 8)
            let lo = UInt8(unit & 0xFF)
            bytes += enc == .utf16LE ? [lo, hi] : [hi, lo]
        }
        let d = try TextDecoder.decode(bytes)
        #expect(d.text == arabic)
        #expect(d.encoding == enc)
    }

    @Test func loneSurrogateInUTF16IsAnErrorWithItsOffset() {
        // BOM, "ب" (U+0628), then a lone high surrogate D800 followed by "ا".
        let bytes: [UInt8] = [0xFF, 0xFE, 0x28, 0x06, 0x00, 0xD8, 0x27, 0x06]
        #expect(throws: ArabicTextError.self) { try TextDecoder.decode(bytes) }
        do {
            _ = try TextDecoder.decode(bytes)
        } catch {
            guard case .invalidBytes(_, let enc, let off, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(enc == .utf16LE)
            #expect(off >= 4 && off <= 6)
        }
    }

    @Test func windows1256IsDetectedAndMatchesItsUTF8Twin() throws {
        let utf8 = try TextDecoder.decode(Fixture.bytes("news.utf8.txt"))
        let legacy = try TextDecoder.decode(Fixture.bytes("news.cp1256.txt"))
        #expect(legacy.encoding == .windows1256)
        #expect(legacy.text == utf8.text)
    }

    @Test func iso8859_6IsDetectedOrForced() throws {
        let utf8 = try TextDecoder.decode(Fixture.bytes("plain.utf8.txt"))
        let forced = try TextDecoder.decode(Fixture.bytes("plain.iso88596.txt"), encoding: .iso8859_6)
        #expect(forced.text == utf8.text)
        let detected = try TextDecoder.decode(Fixture.bytes("plain.iso88596.txt"))
        #expect(detected.encoding == .iso8859_6 || detected.encoding == .windows1256)
        if detected.encoding == .iso8859_6 { #expect(detected.text == utf8.text) }
    }

    @Test func byteWithoutACharacterInISO8859_6IsAnError() {
        // 0xA1 is unassigned in ISO-8859-6.
        #expect(
            throws: ArabicTextError.invalidBytes(
                file: "x.txt", encoding: .iso8859_6, byteOffset: 2, detail: "byte has no character in this encoding")
        ) {
            try TextDecoder.decode([0x41, 0x42, 0xA1, 0x43], encoding: .iso8859_6, file: "x.txt")
        }
    }

    @Test(
        arguments: [
            // (bytes, offset of the first bad byte)
            ([0xD8, 0xA8, 0xFF, 0xD8, 0xA7], 2),  // 0xFF never occurs in UTF-8
            ([0x41, 0xC0, 0x80], 1),  // overlong NUL
            ([0x41, 0xE0, 0x80, 0xAF], 1),  // overlong
            ([0xED, 0xA0, 0x80], 0),  // UTF-8-encoded surrogate
            ([0xD8, 0xA8, 0xD8], 2),  // truncated at the end
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ] as [([UInt8], Int)])
    func invalidUTF8NamesTheByteOffset(_ bytes: [UInt8], _ offset: Int) {
        #expect(TextDecoder.firstInvalidUTF8(bytes, from: 0) == offset)
        #expect(
            throws: ArabicTextError.invalidBytes(file: "in.txt", encoding: .utf8, byteOffset: offset, detail: "not a valid UTF-8 sequence")
        ) {
            try TextDecoder.decode(bytes, encoding: .utf8, file: "in.txt")
        }
    }

    @Test func mostlyUTF8WithOneBadByteIsRefusedNotGuessed() {
        let bytes = Array("نص عربي طويل بما يكفي ليكون واضحا أنه ترميز موحد ".utf8) + [0xFF] + Array(" ثم يستمر".utf8)
        do {
            _ = try TextDecoder.decode(bytes, file: "a.txt")
            Issue.record("decoded invalid UTF-8")
        } catch {
            let message = error.description
            #expect(message.contains("a.txt"))
            #expect(message.contains("byte \(bytes.firstIndex(of: 0xFF)!)"))
        }
    }

    @Test func nulByteIsRefusedAsBinary() {
        #expect(throws: ArabicTextError.binaryInput(file: "b.bin", byteOffset: 3)) {
            try TextDecoder.decode([0x41, 0x42, 0x43, 0x00, 0x44], file: "b.bin")
        }
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try TextDecoder.decode([]).text == "")
    }

    @Test func encodingNamesAndAliases() {
        #expect(TextEncoding(name: "cp1256") == .windows1256)
        #expect(TextEncoding(name: "Windows-1256") == .windows1256)
        #expect(TextEncoding(name: "ISO_8859-6") == .iso8859_6)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "latin1") == nil)
    }
}
