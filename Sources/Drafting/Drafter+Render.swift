import ArabicText
import Glossary

// Rendering: a sentence, its matches and unknown names into a `DraftSentence`.
extension Drafter {
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
