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
    public static func append(_ s: DraftSentence, id idJSON: String? = nil, to o: inout [UInt8]) {
        func raw(_ text: StaticString) { o.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func string(_ text: String) { JSONText.appendString(text, to: &o) }
        func int(_ n: Int) { JSONText.appendInt(n, to: &o) }
        raw("{\"doc\":")
        string(s.doc)
        if let idJSON {
            raw(",\"id\":")
            o.append(contentsOf: idJSON.utf8)
        }
        raw(",\"para\":")
        int(s.para)
        raw(",\"index\":")
        int(s.index)
        raw(",\"source\":")
        string(s.source)
        raw(",\"draft\":")
        string(s.draft)
        raw(",\"terms\":[")
        for (i, t) in s.terms.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"source\":")
            string(t.source)
            raw(",\"target\":")
            string(t.target)
            raw(",\"canonical\":")
            string(t.canonical)
            raw(",\"match\":\"")
            o.append(contentsOf: t.match.rawValue.utf8)
            raw("\",\"start\":")
            int(t.start)
            raw(",\"end\":")
            int(t.end)
            raw(",\"entry_kind\":\"")
            o.append(contentsOf: t.entryKind.rawValue.utf8)
            raw("\",\"score\":")
            // Most scores are 1 (exact and variant matches, transliterations): no formatting.
            if t.score == 1 { raw("1.0") } else { o.append(contentsOf: t.score.description.utf8) }
            raw("}")
        }
        raw("],\"flags\":[")
        for (i, f) in s.flags.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"kind\":\"")
            o.append(contentsOf: f.kind.rawValue.utf8)
            raw("\",\"start\":")
            int(f.start)
            raw(",\"end\":")
            int(f.end)
            raw(",\"message\":")
            string(f.message)
            raw("}")
        }
        raw("]}\n")
    }
}
