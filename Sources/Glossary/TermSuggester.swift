import ArabicText
import Foundation

/// Finds terms a corpus keeps using that no glossary entry covers yet, for glossary maintenance:
/// recurring name-like words and recurring multiword terms, ranked, with counts, contexts, grouped
/// spellings and, given a line-aligned English translation, a proposed English equivalent.
///
/// ```swift
/// let suggester = TermSuggester(glossary: try Glossary.load(files: []), lexicon: try Lexicon(hunspell: Lexicon.defaultHunspellPath))
/// let found = try suggester.suggestions(for: [.init(name: "a.txt", text: arabic, english: english)])
/// print(TermSuggestion.glossaryDocument(found).tsv)
/// ```
///
/// The stages:
/// 1. **Sentences and coverage.** Each document is split into sentences; `TermMatcher` (with fuzzy
///    name matching and the lexicon) marks every word a glossary entry already covers. A candidate
///    overlapping a match is skipped.
/// 2. **Name-like words.** Arabic words the lexicon rejects (in news, mostly foreign names) of at
///    least three letters. A leading proclitic (و ف ب ل ك, with لل read as ل + ال) is removed only
///    when the word without it also occurs in the corpus as a whole word, is name-like itself, and
///    occurs at least as often as the word with it or has at least four letters (وايد, Wayde, is
///    not و + ايد); the article stays (glossaries write الناتو).
/// 3. **Multiword terms.** Runs of 2–4 Arabic words inside one sentence with no punctuation, number
///    or Latin word between them, whose first and last words are not function words
///    (`functionWords`, `timeAndNumberWords`). A conjunction or preposition on the first word is removed as
///    for names (without the lexicon condition). A term whose words are all name-like is a `person`;
///    it does not run on across a name-like word that carries a conjunction (سبيث وجاستن: two names).
/// 4. **Counting.** By matching key (harakat, tatweel and alef/yeh/teh marbuta variants folded); the
///    most frequent spelling is shown.
/// 5. **Variants.** Candidates of the same length whose words have the same phonetic key
///    (`PhoneticKey`) and are close by `NameDistance` (see `closeSpellings`: at most about two
///    vowel letters or class swaps apart, and not two different words the lexicon knows) are one
///    suggestion: the most frequent spelling is the term, the others its variants, and their
///    counts add up. With an aligned translation, the English proposed for the most frequent
///    spelling must also be on the lines of the other. Then suggestions seen fewer than `minimumCount` times (all spellings together) are
///    dropped.
/// 6. **Ranking.** A C-value (Frantzi, Ananiadou and Mima 2000) with `log2(n) + 1` for an n-word
///    candidate, so single words count too: `(log2(n) + 1) · (f(a) − mean f(b))`, where b ranges
///    over the longer candidates that contain a (n-grams one word longer than `maximumWords` are
///    counted for this, not suggested). Frequency is the base; a term that occurs mostly inside one
///    longer term loses what the longer one explains (مرشح المحكمة العليا بريت inside ... بريت
///    كافانو), and a candidate with nothing left is dropped. Ties go to more documents, then to more
///    occurrences.
/// 7. **English** (documents with an aligned translation only; see `englishProposal`).
///
/// - Complexity: O(n) in the corpus size for the counting (at most four n-grams a word and one
///   lexicon lookup per distinct word), plus O(c · w) for the English proposals, c suggestions and w
///   capitalized English sequences on their lines.
public struct TermSuggester: Sendable {
    public struct Options: Sendable {
        /// Candidates seen fewer times are not suggested.
        public var minimumCount: Int
        /// The longest multiword term (2...4).
        public var maximumWords: Int
        /// How many suggestions to return at most (nil: all).
        public var limit: Int?
        /// The combined English score a proposal needs (0...1; see `englishProposal`).
        public var minimumEnglishScore: Double
        /// How many characters of context to keep on each side of an occurrence.
        public var contextWidth: Int
        /// Whether garbled spellings of glossary names (`TermMatcher`'s fuzzy matches) count as covered.
        public var fuzzy: Bool

        public init(
            minimumCount: Int = 2, maximumWords: Int = 4, limit: Int? = nil, minimumEnglishScore: Double = 0.7, contextWidth: Int = 60,
            fuzzy: Bool = true
        ) {
            self.minimumCount = minimumCount
            self.maximumWords = maximumWords
            self.limit = limit
            self.minimumEnglishScore = minimumEnglishScore
            self.contextWidth = contextWidth
            self.fuzzy = fuzzy
        }
    }

    /// One Arabic document, optionally with its English translation, line-aligned (line i of
    /// `english` translates line i of `text`).
    public struct Document: Sendable {
        public var name: String
        public var text: String
        public var english: String?
        /// The English file's name for messages.
        public var englishName: String?

