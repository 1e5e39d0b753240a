import Drafting

/// `tarjim draft --format xliff|xliff12`: the drafts as an XLIFF file for a CAT tool.
///
/// Both versions write one `<file>` per input document (`original` = the document's name) and one
/// unit per sentence whose source is the sentence and whose target is the English draft side.
///
/// - **XLIFF 2.0** (`xliff2`): `srcLang="ar" trgLang="en"`, `srcDir="rtl" trgDir="ltr"` on each
///   `<file>`; `<unit id="sN">` (N = the sentence's index in its document) with one
///   `<segment state="initial">`. Each matched term is marked in the source as
///   `<mrk id="mK" type="term" ref="#gls=gK">` over its span and listed in the unit's Glossary module:
///   `<gls:glossEntry id="gK" ref="#mK">` with `<gls:term source="file:line">` (the glossary's
///   Arabic spelling), `<gls:translation>` (the English) and, when the entry has a comment,
///   `<gls:definition>`; the entry kind, match kind and fuzzy score are `tj:kind`, `tj:match` and
///   `tj:score` attributes in the namespace `urn:x-tarjim:draft`. Flags are
///   `<notes><note category="tarjim:KIND" appliesTo="source">message</note></notes>`.
/// - **XLIFF 1.2** (`xliff12`, for OmegaT before 5.8 and other 1.2-only tools): `<file original
///   datatype="plaintext" source-language="ar" target-language="en">`, `<trans-unit id="sN"
///   xml:space="preserve">` with `<source xml:lang="ar">`, `<target xml:lang="en"
///   state="needs-translation">` (a pre-translation: Arabic words remain to be translated) and, after
///   them, one `<note from="tarjim" annotates="source">` per flag (`priority="1"`, text
///   `KIND: message`) and per term (`priority="5"`, text `term SOURCE = English (glossary: CANONICAL;
///   kind; match; origin; comment)`, the canonical spelling only when it differs from the matched
///   text). The source carries no inline markup, so CAT tools show no tags.
///
/// Characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF): XLIFF 2.0
/// writes them in source and target as `<cp hex="000C"/>`, and as U+FFFD in attribute values, notes
/// and glossary entries, where XLIFF allows no `<cp>`. XLIFF 1.2 has no such element: the writer
/// refuses the file with `FormatError.unwritable` naming the document, paragraph and sentence.
///
/// Documents without sentences are left out (an XLIFF `<file>` must hold a unit); when no document
/// has a sentence the result is empty, like every tarjim output for empty input. Consecutive
/// sentences belong to the same document while `doc` stays the same and `index` increases.
///
/// ```swift
/// let sentences = drafter.draft(document: text, name: "news.txt")
/// let xlf = DraftXLIFF.xliff2(sentences)
/// let xlf12 = try DraftXLIFF.xliff12(sentences)
/// ```
///
/// - Complexity: O(n) in the total length of the sentences, their terms and flags.
public enum DraftXLIFF {
    /// The namespace of Tarjim's own attributes in XLIFF 2.0 (`tj:kind`, `tj:match`, `tj:score`).
    public static let tarjimNamespace = "urn:x-tarjim:draft"

    // MARK: - XLIFF 2.0

    /// The sentences as an XLIFF 2.0 document. Never fails: characters XML cannot carry become
    /// `<cp hex="..."/>` (source, target) or U+FFFD (attributes, notes, glossary entries).
    public static func xliff2(_ sentences: [DraftSentence]) -> String {
        let docs = documents(sentences)
        guard !docs.isEmpty else { return "" }
        var o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        o += "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""
        o += " xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" xmlns:tj=\"\(tarjimNamespace)\""
        o += " srcLang=\"ar\" trgLang=\"en\">\n"
        for (n, doc) in docs.enumerated() {
            o += "  <file id=\"f\(n + 1)\" original=\""
            XMLText.attribute(doc.name, into: &o)
            o += "\" srcDir=\"rtl\" trgDir=\"ltr\">\n"
            for s in doc.sentences { unit2(s, into: &o) }
            o += "  </file>\n"
        }
        o += "</xliff>\n"
        return o
    }

