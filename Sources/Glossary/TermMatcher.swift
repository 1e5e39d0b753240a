import ArabicText

/// Finds glossary terms in Arabic text: every spelling of every entry compiled into one word-level
/// trie over matching keys; leftmost-longest; clitic-aware (وروسيا, لأوكرانيا, للناتو, بالناتو);
/// then, for words no entry matched, fuzzy detection of garbled names.
///
/// ```swift
/// let g = try Glossary(tsv: "بايدن\tBiden\t\t\tperson\nالناتو\tNATO\t\t\torg\n")
/// let m = TermMatcher(glossary: g)
/// for match in m.matches(in: "قال جو فيدن للناتو") { print(match.kind, g.entries[match.entryIndex].english) }
/// // fuzzy Biden, exact NATO
/// ```
/// - Complexity: compiling is O(total length of all spellings). Matching costs O(1) hash lookups per
///   token and clitic reading, independent of the glossary's size, plus O(term length) per match.
public final class TermMatcher: Sendable {
    /// How much evidence a fuzzy (garbled-name) match needs. A word that sounds like a listed name
    /// (same phonetic key, close weighted edit distance) is only taken for that name when
    /// - the entity is named correctly elsewhere in the scope (similarity >= `inScopeScore`), or a
    ///   known first name before it makes a full-name entry with it (جو فيدن -> جو بايدن); or
    /// - the lexicon does not know the word and a title precedes it (الرئيس ...), for persons
    ///   (>= `afterTitleScore`); or
    /// - the lexicon does not know the word at all and it is very close: persons and places of six or
    ///   more letters >= `unknownPersonScore` / `unknownPlaceScore`.
    /// Words of fewer than four letters are never fuzzy-matched.
    /// Ordinary words the lexicon knows are only taken with in-scope or first-name evidence.
    public struct Options: Sendable {
        /// Look for garbled names (`fuzzy` matches).
        public var fuzzy: Bool
        /// Ordinary Arabic words (Hunspell). Without one only in-scope and first-name evidence count.
        public var lexicon: Lexicon?
        public var inScopeScore: Double
        public var afterTitleScore: Double
        public var unknownPersonScore: Double
        public var unknownPlaceScore: Double

        public init(
            fuzzy: Bool = true, lexicon: Lexicon? = nil, inScopeScore: Double = 0.8, afterTitleScore: Double = 0.85,
            unknownPersonScore: Double = 0.94, unknownPlaceScore: Double = 0.95
        ) {
            self.fuzzy = fuzzy
            self.lexicon = lexicon
            self.inScopeScore = inScopeScore
            self.afterTitleScore = afterTitleScore
            self.unknownPersonScore = unknownPersonScore
            self.unknownPlaceScore = unknownPlaceScore
        }
    }

    struct Terminal: Sendable {
        let entry: Int32
        /// 0 for the canonical spelling, i for variant i.
        let spelling: Int32
    }

    struct FuzzyCandidate: Sendable {
        let entry: Int32
        let spelling: Int32
        /// The spelling's key without the article.
        let stem: [Unicode.Scalar]
    }

    public let glossary: Glossary
    public let options: Options
    private let wordIDs: [String: Int32]
    private let edges: [UInt64: Int32]
    private let terminals: [[Terminal]]
    private let fuzzyIndex: [String: [FuzzyCandidate]]
    /// Keys of words that put a name after them: titles. (First names are not used: many are also
    /// ordinary words, علي/على, جو.)
    private let nameContextWords: Set<String>

