import ArabicText
import Glossary

extension Checker {
    /// Observes Arabic/English pairs (checks 5-9) into a scope. Bilingual checks use exact and
    /// listed-variant glossary matches only (no garbled names), so each pair is decided alone.
    /// - Parameter files: the pairs files the pairs came from (for the summary).
    public func collect(pairs: [SentencePair], files: [String]) -> CheckScope {
        var scope = CheckScope(
            settings: settingsFingerprint, pairFiles: Array(Set(files)).sorted(), pairCount: pairs.count,
            maxOccurrences: options.maxOccurrences)
        let arabic = pairs.map { Array($0.arabic.unicodeScalars) }
        let matches = pairs.isEmpty ? [] : exactMatcher.matches(inScopeScalars: arabic)
        var local: [Finding] = []
        for (k, pair) in pairs.enumerated() {
            let en = Array(pair.english.unicodeScalars)
            let words = EnglishText.words(en)
            let untranslated = UntranslatedCheck.findings(pair)
            local += untranslated
            // A side left in Arabic is reported as such; its terms and numbers are not checked again.
            if !untranslated.isEmpty { continue }
            keyTerms(pair, arabic[k], matches[k], en, words, local: &local, names: &scope.englishNames)
            unknownNameRenderings(pair, arabic[k], matches[k], en, words, names: &scope.englishNames)
            local += NumberCheck.findings(pair, arabic[k], en)
        }
        scope.translations = pairs.filter { !$0.arabic.isEmpty || !$0.english.isEmpty }.sorted(by: SentencePair.fileOrder)
        scope.localFindings = CheckScope.group(local, limit: options.maxOccurrences)
        scope.englishNames.sort { $0.occurrence < $1.occurrence }
        return scope
    }

    /// Checks 5 and 6 for one pair: each glossary term's English must be in the English side; for
    /// names, the English spelling used is recorded (the glossary's, or a close misspelling of it).
    func keyTerms(
        _ pair: SentencePair, _ ar: [Unicode.Scalar], _ matches: [TermMatch], _ en: [Unicode.Scalar], _ words: [EnglishText.Word],
        local: inout [Finding], names: inout [EnglishNameSighting]
    ) {
        for m in matches {
            let e = glossary.entries[m.entryIndex]
            let accepted = [e.english] + e.englishVariants
            let forms = EnglishText.acceptedForms(
                english: e.english, variants: e.englishVariants, isPerson: e.kind == .person, isName: e.kind.isName)
            if let r = forms.lazy.compactMap({ EnglishText.find($0, in: en, words: words) }).first {
                if e.kind.isName {
                    var o = pair.occurrence(.english, span: r)
                    o.found = EnglishText.withoutPossessive(o.found)
                    names.append(EnglishNameSighting(entity: "g\(m.entryIndex)", arabic: e.arabic, accepted: forms, occurrence: o))
                }
                continue
            }
            if e.kind.isName, let near = nearSpelling(of: forms, in: en, words) {
                var o = pair.occurrence(.english, span: near)
                o.found = EnglishText.withoutPossessive(o.found)
                names.append(EnglishNameSighting(entity: "g\(m.entryIndex)", arabic: e.arabic, accepted: forms, occurrence: o))
                continue
            }
            // A place rendered as an adjective (German for ألمانيا) is translated, not a spelling to compare.
            if e.kind == .place && forms.contains(where: { EnglishText.find($0, in: en, words: words, adjectives: true) != nil }) {
                continue
            }
            var o = pair.occurrence(.arabic, span: m.termRange)
            o.found = String(scalars: ar[m.termRange])
            let wanted = accepted.count == 1 ? "\"\(e.english)\"" : "any of " + accepted.map { "\"\($0)\"" }.joined(separator: ", ")
            local.append(
                Finding(
                    kind: .missingTerm, severity: .warning, entity: e.english, expected: e.english, found: o.found, occurrences: [o],
                    message: "the English side lacks \(wanted) for \(e.arabic)"))
        }
    }

    /// The capitalised English words closest to one of `forms` (at least `englishNameSimilarity`,
    /// five letters or more, and not the English term of any glossary entry).
    func nearSpelling(of forms: [String], in en: [Unicode.Scalar], _ words: [EnglishText.Word]) -> Range<Int>? {
        let terms = englishTerms
        var best: (Double, Range<Int>)?
        for form in forms {
            let n = EnglishText.termWords(form).count
            guard n > 0, n <= words.count, form.unicodeScalars.count >= 5 else { continue }
            for i in 0...(words.count - n) {
                let window = words[i..<(i + n)]
                guard window.allSatisfy(\.isCapitalized) else { continue }
                if n > 1 && !zip(window.dropLast(), window.dropFirst()).allSatisfy({ EnglishText.adjacent($0, $1, en) }) { continue }
                let text = window.map { EnglishText.withoutPossessive($0.text) }.joined(separator: " ")
                let a = EnglishText.fold(text)
                let b = EnglishText.fold(form)
                // Another entry's English, or a longer or shorter word (German for Germany, Spence for Pence), is not a misspelling.
                if terms.contains(a) || a.contains(b) || b.contains(a) { continue }
                let s = EnglishText.similarity(a, b)
                if s >= options.englishNameSimilarity && s < 1 && s > (best?.0 ?? 0) {
                    best = (s, words[i].range.lowerBound..<words[i + n - 1].range.upperBound)
                }
            }
        }
        return best?.1
    }