    static func unit2(_ s: DraftSentence, into o: inout String) {
        let marked = markedTerms(s)
        o += "    <unit id=\"s\(s.index)\">\n"
        if !s.terms.isEmpty {
            o += "      <gls:glossary>\n"
            for (k, t) in s.terms.enumerated() {
                o += "        <gls:glossEntry id=\"g\(k + 1)\""
                if marked.contains(k) { o += " ref=\"#m\(k + 1)\"" }
                o += " tj:kind=\"\(t.entryKind.rawValue)\" tj:match=\"\(t.match.rawValue)\""
                if t.match == .fuzzy { o += " tj:score=\"\(t.score)\"" }
                o += ">\n          <gls:term source=\""
                XMLText.attribute(t.origin.isEmpty ? "transliteration" : t.origin, into: &o)
                o += "\">"
                XMLText.content(t.canonical, invalid: .replace, into: &o)
                o += "</gls:term>\n          <gls:translation>"
                XMLText.content(t.target, invalid: .replace, into: &o)
                o += "</gls:translation>\n"
                if !t.comment.isEmpty {
                    o += "          <gls:definition>"
                    XMLText.content(t.comment, invalid: .replace, into: &o)
                    o += "</gls:definition>\n"
                }
                o += "        </gls:glossEntry>\n"
            }
            o += "      </gls:glossary>\n"
        }
        if !s.flags.isEmpty {
            o += "      <notes>\n"
            for f in s.flags {
                o += "        <note category=\"tarjim:\(f.kind.rawValue)\" appliesTo=\"source\">"
                XMLText.content(f.message, invalid: .replace, into: &o)
                o += "</note>\n"
            }
            o += "      </notes>\n"
        }
        o += "      <segment state=\"initial\">\n        <source xml:space=\"preserve\">"
        let u = Array(s.source.unicodeScalars)
        var last = 0
        for k in marked.sorted(by: { s.terms[$0].start < s.terms[$1].start }) {
            let t = s.terms[k]
            XMLText.content(u[last..<t.start], invalid: .codePoint, into: &o)
            o += "<mrk id=\"m\(k + 1)\" type=\"term\" ref=\"#gls=g\(k + 1)\">"
            XMLText.content(u[t.start..<t.end], invalid: .codePoint, into: &o)
            o += "</mrk>"
            last = t.end
        }
        XMLText.content(u[last...], invalid: .codePoint, into: &o)
        o += "</source>\n        <target xml:space=\"preserve\">"
        XMLText.content(s.draft, invalid: .codePoint, into: &o)
        o += "</target>\n      </segment>\n    </unit>\n"
    }

    // MARK: - XLIFF 1.2

    /// The sentences as an XLIFF 1.2 document (strict schema).
    /// - Throws: `FormatError.unwritable` (file = the document, line = the paragraph) when a sentence,
    ///   its terms or flags, or a document name hold a character XML 1.0 cannot carry (a C0 control
    ///   other than tab, LF and CR, U+FFFE or U+FFFF): XLIFF 1.2 has no `<cp>` to escape it.
    public static func xliff12(_ sentences: [DraftSentence]) throws(FormatError) -> String {
        let docs = documents(sentences)
        guard !docs.isEmpty else { return "" }
        var o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        o += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
        for doc in docs {
            if let bad = XMLText.firstInvalid(doc.name) {
                throw .unwritable(
                    file: nil, line: 0, column: 0,
                    message: "xliff12: the document name holds \(bad.label), which XML 1.0 cannot carry")
            }
            o += "  <file original=\""
            XMLText.attribute(doc.name, into: &o)
            o += "\" datatype=\"plaintext\" source-language=\"ar\" target-language=\"en\">\n    <body>\n"
            for s in doc.sentences {
                try check12(s)
                unit12(s, into: &o)
            }
            o += "    </body>\n  </file>\n"
        }
        o += "</xliff>\n"
        return o
    }

    /// Refuses a sentence with a character XLIFF 1.2 cannot carry, naming where it is.
    static func check12(_ s: DraftSentence) throws(FormatError) {
        var problem: String?
        if let bad = XMLText.firstInvalid(s.source) {
            problem = "\(bad.label) at scalar offset \(bad.offset) of the source"
        } else if let bad = XMLText.firstInvalid(s.draft) {
            problem = "\(bad.label) at scalar offset \(bad.offset) of the draft"
        } else {
            let extra = s.terms.flatMap { [$0.source, $0.target, $0.canonical, $0.origin, $0.comment] } + s.flags.map(\.message)
            if let bad = extra.lazy.compactMap({ XMLText.firstInvalid($0) }).first {
                problem = "\(bad.label) in a term or flag"
            }
        }
        guard let problem else { return }
        throw .unwritable(
            file: s.doc == "-" ? "<stdin>" : s.doc, line: s.para, column: 0,
            message: "xliff12: sentence \(s.index) holds \(problem); XML 1.0 cannot carry it and XLIFF 1.2 has no "
                + "escape for it (--format xliff writes XLIFF 2.0, which keeps it as <cp>)")
    }

