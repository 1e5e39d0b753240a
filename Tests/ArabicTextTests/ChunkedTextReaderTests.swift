import Foundation
import Testing

@testable import ArabicText

@Suite struct ChunkedTextReaderTests {
    /// Paragraphs separated by blank lines, CRLF and a long line, in the project's own sentences.
    static let text =
        "قال وزير الخارجية إن المحادثات مستمرة.\nوأضاف أن الوفد سيعود غدا.\n\n"
        + "أعلنت الحكومة خطة جديدة للنقل العام.\r\nوتشمل الخطة ثلاثين حافلة كهربائية.\r\n\r\n"
        + String(repeating: "وذكر التقرير أن أسعار القمح ارتفعت بنسبة 3.5 في المئة خلال الشهر الماضي. ", count: 12) + "\n"
        + "\u{FEFF}سطر يبدأ بعلامة ترتيب البايتات داخل النص.\nالسطر الأخير بلا نهاية"

    /// All pieces of `bytes`, read `readSize` bytes at a time.
    static func pieces(_ bytes: [UInt8], pieceSize: Int, readSize: Int, encoding: TextEncoding? = nil) throws -> [ChunkedTextReader.Piece] {
        var offset = 0
        let reader = ChunkedTextReader(pieceSize: pieceSize, encoding: encoding, file: "t.txt", readSize: readSize) { n in
            let end = min(bytes.count, offset + n)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
        var out: [ChunkedTextReader.Piece] = []
        while let p = try reader.next() { out.append(p) }
        return out
    }

    @Test(arguments: [1, 2, 7, 64, 333, 100_000])
    func piecesConcatenateToTheWholeAndEndAtLineFeeds(_ pieceSize: Int) throws {
        for readSize in [1, 5, 4096] {
            let pieces = try Self.pieces(Array(Self.text.utf8), pieceSize: pieceSize, readSize: readSize)
            #expect(pieces.map(\.text).joined() == Self.text)
            #expect(pieces.first?.isFirst == true && pieces.dropFirst().allSatisfy { !$0.isFirst })
            for p in pieces.dropLast() { #expect(p.text.utf8.last == 0x0A) }
            // Byte offsets add up.
            var at = 0
            for p in pieces {
                #expect(p.byteOffset == at)
                at += p.text.utf8.count
            }
            // No piece is longer than the cap unless it is one line.
            for p in pieces where p.text.utf8.count > pieceSize {
                #expect(p.text.utf8.dropLast().firstIndex(of: 0x0A) == nil)
            }
        }
    }

    @Test func aPieceEndsAtABlankLineInItsSecondHalf() throws {
        // Line feeds at bytes 1, 5, 6 (a blank line) and 9 of the first 12: cut after the blank line.
        let t = "a\nbbb\n\ncc\nddddd\n"
        let pieces = try Self.pieces(Array(t.utf8), pieceSize: 12, readSize: 64)
        #expect(pieces.map(\.text) == ["a\nbbb\n\n", "cc\nddddd\n"])
    }

    @Test func aByteOrderMarkIsDroppedOnlyAtTheStart() throws {
        let pieces = try Self.pieces([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), pieceSize: 40, readSize: 16)
        #expect(pieces.map(\.text).joined() == Self.text)
        #expect(pieces[0].byteOffset == 3)
    }

    @Test func windows1256IsDetectedOnTheFirstPiece() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/news.cp1256.txt", withExtension: nil))
        let bytes = [UInt8](try Data(contentsOf: url))
        let whole = try TextDecoder.decode(bytes)
        var offset = 0
        let reader = ChunkedTextReader(pieceSize: 64, file: nil, readSize: 10) { n in
            let end = min(bytes.count, offset + n)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
        var text = ""
        while let p = try reader.next() { text += p.text }
        #expect(reader.encoding == .windows1256)
        #expect(text == whole.text)
    }

    @Test func utf16IsReadAsOnePiece() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "سطر أول\nسطر ثان\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let pieces = try Self.pieces(bytes, pieceSize: 4, readSize: 3)
        #expect(pieces.map(\.text) == ["سطر أول\nسطر ثان\n"])
    }

    /// `nextUTF8()` gives the bytes of the pieces `next()` gives, for UTF-8 (with and without a byte
    /// order mark) and Windows-1256 input, and the same errors.
    @Test func bytePiecesAreTheUTF8OfTextPieces() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/news.cp1256.txt", withExtension: nil))
        let inputs: [[UInt8]] = [Array(Self.text.utf8), [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), [UInt8](try Data(contentsOf: url))]
        func reader(_ bytes: [UInt8], _ pieceSize: Int) -> ChunkedTextReader {
            var offset = 0
            return ChunkedTextReader(pieceSize: pieceSize, file: "t.txt", readSize: 7) { n in
                let end = min(bytes.count, offset + n)
                defer { offset = end }
                return Array(bytes[offset..<end])
            }
        }
        for bytes in inputs {
            for pieceSize in [1, 40, 333, 100_000] {
                let text = reader(bytes, pieceSize)
                let utf8 = reader(bytes, pieceSize)
                while true {
                    let t = try text.next()
                    let b = try utf8.nextUTF8()
                    #expect(t.map { Array($0.text.utf8) } == b?.bytes)
                    #expect(t?.byteOffset == b?.byteOffset && t?.isFirst == b?.isFirst)
                    if t == nil || b == nil { break }
                }
                #expect(text.encoding == utf8.encoding && text.hadBOM == utf8.hadBOM)
            }
        }
        let good = Array("سطر صحيح\n".utf8)
        for bad: [UInt8] in [[0x41, 0xFF, 0x0A], [0x41, 0x00, 0x0A]] {
            let bytes = good + good + bad
            let t = reader(bytes, good.count)
            let r = reader(bytes, good.count)
            var e1: ArabicTextError?
            var e2: ArabicTextError?
            do { while try t.next() != nil {} } catch { e1 = error }
            do { while try r.nextUTF8() != nil {} } catch { e2 = error }
            #expect(e1 != nil && e1 == e2, "\(bad)")
        }
    }

