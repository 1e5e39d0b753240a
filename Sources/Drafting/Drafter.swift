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
    let transliterator: NameTransliterator?
    /// The glossary's origins, which every drafted term refers to.
    let origins: TermOrigin.Origins
    private let segmenter = SentenceSegmenter()
    /// Per-word and per-entry caches, one per concurrent call.
    private let scratch = Mutex<[Scratch]>([])

    public var glossary: Glossary { matcher.glossary }
    var lexicon: Lexicon? { matcher.options.lexicon }

    public init(matcher: TermMatcher, transliterator: NameTransliterator?, options: Options = Options()) {
        self.matcher = matcher
        self.origins = TermOrigin.Origins(matcher.glossary.origins)
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
        // The document's bytes are decoded once: each sentence's scalars go to the matcher, and
        // their byte offsets to rendering, which copies pieces of the sentence as bytes.
        var document = text
        let utf8 = text.utf8
        return document.withUTF8 { bytes in
            var sentences: [Sentence] = []
            var decoded: [ScalarBuffer] = []
            var buffer = ScalarBuffer()
            segmenter.forEachSentence(utf8: bytes) { span in
                buffer.load(bytes, span.bytes)
                decoded.append(buffer)
                let start = utf8.index(utf8.startIndex, offsetBy: span.bytes.lowerBound)
                let end = utf8.index(utf8.startIndex, offsetBy: span.bytes.upperBound)
                sentences.append(
                    Sentence(paragraph: span.paragraph, index: span.index, range: span.range, text: String(Substring(utf8[start..<end]))))
            }
            let scalars = decoded.map(\.scalars)
            var work = scratch.withLock { $0.popLast() } ?? Scratch()
            defer { scratch.withLock { [work] in $0.append(work) } }
            // The matcher hands out each sentence's Arabic words for the unknown-name search.
            var words: [Token]? = work.words
            work.words = []
            let matches = matcher.matches(inScopeScalars: scalars, arabicWords: &words, starts: &work.wordStarts)
            work.words = words ?? []
            let unknown = unknownNames(scalars, matches, &work)
            return sentences.indices.map { k in
                let text = SentenceBytes(text: sentences[k].text, document: bytes, offsets: decoded[k].offsets)
                let names = unknown.names[unknown.starts[k]..<unknown.starts[k + 1]]
                return render(sentences[k], text, matches[k], names, doc: name, &work)
            }
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
                let accepted =
                    [t.target] + (glossary.entries.first { $0.arabic == t.canonical && $0.english == t.target }?.englishVariants ?? [])
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
                let after =
                    i + p.count == t.count || !isWordChar(t[i + p.count])
                    || (t[i + p.count] == "s" && (i + p.count + 1 == t.count || !isWordChar(t[i + p.count + 1])))
                if before && after { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether a match replaces a name spelling with the canonical one.
    func isCorrection(_ m: TermMatch) -> Bool {
        // The kind read in place: a copy of the entry would retain each of its strings.
        guard matcher.glossary.entries[m.entryIndex].kind.isName else { return false }
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
}