    public init(glossary: Glossary, options: Options = Options()) {
        self.glossary = glossary
        self.options = options
        var wordIDs: [String: Int32] = [:]
        var edges: [UInt64: Int32] = [:]
        var terminals: [[Terminal]] = [[]]
        var fuzzy: [String: [FuzzyCandidate]] = [:]
        var context = Set(Self.titles.map { Normalizer.key($0) })
        for (e, entry) in glossary.entries.enumerated() {
            for (s, spelling) in entry.arabicSpellings.enumerated() {
                let words = Self.wordKeys(spelling)
                if words.isEmpty { continue }
                var node: Int32 = 0
                for w in words {
                    let id: Int32
                    if let known = wordIDs[w] {
                        id = known
                    } else {
                        id = Int32(wordIDs.count)
                        wordIDs[w] = id
                    }
                    let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                    if let next = edges[edge] {
                        node = next
                    } else {
                        let next = Int32(terminals.count)
                        terminals.append([])
                        edges[edge] = next
                        node = next
                    }
                }
                terminals[Int(node)].append(Terminal(entry: Int32(e), spelling: Int32(s)))
                if entry.kind.isName {
                    if words.count == 1 {
                        let stem = Self.stemOfName(words[0])
                        if stem.count >= 3 {
                            fuzzy[PhoneticKey.of(keyScalars: stem), default: []].append(
                                FuzzyCandidate(entry: Int32(e), spelling: Int32(s), stem: stem))
                        }
                    }
                }
            }
        }
        self.wordIDs = wordIDs
        self.edges = edges
        self.terminals = terminals
        self.fuzzyIndex = fuzzy
        self.nameContextWords = context
    }

    /// Titles and words after which a name is expected.
    static let titles = [
        "الرئيس", "رئيس", "الرئيسة", "رئيسة", "وزير", "الوزير", "وزيرة", "الوزيرة", "السيد", "السيدة", "المستشار", "المستشارة",
        "نظيره", "نظيرته", "نظيرها", "المتحدث", "المتحدثة", "الملك", "الأمير", "الشيخ", "الجنرال", "الزعيم", "المرشح", "المرشحة",
        "السفير", "السفيرة", "النائب", "السناتور", "حاكم", "قائد", "زعيم", "المبعوث", "الأمين", "رئيسا", "البابا", "المدير",
    ]

    /// The matching keys of the words of a glossary spelling.
    static func wordKeys(_ spelling: String) -> [String] {
        let u = Array(spelling.unicodeScalars)
        return Tokenizer.tokenize(scalars: u).map { MatchingKey(scalars: Array(u[$0.range])).string }.filter { !$0.isEmpty }
    }

    // MARK: - Matching

    /// All matches in `text`, in text order, non-overlapping. The text is its own scope for fuzzy
    /// evidence (see `matches(inScope:)`).
    public func matches(in text: String) -> [TermMatch] {
        matches(inScope: [text])[0]
    }

    public func matches(scalars u: [Unicode.Scalar]) -> [TermMatch] {
        matches(inScopeScalars: [u])[0]
    }

    /// Matches in several texts that form one scope (the sentences of a document, or a batch of
    /// documents): a fuzzy match counts as better supported when the entry it points to is named
    /// correctly somewhere in the scope (فيدن in an article that also writes بايدن).
    public func matches(inScope texts: [String]) -> [[TermMatch]] {
        matches(inScopeScalars: texts.map { Array($0.unicodeScalars) })
    }

    public func matches(inScopeScalars texts: [[Unicode.Scalar]]) -> [[TermMatch]] {
        var results: [[TermMatch]] = []
        var tokenized: [[KeyedToken]] = []
        var coverage: [[Bool]] = []
        var presentNames = Set<String>()
        for u in texts {
            let tokens = Tokenizer.tokenize(scalars: u).map { t -> KeyedToken in
                let k = MatchingKey(scalars: Array(u[t.range]))
                return KeyedToken(token: t, key: k, keyString: k.string)
            }
            var result: [TermMatch] = []
            var covered = [Bool](repeating: false, count: tokens.count)
            var i = 0
            while i < tokens.count {
                if let (m, count) = longestMatch(at: i, tokens, u) {
                    result.append(m)
                    for k in i..<(i + count) { covered[k] = true }
                    if glossary.entries[m.entryIndex].kind.isName {
                        for w in Self.wordKeys(m.spelling) { presentNames.insert(String(String.UnicodeScalarView(Self.stemOfName(w)))) }
                    }
                    i += count
                } else {
                    i += 1
                }
            }
            results.append(result)
            tokenized.append(tokens)
            coverage.append(covered)
        }
        guard options.fuzzy else { return results }
        for (n, u) in texts.enumerated() {
            let tokens = tokenized[n]
            var result = results[n]
            for i in tokens.indices where !coverage[n][i] && tokens[i].token.kind == .arabicWord {
                if let (m, first) = fuzzyMatch(at: i, tokens, covered: coverage[n], u, presentNames: presentNames) {
                    if first < i {
                        let r = tokens[first].token.range.lowerBound..<tokens[i].token.range.upperBound
                        result.removeAll { $0.range.overlaps(r) }
                    }
                    result.append(m)
                }
            }
            result.sort { $0.range.lowerBound < $1.range.lowerBound }
            results[n] = result
        }
        return results
    }

