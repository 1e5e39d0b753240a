import Foundation
import Testing

@testable import Alignment

@Suite struct DictionaryTests {
    @Test func hunalignFormat() throws {
        let d = try BilingualDictionary(contentsOf: Fixture.url("tiny.hunalign.dic"))
        #expect(d.translations(ofKey: "قمح") == ["wheat"])
        #expect(d.translations(ofKey: "امطار") == ["rain"])  // the key folds أ
        #expect(d.translations(ofKey: "وزير") == ["minister"])  // multi-word headwords are skipped
        #expect(d.count == 6)
    }

    @Test func hunalignFormatErrorsNameTheLine() {
        #expect(throws: AlignmentError.malformedDictionary(file: "d.dic", line: 2, message: "expected 'english @ arabic'")) {
            try BilingualDictionary(hunalign: "wheat @ قمح\nno separator\n", file: "d.dic")
        }
    }

    /// " @ " is found scalar by scalar: Foundation's `range(of:)` took the space and a combining mark
    /// after it (a stray fatha on the headword) for one character, and refused the line.
    @Test func hunalignHeadwordStartingWithACombiningMark() throws {
        let d = try BilingualDictionary(hunalign: "minister @ \u{64E}وزير\r\nwheat @ قمح\u{2028}\n", file: "d.dic")
        #expect(d.translations(ofKey: "وزير") == ["minister"])
        #expect(d.translations(ofKey: "قمح") == ["wheat"])
    }

    @Test(arguments: ["dictd-plain/tiny.index", "dictd-gzip/tiny.index"])
    func dictdDatabases(_ index: String) throws {
        let d = try BilingualDictionary(contentsOf: Fixture.url(index))
        #expect(d.translations(ofKey: "قمح") == ["wheat", "grain"])
        #expect(d.translations(ofKey: "امطار") == ["rain"])
        #expect(d.translations(ofKey: "مزارع") == ["farmer"])
        #expect(d.count == 4)
    }

    @Test func corruptGzipIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("align-dictd-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Fixture.url("dictd-gzip/tiny.index"), to: dir.appendingPathComponent("t.index"))
        let gz = try Data(contentsOf: Fixture.url("dictd-gzip/tiny.dict.dz"))
        try gz.prefix(gz.count / 2).write(to: dir.appendingPathComponent("t.dict.dz"))
        #expect(throws: AlignmentError.self) { try BilingualDictionary(contentsOf: dir.appendingPathComponent("t.index")) }
    }

    @Test func systemFreeDictWhenInstalled() throws {
        guard FileManager.default.isReadableFile(atPath: BilingualDictionary.freeDictIndexPath) else { return }
        let d = try #require(try BilingualDictionary.systemFreeDict())
        #expect(d.count > 10_000)
        #expect(d.translations(ofKey: "الاداره").contains("administration"))
    }

    @Test func dictionaryWordsAreWeakAnchors() throws {
        let d = try BilingualDictionary(contentsOf: Fixture.url("tiny.hunalign.dic"))
        let x = AnchorExtractor(matcher: nil, dictionary: d, lexicon: nil, weights: AnchorWeights())
        let f = x.features(arabic: ["تراجع محصول القمح", "ارتفع سعر الخبز"], english: ["The wheat harvest fell", "Bread prices rose"])
        #expect(f.counts[.dictionary] == 3)
        #expect(f.dictionaryPairScore(0, 0) > f.dictionaryPairScore(0, 1))
        #expect(f.dictionaryPairScore(1, 1) > 0)
    }
}

@Suite struct DictdHeadwordKeyTests {
    static let headwords = [
        "قمح", "أمطار", "الإدارة", "مُزارِع", "وزير", "ـمزارع", "لا", "\u{064E}", "ب", "مدرسة", "إلى",
        "أصدقاء صنع", "ذكرى-ميلاد", "قمح2", "ﻷ", "\u{0627}\u{0653}", "پول", "qamh", "قمح\u{200C}ي", "مزارع\u{00A0}",
    ]

    /// The headword fast path (Arabic letters and harakat from the bytes) agrees with the general one.
    @Test(arguments: headwords)
    func fastPathMatchesGeneralPath(_ headword: String) {
        let bytes = Array(headword.utf8)
        #expect(DictdReader.headwordKey(utf8: bytes[...]) == BilingualDictionary.headwordKey(headword))
    }

    @Test func fastPathMatchesOnFreeDict() throws {
        let url = URL(fileURLWithPath: BilingualDictionary.freeDictIndexPath)
        guard FileManager.default.isReadableFile(atPath: url.path) else { return }
        let index = [UInt8](try Data(contentsOf: url))
        var mismatches: [String] = []
        for line in index.split(separator: 0x0A) {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            let field = line[..<tab]
            let general = BilingualDictionary.headwordKey(String(decoding: field, as: UTF8.self))
            if DictdReader.headwordKey(utf8: field) != general { mismatches.append(String(decoding: field, as: UTF8.self)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

@Suite struct DictdIndexTests {
    static let body = Array("قمح\nwheat\nخبز\nbread\n".utf8)  // entries at 0+13 and 13+13

    static func parse(_ index: String, keys: Set<String>? = nil) throws(AlignmentError) -> BilingualDictionary {
        try DictdReader.parse(index: Array(index.utf8), body: body, file: "t.index", keys: keys)
    }

    @Test func entriesAndKeys() throws {
        let index = "00databaseinfo\tA\tB\nقمح\tA\tN\nخبز\tN\tN\n"
        #expect(try Self.parse(index).entries == ["قمح": ["wheat"], "خبز": ["bread"]])
        #expect(try Self.parse(index, keys: ["خبز", "ماء"]).entries == ["خبز": ["bread"]])
        #expect(try Self.parse(index, keys: ["قَمح"]).entries.isEmpty)  // keys are matching keys: no harakat
        #expect(try Self.parse(index, keys: []).entries.isEmpty)
    }

    @Test(arguments: [
        ("قمح\tA\tN\nخبز\tN\tZ\n", 2, "entry 13+25 lies outside the 26-byte body"),
        ("قمح\tA\nخبز\tN\tZ\n", 1, "expected 'headword<TAB>offset<TAB>length'"),
        ("قمح\tA\tN\nخبز\tN\tZ\nماء\tA\n", 2, "entry 13+25 lies outside the 26-byte body"),
        ("قمح\tA\tN\nماء\t?\tA\nخبز\tN\tZ\n", 2, "expected 'headword<TAB>offset<TAB>length'"),
        ("bread\tA\tZZ\nقمح\tA\tN\n", nil, ""),
    ])
    func firstErrorByLine(_ index: String, _ line: Int?, _ message: String) {
        do {
            _ = try Self.parse(index)
            #expect(line == nil)
        } catch {
            #expect(error == .malformedDictionary(file: "t.index", line: line ?? 0, message: message))
        }
    }

    @Test(arguments: ["dictd-plain/tiny.index", "dictd-gzip/tiny.index"])
    func keysKeepTheirEntriesOnly(_ index: String) throws {
        let all = try BilingualDictionary(contentsOf: Fixture.url(index))
        let keySets: [Set<String>] = [["قمح"], ["قمح", "مزارع", "x"], [], ["امطار", "قَمح"]]
        for keys in keySets {
            let some = try BilingualDictionary(contentsOf: Fixture.url(index), keys: keys)
            #expect(some.entries == all.entries.filter { keys.contains($0.key) })
        }
    }
}
