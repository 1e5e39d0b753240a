import ArabicText
import Glossary
import Synchronization

/// The draft pipeline: segment -> match terms (exact, variant, clitic, fuzzy) -> decide names ->
/// render. Each sentence comes back with its English draft side, its terms and its flags.
///
/// ```swift
/// let glossary = try Glossary.load(files: [])
/// let drafter = try Drafter(glossary: glossary)
/// for s in drafter.draft(document: "وقال بلينجن إن الناتو مستعد.", name: "-") {
///     print(s.draft)   // "and said Blinken إن NATO مستعد." -- terms rendered, the rest left Arabic
/// }
/// ```
public final class Drafter: Sendable {
    public struct Options: Sendable {
        /// Transliterate words the lexicon rejects (unknown names). Needs a lexicon.
        public var transliterateUnknownNames: Bool
        /// Fuzzy matches at or above this similarity are corrected in the corrected source; below it
        /// they are only flagged.
        public var correctionThreshold: Double

        public init(transliterateUnknownNames: Bool = true, correctionThreshold: Double = 0.75) {
            self.transliterateUnknownNames = transliterateUnknownNames
            self.correctionThreshold = correctionThreshold
        }
    }

    public let matcher: TermMatcher
    public let options: Options
    private let transliterator: NameTransliterator?
    private let segmenter = SentenceSegmenter()
    /// Per-word and per-entry caches, one per concurrent call.
    private let scratch = Mutex<[Scratch]>([])

    struct Scratch: Sendable {
        /// What each word no entry matched is for the unknown-name search: an index in `nameWords`,
        /// -1 when the word is not name-like (a hit copies an integer, not the word's strings).
        var names = ScalarWordCache(limit: Scratch.limit)
        var nameWords: [NameWord] = []
        static let limit = 50_000

        /// Empties the name caches together (`names` starts over by itself when full, which only
        /// leaves unused words in `nameWords`).
        mutating func startOver() {
            names = ScalarWordCache(limit: Scratch.limit)
            nameWords.removeAll(keepingCapacity: true)
        }
        /// `glossary.origins[i]` of the entries drafted so far.
        var origins: [Int: String] = [:]

        mutating func origin(of entry: Int, in glossary: Glossary) -> String {
            if let o = origins[entry] { return o }
            if origins.count >= 50_000 { origins.removeAll(keepingCapacity: true) }
            let o = glossary.origins[entry]
            origins[entry] = o
            return o
        }
    }

    public var glossary: Glossary { matcher.glossary }
    private var lexicon: Lexicon? { matcher.options.lexicon }

    public init(matcher: TermMatcher, transliterator: NameTransliterator?, options: Options = Options()) {
        self.matcher = matcher
        self.transliterator = transliterator
        self.options = options
    }

    /// A drafter over `glossary` with the system lexicon (when installed) and the shipped
    /// transliteration rules.
    public convenience init(glossary: Glossary, fuzzy: Bool = true, options: Options = Options()) throws(ArabicTextError) {
        let matcher = TermMatcher(glossary: glossary, options: .init(fuzzy: fuzzy, lexicon: Lexicon.system()))
        self.init(matcher: matcher, transliterator: try NameTransliterator(), options: options)
    }

    /// Drafts one document.
    /// - Parameter name: the document's name or id, carried into every sentence.
    public func draft(document text: String, name: String) -> [DraftSentence] {
        let sentences = segmenter.sentences(in: text)
        let scalars = sentences.map { ScalarBuffer.scalars(of: $0.text) }
        let matches = matcher.matches(inScopeScalars: scalars)
        var work = scratch.withLock { $0.popLast() } ?? Scratch()
        defer { scratch.withLock { [work] in $0.append(work) } }
        let unknown = unknownNames(scalars, matches, &work)
        return sentences.indices.map { k in
            render(sentences[k], scalars[k], matches[k], unknown[k], doc: name, &work)
        }
    }

