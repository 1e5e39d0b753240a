import ArabicText
import Drafting
import Glossary
import Synchronization

/// Name and term consistency checks over Arabic sources and Arabic/English pairs, as one scope.
///
/// Checking is two stages: `collect` observes documents and pairs (names written, unknown
/// name-like words, English renderings, per-place findings) into a `CheckScope`; `resolve` draws
/// the findings from a scope. Scopes of shards merge (`CheckScope.merge`), so a corpus checked in
/// pieces gives the report the whole corpus gives (`Checker.merge`).
///
/// ```swift
/// let checker = Checker(glossary: try Glossary.load(files: []), lexicon: Lexicon.system())
/// let report = checker.check(documents: [ArabicDocument(name: "a.txt", text: "قال بلينجن ...")])
/// for f in report.findings { print(f.kind.rawValue, f.message) }
/// ```
/// - Complexity: linear in the text.
public final class Checker: Sendable {
    public struct Options: Sendable {
        /// Look for garbled names (fuzzy matches).
        public var fuzzy: Bool
        /// Garbled names at or above this similarity are fixable (`--fix`); the drafter's
        /// correction threshold, so `check --fix` and `draft --corrected-source` agree.
        public var fixThreshold: Double
        /// How close an English spelling must be to the glossary's to count as a variant of it
        /// rather than another word (1 - Levenshtein distance / length).
        public var englishNameSimilarity: Double
        /// How many places a finding lists, and a scope keeps per name, word or finding: the first
        /// in file order (0: all). Counts are always exact; the report says how many were left out.
        public var maxOccurrences: Int

        public init(
            fuzzy: Bool = true, fixThreshold: Double = Drafter.Options().correctionThreshold, englishNameSimilarity: Double = 0.8,
            maxOccurrences: Int = 50
        ) {
            self.fuzzy = fuzzy
            self.fixThreshold = fixThreshold
            self.englishNameSimilarity = englishNameSimilarity
            self.maxOccurrences = maxOccurrences
        }
    }

    public let glossary: Glossary
    public let options: Options
    let lexicon: Lexicon?
    let transliterator: NameTransliterator?
    /// Glossary matches without garbled names, for pairs: compiled on first use (checking Arabic
    /// sources alone never needs it), the fuzzy matcher itself when fuzzy matching is off.
    var exactMatcher: TermMatcher {
        exactMatcherSlot.withLock { slot in
            if let slot { return slot }
            let m = options.fuzzy ? TermMatcher(glossary: glossary, options: .init(fuzzy: false, lexicon: lexicon)) : fuzzyMatcher
            slot = m
            return m
        }
    }
    private let exactMatcherSlot = Mutex<TermMatcher?>(nil)
    let fuzzyMatcher: TermMatcher
    /// Sentence segmenters not in use: each `collect` takes its own (one ICU iterator each), so
    /// threads observing documents at once do not wait for one another.
    private let segmenters = Mutex<[SentenceSegmenter]>([])

    func withSegmenter<R>(_ body: (SentenceSegmenter) -> R) -> R {
        let s = segmenters.withLock { $0.popLast() } ?? SentenceSegmenter()
        defer { segmenters.withLock { $0.append(s) } }
        return body(s)
    }

    /// What a `collect` keeps for the next one on its thread, taken and given back: the memo of
    /// name-like answers and the buffer the matcher hands the words out in. That buffer is a few
    /// hundred KB for a piece, which glibc maps afresh for each new array over 128 KB (see the CLI's
    /// `keepLargeBuffersOutOfTheHeap`): growing a new one for each piece faulted its pages in again.
    struct CollectBuffers {
        var memo = NameLikeMemo()
        var tokens: [Token] = []
        var wordStarts: [Int] = []
    }
    private let buffers = Mutex<[CollectBuffers]>([])

    func takeBuffers() -> CollectBuffers { buffers.withLock { $0.popLast() } ?? CollectBuffers() }
    func giveBack(_ b: CollectBuffers) { buffers.withLock { $0.append(b) } }
    /// Lowercased English terms of every entry (an English word that is another entry's name is
    /// never taken for a misspelling): made on first use, as only pairs need them.
    var englishTerms: Set<String> {
        englishTermsSlot.withLock { slot in
            if let slot { return slot }
            var english = Set<String>()
            for e in glossary.entries {
                for t in [e.english] + e.englishVariants { english.insert(EnglishText.fold(t)) }
            }
            slot = english
            return english
        }
    }
    private let englishTermsSlot = Mutex<Set<String>?>(nil)
    /// What the checks depend on besides the text (glossary, lexicon, options), as a hash.
    public let settingsFingerprint: String

    /// - Parameters:
    ///   - lexicon: ordinary Arabic words (Hunspell); without one, garbled names need evidence in the
    ///     scope and unknown names are not looked for.
    ///   - transliterator: for proposing English spellings of unknown names and finding their
    ///     renderings in English; without one those are skipped.
    public convenience init(glossary: Glossary, lexicon: Lexicon?, transliterator: NameTransliterator? = nil, options: Options = Options())
    {
        self.init(
            matcher: TermMatcher(glossary: glossary, options: .init(fuzzy: options.fuzzy, lexicon: lexicon)),
            transliterator: transliterator,
            options: options)
    }

