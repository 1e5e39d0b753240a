import Drafting

/// `tarjim draft --format jsonl`: one object per sentence, a public interface (see README):
/// `{"doc","para","index","source","draft","terms":[{"source","target","canonical","match","start",
/// "end","entry_kind","score"}],"flags":[{"kind","start","end","message"}]}`. Documents read with
/// `--input-format jsonl` add `"id"` after `"doc"`: the input's id as JSON (`idJSON`).
public enum DraftJSONL {
    public static func line(_ s: DraftSentence, id idJSON: String? = nil) -> String {
        var o = "{\"doc\":"
        JSONText.appendString(s.doc, to: &o)
        if let idJSON { o += ",\"id\":" + idJSON }
        o += ",\"para\":\(s.para),\"index\":\(s.index),\"source\":"
        JSONText.appendString(s.source, to: &o)
        o += ",\"draft\":"
        JSONText.appendString(s.draft, to: &o)
        o += ",\"terms\":["
        for (i, t) in s.terms.enumerated() {
            if i > 0 { o += "," }
            o += "{\"source\":"
            JSONText.appendString(t.source, to: &o)
            o += ",\"target\":"
            JSONText.appendString(t.target, to: &o)
            o += ",\"canonical\":"
            JSONText.appendString(t.canonical, to: &o)
            o += ",\"match\":\"\(t.match.rawValue)\",\"start\":\(t.start),\"end\":\(t.end),\"entry_kind\":\"\(t.entryKind.rawValue)\",\"score\":\(t.score)}"
        }
        o += "],\"flags\":["
        for (i, f) in s.flags.enumerated() {
            if i > 0 { o += "," }
            o += "{\"kind\":\"\(f.kind.rawValue)\",\"start\":\(f.start),\"end\":\(f.end),\"message\":"
            JSONText.appendString(f.message, to: &o)
            o += "}"
        }
        o += "]}\n"
        return o
    }
}