    /// The Arabic text with every variant or garbled name replaced by the glossary's canonical
    /// spelling, clitics kept (وفيدن -> وبايدن), and every other character unchanged. Fuzzy matches
    /// below `correctionThreshold` are left alone.
    public func correctedSource(_ text: String) -> String {
        let sentences = segmenter.sentences(in: text)
        let matches = matcher.matches(inScopeScalars: sentences.map { Array($0.text.unicodeScalars) })
        var edits: [(Range<Int>, String)] = []
        for (s, ms) in zip(sentences, matches) {
            for m in ms where isCorrection(m) {
                guard let replacement = canonicalReplacement(m) else { continue }
                edits.append(((s.range.lowerBound + m.termRange.lowerBound)..<(s.range.lowerBound + m.termRange.upperBound), replacement))
            }
        }
        return Self.apply(edits, to: text)
    }

    /// Replaces the draft side of `sentences` with machine translations (one line per sentence, in
    /// order) and flags every glossary term whose English the translation lacks (`mt-missing-term`).
    /// The English must appear as a whole word or phrase, ignoring case; an English variant listed in
    /// the glossary also counts. Transliterated names are not checked.
    public func applyMachineTranslation(_ lines: [String], to sentences: inout [DraftSentence]) {
        for k in sentences.indices where k < lines.count {
            let mt = lines[k]
            sentences[k].draft = mt
            for t in sentences[k].terms where t.match != .transliterated {
                let accepted = [t.target] + (glossary.entries.first { $0.arabic == t.canonical && $0.english == t.target }?.englishVariants ?? [])
                if !accepted.contains(where: { Self.containsPhrase(mt, $0) }) {
                    sentences[k].flags.append(
                        DraftFlag(
                            kind: .mtMissingTerm, start: t.start, end: t.end,
                            message: "the machine translation lacks \"\(t.target)\" for \(t.source)"))
                }
            }
        }
    }