        public init(name: String, text: String, english: String? = nil, englishName: String? = nil) {
            self.name = name
            self.text = text
            self.english = english
            self.englishName = englishName
        }
    }

    /// An English translation whose line count differs from its Arabic document's.
    public struct MisalignedTranslation: Error, Equatable, Sendable, CustomStringConvertible {
        public let arabicFile: String
        public let arabicLines: Int
        public let englishFile: String
        public let englishLines: Int

        public var description: String {
            "\(englishFile): error: suggest: \(englishLines) line\(englishLines == 1 ? "" : "s"), but the Arabic file "
                + "\(arabicFile) has \(arabicLines); line i of the English file must translate line i of the Arabic file"
        }
    }

    /// Arabic function words: prepositions, conjunctions, particles, pronouns, demonstratives,
    /// relative pronouns, auxiliaries and the commonest reporting verbs. A multiword term neither
    /// starts nor ends with one (compared by matching key, also after a leading و or ف).
    public static let functionWords: [String] = [
        // prepositions and prepositional adverbs
        "في", "من", "إلى", "على", "عن", "مع", "منذ", "حتى", "خلال", "بين", "عند", "لدى", "نحو", "حول", "ضد", "عبر",
        "دون", "بدون", "بعد", "قبل", "تحت", "فوق", "أمام", "وراء", "خلف", "حسب", "بحسب", "وفق", "وفقا", "ضمن", "إثر",
        "جراء", "رغم", "برغم", "بسبب", "إزاء", "تجاه", "لصالح", "مثل", "بشأن", "عقب",
        // conjunctions and particles
        "و", "أو", "أم", "ثم", "بل", "لكن", "لكنه", "لكنها", "إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم",
        "قد", "لقد", "لم", "لن", "لا", "ما", "ماذا", "لما", "إذا", "إذ", "كما", "كي", "لكي", "حيث", "حين", "عندما",
        "بينما", "أي", "أيضا", "فقط", "إلا", "أما", "لو", "هل", "ليس", "ليست", "سوف", "لأن", "كأن", "لذلك", "لذا",
        "كيف", "متى", "أين", "لماذا", "إنما", "مما", "عما", "فيما", "كلما", "ربما",
        // quantifiers
        "كل", "بعض", "جميع", "غير", "سوى", "عدة", "أحد", "إحدى", "أكثر", "أقل", "نفس", "ذات", "معظم", "أغلب",
        // pronouns, demonstratives, relatives
        "هو", "هي", "هم", "هما", "هن", "أنا", "نحن", "أنت", "أنتم", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك",
        "هنا", "هناك", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي",
        // prepositions with pronouns
        "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "فيه", "فيها", "فيهم",
        "إليه", "إليها", "إليهم", "عنه", "عنها", "عنهم", "معه", "معها", "معهم", "لديه", "لديها", "لديهم",
        // auxiliaries
        "كان", "كانت", "كانوا", "يكون", "تكون", "يكونوا", "تم", "يتم", "سيتم", "أصبح", "أصبحت", "ظل", "ظلت", "مازال", "لايزال",
        // reporting verbs
        "قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "ذكر", "ذكرت",
        "أعلن", "أعلنت", "يذكر", "صرح", "صرحت",
        // forms of address (a term does not end with one: صرح السيد)
        "السيد", "السيدة",
    ]

    /// Time and number words of news reports: a multiword term neither starts nor ends with one
    /// either, so "يوم السبت", "العام الماضي" and "مليون شخص" are not suggested (translators need no
    /// glossary for them).
    public static let timeAndNumberWords: [String] = [
        "يوم", "اليوم", "أمس", "غدا", "صباح", "مساء", "ليلة", "الليلة", "العام", "عام", "الأسبوع", "أسبوع", "الشهر", "شهر",
        "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الحالي", "الحالية", "مرة", "أخرى", "آخر", "وقت",
        "سابق", "لاحق", "الآن", "حاليا", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "العمر",
        "واحد", "اثنان", "اثنين", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة", "ثماني",
        "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "مئة", "مائة", "المائة", "المئة", "ألف", "آلاف", "مليون", "ملايين", "مليار",
    ]

    static let functionWordKeys: Set<String> = Set((functionWords + timeAndNumberWords).map { Normalizer.key($0) })

    /// Whether a word's matching key is a function or time word, also after a leading و or ف.
    static func isFunctionWord(_ key: String) -> Bool {
        if functionWordKeys.contains(key) { return true }
        let u = key.unicodeScalars
        if u.count > 2, let f = u.first, f == "و" || f == "ف" {
            return functionWordKeys.contains(String(u.dropFirst()))
        }
        return false
    }

