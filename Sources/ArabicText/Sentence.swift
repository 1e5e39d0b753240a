/// One sentence of a document, with where it stands.
public struct Sentence: Sendable, Equatable, Hashable {
    /// 1-based paragraph (input line) number.
    public let paragraph: Int
    /// 1-based sentence number within the document.
    public let index: Int
    /// The sentence's span in the document, in Unicode scalar offsets.
    public let range: Range<Int>
    /// The sentence exactly as in the input (no surrounding whitespace).
    public let text: String

    public init(paragraph: Int, index: Int, range: Range<Int>, text: String) {
        self.paragraph = paragraph
        self.index = index
        self.range = range
        self.text = text
    }
}

/// One paragraph (input line) of a document.
public struct Paragraph: Sendable, Equatable {
    /// 1-based line number.
    public let number: Int
    /// The paragraph's span in the document in Unicode scalar offsets, without its line terminator.
    public let range: Range<Int>
    public let text: Substring
}

extension Paragraph {
    /// Splits a document into lines: LF, CRLF, CR, NEL, LS and PS end a paragraph. A final line
    /// terminator does not start an empty last paragraph.
    /// - Complexity: O(n) over the scalars.
    public static func split(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var lineStartOffset = 0
        var offset = 0
        var number = 1
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let v = scalars[i].value
            if v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 {
                result.append(
                    Paragraph(number: number, range: lineStartOffset..<offset, text: Substring(scalars[lineStart..<i])))
                number += 1
                var next = scalars.index(after: i)
                offset += 1
                if v == 0x0D, next < scalars.endIndex, scalars[next].value == 0x0A {
                    next = scalars.index(after: next)
                    offset += 1
                }
                i = next
                lineStart = next
                lineStartOffset = offset
                continue
            }
            offset += 1
            i = scalars.index(after: i)
        }
        if lineStart < scalars.endIndex {
            result.append(Paragraph(number: number, range: lineStartOffset..<offset, text: Substring(scalars[lineStart...])))
        }
        return result
    }

    /// Calls `body(number, scalarStart, byteRange)` for each line of valid UTF-8 bytes, split as
    /// `split` splits: the one pass over bytes behind the fast pipelines. `body` returns the number of
    /// scalars in the line (it counts them as it goes, so the bytes are counted once).
    /// - Complexity: O(n) over the bytes.
    static func forEachLine(utf8 b: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Range<Int>) -> Int) {
        let source = UTF8Source(bytes: b)
        var number = 1
        var lineStart = 0  // byte
        var lineStartOffset = 0  // scalar
        var i = 0
        let n = b.count
        while i < n {
            let (at, length) = source.lineTerminator(from: i)
            if length == 0 { break }
            let offset = lineStartOffset + body(number, lineStartOffset, lineStart..<at)
            number += 1
            // CRLF counts two scalars; every other terminator one.
            lineStartOffset = offset + (length == 2 && b[at] == 0x0D ? 2 : 1)
            i = at + length
            lineStart = i
        }
        if lineStart < n { _ = body(number, lineStartOffset, lineStart..<n) }
    }
}
