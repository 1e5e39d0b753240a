import ArabicText
import Glossary

// Rendering: a sentence, its matches and unknown names into a `DraftSentence`.
extension Drafter {
    /// - Parameter text: the sentence's bytes and the byte offset of each of its scalars, made by
    ///   `draft(document:name:)` when it decoded the sentence for the matcher.
    func render(
        _ s: Sentence, _ text: SentenceBytes, _ ms: [TermMatch], _ unknown: [UnknownName], doc: String, _ work: inout Scratch
    ) -> DraftSentence {
        let glossary = self.glossary
        // Terms and their English in the order they are found (matches, then unknown names), put
        // in text order below; flags in the same order, sorted at the end.
        let count = ms.count + (transliterator == nil ? 0 : unknown.count)
        var terms: [DraftTerm] = []
        terms.reserveCapacity(count)
        var english: [(Range<Int>, String)] = []
        english.reserveCapacity(count)
        var flags: [DraftFlag] = []
        flags.reserveCapacity(count)
        for i in ms.indices {
            let range = ms[i].range
            let k = ms[i].entryIndex
            let target = glossary.entries[k].english
            let canonical = glossary.entries[k].arabic
            let kind = glossary.entries[k].kind
            let match: DraftMatch =
                switch ms[i].kind {
                case .exact: .exact
                case .variant: .variant
                case .fuzzy: .fuzzy
                }
            // Most terms are written as the glossary writes them: its string is shared.
            let source = text.string(range, reusing: canonical)
            terms.append(
                DraftTerm(
                    source: source, target: target, canonical: canonical, match: match, start: range.lowerBound,
                    end: range.upperBound, entryKind: kind, score: ms[i].score, origin: work.origin(of: k, in: glossary),
                    comment: glossary.entries[k].comment))
            if match == .variant && kind.isName {
                let spelling = ms[i].termRange == range ? source : text.string(ms[i].termRange)
                flags.append(
                    DraftFlag(
                        kind: .correctedName, start: range.lowerBound, end: range.upperBound,
                        message: spelling + " is a variant spelling of " + canonical + " (" + target + ")"))
            } else if match == .fuzzy {
                let spelling = ms[i].termRange == range ? source : text.string(ms[i].termRange)
                flags.append(
                    DraftFlag(
                        kind: .suggestedName, start: range.lowerBound, end: range.upperBound,
                        message: "\(spelling) looks like a garbled \(ms[i].spelling) (\(target)), similarity \(ms[i].score)"))
            }
            english.append((range, CliticRendering.render(target, proclitics: ms[i].proclitics, enclitic: ms[i].enclitic)))
        }
        if let transliterator {
            for n in unknown {
                let name = text.string(n.nameStart..<n.range.upperBound)
                let latin = transliterator.transliterate(word: name)
                terms.append(
                    DraftTerm(
                        source: n.nameStart == n.range.lowerBound ? name : text.string(n.range), target: latin, canonical: name,
                        match: .transliterated, start: n.range.lowerBound, end: n.range.upperBound, entryKind: .person,
                        score: 1, origin: "", comment: ""))
                flags.append(
                    DraftFlag(
                        kind: .transliterated, start: n.range.lowerBound, end: n.range.upperBound,
                        message: Self.joined(name, " is in no glossary; transliterated as ", latin)))
                english.append((n.range, n.proclitic.map { CliticRendering.render(latin, proclitics: [$0], enclitic: nil) } ?? latin))
            }
        }
        // Matches come in text order, then unknown names: sorted (stably, by start) only when an
        // unknown name comes before a match. Flags need not follow: they are sorted stably by
        // start and kind below, and flags of one start and kind come from terms of one start,
        // which keep their order either way.
        if zip(english, english.dropFirst()).contains(where: { $0.0.lowerBound > $1.0.lowerBound }) {
            let order = english.indices.sorted { english[$0].0.lowerBound < english[$1].0.lowerBound }
            terms = order.map { terms[$0] }
            english = order.map { english[$0] }
        }
        if text.holdsBidiControl {
            for f in Bidi.audit(s.text) {
                switch f.kind {
                case .control:
                    flags.append(
                        DraftFlag(
                            kind: .bidiControl, start: f.offset, end: f.offset + 1, message: "bidi control \(f.characterName) in the source"
                        ))
                case .unbalanced:
                    flags.append(
                        DraftFlag(kind: .bidiUnbalanced, start: f.offset, end: f.offset + 1, message: "unbalanced \(f.characterName)"))
                }
            }
        }
        if flags.count > 1 { flags.sort { ($0.start, $0.kind.order) < ($1.start, $1.kind.order) } }
        var corrections: [(Range<Int>, String)] = []
        for m in ms where m.kind != .exact && isCorrection(m) {
            if let c = canonicalReplacement(m) { corrections.append((m.termRange, c)) }
        }
        corrections.sort { $0.0.lowerBound < $1.0.lowerBound }
        return DraftSentence(
            doc: doc, para: s.paragraph, index: s.index, source: s.text, draft: text.replacing(english), terms: terms, flags: flags,
            correctedSource: text.replacing(corrections))
    }

    /// `a + middle + b` in one allocation (`+` makes two, with an intermediate string).
    static func joined(_ a: String, _ middle: StaticString, _ b: String) -> String {
        let count = a.utf8.count + middle.utf8CodeUnitCount + b.utf8.count
        return String(unsafeUninitializedCapacity: count) { out in
            var k = 0
            out.append(utf8: a, at: &k)
            middle.withUTF8Buffer { out.append($0, at: &k) }
            out.append(utf8: b, at: &k)
            return k
        }
    }
}