    public let options: Options
    public let lexicon: Lexicon
    private let matcher: TermMatcher
    private let transliterator: NameTransliterator?

    /// - Parameters:
    ///   - glossary: the entries whose terms are covered already.
    ///   - lexicon: ordinary Arabic words; the words it rejects are name-like.
    ///   - transliterator: for comparing names with English words (nil: Dice only).
    public init(glossary: Glossary, lexicon: Lexicon, options: Options = Options(), transliterator: NameTransliterator? = nil) {
        self.options = options
        self.lexicon = lexicon
        self.matcher = TermMatcher(glossary: glossary, options: TermMatcher.Options(fuzzy: options.fuzzy, lexicon: lexicon))
        self.transliterator = transliterator
    }

    // MARK: - Corpus

    /// A sentence with its tokens, their keys and coverage.
    struct SentenceInfo {
        let document: Int
        /// 1-based line (paragraph) number in the document.
        let line: Int
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let keys: [MatchingKey]
        let keyStrings: [String]
        let covered: [Bool]
    }

    /// One occurrence of a candidate: its sentence and span (scalars of the sentence).
    struct Occurrence {
        let sentence: Int
        let range: Range<Int>
    }

    /// A candidate's counts while the corpus is read.
    struct Tally {
        let words: [String]
        /// All words are name-like.
        let nameLike: Bool
        /// Some word is name-like (transliteration is worth comparing).
        let hasNameLikeWord: Bool
        var count = 0
        var documents = Set<Int>()
        /// (document << 32) | line.
        var lines = Set<Int>()
        var surfaces: [String: Int] = [:]
        var surfaceOrder: [String] = []
        var occurrences: [Occurrence] = []
        /// Spellings of other candidates grouped into this one, most frequent first.
        var variants: [String] = []

        init(words: [String], nameLike: Bool, hasNameLikeWord: Bool) {
            self.words = words
            self.nameLike = nameLike
            self.hasNameLikeWord = hasNameLikeWord
        }

        mutating func add(surface: String, _ occurrence: Occurrence, document: Int, line: Int) {
            count += 1
            documents.insert(document)
            lines.insert(document << 32 | line)
            if surfaces[surface] == nil { surfaceOrder.append(surface) }
            surfaces[surface, default: 0] += 1
            // Contexts come from the first two sentences.
            if occurrences.count < 2 && occurrences.last?.sentence != occurrence.sentence { occurrences.append(occurrence) }
        }

        /// The most frequent spelling (the first seen among equals).
        var surface: String {
            var best = surfaceOrder[0]
            for s in surfaceOrder where surfaces[s, default: 0] > surfaces[best, default: 0] { best = s }
            return best
        }
    }

    /// A candidate with its C-value.
    struct Ranked {
        var tally: Tally
        var score: Double
    }

    // MARK: - Suggesting

    /// The suggestions for a corpus, best first.
    /// - Throws: `MisalignedTranslation` when an English text has another number of lines than its
    ///   Arabic document (lines are split as `Paragraph.split` does: LF, CRLF, CR, NEL, LS, PS).
    public func suggestions(for documents: [Document]) throws(MisalignedTranslation) -> [TermSuggestion] {
        for d in documents {
            guard let english = d.english else { continue }
            let a = Paragraph.split(d.text).count
            let e = Paragraph.split(english).count
            if a != e {
                throw MisalignedTranslation(arabicFile: d.name, arabicLines: a, englishFile: d.englishName ?? "<english>", englishLines: e)
            }
        }
        let sentences = readSentences(documents)
        let english = EnglishIndex(documents)
        let tallies = groupVariants(countCandidates(sentences), english: english).filter { $0.value.count >= max(1, options.minimumCount) }
        var ranked = rank(tallies)
        if let limit = options.limit { ranked = Array(ranked.prefix(max(0, limit))) }
        return ranked.map { r in
            let t = r.tally
            let contexts = t.occurrences.map { context(of: $0, in: sentences) }
            let variants = t.variants
            return TermSuggestion(
                arabic: t.surface, variants: variants, kind: t.nameLike ? .person : .term, wordCount: t.words.count, count: t.count,
                documentCount: t.documents.count, score: r.score, contexts: contexts,
                english: english.isEmpty ? nil : englishProposal(for: t, spellings: [t.surface] + variants, in: english))
        }
    }

