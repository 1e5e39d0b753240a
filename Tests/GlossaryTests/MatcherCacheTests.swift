import ArabicText
import Testing

@testable import Glossary

/// The matcher's fast paths against their definitions: the word cache (which must answer what the
/// lookups it replaces answer, whatever it holds and however often it starts over) and the best
/// terminal chosen at compile time (against walking the node's terminals).
@Suite struct MatcherCacheTests {
    static let tsv = """
        روسيا\tRussia\t\t\tplace
        الناتو\tNATO\t\t\torg
        الولايات المتحدة\tUnited States\t\t\tplace
        مجلس الأمن\tSecurity Council\t\t\torg
        مجلس الأمن الدولي\tUN Security Council\t\t\torg
        بلينكن\tAntony Blinken\tUS secretary of state\tبلينكين;بلينجن\tperson
        بايدن\tPresident Biden\t\t\tperson
        جو بايدن\tJoseph Biden\t\t\tperson
        وقف إطلاق النار\ttruce\t\tوقف اطلاق النار\tterm
        عقوبات\tsanctions\t\t\tterm
        حقوق الإنسان\thuman rights\t\t\tterm
        COVID-19\tCOVID-19\t\t\tterm
        الأمن\tsecurity\t\t\tterm
        مجلس\tcouncil\t\t\tterm
        روسيا\tthe Russian Federation\t\tروسية\tplace

        """

    /// Words of the glossary and ordinary ones, with and without clitics, and punctuation.
    static let words = [
        "روسيا", "وروسيا", "لروسيا", "بروسيا", "الناتو", "للناتو", "بالناتو", "والناتو", "الولايات", "المتحدة", "مجلس", "ومجلس",
        "الأمن", "الامن", "الدولي", "بلينكن", "وبلينكين", "بلينجن", "بايدن", "جو", "فيدن", "وقف", "إطلاق", "النار", "العقوبات",
        "عقوبات", "بالعقوبات", "حقوق", "الإنسان", "الانسان", "حقوقه", "مجلسه", "قال", "إن", "في", "على", "الرئيس", "COVID-19",
        "14,000", "،", ".", "\u{200F}", "ـ", "َ",
    ]

    static func sentences(seed: UInt64, count: Int) -> [[Unicode.Scalar]] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            let n = next() % 12
            return Array((0..<n).map { _ in words[next() % words.count] }.joined(separator: next() % 5 == 0 ? "  " : " ").unicodeScalars)
        }
    }

    @Test(arguments: [false, true])
    func aCacheThatStartsOverAnswersAsAFullOne(fuzzy: Bool) throws {
        let g = try Glossary(tsv: Self.tsv)
        let options = TermMatcher.Options(fuzzy: fuzzy)
        let big = TermMatcher(glossary: g, options: options)
        // Starts over at every sentence: the fuzzy pass, which runs after the whole scope, then
        // finds none of its words' cache entries from the first pass.
        let tiny = TermMatcher(glossary: g, options: options, cacheLimit: 1)
        var fuzzyMatches = 0
        for seed in UInt64(1)...40 {
            let scope = Self.sentences(seed: seed, count: 25)
            let expected = tiny.matches(inScopeScalars: scope)
            fuzzyMatches += expected.joined().count { $0.kind == .fuzzy }
            #expect(big.matches(inScopeScalars: scope) == expected)
            // Again, now that the cache holds every word of the scope.
            #expect(big.matches(inScopeScalars: scope) == expected)
            if !fuzzy {
                // Without fuzzy evidence a sentence's matches do not depend on its scope.
                #expect(scope.map { TermMatcher(glossary: g, options: options).matches(scalars: $0) } == expected)
            }
        }
        // The scopes do exercise the fuzzy pass (فيدن after جو or with بايدن in scope).
        #expect(fuzzy ? fuzzyMatches > 10 : fuzzyMatches == 0)
    }

    /// The Arabic words the matcher hands out are the tokenizer's, text by text, and asking for
    /// them changes no match.
    @Test(arguments: [false, true])
    func handsOutTheArabicWordsOfEveryText(fuzzy: Bool) throws {
        let g = try Glossary(tsv: Self.tsv)
        let m = TermMatcher(glossary: g, options: .init(fuzzy: fuzzy))
        // Buffers left over from an earlier call: emptied, not appended to.
        var words: [Token]? = [Token(kind: .number, range: 0..<1)]
        var starts = [7]
        for seed in UInt64(1)...10 {
            let scope = Self.sentences(seed: seed, count: 25) + [[]]
            let found = m.matches(inScopeScalars: scope, arabicWords: &words, starts: &starts)
            #expect(found == m.matches(inScopeScalars: scope))
            #expect(starts.count == scope.count + 1)
            let all = try #require(words)
            for k in scope.indices {
                #expect(Array(all[starts[k]..<starts[k + 1]]) == Tokenizer.tokenize(scalars: scope[k]).filter { $0.kind == .arabicWord })
            }
        }
        var none: [Token]? = nil
        var noStarts: [Int] = []
        _ = m.matches(inScopeScalars: Self.sentences(seed: 3, count: 5), arabicWords: &none, starts: &noStarts)
        #expect(none == nil && noStarts.isEmpty)
    }

    @Test func matchesAreFoundAcrossClitics() throws {
        let g = try Glossary(tsv: Self.tsv)
        let m = TermMatcher(glossary: g, options: .init(fuzzy: false))
        let found = m.matches(in: "قال مجلس الأمن الدولي وبالعقوبات للناتو حقوق الإنسان COVID-19")
        #expect(found.map { g.entries[$0.entryIndex].english } == ["UN Security Council", "sanctions", "NATO", "human rights", "COVID-19"])
    }

    @Test func compiledBestTerminalEqualsWalkingTheTerminals() throws {
        let g = try Glossary(tsv: Self.tsv + "مجلس الأمن\tthe Council\t\t\torg\nعقوبات\tpenalties\t\tجزاءات\tterm\n")
        var trie = TermTrie(words: 8)
        var keyed = KeyedText()
        for (e, entry) in g.entries.enumerated() {
            for (s, spelling) in entry.arabicSpellings.enumerated() {
                keyed.reset(Array(spelling.unicodeScalars))
                var node: Int32 = 0
                for t in keyed.tokens where !t.keyRange.isEmpty { node = trie.child(node, trie.intern(keyed.keySlice(t), hash: t.hash)) }
                trie.addTerminal(TermMatcher.Terminal(entry: Int32(e), spelling: Int32(s)), at: node)
            }
        }
        let isTerm = { (e: Int32) in g.entries[Int(e)].kind == .term }
        let compiled = CompiledTrie(trie, isTerm: isTerm)
        for node in 0..<trie.nodeCount {
            for termsOnly in [false, true] {
                // The definition: the first of the best in insertion order.
                var best: TermMatcher.Terminal?
                for t in trie.terminals(at: Int32(node)) where !termsOnly || isTerm(t.entry) {
                    if let b = best {
                        if (t.spelling == 0) != (b.spelling == 0) ? t.spelling == 0 : t.entry > b.entry { best = t }
                    } else {
                        best = t
                    }
                }
                let fast = compiled.bestTerminal(Int32(node), termsOnly: termsOnly).map { compiled.terminals[Int($0)] }
                #expect(fast?.entry == best?.entry && fast?.spelling == best?.spelling)
            }
        }
    }
}