    /// A checker over a matcher already compiled (its glossary, its lexicon and whether it finds
    /// garbled names, which overrides `options.fuzzy`): `tarjim check` compiles the glossary while
    /// the lexicon loads (`TermMatcher.with(lexicon:)`).
    public init(matcher: TermMatcher, transliterator: NameTransliterator? = nil, options: Options = Options()) {
        var options = options
        options.fuzzy = matcher.options.fuzzy
        self.glossary = matcher.glossary
        self.options = options
        self.lexicon = matcher.options.lexicon
        self.transliterator = transliterator
        fuzzyMatcher = matcher
        var h = Fingerprint()
        h.add("tarjim-check-\(CheckScope.version)")
        for e in glossary.entries {
            h.add(e.arabic)
            h.add(e.english)
            h.add(e.variants.joined(separator: ";"))
            h.add(e.kind.rawValue)
            h.add(e.englishVariants.joined(separator: ";"))
        }
        h.add("lexicon=\(lexicon != nil) transliterator=\(transliterator != nil) fuzzy=\(options.fuzzy)")
        h.add("fix=\(options.fixThreshold) english=\(options.englishNameSimilarity)")
        settingsFingerprint = h.hex
    }

    /// Checks documents and pairs together as one scope.
    public func check(documents: [ArabicDocument] = [], pairs: [SentencePair] = [], pairFiles: [String] = []) -> CheckReport {
        var scope = collect(documents: documents)
        scope.merge(collect(pairs: pairs, files: pairFiles))
        return resolve(scope)
    }

    /// Merges the scopes of several reports (shards of one corpus) and draws the findings.
    /// - Throws: `CheckError.incompatibleScope` when a scope was made with other settings
    ///   (glossary, lexicon or options); `CheckError.countsTooLarge` when the counts of the scopes
    ///   add up past `Int.max` (they come from files: no corpus has that many places).
    public func merge(_ scopes: [(file: String, scope: CheckScope)]) throws(CheckError) -> CheckReport {
        var all = CheckScope(settings: settingsFingerprint, maxOccurrences: options.maxOccurrences)
        // While the magnitudes of all counts add up to at most Int.max, no sum merging makes overflows.
        var total: UInt = 0
        for (file, s) in scopes {
            guard s.settings == settingsFingerprint else {
                throw .incompatibleScope(file: file, expected: settingsFingerprint, found: s.settings)
            }
            // Records index the glossary: one past its end would stop the findings with a trap.
            if let k = s.names.firstIndex(where: { !glossary.entries.indices.contains($0.entry) }) {
                throw .invalidScope(
                    file: file,
                    message:
                        "$.scope.names[\(k)].entry is \(s.names[k].entry), not an entry of the glossary (0 to \(glossary.entries.count - 1))"
                )
            }
            let (sum, overflow) = total.addingReportingOverflow(s.countMagnitude)
            guard !overflow, sum <= UInt(Int.max) else { throw .countsTooLarge(file: file) }
            total = sum
            all.merge(s)
        }
        return resolve(all)
    }

    /// The Arabic text with variant and garbled names replaced by the glossary's canonical spelling,
    /// clitics kept, every other character unchanged: the drafter's corrected source, so the
    /// replacements are exactly the findings marked fixable.
    public func fixedSource(_ text: String) -> String {
        let drafter = Drafter(
            matcher: fuzzyMatcher, transliterator: nil,
            options: .init(transliterateUnknownNames: false, correctionThreshold: options.fixThreshold))
        return drafter.correctedSource(text)
    }

    // MARK: - Drawing findings

    /// Draws the findings from a scope: groups the sightings and adds the per-place findings.
    public func resolve(_ scope: CheckScope) -> CheckReport {
        var findings = scope.localFindings
        findings += variantSpellingFindings(scope.names, limit: scope.maxOccurrences)
        findings += garbledNameFindings(scope.names, limit: scope.maxOccurrences)
        findings += unknownNameFindings(scope.unknownWords, limit: scope.maxOccurrences)
        // Drawn from every pair: only the listing is cut.
        findings += (englishNameFindings(scope.englishNames) + translationFindings(scope.translations)).map {
            $0.listing(atMost: scope.maxOccurrences)
        }
        findings.sort(by: Finding.canonicalOrder)
        return CheckReport(findings: findings, scope: scope)
    }
}

/// Where a sentence stands in its document, for turning sentence offsets into locations.
struct SentencePlace {
    let file: String
    let unit: String?
    let line: Int
    /// The line (a slice of the document's scalars, without its terminator).
    let lineScalars: ArraySlice<Unicode.Scalar>
    /// The sentence's start in the line, in scalars.
    let start: Int
    /// The document's text and the sentence's start in its UTF-8, when known: excerpts are then
    /// copied from it (valid UTF-8, not checked again) rather than encoded from the scalars.
    var text: String? = nil
    var startByte = 0
    /// The line's number among all the lines observed together (-1: none), for `LineText`.
    var lineKey = -1

