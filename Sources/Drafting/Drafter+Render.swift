import ArabicText
import Glossary

// Rendering: a sentence, its matches and unknown names into a `DraftSentence`.
extension Drafter {
    /// - Parameter text: the sentence's bytes and the byte offset of each of its scalars, made by
    ///   `draft(document:name:)` when it decoded the sentence for the matcher.
    /// - Parameter unknown: the sentence's unknown names, in text order.
    func render(
        _ s: Sentence, _ text: SentenceBytes, _ ms: [TermMatch], _ unknown: ArraySlice<UnknownName>, doc: String,
        _ work: inout Scratch
    ) -> DraftSentence {
        let glossary = self.glossary
        let names = transliterator == nil ? unknown.prefix(0) : unknown
        // Terms and their English in the order they are found (matches, then unknown names), put
        // in text order below; flags in the same order, sorted at the end.
        let count = ms.count + names.count
        var terms: [DraftTerm] = []
        terms.reserveCapacity(count)
        var english: [DraftEdit] = []
        english.reserveCapacity(count)
        var flags: [DraftFlag] = []
        var flagCount = names.count
        for i in ms.indices where ms[i].kind == .fuzzy || (ms[i].kind == .variant && glossary.entries[ms[i].entryIndex].kind.isName) {
            flagCount += 1
        }
        flags.reserveCapacity(flagCount)
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
                    end: range.upperBound, entryKind: kind, score: ms[i].score, origins: .entry(origins, k),
                    comment: glossary.entries[k].comment))
            if match == .variant && kind.isName {
                let spelling = ms[i].termRange == range ? source : text.string(ms[i].termRange)
                flags.append(
                    DraftFlag(
                        kind: .correctedName, start: range.lowerBound, end: range.upperBound,
                        message: Self.concatenated(spelling, " is a variant spelling of ", canonical, " (", target, ")")))
            } else if match == .fuzzy {
                let spelling = ms[i].termRange == range ? source : text.string(ms[i].termRange)
                flags.append(
                    DraftFlag(
                        kind: .suggestedName, start: range.lowerBound, end: range.upperBound,
                        message: Self.concatenated(
                            spelling, " looks like a garbled ", ms[i].spelling, " (", target, "), similarity ", ms[i].score.description)))
            }
            let prefix =
                ms[i].proclitics.isEmpty && ms[i].enclitic == nil
                ? "" : CliticRendering.prefix(proclitics: ms[i].proclitics, enclitic: ms[i].enclitic)
            english.append(DraftEdit(range: text.byteRange(range), prefix: prefix, text: target))
        }
        if let transliterator {
            for n in names {
                let r = work.rendered(n, in: text, transliterator)
                terms.append(
                    DraftTerm(
                        source: r.source, target: r.latin, canonical: r.name, match: .transliterated, start: n.range.lowerBound,
                        end: n.range.upperBound, entryKind: .person, score: 1, origin: "", comment: ""))
                flags.append(DraftFlag(kind: .transliterated, start: n.range.lowerBound, end: n.range.upperBound, message: r.message))
                english.append(DraftEdit(range: text.byteRange(n.range), prefix: r.prefix, text: r.latin))
            }
        }
        // Matches come in text order, then unknown names: sorted (stably, by start) only when an
        // unknown name comes before a match. Flags need not follow: they are sorted stably by
        // start and kind below, and flags of one start and kind come from terms of one start,
        // which keep their order either way.
        if zip(english, english.dropFirst()).contains(where: { $0.range.lowerBound > $1.range.lowerBound }) {
            let order = english.indices.sorted { english[$0].range.lowerBound < english[$1].range.lowerBound }
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
        var corrections: [DraftEdit] = []
        for i in ms.indices where ms[i].kind != .exact && isCorrection(ms[i]) {
            if let c = canonicalReplacement(ms[i]) { corrections.append(DraftEdit(range: text.byteRange(ms[i].termRange), text: c)) }
        }
        if corrections.count > 1 { corrections.sort { $0.range.lowerBound < $1.range.lowerBound } }
        return DraftSentence(
            doc: doc, para: s.paragraph, index: s.index, source: s.text, draft: .edits(english), terms: terms, flags: flags,
            correctedSource: .edits(corrections))
    }

    /// The strings one after the other, in one allocation (`+` makes one per step). They are
    /// appended as strings: bytes written into a new string's storage would be validated again.
    static func concatenated(_ parts: String...) -> String {
        var count = 0
        for p in parts { count += p.utf8.count }
        var out = String()
        out.reserveCapacity(count)
        for p in parts { out += p }
        return out
    }
}