    func readSentences(_ documents: [Document]) -> [SentenceInfo] {
        let segmenter = SentenceSegmenter()
        var out: [SentenceInfo] = []
        for (d, doc) in documents.enumerated() {
            let sentences = segmenter.sentences(in: doc.text)
            let scalars = sentences.map { Array($0.text.unicodeScalars) }
            let matches = matcher.matches(inScopeScalars: scalars)
            for (i, s) in sentences.enumerated() {
                let u = scalars[i]
                let tokens = Tokenizer.tokenize(scalars: u)
                let keys = tokens.map { MatchingKey(scalars: Array(u[$0.range])) }
                let covered = tokens.map { t in matches[i].contains { $0.range.overlaps(t.range) } }
                out.append(
                    SentenceInfo(
                        document: d, line: s.paragraph, scalars: u, tokens: tokens, keys: keys, keyStrings: keys.map(\.string),
                        covered: covered))
            }
        }
        return out
    }

    /// Whether a word as written is name-like: Arabic, at least three letters, rejected by the lexicon.
    func isNameLike(_ surface: String, key: String) -> Bool {
        key.unicodeScalars.count >= 3 && !Self.isFunctionWord(key) && !lexicon.knows(surface)
    }

    /// The corpus's words (by matching key) with their spellings, for the proclitic rule.
    final class CorpusWords {
        let suggester: TermSuggester
        var surfaces: [String: [String: Int]] = [:]
        var counts: [String: Int] = [:]
        private var nameLikeKeys: [String: Bool] = [:]

        init(_ sentences: [SentenceInfo], suggester: TermSuggester) {
            self.suggester = suggester
            for s in sentences {
                for (i, t) in s.tokens.enumerated() where t.kind == .arabicWord {
                    surfaces[s.keyStrings[i], default: [:]][TermSuggester.text(s.scalars[t.range]), default: 0] += 1
                }
            }
            counts = surfaces.mapValues { $0.values.reduce(0, +) }
        }

        /// Whether the commonest spelling of a corpus word is name-like.
        func isNameLike(key: String) -> Bool {
            if let known = nameLikeKeys[key] { return known }
            guard let top = surfaces[key]?.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
                return false
            }
            let answer = suggester.isNameLike(top.key, key: key)
            nameLikeKeys[key] = answer
            return answer
        }

