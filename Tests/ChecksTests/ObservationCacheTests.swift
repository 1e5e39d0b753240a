import ArabicText
import Testing

@testable import Checks

/// The per-word and per-occurrence machinery of `Checker.collect`: the word table and name-like
/// memo, the document's scalars, excerpts and the first places kept.
@Suite struct ObservationCacheTests {
    /// Words of the project's own sentences, with repeats, one-letter words, a word and its
    /// prefix, and scalars of one to four UTF-8 bytes.
    static let words: [String] = {
        let text = "قال بلينكن إن الزيارة مهمة وقال بلينكن إن بلين ذلك ب ا أحمد أحمدي café 😀😀 \u{0640}\u{0640} بلينكن"
        return text.split(separator: " ").map(String.init)
    }()

    static func withScalars<R>(_ word: String, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
        Array(word.unicodeScalars).withUnsafeBufferPointer(body)
    }

    @Test func tableGivesWhatADictionaryGivesAndComputesOncePerWord() {
        var table = ScalarWordTable()
        var reference: [String: Int32] = [:]
        var computed: [String] = []
        // Enough words to grow the table past its first 1,024 slots.
        let many = Self.words + (0..<3_000).map { "كلمة\($0 % 1_500)" }
        for w in many {
            let v = Self.withScalars(w) { u in
                table.value(for: u) { x in
                    computed.append(String(scalars: x))
                    return Int32(reference.count)
                }
            }
            if reference[w] == nil { reference[w] = v }
            #expect(v == reference[w], "\(w)")
        }
        var distinct: [String] = []
        for w in many where !distinct.contains(w) { distinct.append(w) }
        #expect(computed == distinct)
        #expect(table.count == reference.count)
    }

