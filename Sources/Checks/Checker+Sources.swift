import ArabicText
import Glossary

extension Checker {
    /// Observes Arabic source documents (checks 1-4) into a scope. Each document is matched as its
    /// own scope (a garbled name is accepted on evidence from its own document, as `tarjim draft`
    /// does); spellings are compared across all of them when findings are drawn.
    /// - Parameter kept: what earlier pieces already list in full (their excerpts are not built
    ///   again; the scope is the same without it).
    /// - Complexity: O(n) in the text; the scope's size grows with the distinct names and words.
    public func collect(documents: [ArabicDocument], skipping kept: KeptPlaces? = nil) -> CheckScope {
        var scope = CheckScope(
            settings: settingsFingerprint, documents: Array(Set(documents.map(\.name))).sorted(), maxOccurrences: options.maxOccurrences)
        var tally = ObservationTally(limit: options.maxOccurrences, kept: kept?.snapshot ?? .init())
        let buffers = takeBuffers()
        tally.memo = buffers.memo
        tally.tokens = buffers.tokens
        tally.wordStarts = buffers.wordStarts
        defer { giveBack(CollectBuffers(memo: tally.memo, tokens: tally.tokens, wordStarts: tally.wordStarts)) }
        var local: [Finding] = []
        // One document's sentences and places, their buffers kept from one document to the next.
        var texts: [[Unicode.Scalar]] = []
        var spare: [[Unicode.Scalar]] = []
        var places: [SentencePlace] = []
        var lineBase = 0
        for doc in documents {
            var text = doc.text
            let scalars = text.withUTF8(Self.scalars(ofUTF8:))
            let contiguous = text
            let lines = Self.lineRanges(scalars)
            local += HiddenCharacterCheck.findings(
                file: doc.name, unit: doc.unit, linesBefore: doc.linesBefore, scalars: scalars, lines: lines)
            spare += texts
            texts.removeAll(keepingCapacity: true)
            places.removeAll(keepingCapacity: true)
            withSegmenter { segmenter in
                text.withUTF8 { b in
                    segmenter.forEachSentence(utf8: b) { s in
                        let k = s.paragraph - 1
                        guard k >= 0, k < lines.count else { return }
                        let line = lines[k]
                        let start = s.range.lowerBound - line.lowerBound
                        places.append(
                            SentencePlace(
                                file: doc.name, unit: doc.unit, line: s.paragraph + doc.linesBefore, lineScalars: scalars[line],
                                start: start, text: contiguous, startByte: s.bytes.lowerBound, lineKey: lineBase + k))
                        var sentence = spare.popLast() ?? []
                        sentence.removeAll(keepingCapacity: true)
                        sentence.append(contentsOf: scalars[s.range.clamped(to: line)])
                        texts.append(sentence)
                    }
                }
            }
            lineBase += lines.count
            // The matcher hands out each sentence's Arabic words, for the name-like words it left.
            var words: [Token]? = tally.tokens
            tally.tokens = []
            let matches = fuzzyMatcher.matches(inScopeScalars: texts, arabicWords: &words, starts: &tally.wordStarts)
            let found = words ?? []
            let starts = tally.wordStarts
            for k in texts.indices {
                observe(matches[k], in: texts[k], words: found[starts[k]..<starts[k + 1]], at: places[k], into: &tally)
            }
            tally.tokens = found
        }
        (scope.names, scope.unknownWords) = tally.records()
        scope.localFindings = CheckScope.group(local, limit: options.maxOccurrences)
        return scope
    }