        /// The word without a leading proclitic, when that form is a corpus word (name-like when
        /// `nameLike`) at least as frequent as the word itself, or, for a name, of at least four
        /// letters: its key, the scalar offset in the token where it starts, and whether the
        /// article's alef is merged into لل (so "ا" must be put back in front).
        func strip(_ key: MatchingKey, _ keyString: String, nameLike: Bool) -> (key: String, start: Int, mergedAlef: Bool) {
            let analyses = CliticAnalyzer.analyses(ofKey: key.scalars).filter { !$0.proclitics.isEmpty && $0.enclitic == nil }
            let ownCount = counts[keyString] ?? 0
            for a in analyses.reversed() {
                let form = a.stemWithArticle
                let letters = form.unicodeScalars.count
                guard letters >= 3, let formCount = counts[form] else { continue }
                if nameLike && !isNameLike(key: form) { continue }
                // ولاية is not و + لاية, وايد (Wayde) is not و + ايد; وجاستن is و + جاستن even when
                // "and Justin" is the commoner form.
                guard formCount >= ownCount || (nameLike && letters >= 4) else { continue }
                let (offset, merged) = TermMatcher.termStart(of: a)
                return (form, key.sourceRange(ofKey: offset..<offset).lowerBound, merged)
            }
            return (keyString, 0, false)
        }
    }

    /// Calls `body` for every candidate occurrence in the corpus: its words (matching keys, the
    /// first without a proclitic), whether all of them and whether any of them are name-like, its
    /// sentence, and a function that gives its spelling and its span in the sentence.
    func forEachCandidate(
        in sentences: [SentenceInfo], words corpus: CorpusWords,
        _ body: (
            _ words: [String], _ nameLike: (all: Bool, any: Bool), _ sentence: Int, _ where: () -> (surface: String, range: Range<Int>)
        ) -> Void
    ) {
        let maximumWords = min(4, max(2, options.maximumWords))
        for (n, s) in sentences.enumerated() {
            let tokens = s.tokens
            var nameLikeToken = [Bool?](repeating: nil, count: tokens.count)
            func tokenNameLike(_ i: Int) -> Bool {
                if let v = nameLikeToken[i] { return v }
                let v = isNameLike(Self.text(s.scalars[tokens[i].range]), key: s.keyStrings[i])
                nameLikeToken[i] = v
                return v
            }
            func usable(_ i: Int) -> Bool { tokens[i].kind == .arabicWord && !s.covered[i] && !s.keyStrings[i].isEmpty }
            for i in tokens.indices where usable(i) {
                // A name-like word.
                if tokenNameLike(i) {
                    let (key, start, merged) = corpus.strip(s.keys[i], s.keyStrings[i], nameLike: true)
                    body([key], (true, true), n) {
                        let r = (tokens[i].range.lowerBound + start)..<tokens[i].range.upperBound
                        return ((merged ? "ا" : "") + Self.text(s.scalars[r]), r)
                    }
                }
                // Multiword terms starting here (one word longer than suggested, for the C-value).
                let (firstKey, start, merged) = corpus.strip(s.keys[i], s.keyStrings[i], nameLike: false)
                if Self.isFunctionWord(firstKey) { continue }
                var words = [firstKey]
                var allNameLike = tokenNameLike(i)
                var anyNameLike = allNameLike
                var j = i + 1
                while j < tokens.count && j - i <= maximumWords && usable(j) {
                    // "X وY" with two names is a list, not one name.
                    if allNameLike && tokenNameLike(j) && corpus.strip(s.keys[j], s.keyStrings[j], nameLike: true).start > 0 { break }
                    words.append(s.keyStrings[j])
                    allNameLike = allNameLike && tokenNameLike(j)
                    anyNameLike = anyNameLike || tokenNameLike(j)
                    if !Self.isFunctionWord(s.keyStrings[j]) {
                        let last = j
                        body(words, (allNameLike, anyNameLike), n) {
                            var surface =
                                (merged ? "ا" : "")
                                + Self.text(s.scalars[(tokens[i].range.lowerBound + start)..<tokens[i].range.upperBound])
                            for k in (i + 1)...last { surface += " " + Self.text(s.scalars[tokens[k].range]) }
                            return (surface, (tokens[i].range.lowerBound + start)..<tokens[last].range.upperBound)
                        }
                    }
                    j += 1
                }
            }
        }
    }

    /// Counts the candidates. Two passes: the first only counts, the second keeps the details of
    /// single words, of multiword candidates seen at least twice (or `minimumCount` times, when
    /// that is 1) and of those with a name-like word (a rare misspelling المدراس المستقلة is a
    /// variant to group), so memory follows the recurring candidates, not every n-gram.
    func countCandidates(_ sentences: [SentenceInfo]) -> [[String]: Tally] {
        let corpus = CorpusWords(sentences, suggester: self)
        var counts: [[String]: Int] = [:]
        forEachCandidate(in: sentences, words: corpus) { words, _, _, _ in
            if words.count > 1 { counts[words, default: 0] += 1 }
        }
        let keep = min(2, max(1, options.minimumCount))
        var tallies: [[String]: Tally] = [:]
        forEachCandidate(in: sentences, words: corpus) { words, nameLike, n, place in
            if words.count > 1 && !nameLike.any && counts[words, default: 0] < keep { return }
            let (surface, range) = place()
            tallies[words, default: Tally(words: words, nameLike: nameLike.all, hasNameLikeWord: nameLike.any)].add(
                surface: surface, Occurrence(sentence: n, range: range), document: sentences[n].document, line: sentences[n].line)
        }
        return tallies
    }

    /// C-value ranking (see the type's documentation).
    func rank(_ tallies: [[String]: Tally]) -> [Ranked] {
        var containers: [[String]: [Int]] = [:]
        for (words, t) in tallies where words.count > 1 {
            var seen = Set<[String]>()
            for len in 1..<words.count {
                for start in 0...(words.count - len) {
                    let sub = Array(words[start..<(start + len)])
                    if tallies[sub] != nil && seen.insert(sub).inserted { containers[sub, default: []].append(t.count) }
                }
            }
        }
        var out: [Ranked] = []
        let maximumWords = min(4, max(2, options.maximumWords))
        for (words, t) in tallies where words.count <= maximumWords {
            var f = Double(t.count)
            if let c = containers[words], !c.isEmpty { f -= Double(c.reduce(0, +)) / Double(c.count) }
            let score = (log2(Double(words.count)) + 1) * f
            if score > 0 { out.append(Ranked(tally: t, score: score)) }
        }
        out.sort(by: Self.ranksBefore)
        return out
    }

    static func ranksBefore(_ a: Ranked, _ b: Ranked) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.tally.documents.count != b.tally.documents.count { return a.tally.documents.count > b.tally.documents.count }
        if a.tally.count != b.tally.count { return a.tally.count > b.tally.count }
        return a.tally.words.lexicographicallyPrecedes(b.tally.words)
    }

    /// Merges candidates whose words share phonetic keys and are close spellings into the most
    /// frequent of them.
    func groupVariants(_ tallies: [[String]: Tally], english: EnglishIndex) -> [[String]: Tally] {
        func phonetic(_ words: [String]) -> String {
            words.map { PhoneticKey.of(keyScalars: TermMatcher.stemOfName($0)) }.joined(separator: " ")
        }
        let ordered = tallies.values.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.words.lexicographicallyPrecedes($1.words)
        }
        var heads: [[String]: Tally] = [:]
        var headsByKey: [String: [[String]]] = [:]
        var headEnglish: [[String]: String?] = [:]
        /// With an aligned translation: the English proposed for the head's own spelling must be on
        /// the variant's lines too (كريستين and كريستيانو are Christine and Cristiano).
        func sameEnglish(_ head: Tally, _ variant: Tally) -> Bool {
            if english.isEmpty { return true }
            let lines = variant.lines.filter { english.alignedDocuments.contains($0 >> 32) }
            if lines.isEmpty { return true }
            if headEnglish[head.words] == nil {
                headEnglish[head.words] = .some(englishProposal(for: head, spellings: [head.surface], in: english)?.term)
            }
            guard let h = headEnglish[head.words] ?? nil else { return true }
            return lines.contains { english.candidatesByLine[$0]?.contains(h) ?? false }
        }
        var originals: [[String]: Tally] = [:]
        for t in ordered {
            let key = phonetic(t.words)
            if let h = headsByKey[key]?.first(where: { h in
                guard let head = originals[h] else { return false }
                return closeSpellings(head, t) && sameEnglish(head, t)
            }) {
                heads[h]?.absorb(t)
            } else {
                headsByKey[key, default: []].append(t.words)
                heads[t.words] = t
                originals[t.words] = t
            }
        }
        return heads
    }

    /// Whether two candidates are spellings of one term, word by word: the same, the same but for
    /// the article, or close by `NameDistance` (stems of at least four letters, distance at most
    /// 0.6 and similarity at least 0.8: two vowel letters or class swaps) when not both are words
    /// the lexicon knows (جنوب and الجنوبي are two words; المدارس and the typo المدراس are one).
    func closeSpellings(_ a: Tally, _ b: Tally) -> Bool {
        guard a.words.count == b.words.count else { return false }
        // Split at space scalars, as the surfaces were joined: as a Character, a space and a
        // combining mark after it are no space, and the surfaces would not line up with the words.
        let aSurfaces = a.surface.unicodeScalars.split(separator: " ").map { String(scalars: $0) }
        let bSurfaces = b.surface.unicodeScalars.split(separator: " ").map { String(scalars: $0) }
        for (i, (x, y)) in zip(a.words, b.words).enumerated() {
            let sx = TermMatcher.stemOfName(x)
            let sy = TermMatcher.stemOfName(y)
            if sx == sy { continue }
            if sx.count < 4 || sy.count < 4 { return false }
            if NameDistance.distance(sx, sy) > 0.6 || NameDistance.similarity(sx, sy) < 0.8 { return false }
            if i < aSurfaces.count && i < bSurfaces.count && lexicon.knows(aSurfaces[i]) && lexicon.knows(bSurfaces[i]) { return false }
        }
        return true
    }

    // MARK: - Contexts

    /// The sentence around an occurrence, cut to `contextWidth` characters on each side (at a space
    /// when there is one), with "…" where it was cut and control characters turned into spaces.
    func context(of o: Occurrence, in sentences: [SentenceInfo]) -> String {
        let u = sentences[o.sentence].scalars
        let width = max(0, options.contextWidth)
        var start = max(0, o.range.lowerBound - width)
        var end = min(u.count, o.range.upperBound + width)
        if start > 0, let space = u[start..<o.range.lowerBound].firstIndex(where: { ArabicScalar.isWhitespace($0.value) }) {
            start = space + 1
        }
        if end < u.count, let space = u[o.range.upperBound..<end].lastIndex(where: { ArabicScalar.isWhitespace($0.value) }) {
            end = space
        }
        var v = String.UnicodeScalarView()
        if start > 0 { v.append("…") }
        for s in u[start..<end] {
            let x = s.value
            if x < 0x20 || (x >= 0x7F && x < 0xA0) || x == 0x2028 || x == 0x2029 {
                v.append(" ")
            } else if !ArabicScalar.isInvisibleFormat(x) {
                v.append(s)
            }
        }
        if end < u.count { v.append("…") }
        return String(v)
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        return String(v)
    }
}

