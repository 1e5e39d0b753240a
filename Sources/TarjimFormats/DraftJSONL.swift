import Drafting
import Glossary

/// `tarjim draft --format jsonl`: one object per sentence, a public interface (see README):
/// `{"doc","para","index","source","draft","terms":[{"source","target","canonical","match","start",
/// "end","entry_kind","score"}],"flags":[{"kind","start","end","message"}]}`. Documents read with
/// `--input-format jsonl` add `"id"` after `"doc"`: the input's id as JSON (`idJSON`).
public enum DraftJSONL {
    public static func line(_ s: DraftSentence, id idJSON: String? = nil) -> String {
        var out: [UInt8] = []
        append(s, id: idJSON, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the sentence's line (with its line feed) as UTF-8.
    /// - Complexity: O(n) for the line's strings; one buffer sized for the line, copied once.
    public static func append(_ s: DraftSentence, id idJSON: String? = nil, to o: inout [UInt8]) {
        // The literals and numbers of the line, of a term and of a flag fit in 128, 192 and 128
        // bytes (a score's digits in 32); the strings in their UTF-8 length and quotes, plus an
        // allowance for escapes (a quote or a tab becomes two bytes), at most six times their length.
        var literals = 128 + (idJSON?.utf8.count ?? 0)
        let draft = s.draftText
        var text = s.doc.utf8.count + s.source.utf8.count + draft.utf8Count
        var strings = 3
        for t in s.terms {
            literals += 192
            text += t.source.utf8.count + t.target.utf8.count + t.canonical.utf8.count
            strings += 3
        }
        for f in s.flags {
            literals += 128
            text += f.message.utf8.count
            strings += 1
        }
        let guess = literals + text + text / 8 + 2 * strings + 16
        let maximum = literals + JSONText.maxStringLength(utf8: text) + 2 * (strings - 1)
        JSONLineWriter.append(capacity: guess, maximum: maximum, to: &o) { w in write(s, draft, id: idJSON, to: &w) }
    }

    private static func write(_ s: DraftSentence, _ draft: EditedText, id idJSON: String?, to w: inout JSONLineWriter) {
        w.raw("{\"doc\":")
        w.string(s.doc)
        if let idJSON {
            w.raw(",\"id\":")
            w.raw(utf8: idJSON)
        }
        w.raw(",\"para\":")
        w.int(s.para)
        w.raw(",\"index\":")
        w.int(s.index)
        w.raw(",\"source\":")
        w.string(s.source)
        w.raw(",\"draft\":")
        // Written from its pieces: no string is made for the draft.
        w.byte(0x22)
        draft.forEachPiece { w.escapedContent($0) }
        w.byte(0x22)
        w.raw(",\"terms\":[")
        for i in s.terms.indices {
            if i > 0 { w.raw(",") }
            w.raw("{\"source\":")
            w.string(s.terms[i].source)
            w.raw(",\"target\":")
            w.string(s.terms[i].target)
            w.raw(",\"canonical\":")
            w.string(s.terms[i].canonical)
            w.raw(",\"match\":\"")
            w.raw(name(s.terms[i].match))
            w.raw("\",\"start\":")
            w.int(s.terms[i].start)
            w.raw(",\"end\":")
            w.int(s.terms[i].end)
            w.raw(",\"entry_kind\":\"")
            w.raw(name(s.terms[i].entryKind))
            w.raw("\",\"score\":")
            // Most scores are 1 (exact and variant matches, transliterations): no formatting.
            let score = s.terms[i].score
            if score == 1 { w.raw("1.0") } else { w.raw(utf8: score.description) }
            w.raw("}")
        }
        w.raw("],\"flags\":[")
        for i in s.flags.indices {
            if i > 0 { w.raw(",") }
            w.raw("{\"kind\":\"")
            w.raw(name(s.flags[i].kind))
            w.raw("\",\"start\":")
            w.int(s.flags[i].start)
            w.raw(",\"end\":")
            w.int(s.flags[i].end)
            w.raw(",\"message\":")
            w.string(s.flags[i].message)
            w.raw("}")
        }
        w.raw("]}\n")
    }

    // The raw values as literals (a raw value is a String made on each call).
    static func name(_ m: DraftMatch) -> StaticString {
        switch m {
        case .exact: "exact"
        case .variant: "variant"
        case .fuzzy: "fuzzy"
        case .transliterated: "transliterated"
        }
    }

    static func name(_ k: EntryKind) -> StaticString {
        switch k {
        case .person: "person"
        case .place: "place"
        case .org: "org"
        case .term: "term"
        }
    }

    static func name(_ k: FlagKind) -> StaticString {
        switch k {
        case .correctedName: "corrected-name"
        case .suggestedName: "suggested-name"
        case .transliterated: "transliterated"
        case .bidiControl: "bidi-control"
        case .bidiUnbalanced: "bidi-unbalanced"
        case .mtMissingTerm: "mt-missing-term"
        }
    }
}