    /// Counts the names matched in a sentence and the name-like words no entry matched.
    /// - Parameter words: the sentence's Arabic words (its tokens of kind `arabicWord`, in order).
    func observe(
        _ matches: [TermMatch], in sentence: [Unicode.Scalar], words: ArraySlice<Token>, at place: SentencePlace,
        into tally: inout ObservationTally
    ) {
        for m in matches {
            // The kind read in place (not a copy of the entry and its strings).
            guard glossary.entries[m.entryIndex].kind.isName else { continue }
            let span = m.termRange
            // ة written ه (or the reverse) matches through the key, but it is another spelling of the name.
            let here = sentence[span.clamped(to: sentence.indices)]
            if m.kind == .exact, here.contains(where: { $0 == "\u{0629}" || $0 == "\u{0647}" }),
                // Written as the spelling: not another spelling (compared without making strings).
                !here.elementsEqual(m.spelling.unicodeScalars),
                let written = Self.marbutaVariant(String(scalars: here), of: m.spelling)
            {
                let key = NameRecord.Key(entry: m.entryIndex, spelling: written, match: .variant, foundKey: "")
                tally.name(key, score: 1, fixable: false, span: span, at: place)
                continue
            }
            let foundKey = m.kind == .fuzzy ? Normalizer.key(String(scalars: sentence[span.clamped(to: sentence.indices)])) : ""
            let key = NameRecord.Key(entry: m.entryIndex, spelling: m.spelling, match: m.kind, foundKey: foundKey)
            tally.name(key, score: m.score, fixable: isFixable(m), span: span, at: place)
        }
        guard let lexicon else { return }
        var covered = MatchCoverage(matches)
        sentence.withUnsafeBufferPointer { u in
            for t in words {
                let word = UnsafeBufferPointer(rebasing: u[t.range])
                if covered.overlaps(t.range) || Lexicon.cannotBeNameLike(word) { continue }
                tally.word(word, span: t.range, at: place) { lexicon.isNameLike($0) ? Normalizer.key($0) : nil }
            }
        }
    }

    /// The scalars of valid UTF-8 (a String's storage): `Array(text.unicodeScalars)`, decoded
    /// through pointers into an array allocated once.
    static func scalars(ofUTF8 b: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        // Scalars are the bytes that are not continuations (10xxxxxx), counted eight at a time.
        var n = b.count
        var j = 0
        if let p = UnsafeRawPointer(b.baseAddress) {
            while j + 8 <= b.count {
                let x = p.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                n -= (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                j += 8
            }
        }
        while j < b.count {
            if b[j] & 0xC0 == 0x80 { n -= 1 }
            j += 1
        }
        return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, done in
            var i = 0
            var k = 0
            while i < b.count {
                let b0 = UInt32(b[i])
                let v: UInt32
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                    i += 4
                }
                // Valid UTF-8 decodes to valid scalars.
                out[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
                k += 1
            }
            done = k
        }
    }