    @Test func anInvalidByteInALaterPieceIsReportedAtItsStreamOffset() throws {
        let good = Array("سطر صحيح\n".utf8)
        let bytes = good + good + [0x41, 0xFF, 0x0A]
        #expect(
            throws: ArabicTextError.invalidBytes(
                file: "t.txt", encoding: .utf8, byteOffset: 2 * good.count + 1, detail: "not a valid UTF-8 sequence")
        ) {
            _ = try Self.pieces(bytes, pieceSize: good.count, readSize: 4, encoding: .utf8)
        }
    }

    /// A stream of NUL bytes without end (/dev/zero, a sparse file claiming exabytes) is binary input
    /// at its first NUL: the reader read on for the end of the "line" and never came back.
    @Test(arguments: [[UInt8](), Array("سطر صحيح\n".utf8), Array("سطر طويل بلا نهاية ".utf8)])
    func endlessNULBytesAreBinaryInputAtTheFirstNUL(_ lead: [UInt8]) throws {
        var sent = 0
        let reader = ChunkedTextReader(pieceSize: 8, file: "zero", readSize: 4096) { n in
            // The lead, then 64 MB of zeros (standing for an endless stream).
            if sent >= 1 << 26 { return [] }
            defer { sent += n }
            return sent < lead.count ? Array(lead[sent...].prefix(n)) : [UInt8](repeating: 0, count: n)
        }
        #expect(throws: ArabicTextError.binaryInput(file: "zero", byteOffset: lead.count)) {
            while try reader.next() != nil {}
        }
        #expect(sent < 1 << 20, "read \(sent) bytes before the error")
    }

    /// A line longer than `maxLineBytes` (line feed included) is an error at its first byte; one
    /// of exactly that length is read, also as the last line without a line feed.
    @Test func aLineLongerThanTheLimitIsAnErrorAtItsStart() throws {
        let first = "سطر قصير.\n"
        let long = String(repeating: "ب", count: 40)  // 80 bytes
        func read(_ text: String, limit: Int, pieceSize: Int = 8) throws(ArabicTextError) -> [String] {
            let bytes = Array(text.utf8)
            var offset = 0
            let reader = ChunkedTextReader(pieceSize: pieceSize, file: "long.txt", readSize: 7, maxLineBytes: limit) { n in
                let end = min(bytes.count, offset + n)
                defer { offset = end }
                return Array(bytes[offset..<end])
            }
            var out: [String] = []
            while let p = try reader.next() { out.append(p.text) }
            return out
        }
        let at = first.utf8.count
        for limit in [20, 79, 80] {
            #expect(throws: ArabicTextError.lineTooLong(file: "long.txt", line: nil, byteOffset: at, limit: limit)) {
                try read(first + long + "\nبعده\n", limit: limit)
            }
        }
        #expect(try read(first + long + "\nبعده\n", limit: 81).joined() == first + long + "\nبعده\n")
        #expect(try read(first + long, limit: 80).joined() == first + long)
        // Lines within a piece are not measured: the limit is for lines longer than a piece.
        #expect(try read(first + long, limit: 20, pieceSize: 1000).joined() == first + long)
        let e = ArabicTextError.lineTooLong(file: "long.txt", line: 2, byteOffset: at, limit: 20)
        #expect(e.description.hasPrefix("long.txt: line 2: byte \(at): error: a line longer than 20 bytes, the longest"))
    }
}