extension TermSuggester.Tally {
    /// Adds another spelling's counts (a variant grouped into this one).
    mutating func absorb(_ other: TermSuggester.Tally) {
        count += other.count
        documents.formUnion(other.documents)
        lines.formUnion(other.lines)
        variants.append(other.surface)
        variants += other.variants
    }
}

// MARK: - English proposals

extension TermSuggester {
    /// Capitalized English words that only start sentences or name nothing; an English candidate
    /// neither starts nor ends with one (compared lowercased).
    public static let englishStopWords: Set<String> = [
        "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "of", "for", "to", "by", "with",
        "from", "but", "and", "or", "as", "if", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "my", "your", "there", "here", "when", "while", "after", "before", "mr", "mrs", "ms", "dr", "no", "not", "so",
        "what", "who", "which", "how", "why", "where", "one", "all", "some", "many", "more", "most", "also", "then",
        "however", "meanwhile", "yes", "is", "was", "are", "were", "be", "has", "have", "had", "do", "does", "did",
    ]

    /// The capitalized English words and sequences of each aligned line.
    struct EnglishIndex {
        /// For each candidate, the lines ((document << 32) | line) that hold it.
        var lines: [String: Set<Int>] = [:]
        var candidatesByLine: [Int: [String]] = [:]
        var alignedDocuments = Set<Int>()
        var isEmpty: Bool { alignedDocuments.isEmpty }