    /// For names in no glossary: the capitalised English word that renders each name-like Arabic
    /// word, found by comparing consonant skeletons with its transliteration.
    func unknownNameRenderings(
        _ pair: SentencePair, _ ar: [Unicode.Scalar], _ matches: [TermMatch], _ en: [Unicode.Scalar], _ words: [EnglishText.Word],
        names: inout [EnglishNameSighting]
    ) {
        guard let lexicon, let transliterator else { return }
        let terms = englishTerms
        let candidates = words.filter {
            $0.isCapitalized && $0.text.unicodeScalars.count >= 4 && !$0.text.contains("-") && !terms.contains($0.lower)
        }
        guard !candidates.isEmpty else { return }
        for t in Tokenizer.tokenize(scalars: ar) where t.kind == .arabicWord {
            if matches.contains(where: { $0.range.overlaps(t.range) }) { continue }
            let word = String(scalars: ar[t.range])
            guard lexicon.isNameLike(word) else { continue }
            let key = Normalizer.key(word)
            let (stripped, nameKey) = NameLikeness.localNamePart(ofKey: key)
            let written = NameLikeness.writtenPart(of: word, fromKey: stripped)
            let guess = EnglishText.skeleton(transliterator.transliterate(word: written))
            guard guess.unicodeScalars.count >= 3 else { continue }
            var best: (Double, EnglishText.Word)?
            for w in candidates {
                let s = EnglishText.similarity(EnglishText.skeleton(EnglishText.withoutPossessive(w.text)), guess)
                if s >= 0.75 && s > (best?.0 ?? 0) { best = (s, w) }
            }
            guard let (_, w) = best else { continue }
            var o = pair.occurrence(.english, span: w.range)
            o.found = EnglishText.withoutPossessive(o.found)
            names.append(EnglishNameSighting(entity: "u" + nameKey, arabic: written, accepted: [], occurrence: o))
        }
    }

    // MARK: - Findings 6 and 9

