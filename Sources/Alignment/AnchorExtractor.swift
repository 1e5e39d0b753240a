import ArabicText
import Dispatch
import Glossary
import Synchronization

/// Finds the anchors of a document pair: the features each segment carries that can be recognised on
/// the other side.
///
/// - numbers: `NumberKey` readings of every number token, on both sides;
/// - Latin: Latin-script tokens of the Arabic side, lower-cased, found as tokens on the English side;
/// - glossary: the terms `TermMatcher` finds in the Arabic segments (variants and clitics included);
///   the English side carries the term when its English or an English variant occurs there as whole
///   words, case-insensitively (a plural s allowed);
/// - names: Arabic words no glossary term covers whose `NameSkeleton` (3+ consonant classes) is that
///   of a capitalised English word of the document; with a lexicon, only words it does not know;
/// - dictionary: Arabic words with a translation among the English side's content words.
///
/// Only features present on both sides of the document are kept.
///
/// ```swift
/// let x = AnchorExtractor(matcher: nil, dictionary: nil, lexicon: nil, weights: AnchorWeights())
/// let f = x.features(arabic: ["زار ترامب لندن عام ٢٠١٩."], english: ["Trump visited London in 2019."])
/// f.counts[.number]   // 1
/// ```
/// - Complexity: O(total length), plus the glossary matcher's cost (it runs on chunks of segments,
///   in parallel, which also bounds its memory).
public struct AnchorExtractor: Sendable {
    public let matcher: TermMatcher?
    public let dictionary: BilingualDictionary?
    public let lexicon: Lexicon?
    public let weights: AnchorWeights
    /// The English spellings of every glossary entry, by first compared token.
    private let glossaryEnglish: [String: [(tokens: [String], canonical: String)]]

    /// Segments given to the glossary matcher at a time.
    static let matcherChunk = 512

    public init(matcher: TermMatcher?, dictionary: BilingualDictionary?, lexicon: Lexicon?, weights: AnchorWeights) {
        self.matcher = matcher
        self.dictionary = dictionary
        self.lexicon = lexicon
        self.weights = weights
        var english: [String: [(tokens: [String], canonical: String)]] = [:]
        if let matcher, weights.glossary > 0 {
            for entry in matcher.glossary.entries {
                let canonical = entry.english.lowercased()
                if canonical.isEmpty { continue }
                var seen = Set<[String]>()
                for spelling in [entry.english] + entry.englishVariants where !spelling.isEmpty {
                    let tokens = Self.termTokens(spelling)
                    guard let head = tokens.first, seen.insert(tokens).inserted else { continue }
                    english[head, default: []].append((tokens, canonical))
                }
            }
        }
        glossaryEnglish = english
    }