    /// Whether `phrase` occurs in `text` as whole words, ignoring case.
    static func containsPhrase(_ text: String, _ phrase: String) -> Bool {
        let t = Array(text.lowercased().unicodeScalars)
        let p = Array(phrase.lowercased().unicodeScalars)
        guard !p.isEmpty, p.count <= t.count else { return false }
        func isWordChar(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic || u.properties.numericType != nil }
        var i = 0
        while i + p.count <= t.count {
            if t[i..<(i + p.count)].elementsEqual(p) {
                let before = i == 0 || !isWordChar(t[i - 1])
                let after = i + p.count == t.count || !isWordChar(t[i + p.count]) || (t[i + p.count] == "s" && (i + p.count + 1 == t.count || !isWordChar(t[i + p.count + 1])))
                if before && after { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether a match replaces a name spelling with the canonical one.
    func isCorrection(_ m: TermMatch) -> Bool {
        let entry = glossary.entries[m.entryIndex]
        guard entry.kind.isName else { return false }
        switch m.kind {
        case .exact: return false
        case .variant: return true
        case .fuzzy: return m.score >= options.correctionThreshold
        }
    }

    /// The canonical spelling to put in place of `termRange`: without the article's alef after ل (لل).
    func canonicalReplacement(_ m: TermMatch) -> String? {
        let canonical = glossary.entries[m.entryIndex].arabic
        if m.articleMerged {
            guard canonical.unicodeScalars.first.map({ ["ا", "أ", "إ", "آ"].contains($0) }) == true else { return nil }
            return String(canonical.unicodeScalars.dropFirst())
        }
        return canonical
    }

    static func apply(_ edits: [(Range<Int>, String)], to text: String) -> String {
        if edits.isEmpty { return text }
        let u = Array(text.unicodeScalars)
        var out = ""
        var last = 0
        for (r, s) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where r.lowerBound >= last {
            out += String(scalars: u[last..<r.lowerBound])
            out += s
            last = r.upperBound
        }
        out += String(scalars: u[last...])
        return out
    }

    // MARK: - Unknown names

    struct UnknownName {
        let range: Range<Int>
        /// Where the name itself starts (after a proclitic that is split off).
        let nameStart: Int
        let proclitic: Proclitic?
    }

    /// Words no glossary entry covers and the lexicon rejects: taken as unknown names. A leading
    /// proclitic is split off when the bare word also occurs in the document (وتارنوفسكي next to
    /// تارنوفسكي), and a leading و when at least four letters follow that do not start with a long
    /// vowel (وديميتري -> and Dimitri; ويليام stays whole).
    func unknownNames(_ sentences: [[Unicode.Scalar]], _ matches: [[TermMatch]], _ work: inout Scratch) -> [[UnknownName]] {
        guard options.transliterateUnknownNames, transliterator != nil, let lexicon else { return sentences.map { _ in [] } }
        // Each name-like word as its range and its index in `work.nameWords`.
        var candidates: [[(Range<Int>, Int32)]] = []
        var bareKeys = Set<HashedKey>()
        for (u, ms) in zip(sentences, matches) {
            var list: [(Range<Int>, Int32)] = []
            var covered = MatchCoverage(ms)
            for t in Tokenizer.tokenize(scalars: u) where t.kind == .arabicWord {
                if covered.overlaps(t.range) { continue }
                if work.nameWords.count >= Scratch.limit { work.startOver() }
                var computed: NameWord?
                let next = Int32(work.nameWords.count)
                let w = work.names.value(for: u[t.range]) { word in
                    computed = Self.nameWord(String(scalars: word), lexicon)
                    return computed == nil ? -1 : next
                }
                if let computed { work.nameWords.append(computed) }
                guard w >= 0 else { continue }
                list.append((t.range, w))
                bareKeys.insert(work.nameWords[Int(w)].key)
            }
            candidates.append(list)
        }
        let nameWords = work.nameWords
        return candidates.map { list in
            list.map { (range, w) in
                let word = nameWords[Int(w)]
                if let p = word.proclitic, bareKeys.contains(word.rest) || (p == .wa && word.conjunctionBeforeName) {
                    return UnknownName(range: range, nameStart: range.lowerBound + word.procliticLength, proclitic: p)
                }
                return UnknownName(range: range, nameStart: range.lowerBound, proclitic: nil)
            }
        }
    }

    /// A name-like word (`Lexicon.isNameLike`) and what splitting a proclitic off it needs; the same
    /// for every occurrence of the word, so cached per word.
    struct NameWord: Sendable {
        /// The word's matching key.
        let key: HashedKey
        /// The proclitic the key may start with (keys of five letters or more; never س).
        let proclitic: Proclitic?
        /// The key without its first letter.
        let rest: HashedKey
        /// Where the name starts in the word (in scalars) when the proclitic is split off.
        let procliticLength: Int
        /// A و before at least four letters that do not start with a long vowel.
        let conjunctionBeforeName: Bool
    }

    static func nameWord(_ word: String, _ lexicon: Lexicon) -> NameWord? {
        guard lexicon.isNameLike(word) else { return nil }
        let key = Normalizer.key(word)
        let k = Array(key.unicodeScalars)
        let p = k.count >= 5 ? Proclitic.allCases.first(where: { $0 != .sa && $0.rawValue.unicodeScalars.first == k[0] }) : nil
        return NameWord(
            key: HashedKey(key), proclitic: p, rest: HashedKey(String(scalars: k.dropFirst())),
            procliticLength: p == nil ? 0 : MatchingKey(scalars: Array(word.unicodeScalars)).sourceRange(ofKey: 1..<1).lowerBound,
            conjunctionBeforeName: k[0] == "و" && k.count >= 5 && !["ا", "و", "ي"].contains(k[1]))
    }

    /// A matching key with its hash computed once, when its word is first seen: the document's set of
    /// bare keys then hashes eight bytes per occurrence, not the key's text.
    struct HashedKey: Hashable, Sendable {
        let text: String
        let hash: UInt64

        init(_ text: String) {
            self.text = text
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            hash = h
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: HashedKey, b: HashedKey) -> Bool { a.hash == b.hash && a.text == b.text }
    }

    // MARK: - Rendering

    func render(
        _ s: Sentence, _ u: [Unicode.Scalar], _ ms: [TermMatch], _ unknown: [UnknownName], doc: String, _ work: inout Scratch
    ) -> DraftSentence {
        struct Span {
            let range: Range<Int>
            let english: String
            let term: DraftTerm
            let flag: DraftFlag?
        }
        var spans: [Span] = []
        // Byte offsets of the sentence's scalars: pieces of it are copied as bytes.
        var buffer = ScalarBuffer()
        var source = s.text
        source.withUTF8 { buffer.load($0, 0..<$0.count) }
        let offsets = buffer.offsets
        let utf8 = s.text.utf8
        func piece(_ r: Range<Int>) -> Substring {
            s.text[utf8.index(utf8.startIndex, offsetBy: offsets[r.lowerBound])..<utf8.index(utf8.startIndex, offsetBy: offsets[r.upperBound])]
        }
        func text(_ r: Range<Int>) -> String { String(piece(r)) }
        for m in ms {
            let entry = glossary.entries[m.entryIndex]
            let match: DraftMatch =
                switch m.kind {
                case .exact: .exact
                case .variant: .variant
                case .fuzzy: .fuzzy
                }
            let term = DraftTerm(
                source: text(m.range), target: entry.english, canonical: entry.arabic, match: match, start: m.range.lowerBound,
                end: m.range.upperBound, entryKind: entry.kind, score: m.score, origin: work.origin(of: m.entryIndex, in: glossary), comment: entry.comment)
            var flag: DraftFlag?
            if m.kind == .variant && entry.kind.isName {
                flag = DraftFlag(
                    kind: .correctedName, start: m.range.lowerBound, end: m.range.upperBound,
                    message: "\(text(m.termRange)) is a variant spelling of \(entry.arabic) (\(entry.english))")
            } else if m.kind == .fuzzy {
                flag = DraftFlag(
                    kind: .suggestedName, start: m.range.lowerBound, end: m.range.upperBound,
                    message: "\(text(m.termRange)) looks like a garbled \(m.spelling) (\(entry.english)), similarity \(m.score)")
            }
            spans.append(Span(range: m.range, english: CliticRendering.render(entry.english, proclitics: m.proclitics, enclitic: m.enclitic), term: term, flag: flag))
        }
        if let transliterator {
            for n in unknown {
                let name = text(n.nameStart..<n.range.upperBound)
                let latin = transliterator.transliterate(word: name)
                let term = DraftTerm(
                    source: text(n.range), target: latin, canonical: name, match: .transliterated, start: n.range.lowerBound,
                    end: n.range.upperBound, entryKind: .person, score: 1, origin: "", comment: "")
                let flag = DraftFlag(
                    kind: .transliterated, start: n.range.lowerBound, end: n.range.upperBound,
                    message: "\(name) is in no glossary; transliterated as \(latin)")
                spans.append(Span(range: n.range, english: CliticRendering.render(latin, proclitics: n.proclitic.map { [$0] } ?? [], enclitic: nil), term: term, flag: flag))
            }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var draft = ""
        var last = 0
        for sp in spans where sp.range.lowerBound >= last {
            draft += piece(last..<sp.range.lowerBound)
            draft += sp.english
            last = sp.range.upperBound
        }
        draft += piece(last..<u.count)
        var flags = spans.compactMap(\.flag)
        for f in Bidi.audit(s.text) {
            switch f.kind {
            case .control:
                flags.append(DraftFlag(kind: .bidiControl, start: f.offset, end: f.offset + 1, message: "bidi control \(f.characterName) in the source"))
            case .unbalanced:
                flags.append(DraftFlag(kind: .bidiUnbalanced, start: f.offset, end: f.offset + 1, message: "unbalanced \(f.characterName)"))
            }
        }
        flags.sort { ($0.start, $0.kind.rawValue) < ($1.start, $1.kind.rawValue) }
        let corrections = ms.filter(isCorrection).compactMap { m in canonicalReplacement(m).map { (m.termRange, $0) } }
        return DraftSentence(
            doc: doc, para: s.paragraph, index: s.index, source: s.text, draft: draft, terms: spans.map(\.term), flags: flags,
            correctedSource: Self.apply(corrections, to: s.text))
    }
}