    /// One finding per name rendered in English in a way the glossary does not list, or (for names
    /// in no glossary) in more than one way.
    func englishNameFindings(_ sightings: [EnglishNameSighting]) -> [Finding] {
        var groups: [String: [EnglishNameSighting]] = [:]
        for s in sightings { groups[s.entity, default: []].append(s) }
        var out: [Finding] = []
        for (entity, g) in groups {
            var counts: [String: (written: String, count: Int)] = [:]
            for s in g {
                let k = EnglishText.spellingKey(s.occurrence.found)
                counts[k, default: (s.occurrence.found, 0)].count += 1
            }
            if entity.hasPrefix("g"), let first = g.first, let index = Int(entity.dropFirst()), glossary.entries.indices.contains(index) {
                let e = glossary.entries[index]
                let isAccepted = { (written: String) in EnglishText.isAccepted(written, first.accepted) }
                let others = counts.filter { !isAccepted($0.value.written) }
                guard !others.isEmpty else { continue }
                let spellings = counts.map {
                    SpellingCount(spelling: $0.value.written, count: $0.value.count, isExpected: isAccepted($0.value.written))
                }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.spelling < $1.spelling }
                let unexpected = spellings.filter { !$0.isExpected }
                let used = spellings.filter(\.isExpected).map { "\($0.spelling) (\($0.count))" }
                out.append(
                    Finding(
                        kind: .englishNameVariants, severity: .warning, entity: e.english, expected: e.english,
                        found: unexpected[0].spelling,
                        occurrences: g.map(\.occurrence).sorted(),
                        message: "\(e.english) (\(e.arabic)) is written "
                            + unexpected.map { "\($0.spelling) (\($0.count))" }.joined(separator: ", ")
                            + " in English"
                            + (used.isEmpty
                                ? "; the glossary has \(e.english)" : ", and as the glossary has it: " + used.joined(separator: ", ")),
                        spellings: spellings))
            } else if entity.hasPrefix("u") && counts.count >= 2 {
                let sorted = counts.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.written < $1.written }
                let main = sorted[0]
                let variants = sorted.dropFirst().filter { EnglishText.similarity($0.written, main.written) >= 0.7 }
                guard !variants.isEmpty else { continue }
                let kept = Set(([main] + variants).map { EnglishText.spellingKey($0.written) })
                let arabic = g.first?.arabic ?? ""
                let list = ([main] + variants).map { "\($0.written) (\($0.count))" }.joined(separator: ", ")
                out.append(
                    Finding(
                        kind: .englishNameVariants, severity: .warning, expected: main.written, found: variants[0].written,
                        occurrences: g.filter { kept.contains(EnglishText.spellingKey($0.occurrence.found)) }.map(\.occurrence).sorted(),
                        message: "a name in no glossary (\(arabic)) is written in \(kept.count) ways in English: \(list)",
                        spellings: ([main] + variants).map {
                            SpellingCount(spelling: $0.written, count: $0.count, isExpected: $0.written == main.written)
                        }))
            }
        }
        return out
    }

    /// Check 9: one source with different translations (warning), one translation of different
    /// sources (info). Sources compare by matching key, translations ignoring case, spacing and
    /// quote style.
    func translationFindings(_ pairs: [SentencePair]) -> [Finding] {
        struct Group {
            var forms: [String: (written: String, count: Int, first: Int)] = [:]
            var occurrences: [Occurrence] = []
        }
        var bySource: [String: Group] = [:]
        var byTarget: [String: Group] = [:]
        var sourceWritten: [String: String] = [:]
        var targetWritten: [String: String] = [:]
        for (n, p) in pairs.enumerated() {
            let a = Self.sourceKey(p.arabic)
            let e = Self.targetKey(p.english)
            guard !a.isEmpty, !e.isEmpty else { continue }
            if sourceWritten[a] == nil { sourceWritten[a] = p.arabic }
            if targetWritten[e] == nil { targetWritten[e] = p.english }
            bySource[a, default: Group()].forms[e, default: (p.english, 0, n)].count += 1
            bySource[a]?.occurrences.append(p.occurrence(.english, span: 0..<p.english.unicodeScalars.count))
            byTarget[e, default: Group()].forms[a, default: (p.arabic, 0, n)].count += 1
            byTarget[e]?.occurrences.append(p.occurrence(.arabic, span: 0..<p.arabic.unicodeScalars.count))
        }
        func spellings(_ g: Group) -> [SpellingCount] {
            // Most frequent first; on a tie, the first seen.
            let sorted = g.forms.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }
            return sorted.enumerated().map {
                SpellingCount(spelling: $0.element.written, count: $0.element.count, isExpected: $0.offset == 0)
            }
        }
        var out: [Finding] = []
        for (a, g) in bySource where g.forms.count >= 2 {
            let s = spellings(g)
            out.append(
                Finding(
                    kind: .inconsistentTranslation, severity: .warning, expected: s[0].spelling, found: sourceWritten[a] ?? "",
                    occurrences: g.occurrences.sorted(),
                    message: "the same source is translated in \(g.forms.count) ways: \(Self.short(sourceWritten[a] ?? ""))", spellings: s))
        }
        for (e, g) in byTarget where g.forms.count >= 2 {
            let s = spellings(g)
            out.append(
                Finding(
                    kind: .inconsistentTranslation, severity: .info, expected: nil, found: targetWritten[e] ?? "",
                    occurrences: g.occurrences.sorted(),
                    message: "the same translation is used for \(g.forms.count) different sources: \(Self.short(targetWritten[e] ?? ""))",
                    spellings: s))
        }
        return out
    }

    /// At most 60 scalars of a sentence, for messages.
    static func short(_ s: String) -> String {
        let u = s.unicodeScalars
        return u.count <= 60 ? s : String(scalars: u.prefix(59)) + "…"
    }

    static func sourceKey(_ s: String) -> String {
        singleSpaced(Normalizer.key(s).unicodeScalars)
    }

    static func targetKey(_ s: String) -> String {
        var t = String.UnicodeScalarView()
        for u in s.lowercased().unicodeScalars {
            switch u {
            case "\u{2019}", "\u{2018}": t.append("'")
            case "\u{201C}", "\u{201D}": t.append("\"")
            default: t.append(u)
            }
        }
        return singleSpaced(t)
    }

    /// The text with each whitespace run one space and none at either end. Split at whitespace
    /// scalars: as a Character, a space and the combining mark after it are one separator, and the
    /// mark (which the matching key keeps) would be lost; Foundation's `replacingOccurrences` likewise
    /// leaves a quote that a combining mark follows.
    static func singleSpaced(_ u: String.UnicodeScalarView) -> String {
        u.split(whereSeparator: { ArabicScalar.isWhitespace($0.value) }).map { String(scalars: $0) }.joined(separator: " ")
    }
}
