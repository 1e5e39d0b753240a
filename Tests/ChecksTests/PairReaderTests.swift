import Checks
import Foundation
import TarjimFormats
import Testing

/// Every pairs flavour, valid and malformed.
@Suite struct PairReaderTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let file: String
        let format: PairFormat
        let count: Int
        var testDescription: String { file }
    }

    static let valid: [Valid] = [
        Valid(file: "pairs.tsv", format: .tsv, count: 9),
        Valid(file: "draft.tsv", format: .draftTSV, count: 3),
        Valid(file: "draft.jsonl", format: .draftJSONL, count: 2),
        Valid(file: "align.tsv", format: .alignTSV, count: 2),
        Valid(file: "align.jsonl", format: .alignJSONL, count: 2),
        Valid(file: "units-1.2.xlf", format: .xliff12, count: 3),
        Valid(file: "units-2.0.xlf", format: .xliff2, count: 3),
        Valid(file: "memory.tmx", format: .tmx, count: 2),
    ]

    @Test(arguments: valid) func readsEveryFlavour(_ v: Valid) throws {
        let f = try PairReader.read(Fixture.bytes("pairs/" + v.file), file: v.file)
        #expect(f.format == v.format)
        #expect(f.pairs.count == v.count)
        #expect(f.pairs.first?.arabic == "قال بلينكن إن روسيا رفضت المقترح.")
        #expect(f.pairs.first?.english.hasPrefix("Blinken said") == true || v.format == .draftTSV)
        #expect(f.pairs.allSatisfy { $0.file == v.file })
    }

    @Test func plainTSVColumnsAreExact() throws {
        let f = try PairReader.read(Fixture.bytes("pairs/pairs.tsv"), file: "p.tsv")
        let p = f.pairs[1]
        #expect(p.arabicLine == 2 && p.arabicColumn == 1)
        #expect(p.englishColumn == p.arabic.unicodeScalars.count + 2)
        #expect(p.exactColumns)
    }

    @Test func draftTSVUsesSourceAndDraftAndUnescapes() throws {
        let f = try PairReader.read(Fixture.bytes("pairs/draft.tsv"), file: "d.tsv")
        #expect(f.pairs[2].english == "The council\tmet in Paris.")
        #expect(!f.pairs[2].exactColumns)
        #expect(f.pairs[0].arabicColumn == 3)
    }

    @Test func xliffInlineMarkupAndUnits() throws {
        let f = try PairReader.read(Fixture.bytes("pairs/units-1.2.xlf"), file: "u.xlf")
        #expect(f.pairs.map(\.unit) == ["s1", "s2", "s4"])
        #expect(f.pairs[1].arabic == "وصل بلينكن إلى طوكيو ومعه ١٤٬٠٠٠ وثيقة.")
        #expect(f.pairs[1].english == "Blinken arrived in Tokyo with 14,000 documents.")
        #expect(f.pairs[2].english == "")
        #expect(f.pairs[0].arabicLine == 6 && f.pairs[0].englishLine == 7)
        let g = try PairReader.read(Fixture.bytes("pairs/units-2.0.xlf"), file: "u2.xlf")
        #expect(g.pairs.map(\.unit) == ["u1/1", "u1/2", "u2"])
        #expect(g.pairs[1].english.unicodeScalars.last == "\u{200F}")
    }

    @Test func tmxPicksArabicAndEnglishByLanguageTag() throws {
        let f = try PairReader.read(Fixture.bytes("pairs/memory.tmx"), file: "m.tmx")
        #expect(f.pairs.map(\.unit) == ["7", "tu 2"])
        #expect(f.pairs[1].english == "The council met in Paris.")
        #expect(f.pairs[1].arabic == "اجتمع مجلس الأمن في باريس.")
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let column: Int
        let contains: String
        var testDescription: String { file }
    }

    static let invalid: [Invalid] = [
        Invalid(file: "invalid-columns.tsv", line: 2, column: 27, contains: "1 tab-separated field"),
        Invalid(file: "invalid-draft-escape.tsv", line: 1, column: 42, contains: "unknown escape"),
        Invalid(file: "invalid-json.jsonl", line: 2, column: 42, contains: "not a valid JSON object"),
        Invalid(file: "invalid-keys.jsonl", line: 1, column: 1, contains: "needs \"source\""),
        Invalid(file: "invalid-mismatched-tag.xlf", line: 4, column: 0, contains: "not well-formed"),
        Invalid(file: "invalid-no-source.xlf", line: 4, column: 5, contains: "has no <source>"),
        Invalid(file: "invalid-entity.tmx", line: 3, column: 3, contains: "entit"),
        Invalid(file: "invalid-root.xml", line: 2, column: 1, contains: "neither <xliff>"),
    ]

    @Test(arguments: invalid) func malformedInputIsATypedErrorWithItsPlace(_ c: Invalid) throws {
        let bytes = try Fixture.bytes("pairs/" + c.file)
        do {
            _ = try PairReader.read(bytes, file: c.file)
            Issue.record("\(c.file) was read")
        } catch {
            #expect(error.file == c.file)
            #expect(error.line == c.line)
            if c.column > 0 { #expect(error.column == c.column) }
            #expect(error.description.contains(c.contains), "\(error.description)")
        }
    }

    @Test func anArabicSentenceStartingWithAnAngleBracketIsStillTSV() throws {
        let f = try PairReader.read(Array("<قال> الوزير\t<He said> the minister\n".utf8), file: "x")
        #expect(f.format == .tsv)
        #expect(f.pairs.count == 1)
    }

    @Test func crlfLinesAndAHeaderLine() throws {
        let f = try PairReader.read(Array("ar\ten\r\nقال\tsaid\r\n".utf8), file: "x.tsv")
        #expect(f.pairs.map(\.english) == ["said"])
        #expect(f.pairs.map(\.arabicLine) == [2])
    }
}