    /// A whole line quoted as an excerpt, kept for the next occurrences in the same line (they
    /// share its text rather than copy it again).
    struct LineText {
        var lineKey: Int
        var text: String
    }

    func occurrence(_ span: Range<Int>) -> Occurrence {
        var none: LineText? = nil
        return occurrence(span, found: nil, lineText: &none)
    }

    /// The occurrence at `span`; `found` is the text there (the line's scalars), made when nil.
    /// - Parameter lineText: the last line quoted whole; the line when it is quoted whole now.
    func occurrence(_ span: Range<Int>, found: String?, lineText: inout LineText?) -> Occurrence {
        let r = (start + span.lowerBound)..<(start + span.upperBound)
        let w = Excerpt.window(lineScalars, span: r)
        let base = lineScalars.startIndex
        let inLine = r.clamped(to: 0..<lineScalars.count)
        let whole = lineKey >= 0 && !w.cutBefore && !w.cutAfter
        if whole, let lineText, lineText.lineKey == lineKey {
            let found = found ?? String(scalars: lineScalars[(base + inLine.lowerBound)..<(base + inLine.upperBound)])
            return Occurrence(
                file: file, line: line, column: r.lowerBound + 1, unit: unit, found: found, context: lineText.text, span: w.span)
        }
        let o = occurrence(r, window: w, found: found)
        if whole { lineText = LineText(lineKey: lineKey, text: o.context) }
        return o
    }

    /// The occurrence at `r` (in the line) with its excerpt's window `w`.
    private func occurrence(_ r: Range<Int>, window w: Excerpt.Window, found: String?) -> Occurrence {
        let base = lineScalars.startIndex
        let inLine = r.clamped(to: 0..<lineScalars.count)
        guard let text, start >= 0, start <= lineScalars.count else {
            let e = Excerpt.make(lineScalars, span: r)
            let found = found ?? String(scalars: lineScalars[(base + inLine.lowerBound)..<(base + inLine.upperBound)])
            return Occurrence(file: file, line: line, column: r.lowerBound + 1, unit: unit, found: found, context: e.text, span: e.span)
        }
        // Byte offsets of the window and of the found text, from the sentence's start (the window
        // holds the found text).
        let from = startByte + bytes(start, w.range.lowerBound)
        let foundFrom = from + bytes(w.range.lowerBound, inLine.lowerBound)
        let foundTo = foundFrom + bytes(inLine.lowerBound, inLine.upperBound)
        let to = foundTo + bytes(inLine.upperBound, w.range.upperBound)
        let utf8 = text.utf8
        func piece(_ a: Int, _ b: Int) -> Substring {
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: a)..<utf8.index(utf8.startIndex, offsetBy: b)])
        }
        var context = w.cutBefore ? "…" : ""
        if context.isEmpty && !w.cutAfter {
            context = String(piece(from, to))
        } else {
            context.reserveCapacity(to - from + 6)
            context += piece(from, to)
            if w.cutAfter { context += "…" }
        }
        return Occurrence(
            file: file, line: line, column: r.lowerBound + 1, unit: unit, found: found ?? String(piece(foundFrom, foundTo)),
            context: context, span: w.span)
    }

    /// The UTF-8 length of the line's scalars from `a` to `b`, negative when `b` comes first.
    private func bytes(_ a: Int, _ b: Int) -> Int {
        let n = lineScalars.withUnsafeBufferPointer { u in
            var n = 0
            for i in min(a, b)..<max(a, b) {
                let v = u[i].value
                n += 1 + (v >= 0x80 ? 1 : 0) + (v >= 0x800 ? 1 : 0) + (v >= 0x1_0000 ? 1 : 0)
            }
            return n
        }
        return b < a ? -n : n
    }

    /// Whether the occurrence at `span` would not be kept in `list` (see `FirstOccurrences.wouldDrop`).
    func wouldDrop(_ span: Range<Int>, from list: [Occurrence], limit: Int) -> Bool {
        FirstOccurrences.wouldDrop(file: file, line: line, column: start + span.lowerBound + 1, unit: unit, from: list, limit: limit)
    }

    /// Whether the occurrence at `span` comes after `bound` (see `KeptPlaces`).
    func isAfter(_ span: Range<Int>, _ bound: Occurrence?) -> Bool {
        guard let bound else { return false }
        return FirstOccurrences.isAfter(file: file, line: line, column: start + span.lowerBound + 1, unit: unit, bound)
    }
}

/// FNV-1a, 64 bits: a stable fingerprint of the settings (Swift's `Hasher` is seeded per process).
struct Fingerprint {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        h ^= 0x1F
        h = h &* 0x100_0000_01b3
    }

    var hex: String {
        let s = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - s.count) + s
    }
}