    public func features(arabic: [String], english: [String]) -> AnchorFeatures {
        let wantNames = weights.name > 0
        let wantDictionary = weights.dictionary > 0 && (dictionary?.count ?? 0) > 0
        let wantGlossary = weights.glossary > 0 && matcher != nil && !(matcher?.glossary.entries.isEmpty ?? true)
        var strong = FeatureInterner()
        var arStrong: [[Int32]] = Array(repeating: [], count: arabic.count)
        var enStrong: [[Int32]] = Array(repeating: [], count: english.count)

        // Latin tokens of the Arabic side: the only English words that can be Latin anchors.
        var arabicLatin = Set<String>()
        if weights.latin > 0 {
            for s in arabic {
                let u = ScalarBuffer.scalars(of: s)
                for t in Tokenizer.tokenize(scalars: u) where t.kind == .latinWord {
                    if let w = Self.latinKey(u[t.range]) { arabicLatin.insert(w) }
                }
            }
        }

        // The English side.
        var skeletons: [UInt64: [Int32]] = [:]  // name skeleton -> name feature ids
        var vocabulary = FeatureInterner()  // dictionary: English content words
        var enContent: [[Int32]] = Array(repeating: [], count: english.count)
        var tokens = EnglishTokenAnchors()
        for (j, s) in english.enumerated() {
            let u = ScalarBuffer.scalars(of: s)
            var compared: [String] = []
            for t in Tokenizer.tokenize(scalars: u) {
                let slice = u[t.range]
                let entry: EnglishTokenAnchors.Entry
                switch t.kind {
                case .number:
                    entry = tokens.entry(of: slice, isNumber: true) {
                        var e = EnglishTokenAnchors.Entry()
                        let text = String(scalars: slice)
                        if weights.number > 0 {
                            for r in NumberKey.readings(of: text) { e.strong.append(strong.id("#" + r)) }
                        }
                        if wantGlossary { e.compared = text }
                        return e
                    }
                case .latinWord:
                    entry = tokens.entry(of: slice, isNumber: false) {
                        var e = EnglishTokenAnchors.Entry()
                        let key = Self.latinKey(slice)
                        if let w = key, arabicLatin.contains(w) { e.strong.append(strong.id("L" + w)) }
                        if wantGlossary { e.compared = key.map(Self.stem) ?? String(scalars: slice).lowercased() }
                        if wantNames, let first = slice.first, EnglishSentenceSegmenter.isUpper(first.value), slice.count >= 3 {
                            let word = String(scalars: slice)
                            let id = strong.id("N" + word.lowercased())
                            e.strong.append(id)
                            for code in NameSkeleton.englishCodes(word) where NameSkeleton.codeLength(code) >= 3 {
                                if !(skeletons[code]?.contains(id) ?? false) { skeletons[code, default: []].append(id) }
                            }
                        }
                        if wantDictionary {
                            for w in BilingualDictionary.contentWords(String(scalars: slice)) { e.content.append(vocabulary.id(w)) }
                        }
                        return e
                    }
                case .arabicWord, .punctuation:
                    continue
                }
                enStrong[j] += entry.strong
                if let c = entry.compared { compared.append(c) }
                enContent[j] += entry.content
            }
            // Glossary terms, as whole compared tokens.
            if wantGlossary {
                for p in compared.indices {
                    guard let candidates = glossaryEnglish[compared[p]] else { continue }
                    for c in candidates where p + c.tokens.count <= compared.count {
                        if c.tokens.indices.allSatisfy({ compared[p + $0] == c.tokens[$0] }) {
                            enStrong[j].append(strong.id("G" + c.canonical))
                        }
                    }
                }
            }
        }

        // The Arabic side, on chunks of segments in parallel (glossary matches, tokens, names and
        // dictionary words); the new strong features are interned afterwards in segment order, so
        // the ids are those a sequential pass gives.
        let chunks = stride(from: 0, to: arabic.count, by: Self.matcherChunk).map { $0..<min(arabic.count, $0 + Self.matcherChunk) }
        let results = Mutex<[[ArabicSegmentFeatures]]>(Array(repeating: [], count: chunks.count))
        let context = ArabicContext(
            wantGlossary: wantGlossary, wantNames: wantNames && !skeletons.isEmpty, wantDictionary: wantDictionary, skeletons: skeletons,
            vocabulary: vocabulary)
        let tables = Mutex<[ArabicWordAnchors]>([])  // one per worker at a time
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let scalars = chunks[c].map { ScalarBuffer.scalars(of: arabic[$0]) }
            let found = wantGlossary ? matcher?.matches(inScopeScalars: scalars) ?? [] : []
            var words = tables.withLock { $0.popLast() } ?? ArabicWordAnchors()
            let segments = scalars.indices.map { k in
                arabicSegment(scalars[k], matches: k < found.count ? found[k] : [], context, words: &words)
            }
            tables.withLock { $0.append(words) }
            results.withLock { $0[c] = segments }
        }
        var arDictionary: [[Int32]] = Array(repeating: [], count: arabic.count)
        for (c, segments) in results.withLock({ $0 }).enumerated() {
            for (k, f) in segments.enumerated() {
                let i = chunks[c].lowerBound + k
                for key in f.keys { arStrong[i].append(strong.id(key)) }
                arStrong[i] += f.names
                arDictionary[i] = f.dictionary
            }
        }