    static func unit12(_ s: DraftSentence, into o: inout String) {
        o += "      <trans-unit id=\"s\(s.index)\" xml:space=\"preserve\">\n        <source xml:lang=\"ar\">"
        XMLText.content(s.source, invalid: .replace, into: &o)
        o += "</source>\n        <target xml:lang=\"en\" state=\"needs-translation\">"
        XMLText.content(s.draft, invalid: .replace, into: &o)
        o += "</target>\n"
        for f in s.flags {
            o += "        <note from=\"tarjim\" annotates=\"source\" priority=\"1\">"
            XMLText.content(f.kind.rawValue + ": " + f.message, invalid: .replace, into: &o)
            o += "</note>\n"
        }
        for t in s.terms {
            var about = t.source == t.canonical ? [] : ["glossary: " + t.canonical]
            about += [t.entryKind.rawValue, t.match == .fuzzy ? "fuzzy \(t.score)" : t.match.rawValue]
            if !t.origin.isEmpty { about.append(t.origin) }
            if !t.comment.isEmpty { about.append(t.comment) }
            o += "        <note from=\"tarjim\" annotates=\"source\" priority=\"5\">"
            XMLText.content("term \(t.source) = \(t.target) (\(about.joined(separator: "; ")))", invalid: .replace, into: &o)
            o += "</note>\n"
        }
        o += "      </trans-unit>\n"
    }

    // MARK: - Shared

    /// The sentences split into documents: a new document starts when `doc` changes or `index` does
    /// not increase (the same file given twice).
    static func documents(_ sentences: [DraftSentence]) -> [(name: String, sentences: ArraySlice<DraftSentence>)] {
        var out: [(name: String, sentences: ArraySlice<DraftSentence>)] = []
        var start = sentences.startIndex
        for i in sentences.indices where i > start {
            if sentences[i].doc != sentences[i - 1].doc || sentences[i].index <= sentences[i - 1].index {
                out.append((sentences[start].doc, sentences[start..<i]))
                start = i
            }
        }
        if start < sentences.endIndex { out.append((sentences[start].doc, sentences[start...])) }
        return out
    }

    /// Indices (into `terms`) of the terms that can be marked in the source: inside the sentence and
    /// not overlapping an earlier-starting term. Terms never overlap in drafts, but a hand-built
    /// sentence might.
    static func markedTerms(_ s: DraftSentence) -> Set<Int> {
        let count = s.source.unicodeScalars.count
        var marked = Set<Int>()
        var last = 0
        for k in s.terms.indices.sorted(by: { s.terms[$0].start < s.terms[$1].start }) {
            let t = s.terms[k]
            guard t.start >= last, t.start <= t.end, t.end <= count else { continue }
            marked.insert(k)
            last = t.end
        }
        return marked
    }
}

/// XML text and attribute escaping for the XLIFF writers, with a choice for characters XML 1.0
/// cannot carry. (`XMLEscaping` covers valid text only.)
private enum XMLText {
    enum Invalid {
        /// `<cp hex="000C"/>` (XLIFF 2.0 inline content).
        case codePoint
        /// U+FFFD.
        case replace
    }

    /// XML 1.0's `Char` production (surrogates cannot occur in Swift strings).
    static func isXMLChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v >= 0x20 ? (v < 0xFFFE || v > 0xFFFF) : (v == 0x9 || v == 0xA || v == 0xD)
    }

    /// The first character XML cannot carry, its scalar offset and a label such as `U+000C`.
    static func firstInvalid(_ s: String) -> (offset: Int, label: String)? {
        for (i, c) in s.unicodeScalars.enumerated() where !isXMLChar(c) {
            return (i, label(c))
        }
        return nil
    }

    /// `U+000C`.
    static func label(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Character data: `&`, `<`, `>` as entities, CR as `&#13;` (a literal CR would be read back as LF).
    static func content(_ s: some Sequence<Unicode.Scalar>, invalid: Invalid, into out: inout String) {
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default:
                if isXMLChar(c) {
                    out.unicodeScalars.append(c)
                } else if invalid == .codePoint {
                    out += "<cp hex=\"" + label(c).dropFirst(2) + "\"/>"
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
    }

    static func content(_ s: String, invalid: Invalid, into out: inout String) {
        content(s.unicodeScalars, invalid: invalid, into: &out)
    }

    /// An attribute value in double quotes: also `"` and tab, LF, CR as character references
    /// (attribute-value normalization would turn them into spaces); invalid characters as U+FFFD.
    static func attribute(_ s: String, into out: inout String) {
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: if isXMLChar(c) { out.unicodeScalars.append(c) } else { out += "\u{FFFD}" }
            }
        }
    }
}