/// `TextDecoder.readStream`: a whole stream, or up to the NUL that decoding would report.
@Suite struct ReadStreamTests {
    /// The bytes `readStream` gives for `bytes` written into a pipe.
    static func read(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws(ArabicTextError) -> [UInt8] {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0)
        let w = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        precondition(w == bytes.count)
        close(fds[1])
        defer { close(fds[0]) }
        return try TextDecoder.readStream(fd: fds[0], encoding: encoding, file: "in")
    }

    @Test func textIsReadWholeAndANULIsAnErrorAtItsOffset() throws {
        let text = Array("قال المتحدث إن الوفد سيصل غدا.\nوأضاف أن المحادثات ستستمر.\n".utf8)
        #expect(try Self.read(text) == text)
        #expect(try Self.read([]) == [])
        #expect(throws: ArabicTextError.binaryInput(file: "in", byteOffset: 17)) { try Self.read(Array(text[..<17]) + [0] + text) }
        #expect(throws: ArabicTextError.binaryInput(file: "in", byteOffset: 0)) { try Self.read([0, 0x41]) }
        // The same error `decode` gives for the whole bytes.
        #expect(throws: ArabicTextError.binaryInput(file: "in", byteOffset: 17)) {
            try TextDecoder.decode(Array(text[..<17]) + [0] + text, file: "in")
        }
    }

    /// `FileBytes.readAll` (standard input of `glossary import`, and every file that is a pipe or a
    /// device): the same rule, as a `FileBytes.Failure`.
    @Test func fileBytesStopAtANULUnlessTheStreamHasAByteOrderMark() throws {
        func readAll(_ bytes: [UInt8]) throws(FileBytes.Failure) -> [UInt8] {
            var fds: [Int32] = [0, 0]
            precondition(pipe(&fds) == 0)
            precondition(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == bytes.count)
            close(fds[1])
            defer { close(fds[0]) }
            return try FileBytes.readAll(fd: fds[0])
        }
        let xml = Array("<?xml version=\"1.0\"?><tbx/>".utf8)
        #expect(try readAll(xml) == xml)
        #expect(throws: FileBytes.Failure(reason: "NUL byte at byte 5: this looks like a binary file, not text")) {
            try readAll(Array(xml[..<5]) + [0] + xml)
        }
        let utf16: [UInt8] = [0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x61, 0x00, 0x3E]
        #expect(try readAll(utf16) == utf16)
    }

    /// UTF-16 has NUL bytes in its text: read whole, with a byte order mark or forced.
    @Test func utf16IsReadWhole() throws {
        let utf16LE: [UInt8] = Array("سلام".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0x41, 0x00]
        #expect(try Self.read([0xFF, 0xFE] + utf16LE) == [0xFF, 0xFE] + utf16LE)
        #expect(try Self.read(utf16LE, encoding: .utf16LE) == utf16LE)
        #expect(throws: ArabicTextError.binaryInput(file: "in", byteOffset: 1)) { try Self.read([0x41, 0x00, 0x42, 0x00]) }
    }
}