        init(_ documents: [Document]) {
            for (d, doc) in documents.enumerated() {
                guard let english = doc.english else { continue }
                alignedDocuments.insert(d)
                for p in Paragraph.split(english) {
                    let id = d << 32 | p.number
                    let found = Self.candidates(in: p.text)
                    if found.isEmpty { continue }
                    candidatesByLine[id] = found
                    for c in found { lines[c, default: []].insert(id) }
                }
            }
        }

        /// Lowercase words that may stand inside a capitalized run: "Game of Thrones", "Charles de Gaulle".
        static let connectors: Set<String> = ["of", "de", "du", "da", "di", "la", "le", "van", "von", "der", "den", "al", "el", "bin"]

        /// Capitalized words and runs of 1–3 capitalized words (only spaces between them, and
        /// lowercase `connectors` inside), not starting or ending with a stop word, without a
        /// possessive 's; each once, in line order.
        static func candidates(in line: Substring) -> [String] {
            var runs: [[String]] = []
            var run: [String] = []
            func closeRun() {
                while let last = run.last, !isCapitalized(last) { run.removeLast() }
                if !run.isEmpty { runs.append(run) }
                run = []
            }
            var word = String.UnicodeScalarView()
            func endWord(continuesRun: Bool) {
                if !word.isEmpty {
                    var w = String(word)
                    for suffix in ["'s", "\u{2019}s"] where w.hasSuffix(suffix) && w.count > suffix.count + 1 {
                        w.removeLast(suffix.count)
                    }
                    if isCapitalized(w) {
                        run.append(w)
                    } else if connectors.contains(w), let last = run.last, isCapitalized(last) {
                        run.append(w)
                    } else {
                        closeRun()
                    }
                    word = String.UnicodeScalarView()
                }
                if !continuesRun { closeRun() }
            }
            let u = Array(line.unicodeScalars)
            for (i, s) in u.enumerated() {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    word.append(s)
                } else if (s == "'" || s == "\u{2019}" || s == "-" || s == ".") && !word.isEmpty && i + 1 < u.count
                    && u[i + 1].properties.isAlphabetic
                {
                    word.append(s)
                } else {
                    endWord(continuesRun: s == " ")
                }
            }
            endWord(continuesRun: false)
            var out: [String] = []
            var seen = Set<String>()
            for r in runs {
                for first in r.indices where isCapitalized(r[first]) && !englishStopWords.contains(r[first].lowercased()) {
                    var capitals = 0
                    for last in first..<r.count where isCapitalized(r[last]) {
                        capitals += 1
                        if capitals > 3 { break }
                        if englishStopWords.contains(r[last].lowercased()) { continue }
                        let c = r[first...last].joined(separator: " ")
                        if seen.insert(c).inserted { out.append(c) }
                    }
                }
            }
            return out
        }

