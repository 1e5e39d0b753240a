import Drafting

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
        func string(_ text: String) -> Int { JSONText.maxStringLength(utf8: text.utf8.count) }
        // The literals and numbers of the line, of a term and of a flag fit in 128, 192 and 128
        // bytes (a score's digits in 32).
        var capacity = 128 + (idJSON?.utf8.count ?? 0) + string(s.doc) + string(s.source) + string(s.draft)
        for t in s.terms { capacity += 192 + string(t.source) + string(t.target) + string(t.canonical) }
        for f in s.flags { capacity += 128 + string(f.message) }
        JSONLineWriter.append(capacity: capacity, to: &o) { w in write(s, id: idJSON, to: &w) }
    }

    private static func write(_ s: DraftSentence, id idJSON: String?, to w: inout JSONLineWriter) {
        w.raw("{\"doc\":")
        w.string(s.doc)
        if let idJSON {
            w.raw(",\"id\":")
            w.raw(idJSON)
        }
        w.raw(",\"para\":")
        w.int(s.para)
        w.raw(",\"index\":")
        w.int(s.index)
        w.raw(",\"source\":")
        w.string(s.source)
        w.raw(",\"draft\":")
        w.string(s.draft)
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
            w.raw(s.terms[i].match.rawValue)
            w.raw("\",\"start\":")
            w.int(s.terms[i].start)
            w.raw(",\"end\":")
            w.int(s.terms[i].end)
            w.raw(",\"entry_kind\":\"")
            w.raw(s.terms[i].entryKind.rawValue)
            w.raw("\",\"score\":")
            // Most scores are 1 (exact and variant matches, transliterations): no formatting.
            let score = s.terms[i].score
            if score == 1 { w.raw("1.0") } else { w.raw(score.description) }
            w.raw("}")
        }
        w.raw("],\"flags\":[")
        for i in s.flags.indices {
            if i > 0 { w.raw(",") }
            w.raw("{\"kind\":\"")
            w.raw(s.flags[i].kind.rawValue)
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
}
