import ArabicText
import Synchronization

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
    /// - the lexicon does not know the word and it is one slip (`NameDistance.isOneSlip`: a letter
    ///   swapped within its class, a long vowel added or dropped inside) from a spelling of four or
    ///   more letters; or
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
        /// The spelling's key without the article, as a range of `fuzzyStems`.
        let stem: Range<Int32>
        let stemHash: UInt64
        /// The word id of the whole spelling (article included). While compiling: the word's index
        /// among all spellings' words, until the words are interned.
        var word: Int32
        /// The spelling starts with the article (العراق); a word read with an article is not a garble
        /// of a name written without one (الألمان "the Germans" is not ألمانيا).
        let definite: Bool
    }

    public let glossary: Glossary
    public let options: Options
    /// The glossary's spellings as a word trie over matching keys.
    private let trie: CompiledTrie
    /// Phonetic key hash of a name's stem -> its group of spellings with that key, a range of
    /// `fuzzyCandidates` (`fuzzyGroupStarts[g]..<fuzzyGroupStarts[g + 1]`); empty without `fuzzy`.
    /// Flat arrays rather than a dictionary of arrays: a 100,000-entry glossary has ~50,000 names,
    /// and an array (and a stem array) each cost ~11 MB more.
    private let fuzzyGroups: HashTable64
    private let fuzzyGroupStarts: [Int32]
    private let fuzzyCandidates: [FuzzyCandidate]
    private let fuzzyStems: [Unicode.Scalar]
    /// Key hashes of words that put a name after them: titles. (First names are not used: many are
    /// also ordinary words, علي/على, جو.)
    /// The title words' key hashes (values unused), looked up without hashing them again.
    private let titleHashes: HashTable64
    /// Per terminal of a name entry (with `fuzzy`): the `KeyHash`es of its spelling's name stems
    /// (`nameStems(of:)`), as a range of `stemHashes`; what an exact match of it puts in scope.
    private let terminalStems: [Range<Int32>]
    private let stemHashes: [UInt64]
    /// The lowest similarity any fuzzy rule accepts (one-slip garbles aside).
    private let lowestFuzzyScore: Double
    /// Work buffers and word caches, one per concurrent call.
    private let scratch = Mutex<[MatchScratch]>([])
    /// How many distinct words a word cache holds before it starts over.
    let cacheLimit: Int

    public convenience init(glossary: Glossary, options: Options = Options()) {
        self.init(glossary: glossary, options: options, cacheLimit: 50_000)
    }

    init(glossary: Glossary, options: Options, cacheLimit: Int) {
        self.glossary = glossary
        self.options = options
        self.cacheLimit = cacheLimit
        lowestFuzzyScore = min(options.inScopeScore, options.afterTitleScore, options.unknownPersonScore, options.unknownPlaceScore)
        let compiled = Self.compile(glossary, fuzzy: options.fuzzy)
        let entries = glossary.entries
        self.trie = CompiledTrie(compiled.trie) { entries[Int($0)].kind == .term }
        (fuzzyGroups, fuzzyGroupStarts, fuzzyCandidates) = Self.grouped(compiled.fuzzy)
        self.fuzzyStems = compiled.fuzzyStems
        self.terminalStems = compiled.terminalStems
        self.stemHashes = compiled.stemHashes
        var titleHashes = HashTable64(capacity: Self.titles.count)
        for t in Self.titles { titleHashes.insert(KeyHash.of(MatchingKey(t).scalars), 0) }
        self.titleHashes = titleHashes
    }

    /// This matcher with another lexicon, sharing the compiled glossary (nothing is compiled again;
    /// word caches start empty). The lexicon is only asked while matching, so a caller can compile
    /// the glossary while the lexicon loads (`tarjim draft` and `check` do) and join them here.
    public func with(lexicon: Lexicon?) -> TermMatcher {
        TermMatcher(self, lexicon: lexicon)
    }

    private init(_ other: TermMatcher, lexicon: Lexicon?) {
        glossary = other.glossary
        var options = other.options
        options.lexicon = lexicon
        self.options = options
        cacheLimit = other.cacheLimit
        lowestFuzzyScore = other.lowestFuzzyScore
        trie = other.trie
        fuzzyGroups = other.fuzzyGroups
        fuzzyGroupStarts = other.fuzzyGroupStarts
        fuzzyCandidates = other.fuzzyCandidates
        fuzzyStems = other.fuzzyStems
        titleHashes = other.titleHashes
        terminalStems = other.terminalStems
        stemHashes = other.stemHashes
    }

    /// The candidates grouped by phonetic key hash (groups in the order their first candidate came,
    /// candidates in glossary order within a group): the hash -> group table, the group starts
    /// (one more than the groups) and the candidates.
    private static func grouped(
        _ items: [(hash: UInt64, candidate: FuzzyCandidate)]
    ) -> (HashTable64, [Int32], [FuzzyCandidate]) {
        var groups = HashTable64(capacity: items.count)
        var groupOf: [Int32] = []
        var counts: [Int32] = []
        groupOf.reserveCapacity(items.count)
        for item in items {
            let g: Int32
            if let known = groups.value(for: item.hash, insertingIfAbsent: Int32(counts.count)) {
                g = known
            } else {
                g = Int32(counts.count)
                counts.append(0)
            }
            counts[Int(g)] += 1
            groupOf.append(g)
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(counts.count + 1)
        for c in counts { starts.append(starts[starts.count - 1] + c) }
        // A stable counting sort: each item goes to its group's next free place, so the candidates
        // keep glossary order within a group.
        var next = starts
        let placed = [FuzzyCandidate](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            for (i, item) in items.enumerated() {
                let g = Int(groupOf[i])
                (buffer.baseAddress! + Int(next[g])).initialize(to: item.candidate)
                next[g] += 1
            }
            initialized = items.count
        }
        return (groups, starts, placed)
    }

    /// Titles and words after which a name is expected.
    static let titles = [
        "الرئيس", "رئيس", "الرئيسة", "رئيسة", "وزير", "الوزير", "وزيرة", "الوزيرة", "السيد", "السيدة", "المستشار", "المستشارة",
        "نظيره", "نظيرته", "نظيرها", "المتحدث", "المتحدثة", "الملك", "الأمير", "الشيخ", "الجنرال", "الزعيم", "المرشح", "المرشحة",
        "السفير", "السفيرة", "النائب", "السناتور", "حاكم", "قائد", "زعيم", "المبعوث", "الأمين", "رئيسا", "البابا", "المدير",
    ]

    /// The matching keys of the words of a glossary spelling.
    static func wordKeyScalars(_ spelling: String) -> [[Unicode.Scalar]] {
        let k = KeyedText(Array(spelling.unicodeScalars))
        return k.tokens.map { Array(k.keySlice($0)) }.filter { !$0.isEmpty }
    }

    /// The matching keys of the words of a glossary spelling, as strings.
    static func wordKeys(_ spelling: String) -> [String] {
        wordKeyScalars(spelling).map { String(scalars: $0) }
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

    /// A sentence kept for the fuzzy pass (only sentences with a word the pass could take for a
    /// garbled name): its index and its words for the pass, a range of the scratch's `sites`.
    private struct Pending {
        let index: Int
        let sites: Range<Int>
    }

    public func matches(inScopeScalars texts: [[Unicode.Scalar]]) -> [[TermMatch]] {
        var words: [Token]? = nil
        var starts: [Int] = []
        return matches(inScopeScalars: texts, arabicWords: &words, starts: &starts)
    }

    /// `matches(inScopeScalars:)`, also handing out the tokens it found: the Arabic words of text
    /// `k` (`Tokenizer.tokenize(scalars:)`'s tokens of kind `arabicWord`, in order) are
    /// `arabicWords[starts[k]..<starts[k + 1]]`, so that a caller that looks at the words the
    /// matches left need not tokenize the texts again. Both arrays are emptied first (their
    /// capacity kept); `arabicWords` nil: not collected.
    package func matches(
        inScopeScalars texts: [[Unicode.Scalar]], arabicWords: inout [Token]?, starts: inout [Int]
    ) -> [[TermMatch]] {
        var work = scratch.withLock { $0.popLast() } ?? MatchScratch(limit: cacheLimit)
        defer { scratch.withLock { [work] in $0.append(work) } }
        var results: [[TermMatch]] = []
        results.reserveCapacity(texts.count)
        var pending: [Pending] = []
        // The stem hashes of the names matched exactly in the scope (values unused): already hashes,
        // so not hashed again as a `Set` would (a lookup for each candidate of each fuzzy site).
        var presentNames = HashTable64()
        var covered: [Bool] = []
        if options.fuzzy { work.startScope() }
        let collect = arabicWords != nil
        var words = arabicWords ?? []
        arabicWords = nil  // held in `words` meanwhile, so that appending does not copy it
        if collect {
            words.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
        }
        defer {
            if collect {
                starts.append(words.count)
                arabicWords = words
            }
        }
        for u in texts {
            work.keyed.reset(u)
            work.lookUpTokens(trie)
            if collect {
                starts.append(words.count)
                for t in work.keyed.tokens where t.token.kind == .arabicWord { words.append(t.token) }
            }
            let n = work.keyed.tokens.count
            var result: [TermMatch] = []
            if options.fuzzy {
                covered.removeAll(keepingCapacity: true)
                covered.append(contentsOf: repeatElement(false, count: n))
            }
            var i = 0
            while i < n {
                if !work.info(ofToken: i).starts.isEmpty, let (m, count, terminal) = longestMatch(at: i, &work) {
                    // Room for a sentence's usual matches at once, not grown one, two, four.
                    if result.isEmpty { result.reserveCapacity(8) }
                    result.append(m)
                    if options.fuzzy {
                        for k in i..<(i + count) { covered[k] = true }
                        if glossary.entries[m.entryIndex].kind.isName {
                            for h in terminalStems[Int(terminal)] { presentNames.insert(stemHashes[Int(h)], 0) }
                        }
                    }
                    i += count
                } else {
                    i += 1
                }
            }
            results.append(result)
            if options.fuzzy {
                let lo = work.sites.count
                addFuzzySites(covered: covered, &work)
                if work.sites.count > lo { pending.append(Pending(index: results.count - 1, sites: lo..<work.sites.count)) }
            }
        }
        guard options.fuzzy else { return results }
        for p in pending {
            let n = p.index
            var added = false
            // In place: a copy of `results[n]` written back would copy the array on its first change.
            for k in p.sites {
                let site = work.sites[k]
                if let (m, first) = fuzzyMatch(site, in: texts[n], presentNames: presentNames, &work) {
                    if first {
                        let r = site.previousStart..<site.token.token.range.upperBound
                        results[n].removeAll { $0.range.overlaps(r) }
                    }
                    results[n].append(m)
                    added = true
                }
            }
            if added { results[n].sort { $0.range.lowerBound < $1.range.lowerBound } }
        }
        return results
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
        stemOfName(Array(key.unicodeScalars))
    }

    static func stemOfName(_ key: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var stem = key
        if stem.count > 4 && stem[0] == "ا" && stem[1] == "ل" { stem.removeFirst(2) }
        return stem
    }

    /// The keys of a glossary spelling's words without a leading article. Unlike `stemOfName`, which
    /// sees only the key (where أ is folded to ا), it keeps the hamzated أل of ألمانيا and ألاسكا: only a
    /// word written with a plain alef (ال) starts with the article.
    static func nameStems(of spelling: String) -> [[Unicode.Scalar]] {
        nameStems(of: KeyedText(Array(spelling.unicodeScalars)))
    }

    /// The same for a spelling already keyed (compiling the glossary keys each spelling once).
    static func nameStems(of k: KeyedText) -> [[Unicode.Scalar]] {
        var stems: [[Unicode.Scalar]] = []
        forEachNameStem(of: k) { stems.append(Array($0)) }
        return stems
    }

    /// Calls `body` with each of the spelling's name stems in order, as a slice of its key.
    @inline(__always)
    static func forEachNameStem(of k: KeyedText, _ body: (ArraySlice<Unicode.Scalar>) -> Void) {
        for t in k.tokens {
            let key = k.keySlice(t)
            if key.isEmpty { continue }
            let i = key.startIndex
            // `stemOfName` on a slice: a word written with a plain alef loses a leading article.
            if k.source[t.token.range.lowerBound] == "\u{0627}" && key.count > 4 && key[i] == "ا" && key[i + 1] == "ل" {
                body(key.dropFirst(2))
            } else {
                body(key)
            }
        }
    }

    @inline(__always)
    private func edge(_ node: Int32, _ id: Int32?) -> Int32? {
        guard let id, id >= 0 else { return nil }
        return trie.edge(node, id)
    }

    /// The glossary spelling a terminal stands for.
    @inline(__always)
    private func spelling(_ t: Terminal) -> String {
        // Field by field: copying the entry out would retain and release every string it holds.
        t.spelling == 0 ? glossary.entries[Int(t.entry)].arabic : glossary.entries[Int(t.entry)].variants[Int(t.spelling) - 1]
    }

    private struct Candidate {
        let reading: CliticReading
        let lastReading: CliticReading?
        let count: Int
        /// The terminal's index in the trie.
        let terminal: Int32
        let entry: Int32
        let spelling: Int32
        /// The article was read off a term the glossary writes without it (العقوبات for عقوبات).
        let articleOutsideTerm: Bool
        var strippedLength: Int { reading.prefixLength + reading.suffixLength + (lastReading?.suffixLength ?? 0) }

        func better(than o: Candidate) -> Bool {
            if count != o.count { return count > o.count }
            if strippedLength != o.strippedLength { return strippedLength < o.strippedLength }
            if (spelling == 0) != (o.spelling == 0) { return spelling == 0 }
            return entry > o.entry  // later glossaries override earlier ones
        }
    }

    /// The longest match starting at token `i` (leftmost-longest; among equally long ones the one
    /// that strips the fewest clitics, then canonical spellings, then later entries), the number of
    /// tokens it covers and its terminal. Every word's lookups come from `work`'s cache.
    private func longestMatch(at i: Int, _ work: inout MatchScratch) -> (TermMatch, Int, Int32)? {
        let first = work.keyed.tokens[i]
        let tokenCount = work.keyed.tokens.count
        var best: Candidate?
        func consider(_ r: CliticReading, _ last: CliticReading?, _ count: Int, _ t: Int32, _ outside: Bool) {
            let term = trie.terminals[Int(t)]
            let c = Candidate(
                reading: r, lastReading: last, count: count, terminal: t, entry: term.entry, spelling: term.spelling,
                articleOutsideTerm: outside)
            if best == nil || c.better(than: best!) { best = c }
        }
        for s in work.info(ofToken: i).starts {
            let start = work.starts[Int(s)]
            let r = start.reading
            let outside = start.articleOutside
            var node = start.node
            if start.best >= 0 { consider(r, nil, 1, start.best, outside) }
            // A leaf: no edge to follow (the walk below would stop at its first lookups).
            if r.enclitic != nil || !start.hasChildren { continue }
            // Tokens are separated only by whitespace and invisible format characters (the
            // tokenizer makes every other character a token), so a term runs on to the next token.
            var j = i + 1
            while j < tokenCount {
                let info = work.info(ofToken: j)
                for e in info.ends {
                    let end = work.ends[Int(e)]
                    if let n = work.edge(node, end.id, trie), let t = trie.bestTerminal(n, termsOnly: outside) {
                        consider(r, end.reading, j - i + 1, t, outside)
                    }
                }
                guard let next = work.edge(node, info.fullID, trie) else { break }
                node = next
                if let t = trie.bestTerminal(node, termsOnly: outside) { consider(r, nil, j - i + 1, t, outside) }
                j += 1
            }
        }
        guard let c = best else { return nil }
        let text = work.keyed
        let last = text.tokens[i + c.count - 1]
        let r = c.reading
        let (startOffset, merged) = c.articleOutsideTerm ? (r.prefixLength, false) : Self.termStart(of: r)
        let termStart = text.sourceRange(ofKey: (first.keyRange.lowerBound + startOffset)..<(first.keyRange.lowerBound + startOffset))
            .lowerBound
        let suffix = c.count == 1 ? r.suffixLength : (c.lastReading?.suffixLength ?? 0)
        let termEnd =
            suffix == 0
            ? last.token.range.upperBound
            : text.sourceRange(ofKey: last.keyRange.lowerBound..<(last.keyRange.upperBound - suffix)).upperBound
        let m = TermMatch(
            range: first.token.range.lowerBound..<last.token.range.upperBound,
            termRange: termStart..<termEnd,
            entryIndex: Int(c.entry),
            spelling: spelling(trie.terminals[Int(c.terminal)]),
            kind: c.spelling == 0 ? .exact : .variant,
            proclitics: r.proclitics,
            hasArticle: r.hasArticle,
            articleMerged: merged,
            enclitic: c.count == 1 ? r.enclitic : c.lastReading?.enclitic,
            score: 1)
        return (m, c.count, c.terminal)
    }

    /// Where the term starts in a word's key, and whether its article is merged into a preceding ل
    /// (لل). The article belongs to the term (glossaries write الناتو); the proclitics do not.
    static func termStart(of r: CliticReading) -> (keyOffset: Int, articleMerged: Bool) {
        guard r.hasArticle else { return (r.prefixLength, false) }
        // The analyzer reads an article after ل only as لل, where the article's alef is not written.
        if r.preposition == .li { return (r.prefixLength - 1, true) }
        return (r.prefixLength - 2, false)
    }

    static func termStart(of a: CliticAnalysis) -> (keyOffset: Int, articleMerged: Bool) {
        guard a.hasArticle else { return (a.prefixLength, false) }
        if a.proclitics.last == .li { return (a.prefixLength - 1, true) }
        return (a.prefixLength - 2, false)
    }

    // MARK: - Fuzzy names

    /// The readings of a word (its key `slice`, its index `word` in `work`'s cache) that the fuzzy
    /// name search looks at, with their candidates and what the word and each name alone decide
    /// (the checks that do not depend on the context): computed once per word, then cached.
    private func fuzzyReadings(of slice: ArraySlice<Unicode.Scalar>, word: Int32, _ work: inout MatchScratch) -> Range<Int32> {
        work.fuzzyReadings(ofWord: word) { found in
            CliticReading.forEach(in: slice) { r in
                guard r.enclitic == nil else { return }
                let stemSlice = slice[(slice.startIndex + r.prefixLength)..<(slice.endIndex - r.suffixLength)]
                guard stemSlice.count >= 4, let g = fuzzyGroups[PhoneticKey.hash(keyScalars: stemSlice)] else { return }
                let stem = Array(stemSlice)
                let cands = fuzzyCandidates[Int(fuzzyGroupStarts[Int(g)])..<Int(fuzzyGroupStarts[Int(g) + 1])]
                let options = cands.compactMap { c -> MatchScratch.FuzzyOption? in
                    let name = Array(fuzzyStems[Int(c.stem.lowerBound)..<Int(c.stem.upperBound)])
                    if name == stem { return nil }  // same key as a spelling would have matched exactly
                    if r.hasArticle && !c.definite { return nil }
                    if abs(stem.count - name.count) > 2 { return nil }  // garbles swap letters, they do not rewrite
                    let kind = glossary.entries[Int(c.entry)].kind
                    // الفرنسي is "French", not a garbled فرنسا.
                    if kind == .place && Self.isNisba(stem, of: name) { return nil }
                    // One slip (a letter of the same class or one long vowel) from a name of four letters
                    // or more: how typists and machine translation garble names (روصيا, لاندن, الكونغروس).
                    let oneSlip = name.count >= 4 && NameDistance.isOneSlip(stem, of: name)
                    // Never nil without a limit; within a limit, the bounded distance is this one.
                    let d = NameDistance.distance(stem, name, limit: .infinity) ?? .infinity
                    // Every rule but one slip needs a similarity of at least the lowest threshold, and
                    // the similarity only drops with clitics: an option below it is never taken.
                    if !oneSlip && max(0, 1 - d / Double(max(stem.count, name.count))) < lowestFuzzyScore { return nil }
                    return MatchScratch.FuzzyOption(
                        entry: c.entry, spelling: c.spelling, word: c.word, kind: kind, stemHash: c.stemHash, stemCount: name.count,
                        oneSlip: oneSlip, distance: d)
                }
                if !options.isEmpty { found.append(MatchScratch.FuzzyReading(reading: r, stemCount: stem.count, options: options)) }
            }
        }
    }

    /// Adds to `work.sites` the words of the sentence in `work.keyed` that the fuzzy pass looks at:
    /// the Arabic words no exact match covered that are no glossary word and have a reading with
    /// candidates (`fuzzyReadings`, computed here and cached with the word).
    private func addFuzzySites(covered: [Bool], _ work: inout MatchScratch) {
        // The arrays held once for the sentence: a slice of `work.keyed.key` per word would retain
        // and release it each time (`work` is mutated in the loop).
        let tokens = work.keyed.tokens
        let key = work.keyed.key
        let keyOffsets = work.keyed.keyStart
        for k in covered.indices where !covered[k] {
            let t = tokens[k]
            guard t.token.kind == .arabicWord, work.info(ofToken: k).fullID < 0 else { continue }
            let info = work.tokenInfo[k]
            // Most words have no candidate, known from the cache without looking at the word.
            if work.cachedFuzzyReadings(ofWord: info)?.isEmpty == true { continue }
            if fuzzyReadings(of: key[t.keyRange], word: info, &work).isEmpty { continue }
            let keyStart = Int32(work.siteKeys.count)
            // Copied through pointers: appending the slices themselves retained and released
            // their arrays.
            key.withUnsafeBufferPointer { work.siteKeys.append(contentsOf: UnsafeBufferPointer(rebasing: $0[t.keyRange])) }
            keyOffsets.withUnsafeBufferPointer { work.siteKeyOffsets.append(contentsOf: UnsafeBufferPointer(rebasing: $0[t.keyRange])) }
            let previous = k > 0 ? tokens[k - 1] : nil
            work.sites.append(
                MatchScratch.FuzzySite(
                    token: t, index: Int32(k), info: info, generation: work.generation, keyStart: keyStart,
                    previousHash: previous?.hash ?? 0,
                    previousID: k > 0 ? work.info(ofToken: k - 1).fullID : -1,
                    previousStart: previous?.token.range.lowerBound ?? 0,
                    previousJoins: previous.map {
                        !covered[k - 1] && $0.token.kind == .arabicWord && t.token.range.lowerBound - $0.token.range.upperBound <= 2
                    } ?? false))
        }
    }

    /// The garbled name a fuzzy site (a word of sentence `source`) is taken for, if any, and whether
    /// the match takes in the first name before it.
    private func fuzzyMatch(
        _ site: MatchScratch.FuzzySite, in source: [Unicode.Scalar], presentNames: HashTable64, _ work: inout MatchScratch
    ) -> (TermMatch, Bool)? {
        let t = site.token
        let keyStart = Int(site.keyStart)
        var best: (score: Double, rank: Double, reading: CliticReading, cand: MatchScratch.FuzzyOption)?
        var afterTitle: Bool?
        var hasTanween: Bool?
        var unknownCache: Bool?
        // Whether the lexicon does not know the word (computed once, on demand).
        func unknownWord() -> Bool {
            if let c = unknownCache { return c }
            let r = options.lexicon.map { !$0.knows(String(scalars: source[t.token.range])) } ?? false
            unknownCache = r
            return r
        }
        // The word's readings were computed when the site was found; the word is looked up again
        // only when the cache has started over since.
        var info = site.info
        if site.generation != work.generation {
            info = work.word(work.siteKeys[keyStart..<(keyStart + t.keyRange.count)], isArabic: true, hash: t.hash, trie)
        }
        let siteKeys = work.siteKeys
        let readings = fuzzyReadings(of: siteKeys[keyStart..<(keyStart + t.keyRange.count)], word: info, &work)
        let hasPrevious = site.index > 0
        for k in readings {
            let fr = work.fuzzy[Int(k)]
            let r = fr.reading
            let stemCount = fr.stemCount
            let isAfterTitle = afterTitle ?? (hasPrevious && titleHashes[site.previousHash] != nil)
            afterTitle = isAfterTitle
            // Tanween (اً, ٌ, ٍ) marks an indefinite noun or adjective (أوروبيًا), not a place name.
            let tanween = hasTanween ?? source[t.token.range].contains { $0.value >= 0x064B && $0.value <= 0x064D }
            hasTanween = tanween
            // The trie node of the word before, for first-name evidence (جو فيدن).
            let previous: Int32? = hasPrevious && r.prefixLength == 0 ? edge(0, site.previousID) : nil
            for o in fr.options {
                let kind = o.kind
                if kind == .place && tanween { continue }
                let firstName = previous.flatMap { edge($0, o.word) } != nil
                let inScope = presentNames[o.stemHash] != nil
                let oneSlip = o.oneSlip
                // The least similarity any rule below could accept, as a distance limit (the
                // distance itself is cached with the word); no rule can apply: skip.
                var need = Double.infinity
                if inScope || firstName { need = options.inScopeScore }
                if kind == .person && isAfterTitle { need = min(need, options.afterTitleScore) }
                if stemCount >= 6 { need = min(need, kind == .person ? options.unknownPersonScore : options.unknownPlaceScore) }
                if need == .infinity && !oneSlip { continue }
                let penalty = 0.02 * Double(r.prefixLength)
                let longer = Double(max(stemCount, o.stemCount))
                let limit = oneSlip ? Double.infinity : (1 - need - penalty) * longer + 1e-9
                let d = o.distance
                guard d <= limit else { continue }
                let s = max(0, 1 - d / longer) - penalty
                let accepted: Bool
                if (inScope || firstName) && s >= options.inScopeScore {
                    accepted = true
                } else if oneSlip {
                    accepted = unknownWord()
                } else if kind == .person && isAfterTitle && s >= options.afterTitleScore {
                    accepted = unknownWord()
                } else if kind == .person && stemCount >= 6 && s >= options.unknownPersonScore {
                    accepted = unknownWord()
                } else if kind != .person && stemCount >= 6 && s >= options.unknownPlaceScore {
                    accepted = unknownWord()
                } else {
                    accepted = false
                }
                guard accepted else { continue }
                // Prefer the candidate the context supports best.
                let rank = s + (firstName ? 0.2 : 0) + (inScope ? 0.1 : 0)
                if best == nil || rank > best!.rank { best = (s, rank, r, o) }
            }
        }
        guard let b = best else { return nil }
        var entryIndex = Int(b.cand.entry)
        var spelling = self.spelling(Terminal(entry: b.cand.entry, spelling: b.cand.spelling))
        var withFirstName = false
        // A known first name before it: "جو فيدن" is the full-name entry "جو بايدن".
        if hasPrevious, b.reading.prefixLength == 0, site.previousJoins,
            let n2 = edge(0, site.previousID).flatMap({ edge($0, b.cand.word) }),
            let k = trie.bestTerminal(n2, termsOnly: false), case let term = trie.terminals[Int(k)],
            glossary.entries[Int(term.entry)].kind.isName
        {
            entryIndex = Int(term.entry)
            spelling = self.spelling(term)
            withFirstName = true
        }
        let r = b.reading
        let (startOffset, merged) = withFirstName ? (0, false) : Self.termStart(of: r)
        // The term starts inside the word's key (the stem has four letters or more after it).
        let termStart = withFirstName ? site.previousStart : work.siteKeyOffsets[keyStart + startOffset]
        let m = TermMatch(
            range: (withFirstName ? site.previousStart : t.token.range.lowerBound)..<t.token.range.upperBound,
            termRange: termStart..<t.token.range.upperBound,
            entryIndex: entryIndex,
            spelling: spelling,
            kind: .fuzzy,
            proclitics: withFirstName ? [] : r.proclitics,
            hasArticle: r.hasArticle,
            articleMerged: merged,
            enclitic: nil,
            score: (b.score * 100).rounded() / 100)
        return (m, withFirstName)
    }
}
