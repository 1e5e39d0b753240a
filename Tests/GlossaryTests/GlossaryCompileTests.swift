import ArabicText
import Testing

@testable import Glossary

/// The glossary compile (keying every spelling, then interning every word, then adding every
/// spelling's path, with the hash-table slots prefetched ahead) against its definition: one pass
/// that interns each word and follows its edge as the spelling is read. The trie must come out the
/// same, id for id, and the garbled-name candidates must carry their word's id.
@Suite struct GlossaryCompileTests {
    /// A glossary of a few hundred entries, many more than the prefetch distance: one to four words
    /// drawn from a small vocabulary (so spellings share words and prefixes), names and terms,
    /// some with variants, and the same spelling under two entries.
    static func glossary() throws -> Glossary {
        let vocabulary = [
            "مجلس", "الأمن", "الدولي", "وزير", "الخارجية", "الأمريكي", "روسيا", "أوكرانيا", "الناتو", "بايدن", "جو", "بلينكن",
            "دونباس", "خاركيف", "وقف", "إطلاق", "النار", "حقوق", "الإنسان", "العقوبات", "الاقتصادية", "البرلمان", "الأوروبي",
            "كييف", "موسكو", "زيلينسكي", "لافروف", "القمة", "المساعدات", "العسكرية",
        ]
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let kinds = ["person", "place", "org", "term"]
        var lines: [String] = []
        for k in 0..<400 {
            let words = (0...next(4)).map { _ in vocabulary[next(vocabulary.count)] }
            let variants = next(3) == 0 ? [words.map { $0.replacingOccurrences(of: "ي", with: "ى") }.joined(separator: " ")] : []
            lines.append("\(words.joined(separator: " "))\tterm \(k)\t\t\(variants.joined(separator: ";"))\t\(kinds[next(kinds.count)])")
        }
        lines.append("بايدن\tBiden again\t\t\tperson")
        return try Glossary(tsv: lines.joined(separator: "\n") + "\n")
    }

    @Test(arguments: [false, true])
    func compileBuildsTheTrieOnePassBuilds(fuzzy: Bool) throws {
        let g = try Self.glossary()
        let compiled = TermMatcher.compile(g, fuzzy: fuzzy)
        // The definition: intern and follow each word as the spelling is read.
        var trie = TermTrie(words: g.entries.reduce(0) { $0 + 1 + $1.variants.count })
        var keyed = KeyedText()
        var firstWordIDs: [Int32] = []
        for (e, entry) in g.entries.enumerated() {
            for (s, spelling) in entry.arabicSpellings.enumerated() {
                keyed.reset(Array(spelling.unicodeScalars))
                var node: Int32 = 0
                var ids: [Int32] = []
                for t in keyed.tokens where !t.keyRange.isEmpty {
                    ids.append(trie.intern(keyed.keySlice(t), hash: t.hash))
                    node = trie.child(node, ids[ids.count - 1])
                }
                guard !ids.isEmpty else { continue }
                trie.addTerminal(TermMatcher.Terminal(entry: Int32(e), spelling: Int32(s)), at: node)
                if ids.count == 1 && entry.kind.isName {
                    TermMatcher.forEachNameStem(of: keyed) { stem in if stem.count >= 3 { firstWordIDs.append(ids[0]) } }
                }
            }
        }
        let got = compiled.trie
        #expect(got.wordScalars == trie.wordScalars)
        #expect(got.wordStarts == trie.wordStarts)
        #expect(got.nodeCount == trie.nodeCount)
        #expect(got.firstTerminal == trie.firstTerminal)
        #expect(got.nextTerminal == trie.nextTerminal)
        #expect(got.terminalList.map(\.entry) == trie.terminalList.map(\.entry))
        #expect(got.terminalList.map(\.spelling) == trie.terminalList.map(\.spelling))
        #expect(got.edges.slots.map(\.key) == trie.edges.slots.map(\.key))
        #expect(got.edges.slots.map(\.value) == trie.edges.slots.map(\.value))
        #expect(got.wordIDs.slots.map(\.key) == trie.wordIDs.slots.map(\.key))
        #expect(got.wordIDs.slots.map(\.value) == trie.wordIDs.slots.map(\.value))
        #expect(trie.nodeCount > 100)
        if fuzzy {
            // One candidate per one-word name spelling whose stem has three letters or more (جو has
            // two), carrying the id of that word.
            #expect(!compiled.fuzzy.isEmpty)
            #expect(compiled.fuzzy.map(\.candidate.word) == firstWordIDs)
            #expect(compiled.terminalStems.count == trie.terminalList.count)
        } else {
            #expect(compiled.fuzzy.isEmpty && compiled.terminalStems.isEmpty)
        }
    }
}