        // Keep the features present on both sides; weigh them.
        let strongKept = Self.shared(arStrong, enStrong, count: strong.count)
        var weight: [Double] = []
        var counts: [AnchorKind: Int] = [:]
        var remap = [Int32](repeating: -1, count: strong.count)
        for (old, segments) in strongKept {
            let key = strong.keys[Int(old)]
            let kind = Self.kind(of: key)
            var w = weights[kind] / Double(segments).squareRoot()
            if kind == .number && key.utf8.count == 2 { w /= 2 }
            remap[Int(old)] = Int32(weight.count)
            weight.append(w)
            counts[kind, default: 0] += 1
        }
        var dictionaryWeight: [Double] = []
        var dictionaryRemap = [Int32](repeating: -1, count: vocabulary.count)
        if wantDictionary {
            for (old, segments) in Self.shared(arDictionary, enContent, count: vocabulary.count) {
                dictionaryRemap[Int(old)] = Int32(dictionaryWeight.count)
                dictionaryWeight.append(weights.dictionary / Double(segments).squareRoot())
            }
            counts[.dictionary] = dictionaryWeight.count
        }
        func lists(_ l: [[Int32]], _ map: [Int32]) -> FeatureLists {
            FeatureLists(
                l.map { ids in
                    var kept = ids.compactMap { map[Int($0)] >= 0 ? map[Int($0)] : nil }
                    kept.sort()
                    return kept.indices.compactMap { k in k == 0 || kept[k] != kept[k - 1] ? kept[k] : nil }  // each id once
                })
        }
        return AnchorFeatures(
            arabic: lists(arStrong, remap), english: lists(enStrong, remap), weight: weight,
            dictionaryArabic: lists(arDictionary, dictionaryRemap), dictionaryEnglish: lists(enContent, dictionaryRemap),
            dictionaryWeight: dictionaryWeight, counts: counts)
    }

    /// What the Arabic side's pass reads besides the segment (fixed before it starts).
    private struct ArabicContext: Sendable {
        let wantGlossary: Bool
        let wantNames: Bool
        let wantDictionary: Bool
        let skeletons: [UInt64: [Int32]]
        let vocabulary: FeatureInterner
    }

    /// One Arabic segment's features: strong feature keys to intern (glossary terms, then numbers
    /// and Latin tokens in text order), name feature ids (of English names) and dictionary ids.
    private struct ArabicSegmentFeatures: Sendable {
        var keys: [String] = []
        var names: [Int32] = []
        var dictionary: [Int32] = []
    }

    private func arabicSegment(
        _ u: [Unicode.Scalar], matches: [TermMatch], _ context: ArabicContext, words: inout ArabicWordAnchors
    ) -> ArabicSegmentFeatures {
        var f = ArabicSegmentFeatures()
        var covered: [Range<Int>] = []
        for m in matches {
            let canonical = matcher?.glossary.entries[m.entryIndex].english.lowercased() ?? ""
            if canonical.isEmpty { continue }
            f.keys.append("G" + canonical)
            covered.append(m.range)
        }
        for t in Tokenizer.tokenize(scalars: u) {
            switch t.kind {
            case .number:
                if weights.number > 0 {
                    for r in NumberKey.readings(of: String(scalars: u[t.range])) { f.keys.append("#" + r) }
                }
            case .latinWord:
                if weights.latin > 0, let w = Self.latinKey(u[t.range]) { f.keys.append("L" + w) }
            case .arabicWord:
                let nameCandidate = context.wantNames && !covered.contains { $0.overlaps(t.range) }
                guard nameCandidate || context.wantDictionary else { break }
                words.withAnchors(
                    of: u[t.range], compute: { arabicWord($0, context) },
                    body: { names, dictionary in
                        if nameCandidate { f.names += names }
                        f.dictionary += dictionary
                    })
            case .punctuation:
                break
            }
        }
        return f
    }

    /// An Arabic word's name ids (English names with one of its skeletons, unless the lexicon
    /// knows the word) and dictionary ids (English words of the document among its translations).
    private func arabicWord(_ word: ArraySlice<Unicode.Scalar>, _ context: ArabicContext) -> (names: [Int32], dictionary: [Int32]) {
        let key = MatchingKey(scalars: Array(word)).scalars
        var names: [Int32] = []
        if context.wantNames {
            for code in NameSkeleton.arabicCodes(keyScalars: key) where NameSkeleton.codeLength(code) >= 3 {
                if let ids = context.skeletons[code] { names += ids }
            }
            if !names.isEmpty && (lexicon?.knows(String(scalars: word)) ?? false) { names = [] }
        }
        var ids: [Int32] = []
        if context.wantDictionary, let dictionary {
            for stem in LightStemmer.readings(key: key) {
                for w in dictionary.translations(ofKey: String(scalars: stem)) {
                    if let id = context.vocabulary.existingID(w) { ids.append(id) }
                }
            }
        }
        return (names, ids)
    }

    /// The ids present on both sides, in id order, each with the larger of its two segment counts.
    private static func shared(_ a: [[Int32]], _ e: [[Int32]], count: Int) -> [(Int32, Int)] {
        // Segments per id, each segment once: `last[id]` is the last segment (+ 1) that counted it.
        func segmentCounts(_ lists: [[Int32]]) -> [Int32] {
            var c = [Int32](repeating: 0, count: count)
            var last = [Int32](repeating: 0, count: count)
            for (s, l) in lists.enumerated() {
                for id in l where last[Int(id)] != Int32(s + 1) {
                    last[Int(id)] = Int32(s + 1)
                    c[Int(id)] += 1
                }
            }
            return c
        }
        let ca = segmentCounts(a)
        let ce = segmentCounts(e)
        var out: [(Int32, Int)] = []
        for id in 0..<count where ca[id] > 0 && ce[id] > 0 { out.append((Int32(id), Int(max(ca[id], ce[id])))) }
        return out
    }

    private static func kind(of feature: String) -> AnchorKind {
        switch feature.utf8.first {
        case UInt8(ascii: "#"): return .number
        case UInt8(ascii: "L"): return .latin
        case UInt8(ascii: "G"): return .glossary
        default: return .name
        }
    }

    /// A Latin token as compared across sides: lower-case, without a possessive 's; nil for a
    /// single letter.
    static func latinKey(_ slice: ArraySlice<Unicode.Scalar>) -> String? {
        var w = String(scalars: slice).lowercased()
        if w.hasSuffix("'s") || w.hasSuffix("\u{2019}s") { w = String(w.dropLast(2)) }
        return w.unicodeScalars.count >= 2 ? w : nil
    }

    /// An English word as glossary terms are compared: a plural s removed.
    static func stem(_ w: String) -> String {
        if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") { return String(w.dropLast()) }
        return w
    }

    /// The compared tokens of a glossary term's English spelling.
    static func termTokens(_ spelling: String) -> [String] {
        let u = Array(spelling.unicodeScalars)
        return Tokenizer.tokenize(scalars: u).compactMap { t -> String? in
            switch t.kind {
            case .number: return String(scalars: u[t.range])
            case .latinWord: return latinKey(u[t.range]).map(stem) ?? String(scalars: u[t.range]).lowercased()
            default: return nil
            }
        }
    }
}