    /// The lines of a document as ranges of its scalars, without their terminators, numbered as
    /// `Paragraph.split` numbers them (LF, CRLF, CR, NEL, LS and PS end a line; a final terminator
    /// does not start an empty last line).
    static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        scalars.withUnsafeBufferPointer { u in
            var out: [Range<Int>] = []
            var start = 0
            var i = 0
            while i < u.count {
                let v = u[i].value
                // Most scalars: above CR and none of NEL, LS, PS.
                if v > 0x0D && v != 0x85 && v & ~1 != 0x2028 {
                    i += 1
                    continue
                }
                if v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 {
                    out.append(start..<i)
                    if v == 0x0D && i + 1 < u.count && u[i + 1].value == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < u.count { out.append(start..<u.count) }
            return out
        }
    }

    /// The written form of a name when it differs from the glossary spelling only by teh marbuta
    /// and heh (جده for جدة): the matching key folds the two, but in a name it is a misspelling.
    /// Hamza seats and alef maqsura are not compared (unvowelled news text drops them freely).
    static func marbutaVariant(_ written: String, of spelling: String) -> String? {
        func letters(_ s: String) -> [Unicode.Scalar] {
            NameLikeness.clean(s.unicodeScalars).unicodeScalars.map { u -> Unicode.Scalar in
                switch u.value {
                case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"
                case 0x0649: return "\u{064A}"
                default: return u
                }
            }
        }
        let a = letters(written)
        let b = letters(spelling)
        guard a != b, a.count == b.count else { return nil }
        let fold = { (u: Unicode.Scalar) -> Unicode.Scalar in u == "\u{0629}" ? "\u{0647}" : u }
        guard a.map(fold) == b.map(fold) else { return nil }
        return NameLikeness.clean(written.unicodeScalars)
    }

    /// Whether the drafter's corrected source replaces this match (`Drafter.isCorrection` and
    /// `canonicalReplacement`): listed variants of names always, garbled names at or above the
    /// threshold, never a merged article (لل) when the canonical spelling has no alef to drop.
    func isFixable(_ m: TermMatch) -> Bool {
        guard glossary.entries[m.entryIndex].kind.isName else { return false }
        if m.articleMerged,
            !(glossary.entries[m.entryIndex].arabic.unicodeScalars.first.map { ["ا", "أ", "إ", "آ"].contains($0) } ?? false)
        {
            return false
        }
        switch m.kind {
        case .exact: return false
        case .variant: return true
        case .fuzzy: return m.score >= options.fixThreshold
        }
    }

    // MARK: - Findings 1-3

    /// One finding per name entity written in a listed non-canonical spelling: every spelling with
    /// its count, the canonical spelling, and the places of the other spellings (the places to fix).
    func variantSpellingFindings(_ names: [NameRecord], limit: Int) -> [Finding] {
        var byEntry: [Int: [NameRecord]] = [:]
        for n in names where n.match != .fuzzy { byEntry[n.entry, default: []].append(n) }
        var out: [Finding] = []
        for (entry, records) in byEntry where records.contains(where: { $0.match == .variant }) {
            let e = glossary.entries[entry]
            var counts: [String: Int] = [e.arabic: 0]
            for r in records { counts[r.spelling, default: 0] += r.count }
            let spellings = counts.map { SpellingCount(spelling: $0.key, count: $0.value, isExpected: $0.key == e.arabic) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.spelling < $1.spelling }
            let others = spellings.filter { !$0.isExpected }
            let canonicalCount = counts[e.arabic] ?? 0
            let list = others.map { "\($0.spelling) (\($0.count))" }.joined(separator: ", ")
            let message: String
            if others.count == 1 && canonicalCount == 0 {
                message = "\(e.english) is written \(list), not with the glossary spelling \(e.arabic)"
            } else {
                message =
                    "\(e.english) is written in \(others.count + (canonicalCount > 0 ? 1 : 0)) ways: \(list)"
                    + (canonicalCount > 0
                        ? " and the glossary spelling \(e.arabic) (\(canonicalCount))" : "; the glossary spelling is \(e.arabic)")
            }
            let misspelt = records.filter(\.keepsPlaces)
            out.append(
                Finding(
                    kind: .variantSpelling, severity: .warning, entity: e.english, expected: e.arabic, found: others[0].spelling,
                    occurrences: FirstOccurrences.merge(misspelt.map(\.occurrences), limit: limit),
                    totalOccurrences: misspelt.reduce(0) { $0 + $1.count }, message: message, spellings: spellings,
                    fixable: records.contains { $0.match == .variant && $0.fixable }))
        }
        return out
    }

    /// One finding per garbled spelling of a name (by matching key), with its suggestion.
    func garbledNameFindings(_ names: [NameRecord], limit: Int) -> [Finding] {
        var groups: [String: [NameRecord]] = [:]
        for n in names where n.match == .fuzzy && !n.occurrences.isEmpty { groups["\(n.entry)\t" + n.foundKey, default: []].append(n) }
        return groups.values.compactMap { g -> Finding? in
            // The spelling and the word as written at the first place of the group.
            guard let first = g.min(by: { $0.occurrences[0] < $1.occurrences[0] }) else { return nil }
            let e = glossary.entries[first.entry]
            let found = first.occurrences[0].found
            let score = g.map(\.score).max() ?? first.score
            let close = first.spelling == e.arabic ? "" : " (close to the listed spelling \(first.spelling))"
            return Finding(
                kind: .garbledName, severity: .error, entity: e.english, expected: e.arabic, found: found,
                occurrences: FirstOccurrences.merge(g.map(\.occurrences), limit: limit), totalOccurrences: g.reduce(0) { $0 + $1.count },
                message: "\(found) looks like a garbled \(e.arabic) (\(e.english))\(close), similarity \(Self.format(score))",
                fixable: g.contains(where: \.fixable))
        }
    }

    /// Names in no glossary written in two or more ways that share a phonetic key.
    func unknownNameFindings(_ words: [WordRecord], limit: Int) -> [Finding] {
        let bare = Set(words.map(\.key))
        struct Form {
            var key: String
            var written: String
            var count: Int
            /// The first place of the form, where `written` comes from.
            var first: Occurrence
            var records: [Int]
        }
        var clusters: [String: [String: Form]] = [:]
        for (i, w) in words.enumerated() {
            guard let first = w.occurrences.first else { continue }
            let (stripped, nameKey) = NameLikeness.namePart(ofKey: w.key, bare: bare)
            let p = PhoneticKey.of(key: nameKey)
            guard p.unicodeScalars.count >= 3 else { continue }
            if var f = clusters[p]?[nameKey] {
                f.count += w.count
                f.records.append(i)
                if first < f.first {
                    f.first = first
                    f.written = NameLikeness.writtenPart(of: first.found, fromKey: stripped)
                }
                clusters[p]?[nameKey] = f
            } else {
                let written = NameLikeness.writtenPart(of: first.found, fromKey: stripped)
                clusters[p, default: [:]][nameKey] = Form(key: nameKey, written: written, count: w.count, first: first, records: [i])
            }
        }
        var out: [Finding] = []
        for (_, forms) in clusters where forms.count >= 2 {
            // Greedy: the most frequent form (the first seen on a tie) and the forms that are spelling
            // variants of it, then again with what is left.
            var remaining = forms.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }
            while remaining.count >= 2 {
                let main = remaining.removeFirst()
                let variants = remaining.filter {
                    SpellingDistance.areVariants($0.key, main.key) && !Self.differsOnlyByEnding($0.key, main.key)
                }
                remaining.removeAll { f in variants.contains { $0.key == f.key } }
                guard !variants.isEmpty else { continue }
                let kept = [main] + variants
                let records = kept.flatMap(\.records).map { words[$0] }
                let english = transliterator?.transliterate(word: main.written) ?? ""
                let proposal = [
                    main.written, english, "proposed by tarjim check: check the English and the kind",
                    variants.map(\.written).joined(separator: ";"),
                    "person",
                ].joined(separator: "\t")
                let list = kept.map { "\($0.written) (\($0.count))" }.joined(separator: ", ")
                out.append(
                    Finding(
                        kind: .unknownNameVariants, severity: .warning, expected: main.written, found: variants[0].written,
                        occurrences: FirstOccurrences.merge(records.map(\.occurrences), limit: limit),
                        totalOccurrences: records.reduce(0) { $0 + $1.count },
                        message: "a name in no glossary is written in \(kept.count) ways: \(list)",
                        spellings: kept.map { SpellingCount(spelling: $0.written, count: $0.count, isExpected: $0.key == main.key) },
                        proposal: proposal))
            }
        }
        return out
    }

    /// Whether one key is the other plus a final vowel or a common ending.
    static func differsOnlyByEnding(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.unicodeScalars.count < b.unicodeScalars.count ? (a, b) : (b, a)
        guard long.hasPrefix(short) else { return false }
        return ["ي", "ه", "ا", "و", "يه", "يا", "يون", "يين", "ون", "ين", "ات"].contains(String(long.dropFirst(short.count)))
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }
}