    @Test func tableTellsApartWordsOfTheSameScalarsInAnotherOrderOrLength() {
        var table = ScalarWordTable()
        let forms = ["بلين", "نيلب", "بلينن", "بلي", "", "\u{0628}\u{064E}", "\u{064E}\u{0628}"]
        for (i, w) in forms.enumerated() { #expect(Self.withScalars(w) { u in table.value(for: u) { _ in Int32(i) } } == Int32(i)) }
        for (i, w) in forms.enumerated() { #expect(Self.withScalars(w) { u in table.value(for: u) { _ in -9 } } == Int32(i)) }
    }

    @Test func tableStartsEmptyAfterRemoveAll() {
        var table = ScalarWordTable()
        _ = Self.withScalars("بلينكن") { u in table.value(for: u) { _ in 1 } }
        table.removeAll()
        #expect(table.count == 0)
        #expect(Self.withScalars("بلينكن") { u in table.value(for: u) { _ in 2 } } == 2)
    }

    @Test func memoAsksOncePerWordAndKeepsKeyAndWord() throws {
        var memo = NameLikeMemo()
        var asked: [String] = []
        func look(_ w: String) -> Int? {
            Self.withScalars(w) { u in
                memo.entry(of: u) { s in
                    asked.append(s)
                    return s.unicodeScalars.count >= 4 ? "K" + s : nil
                }
            }
        }
        let a = look("بلينكن")
        #expect(look("قال") == nil)
        #expect(look("بلينكن") == a)
        #expect(look("قال") == nil)
        let b = look("أحمدي")
        #expect(asked == ["بلينكن", "قال", "أحمدي"])
        let ea = try #require(a)
        let eb = try #require(b)
        #expect(ea != eb)
        #expect(memo.key(ea) == "Kبلينكن" && memo.written(ea) == "بلينكن")
        #expect(memo.key(eb) == "Kأحمدي" && memo.written(eb) == "أحمدي")
        #expect(memo.generation == 0)
    }

    /// Past its limit the memo starts again: it asks again, and its generation says entries given
    /// before mean nothing now.
    @Test func memoStartsAgainPastItsLimit() {
        var memo = NameLikeMemo(limit: 3)
        var asks = 0
        func look(_ w: String) -> Int? {
            Self.withScalars(w) { u in
                memo.entry(of: u) { s in
                    asks += 1
                    return "K" + s
                }
            }
        }
        for w in ["أولى", "ثانية", "ثالثة"] { _ = look(w) }
        #expect(asks == 3 && memo.generation == 0)
        let again = look("رابعة")
        #expect(memo.generation == 1)
        #expect(again == 0)
        #expect(memo.key(0) == "Kرابعة")
        _ = look("أولى")
        #expect(asks == 5)
    }

    /// The word records of a sentence, counted with a memo of `memoLimit` words.
    static func wordRecords(_ text: String, memoLimit: Int) -> [WordRecord] {
        var tally = ObservationTally(limit: 2)
        tally.memo = NameLikeMemo(limit: memoLimit)
        let scalars = Array(text.unicodeScalars)
        let place = SentencePlace(file: "a.txt", unit: nil, line: 1, lineScalars: scalars[...], start: 0)
        scalars.withUnsafeBufferPointer { u in
            for t in Tokenizer.tokenize(scalars: scalars) where t.kind == .arabicWord {
                tally.word(UnsafeBufferPointer(rebasing: u[t.range]), span: t.range, at: place) {
                    $0.unicodeScalars.count >= 4 ? Normalizer.key($0) : nil
                }
            }
        }
        return tally.records().words
    }

    /// Words of one key share a record; a memo that starts again in the middle changes nothing.
    @Test func tallyCountsByKeyWhenItsMemoStartsAgain() throws {
        let text = "قال بلينكن إن أحمد بلينكن وأحمد بلينكن أحمدي إن إن بلينكن أحمدي"
        let records = Self.wordRecords(text, memoLimit: 100)
        for limit in [1, 2, 3] { #expect(Self.wordRecords(text, memoLimit: limit) == records) }
        let blinken = try #require(records.first { $0.key == Normalizer.key("بلينكن") })
        #expect(blinken.count == 4)
        #expect(blinken.occurrences.map(\.column) == [5, 20])
        #expect(blinken.occurrences.map(\.found) == ["بلينكن", "بلينكن"])
        #expect(records.map(\.key).sorted() == ["أحمد", "أحمدي", "بلينكن", "وأحمد"].map(Normalizer.key).sorted())
    }

    @Test(arguments: [
        "", "قال بلينكن", "a\r\nb", "café \u{0301}", "😀 وقال 😀", "\u{FEFB}\u{0640}\u{200F}", String(repeating: "ب\r", count: 40),
    ])
    func documentScalarsAreTheStringsScalars(_ text: String) {
        var t = text
        #expect(t.withUTF8(Checker.scalars(ofUTF8:)) == Array(text.unicodeScalars))
    }

    /// Excerpts copied from the document's text by byte offsets are those encoded from the line's
    /// scalars: short and long lines (cut on one side, the other or both), scalars of one to four
    /// UTF-8 bytes, sentences starting anywhere in the line, spans past the line's end.
    @Test func occurrencesCopiedFromTheTextAreThoseMadeFromTheScalars() {
        let long = (0..<30).map { ["وقال بلينكن\u{064E}", "café", "😀نص", "إن"][$0 % 4] }.joined(separator: " ")
        let text = ["قال بلينكن إن الزيارة مهمة.", long, "", "😀 " + long + " 😀", String(repeating: "ب", count: 200)]
            .joined(separator: "\n")
        var t = text
        let scalars = t.withUTF8(Checker.scalars(ofUTF8:))
        var checked = 0
        for (k, line) in Checker.lineRanges(scalars).enumerated() {
            for start in stride(from: 0, through: line.count, by: 5) {
                let startByte = String(scalars: scalars[..<(line.lowerBound + start)]).utf8.count
                let copied = SentencePlace(
                    file: "a.txt", unit: nil, line: k + 1, lineScalars: scalars[line], start: start, text: text, startByte: startByte)
                let encoded = SentencePlace(file: "a.txt", unit: nil, line: k + 1, lineScalars: scalars[line], start: start)
                let rest = line.count - start
                for span in [0..<0, 0..<min(3, rest), max(0, rest - 2)..<rest, 2..<(rest + 4), (rest / 2)..<(rest / 2 + 9)] {
                    #expect(copied.occurrence(span) == encoded.occurrence(span), "line \(k + 1) start \(start) span \(span)")
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }

    /// The lines found on the fast path are those of the definition: LF, CR, CRLF, NEL, LS and PS
    /// end a line, a final terminator starts no empty line.
    @Test func linesAreThoseOfTheDefinition() {
        let pieces = ["ب", "a", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{200F}", "\u{0D}\u{0D}", "😀"]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let u = Array(text.unicodeScalars)
            var expected: [Range<Int>] = []
            var start = 0
            var i = 0
            while i < u.count {
                if [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(u[i].value) {
                    expected.append(start..<i)
                    if u[i].value == 0x0D && i + 1 < u.count && u[i + 1].value == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < u.count { expected.append(start..<u.count) }
            #expect(Checker.lineRanges(u) == expected, "\(u.map { String($0.value, radix: 16) })")
        }
    }

    static func place(_ line: Int, _ column: Int, file: String = "a.txt") -> Occurrence {
        Occurrence(file: file, line: line, column: column, found: "بلينكن", context: "قال بلينكن", span: 4..<10)
    }

    /// Added in any order, the list is the first `limit` of the places, sorted, without repeats.
    @Test(arguments: [0, 1, 3, 50])
    func firstPlacesAreKeptInOrderWhateverOrderTheyCome(_ limit: Int) {
        var places = (1...12).flatMap { l in [Self.place(l, 3), Self.place(l, 1, file: "b.txt"), Self.place(l, 7)] }
        var g = SystemRandomNumberGenerator()
        for round in 0..<5 {
            if round > 0 { places.shuffle(using: &g) }
            var list: [Occurrence] = []
            for p in places + places.prefix(5) { FirstOccurrences.add(p, to: &list, limit: limit) }
            let expected = Array(places.sorted().prefix(limit == 0 ? Int.max : limit))
            #expect(list == expected)
        }
    }

    /// Random mixes of scalars of one to four UTF-8 bytes (the branch-free path reads four bytes
    /// at a time; the last few are read one at a time) decode as the String's scalars.
    @Test func documentScalarsOfRandomTextAreTheStringsScalars() {
        let pieces = ["ب", "a", " ", "\n", "€", "😀", "\u{0640}", "\u{200F}", "é", "\u{FEFB}"]
        var g = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            var t = text
            #expect(
                t.withUTF8(Checker.scalars(ofUTF8:)) == Array(text.unicodeScalars),
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Occurrences in one line share its text when the line is quoted whole; each is the one made
    /// alone (names, whose text found is made, and words, whose text found is given; short lines
    /// and long ones, which are cut and never shared).
    @Test func occurrencesSharingTheirLineAreThoseMadeAlone() {
        let long = (0..<30).map { ["وقال بلينكن", "café", "😀نص", "إن"][$0 % 4] }.joined(separator: " ")
        let text = ["قال بلينكن إن الزيارة مهمة. وقال 😀 إن بلينكن وصل.", long, "بلينكن"].joined(separator: "\n")
        var t = text
        let scalars = t.withUTF8(Checker.scalars(ofUTF8:))
        var lineText: SentencePlace.LineText? = nil
        var shared = 0
        for (k, line) in Checker.lineRanges(scalars).enumerated() {
            for start in [0, 3, 28] where start < line.count {
                let startByte = String(scalars: scalars[..<(line.lowerBound + start)]).utf8.count
                let place = SentencePlace(
                    file: "a.txt", unit: nil, line: k + 1, lineScalars: scalars[line], start: start, text: text, startByte: startByte,
                    lineKey: k)
                let rest = line.count - start
                for span in [0..<min(3, rest), max(0, rest - 2)..<rest, (rest / 2)..<(rest / 2 + 4)] {
                    let before = lineText?.lineKey
                    for found in [nil, "بلينكن"] {
                        let o = place.occurrence(span, found: found, lineText: &lineText)
                        var expected = place.occurrence(span)
                        if let found { expected.found = found }
                        #expect(o == expected, "line \(k + 1) start \(start) span \(span)")
                    }
                    if before == k { shared += 1 }
                }
            }
        }
        #expect(shared > 5)
        // The last line quoted whole is kept (the long line is cut, never kept).
        #expect(lineText?.lineKey == 2)
    }

    /// The name part read from the clitic readings is the one of the definition: the analysis
    /// without enclitic that strips the most and leaves a stem of three letters or more in `bare`.
    @Test func namePartIsTheLongestStrippingOfTheAnalyses() {
        let keys = [
            "وتارنوفسكي", "تارنوفسكي", "بالتارنوفسكي", "والتارنوفسكي", "وبلين", "لبلينكن", "فسيقول", "وله", "ولل", "كتابهم", "و", "وسام",
        ]
        .map(Normalizer.key)
        let bares: [Set<String>] = [[], Set(keys), Set(["تارنوفسكي", "بلين", "لين", "سام", "ام", "قول"].map(Normalizer.key))]
        for bare in bares {
            for key in keys {
                var expected = (stripped: 0, key: key)
                for a in CliticAnalyzer.analyses(ofKey: key) where a.enclitic == nil && a.prefixLength > 0 {
                    guard key.unicodeScalars.count - a.prefixLength >= 3, a.prefixLength > expected.stripped, bare.contains(a.stem) else {
                        continue
                    }
                    expected = (a.prefixLength, a.stem)
                }
                let found = NameLikeness.namePart(ofKey: key, bare: bare)
                #expect(found.stripped == expected.stripped && found.key == expected.key, "\(key)")
            }
        }
    }

    /// Places tied on file, line and column are ordered in full (by unit, then the text found).
    @Test func tiedPlacesAreOrderedInFull() {
        let a = Occurrence(file: "a.txt", line: 2, column: 5, unit: "u1", found: "ب", context: "ب", span: 0..<1)
        let b = Occurrence(file: "a.txt", line: 2, column: 5, unit: "u2", found: "ب", context: "ب", span: 0..<1)
        let c = Occurrence(file: "a.txt", line: 2, column: 5, unit: "u2", found: "ت", context: "ت", span: 0..<1)
        for order in [[a, b, c], [c, b, a], [b, c, a, b, c]] {
            var list: [Occurrence] = []
            for o in order { FirstOccurrences.add(o, to: &list, limit: 0) }
            #expect(list == [a, b, c])
        }
        var two: [Occurrence] = []
        for o in [c, b, a] { FirstOccurrences.add(o, to: &two, limit: 2) }
        #expect(two == [a, b])
    }
}