        static func isCapitalized(_ w: String) -> Bool {
            w.unicodeScalars.first?.properties.isUppercase ?? false
        }
    }

    /// The best English equivalent of a candidate, by co-occurrence on aligned lines.
    ///
    /// For every English candidate E (capitalized word or run of up to three) on the lines that hold
    /// the Arabic term (set A), Dice = 2·|A ∩ E| / (|A| + |E|) over aligned lines. The consonant
    /// skeletons of the Arabic spellings' transliterations (`NameTransliterator`, article removed;
    /// only for terms with a name-like word) and of E are compared (1 − edit distance / longer length); a similarity s ≥ 0.5 boosts the score
    /// to Dice + (1 − Dice) · s / 2, otherwise the score is Dice. A proposal needs a score of at
    /// least `minimumEnglishScore` (0.7 by default) and two shared lines (one when the term is on one
    /// line only), or four when the transliteration similarity is below 0.5 (on NTREX, two or
    /// three shared lines without it were mostly another name of the same article). Among the candidates within 0.1 of the best score, the one whose word count is
    /// nearest the Arabic term's wins, then the higher score, then the closer transliteration.
    func englishProposal(for t: Tally, spellings: [String], in index: EnglishIndex) -> TermSuggestion.EnglishProposal? {
        let a = t.lines.filter { index.alignedDocuments.contains($0 >> 32) }
        guard !a.isEmpty else { return nil }
        var shared: [String: Int] = [:]
        for l in a {
            for c in index.candidatesByLine[l] ?? [] { shared[c, default: 0] += 1 }
        }
        let needed = min(2, a.count)
        // Transliteration says nothing about a term of ordinary words.
        let arabicSkeletons = t.hasNameLikeWord ? spellings.map { Self.skeleton(transliterate($0)) }.filter { $0.count >= 2 } : []
        var scored: [(proposal: TermSuggestion.EnglishProposal, lengthGap: Int)] = []
        for (c, k) in shared where k >= needed {
            let e = index.lines[c]?.count ?? k
            let dice = 2 * Double(k) / Double(a.count + e)
            let sk = Self.skeleton(c)
            let sim = sk.count >= 2 ? (arabicSkeletons.map { Self.similarity($0, sk) }.max() ?? 0) : 0
            // Without a transliteration that supports it, a few shared lines are chance: the
            // capitalized words of one article share its lines.
            if sim < 0.5 && k < Self.minimumSharedLinesWithoutTransliteration { continue }
            let score = sim >= 0.5 ? dice + (1 - dice) * sim / 2 : dice
            let gap = abs(c.split(separator: " ").filter { EnglishIndex.isCapitalized(String($0)) }.count - t.words.count)
            scored.append(
                (TermSuggestion.EnglishProposal(term: c, score: score, dice: dice, transliterationSimilarity: sim, sharedLines: k), gap))
        }
        guard let top = scored.map(\.proposal.score).max(), top >= options.minimumEnglishScore else { return nil }
        // Near the top, the word count closest to the Arabic wins ("Prime Minister" over "Prime"
        // for a two-word term, "Rosa" over "Hurricane Rosa" for one word).
        let near = scored.filter { $0.proposal.score >= max(options.minimumEnglishScore, top - Self.nearTopMargin) }
        return near.min { x, y in
            if x.lengthGap != y.lengthGap { return x.lengthGap < y.lengthGap }
            if x.proposal.score != y.proposal.score { return x.proposal.score > y.proposal.score }
            if x.proposal.transliterationSimilarity != y.proposal.transliterationSimilarity {
                return x.proposal.transliterationSimilarity > y.proposal.transliterationSimilarity
            }
            return x.proposal.term < y.proposal.term
        }?.proposal
    }

    /// How many aligned lines an English candidate must share with the Arabic term when its
    /// transliteration does not support it (similarity below 0.5).
    static let minimumSharedLinesWithoutTransliteration = 4

    /// How far below the best English score a candidate with a better word count may be.
    static let nearTopMargin = 0.1

    /// The romanization of an Arabic spelling, words without the article, for skeleton comparison.
    func transliterate(_ spelling: String) -> String {
        guard let transliterator else { return "" }
        return spelling.split(separator: " ").map { w -> String in
            let stem = TermMatcher.stemOfName(Normalizer.key(String(w)))
            return transliterator.transliterate(word: String(scalars: stem))
        }.joined()
    }

    /// A lowercased consonant skeleton: vowels, y, w and h dropped, letters readers and
    /// transliterations confuse folded (c q g j k -> k, p b -> b, v f -> f, z s -> s, d t -> t,
    /// x -> ks), repeats written once. "Macron" and "Makrun" both give "mkrn".
    static func skeleton(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for ch in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
            let mapped: [UInt8]
            switch ch {
            case "c", "q", "g", "j", "k": mapped = [UInt8(ascii: "k")]
            case "p", "b": mapped = [UInt8(ascii: "b")]
            case "v", "f": mapped = [UInt8(ascii: "f")]
            case "z", "s": mapped = [UInt8(ascii: "s")]
            case "d", "t": mapped = [UInt8(ascii: "t")]
            case "x": mapped = [UInt8(ascii: "k"), UInt8(ascii: "s")]
            case "l", "m", "n", "r": mapped = [UInt8(ch.value)]
            default: mapped = []
            }
            for m in mapped where out.last != m { out.append(m) }
        }
        return out
    }

    /// 1 − Levenshtein distance / longer length.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let n = max(a.count, b.count)
        if n == 0 { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1)
            }
            swap(&prev, &cur)
        }
        return 1 - Double(prev[b.count]) / Double(n)
    }
}