    /// A token of the text being matched, with its key.
    struct KeyedToken {
        let token: Token
        let key: MatchingKey
        let keyString: String
    }

    /// Whether `word` is a nisba adjective of `name` (فرنسي/فرنسيه/فرنسيون of فرنسا, اوكراني of اوكرانيا):
    /// the name without its final vowel, plus ي and an ending.
    static func isNisba(_ word: [Unicode.Scalar], of name: [Unicode.Scalar]) -> Bool {
        var base = name
        while let last = base.last, last == "ا" || last == "ه" || last == "ي" { base.removeLast() }
        guard base.count >= 2 else { return false }
        for ending in ["ي", "يه", "يون", "يين", "يان", "يات"] {
            let e = Array(ending.unicodeScalars)
            guard word.count > e.count, word.suffix(e.count).elementsEqual(e) else { continue }
            let stem = Array(word.dropLast(e.count))
            if NameDistance.similarity(stem, base) >= 0.85 { return true }
        }
        return false
    }

    /// A name word's key without a leading article.
    static func stemOfName(_ key: String) -> [Unicode.Scalar] {
        var stem = Array(key.unicodeScalars)
        if stem.count > 4 && stem[0] == "ا" && stem[1] == "ل" { stem.removeFirst(2) }
        return stem
    }

    private func edge(_ node: Int32, _ word: String) -> Int32? {
        guard let id = wordIDs[word] else { return nil }
        return edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))]
    }

    /// Whether only whitespace or invisible characters separate tokens a and b.
    private func adjacent(_ a: KeyedToken, _ b: KeyedToken, _ u: [Unicode.Scalar]) -> Bool {
        u[a.token.range.upperBound..<b.token.range.lowerBound].allSatisfy {
            ArabicScalar.isWhitespace($0.value) || ArabicScalar.isInvisibleFormat($0.value)
        }
    }

    private struct Candidate {
        let analysis: CliticAnalysis
        let lastAnalysis: CliticAnalysis?
        let count: Int
        let terminal: Terminal
        /// The article was read off a term the glossary writes without it (العقوبات for عقوبات).
        var articleOutsideTerm = false
        var strippedLength: Int { analysis.prefixLength + analysis.suffixLength + (lastAnalysis?.suffixLength ?? 0) }

        func better(than o: Candidate) -> Bool {
            if count != o.count { return count > o.count }
            if strippedLength != o.strippedLength { return strippedLength < o.strippedLength }
            if (terminal.spelling == 0) != (o.terminal.spelling == 0) { return terminal.spelling == 0 }
            return terminal.entry > o.terminal.entry  // later glossaries override earlier ones
        }
    }

    private func bestTerminal(_ node: Int32, termsOnly: Bool = false) -> Terminal? {
        terminals[Int(node)].filter { !termsOnly || glossary.entries[Int($0.entry)].kind == .term }.min { a, b in
            if (a.spelling == 0) != (b.spelling == 0) { return a.spelling == 0 }
            return a.entry > b.entry
        }
    }

    private func longestMatch(at i: Int, _ tokens: [KeyedToken], _ u: [Unicode.Scalar]) -> (TermMatch, Int)? {
        let first = tokens[i]
        let analyses: [CliticAnalysis]
        if first.token.kind == .arabicWord {
            analyses = CliticAnalyzer.analyses(ofKey: first.key.scalars)
        } else {
            analyses = [.bare(first.keyString)]
        }
        var best: Candidate?
        func consider(_ c: Candidate) {
            if best == nil || c.better(than: best!) { best = c }
        }
        // A final ي on a term is the nisba adjective (الياباني "Japanese"), not "my": not read as a clitic.
        for a in analyses where a.enclitic != .i {
            // The glossary writes definite names with the article (الناتو); general terms usually
            // without it (عقوبات), so a term also matches its definite form (العقوبات).
            var forms: [(form: String, articleOutside: Bool)] = [(a.stemWithArticle, false)]
            if a.hasArticle { forms.append((a.stem, true)) }
            for (form, articleOutside) in forms {
                guard var node = edge(0, form) else { continue }
                func candidate(_ last: CliticAnalysis?, _ count: Int, _ t: Terminal) -> Candidate {
                    var c = Candidate(analysis: a, lastAnalysis: last, count: count, terminal: t)
                    c.articleOutsideTerm = articleOutside
                    return c
                }
                if let t = bestTerminal(node, termsOnly: articleOutside) { consider(candidate(nil, 1, t)) }
                if a.enclitic != nil { continue }
                var j = i + 1
                while j < tokens.count && adjacent(tokens[j - 1], tokens[j], u) {
                    let tj = tokens[j]
                    // The last word may carry an enclitic pronoun.
                    if tj.token.kind == .arabicWord {
                        for la in CliticAnalyzer.analyses(ofKey: tj.key.scalars)
                        where la.proclitics.isEmpty && !la.hasArticle && la.enclitic != nil && la.enclitic != .i {
                            if let n = edge(node, la.stem), let t = bestTerminal(n, termsOnly: articleOutside) {
                                consider(candidate(la, j - i + 1, t))
                            }
                        }
                    }
                    guard let next = edge(node, tj.keyString) else { break }
                    node = next
                    if let t = bestTerminal(node, termsOnly: articleOutside) { consider(candidate(nil, j - i + 1, t)) }
                    j += 1
                }
            }
        }
        guard let c = best else { return nil }
        let last = tokens[i + c.count - 1]
        let a = c.analysis
        let (termStartKey, merged) = c.articleOutsideTerm ? (a.prefixLength, false) : Self.termStart(of: a)
        let termStart = first.token.range.lowerBound + first.key.sourceRange(ofKey: termStartKey..<termStartKey).lowerBound
        let suffix = c.count == 1 ? a.suffixLength : (c.lastAnalysis?.suffixLength ?? 0)
        let lastKeyEnd = last.key.scalars.count - suffix
        let termEnd = last.token.range.lowerBound + (suffix == 0 ? last.token.range.count : last.key.sourceRange(ofKey: 0..<lastKeyEnd).upperBound)
        let entry = glossary.entries[Int(c.terminal.entry)]
        let m = TermMatch(
            range: first.token.range.lowerBound..<last.token.range.upperBound,
            termRange: termStart..<termEnd,
            entryIndex: Int(c.terminal.entry),
            spelling: entry.arabicSpellings[Int(c.terminal.spelling)],
            kind: c.terminal.spelling == 0 ? .exact : .variant,
            proclitics: a.proclitics,
            hasArticle: a.hasArticle,
            articleMerged: merged,
            enclitic: c.count == 1 ? a.enclitic : c.lastAnalysis?.enclitic,
            score: 1)
        return (m, c.count)
    }

    /// Where the term starts in a word's key, and whether its article is merged into a preceding ل
    /// (لل). The article belongs to the term (glossaries write الناتو); the proclitics do not.
    static func termStart(of a: CliticAnalysis) -> (keyOffset: Int, articleMerged: Bool) {
        guard a.hasArticle else { return (a.prefixLength, false) }
        // The analyzer reads an article after ل only as لل, where the article's alef is not written.
        if a.proclitics.last == .li { return (a.prefixLength - 1, true) }
        return (a.prefixLength - 2, false)
    }

    // MARK: - Fuzzy names

    private func fuzzyMatch(
        at i: Int, _ tokens: [KeyedToken], covered: [Bool], _ u: [Unicode.Scalar], presentNames: Set<String>
    ) -> (TermMatch, Int)? {
        let t = tokens[i]
        // A word that is part of some glossary spelling is a known word, not a garble.
        if wordIDs[t.keyString] != nil { return nil }
        let analyses = CliticAnalyzer.analyses(ofKey: t.key.scalars).filter { $0.enclitic == nil }
        let afterTitle = i > 0 && nameContextWords.contains(tokens[i - 1].keyString)
        // Tanween (اً, ٌ, ٍ) marks an indefinite noun or adjective (أوروبيًا), not a place name.
        let hasTanween = u[t.token.range].contains { $0.value >= 0x064B && $0.value <= 0x064D }
        // Whether the lexicon does not know the word (computed once, on demand).
        var unknownCache: Bool?
        func unknownWord() -> Bool {
            if let c = unknownCache { return c }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: u[t.token.range])
            let r = options.lexicon.map { !$0.knows(String(word)) } ?? false
            unknownCache = r
            return r
        }
        var best: (score: Double, rank: Double, analysis: CliticAnalysis, cand: FuzzyCandidate)?
        for a in analyses {
            let stem = Array(a.stem.unicodeScalars)
            guard stem.count >= 4 else { continue }
            guard let cands = fuzzyIndex[PhoneticKey.of(keyScalars: stem)] else { continue }
            for c in cands {
                if c.stem == stem { continue }  // same key as a spelling would have matched exactly
                if glossary.entries[Int(c.entry)].kind == .place && (hasTanween || Self.isNisba(stem, of: c.stem)) { continue }  // الفرنسي is "French", not a garbled فرنسا
                if abs(stem.count - c.stem.count) > 2 { continue }  // garbles swap letters, they do not rewrite
                let s = NameDistance.similarity(stem, c.stem) - 0.02 * Double(a.prefixLength)
                let stemString = String(String.UnicodeScalarView(c.stem))
                let firstName = i > 0 && a.proclitics.isEmpty && edge(0, tokens[i - 1].keyString).flatMap { edge($0, stemString) } != nil
                let inScope = presentNames.contains(stemString)
                let kind = glossary.entries[Int(c.entry)].kind
                let accepted: Bool
                if (inScope || firstName) && s >= options.inScopeScore {
                    accepted = true
                } else if kind == .person && afterTitle && s >= options.afterTitleScore {
                    accepted = unknownWord()
                } else if kind == .person && stem.count >= 6 && s >= options.unknownPersonScore {
                    accepted = unknownWord()
                } else if kind != .person && stem.count >= 6 && s >= options.unknownPlaceScore {
                    accepted = unknownWord()
                } else {
                    accepted = false
                }
                guard accepted else { continue }
                // Prefer the candidate the context supports best.
                let rank = s + (firstName ? 0.2 : 0) + (inScope ? 0.1 : 0)
                if best == nil || rank > best!.rank { best = (s, rank, a, c) }
            }
        }
        guard let found = best else { return nil }
        let b = found
        var entryIndex = Int(b.cand.entry)
        var spelling = glossary.entries[entryIndex].arabicSpellings[Int(b.cand.spelling)]
        var first = i
        // A known first name before it: "جو فيدن" is the full-name entry "جو بايدن".
        if i > 0, b.analysis.proclitics.isEmpty, !covered[i - 1], adjacentWords(tokens[i - 1], t),
            let n1 = edge(0, tokens[i - 1].keyString), let n2 = edge(n1, String(String.UnicodeScalarView(b.cand.stem))),
            let term = bestTerminal(n2), glossary.entries[Int(term.entry)].kind.isName
        {
            entryIndex = Int(term.entry)
            spelling = glossary.entries[entryIndex].arabicSpellings[Int(term.spelling)]
            first = i - 1
        }
        let a = b.analysis
        let (startKey, merged) = first == i ? Self.termStart(of: a) : (0, false)
        let termStart = tokens[first].token.range.lowerBound + (first == i ? t.key.sourceRange(ofKey: startKey..<startKey).lowerBound : 0)
        let m = TermMatch(
            range: tokens[first].token.range.lowerBound..<t.token.range.upperBound,
            termRange: termStart..<t.token.range.upperBound,
            entryIndex: entryIndex,
            spelling: spelling,
            kind: .fuzzy,
            proclitics: first == i ? a.proclitics : [],
            hasArticle: a.hasArticle,
            articleMerged: merged,
            enclitic: nil,
            score: (b.score * 100).rounded() / 100)
        return (m, first)
    }

    private func adjacentWords(_ a: KeyedToken, _ b: KeyedToken) -> Bool {
        a.token.kind == .arabicWord && b.token.range.lowerBound - a.token.range.upperBound <= 2
    }
}
