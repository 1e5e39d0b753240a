import ArabicText
import Drafting

/// `tarjim draft --format html`: one self-contained review page (inline CSS, no scripts, no external
/// resources).
///
/// A header names the documents and counts sentences, terms and each kind of flag; then, per
/// document, a table with one row per sentence: its index (and paragraph), the Arabic source
/// (`dir="rtl" lang="ar"`) and the English draft side (`lang="en"`). Matched terms are `<mark>`ed on
/// both sides, coloured by match kind, with a tooltip (`title`) giving the glossary entry: canonical
/// Arabic, English, entry kind, match kind, origin (`file:line`) and comment. Each flag is a badge
/// after its span in the source (message in the tooltip) and a line in a visible list under the row.
/// Runs of the other direction are isolated with `<bdi>` (Latin inside the Arabic column, Arabic left
/// untranslated inside the English column and the flag messages), so mixed Arabic, English and digits
/// keep their order. Everything is HTML-escaped; bidi controls, C0/C1 controls and noncharacters in
/// the text are shown as visible labels (`RLO`, `U+000C`) instead of acting on the page. The markup
/// is also well-formed XML (void elements closed with `/>`), so XML tools can read the page.
///
/// ```swift
/// let page = DraftHTML.page(drafter.draft(document: text, name: "news.txt"), documents: ["news.txt"])
/// ```
///
/// - Complexity: O(n) in the total length of the sentences, their terms and flags (times the number
///   of terms of a sentence, to place them in the draft).
public enum DraftHTML {
    /// The review page.
    /// - Parameters:
    ///   - sentences: the drafts of every document, in order.
    ///   - documents: the names of every input document, to list documents without sentences too;
    ///     nil lists the documents the sentences come from.
    ///   - title: the page title.
    public static func page(_ sentences: [DraftSentence], documents names: [String]? = nil, title: String = "Tarjim draft") -> String {
        let docs = DraftXLIFF.documents(sentences)
        var o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>"
        HTMLText.text(title, into: &o)
        o += "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n"
        header(sentences, docs: docs, names: names, title: title, into: &o)
        o += "<main>\n"
        if sentences.isEmpty { o += "<p class=\"empty\">No sentences.</p>\n" }
        for (n, doc) in docs.enumerated() {
            o += "<section id=\"d\(n + 1)\">\n<h2><bdi>"
            HTMLText.text(displayName(doc.name), into: &o)
            o += "</bdi></h2>\n<table>\n<colgroup><col class=\"c-idx\"/><col class=\"c-ar\"/><col class=\"c-en\"/></colgroup>\n"
            o += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\" dir=\"rtl\" lang=\"ar\">العربية</th>"
            o += "<th scope=\"col\">English draft</th></tr></thead>\n"
            for s in doc.sentences { row(s, doc: n + 1, into: &o) }
            o += "</table>\n</section>\n"
        }
        o += "</main>\n</body>\n</html>\n"
        return o
    }

    // MARK: - Header

    static func header(
        _ sentences: [DraftSentence], docs: [(name: String, sentences: ArraySlice<DraftSentence>)], names: [String]?, title: String,
        into o: inout String
    ) {
        o += "<header>\n<h1>"
        HTMLText.text(title, into: &o)
        o += "</h1>\n<p class=\"docs\">"
        var listed: [(String, Int)] = docs.map { ($0.name, $0.sentences.count) }
        if let names {
            // Every input document, with the sentence count of the documents of that name.
            var counts: [String: [Int]] = [:]
            for d in docs { counts[d.name, default: []].append(d.sentences.count) }
            listed = names.map { name in
                guard var queue = counts[name], !queue.isEmpty else { return (name, 0) }
                let n = queue.removeFirst()
                counts[name] = queue
                return (name, n)
            }
        }
        o += listed.count == 1 ? "Document: " : "Documents: "
        for (i, (name, count)) in listed.enumerated() {
            if i > 0 { o += ", " }
            o += "<bdi class=\"doc\">"
            HTMLText.text(displayName(name), into: &o)
            o += "</bdi> (\(count) \(count == 1 ? "sentence" : "sentences"))"
        }
        let termCount = sentences.reduce(0) { $0 + $1.terms.count }
        o += "</p>\n<ul class=\"summary\">\n<li><b>\(sentences.count)</b> sentences</li>\n<li><b>\(termCount)</b> terms</li>\n"
        for kind in FlagKind.allCases {
            let n = sentences.reduce(0) { $0 + $1.flags.filter { $0.kind == kind }.count }
            o += "<li class=\"\(n == 0 ? "none" : "some")\">" + badge(kind, title: about(kind)) + " \(kind.rawValue) <b>\(n)</b></li>\n"
        }
        o += "</ul>\n<p class=\"legend\">Terms: "
        for m in DraftMatch.allCases {
            o += "<mark class=\"m-\(m.rawValue)\">\(m.rawValue)</mark> "
        }
        o +=
            "— hover a term for its glossary entry, a badge for its flag. Arabic left for the translator is shaded in the English column.</p>\n"
        o += "</header>\n"
    }

    /// A document's name as shown: "-" is standard input.
    static func displayName(_ name: String) -> String { name == "-" ? "standard input" : name }

    // MARK: - Rows

    static func row(_ s: DraftSentence, doc: Int, into o: inout String) {
        o += "<tbody id=\"d\(doc)-s\(s.index)\">\n<tr class=\"pair\"><th scope=\"row\">\(s.index)<small>¶\(s.para)</small></th>\n"
        o += "<td class=\"ar\" dir=\"rtl\" lang=\"ar\">"
        source(s, into: &o)
        o += "</td>\n<td class=\"en\" lang=\"en\" dir=\"ltr\">"
        draft(s, into: &o)
        o += "</td></tr>\n"
        if !s.flags.isEmpty {
            o += "<tr class=\"flags\"><td></td><td colspan=\"2\"><ul>\n"
            for f in s.flags {
                o += "<li>" + badge(f.kind, title: f.message) + " <span class=\"kind\">\(f.kind.rawValue)</span> "
                HTMLText.isolated(Array(f.message.unicodeScalars)[...], base: .ltr, into: &o)
                o += "</li>\n"
            }
            o += "</ul></td></tr>\n"
        }
        o += "</tbody>\n"
    }

    /// The source with terms marked and a badge after each flagged span.
    static func source(_ s: DraftSentence, into o: inout String) {
        let u = Array(s.source.unicodeScalars)
        let marked = DraftXLIFF.markedTerms(s).sorted { s.terms[$0].start < s.terms[$1].start }
        // Badges go after the flagged span, or after the term that span ends inside.
        var badges: [Int: [DraftFlag]] = [:]
        for f in s.flags {
            var at = min(max(f.end, 0), u.count)
            if let k = marked.first(where: { s.terms[$0].start < at && at < s.terms[$0].end }) { at = s.terms[k].end }
            badges[at, default: []].append(f)
        }
        var cuts = Set(badges.keys)
        for k in marked {
            cuts.insert(s.terms[k].start)
            cuts.insert(s.terms[k].end)
        }
        cuts.insert(u.count)
        var pos = 0
        var open: Int?  // the marked term being written
        for cut in cuts.sorted() {
            if cut > pos {
                HTMLText.isolated(u[pos..<cut], base: .rtl, into: &o)
                pos = cut
            }
            if let k = open, s.terms[k].end == cut {
                o += "</mark>"
                open = nil
            }
            for f in badges[cut] ?? [] { o += badge(f.kind, title: f.message) }
            if let k = marked.first(where: { s.terms[$0].start == cut && s.terms[$0].end > cut }) {
                o += mark(s.terms[k])
                open = k
            }
        }
    }

    /// The draft with the English rendering of every term marked.
    static func draft(_ s: DraftSentence, into o: inout String) {
        let d = Array(s.draft.unicodeScalars)
        var pos = 0
        for (range, k) in draftSpans(s) {
            HTMLText.isolated(d[pos..<range.lowerBound], base: .ltr, into: &o)
            o += mark(s.terms[k])
            HTMLText.isolated(d[range], base: .ltr, into: &o)
            o += "</mark>"
            pos = range.upperBound
        }
        HTMLText.isolated(d[pos...], base: .ltr, into: &o)
    }

    /// Where each marked term's English rendering is in the draft (scalar ranges, in order, with the
    /// term's index). The draft is the source with each term span replaced by its rendering, which
    /// ends with the term's English ("and to NATO"); that structure is followed exactly when it
    /// holds. Otherwise (a machine-translated draft) each term's English is looked up left to right.
    static func draftSpans(_ s: DraftSentence) -> [(Range<Int>, Int)] {
        let src = Array(s.source.unicodeScalars)
        let d = Array(s.draft.unicodeScalars)
        let marked = DraftXLIFF.markedTerms(s).sorted { s.terms[$0].start < s.terms[$1].start }
        func matches(_ needle: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
            i >= 0 && i + needle.count <= d.count && d[i..<(i + needle.count)].elementsEqual(needle)
        }
        func structured() -> [(Range<Int>, Int)]? {
            var out: [(Range<Int>, Int)] = []
            var p = 0
            var prevEnd = 0
            for (n, k) in marked.enumerated() {
                let t = s.terms[k]
                guard matches(src[prevEnd..<t.start], at: p) else { return nil }
                p += t.start - prevEnd
                let target = Array(t.target.unicodeScalars)[...]
                let nextStart = n + 1 < marked.count ? s.terms[marked[n + 1]].start : src.count
                let gap = src[t.end..<nextStart]
                var q = p
                var found: Int?
                while q + target.count <= d.count {
                    // The words before the English are the rendered clitics: lowercase ASCII words.
                    let words = d[p..<q]
                    if let c = words.last, c != " " && !("a"..."z").contains(c) { break }
                    if (words.isEmpty || words.last == " ") && matches(target, at: q) && matches(gap, at: q + target.count)
                        && (n + 1 < marked.count || q + target.count + gap.count == d.count)
                    {
                        found = q
                        break
                    }
                    q += 1
                }
                guard let q = found else { return nil }
                out.append((p..<(q + target.count), k))
                p = q + target.count
                prevEnd = t.end
            }
            return matches(src[prevEnd...], at: p) && p + (src.count - prevEnd) == d.count ? out : nil
        }
        if let out = structured() { return out }
        var out: [(Range<Int>, Int)] = []
        var p = 0
        for k in marked {
            let target = Array(s.terms[k].target.unicodeScalars)[...]
            guard !target.isEmpty else { continue }
            var q = p
            while q + target.count <= d.count && !matches(target, at: q) { q += 1 }
            if q + target.count <= d.count {
                out.append((q..<(q + target.count), k))
                p = q + target.count
            }
        }
        return out
    }

    static func mark(_ t: DraftTerm) -> String {
        var tip = t.canonical + " = " + t.target + "\n" + t.entryKind.rawValue + " · "
        switch t.match {
        case .exact: tip += "exact match"
        case .variant: tip += "variant match (" + t.source + ")"
        case .fuzzy: tip += "fuzzy match (" + t.source + "), similarity \(t.score)"
        case .transliterated: tip += "transliterated: in no glossary"
        }
        if !t.origin.isEmpty { tip += "\n" + t.origin }
        if !t.comment.isEmpty { tip += "\n" + t.comment }
        var o = "<mark class=\"m-\(t.match.rawValue)\" title=\""
        HTMLText.attribute(tip, into: &o)
        return o + "\">"
    }

    // MARK: - Flags

    /// A short symbol per flag kind.
    static func symbol(_ kind: FlagKind) -> String {
        switch kind {
        case .correctedName: return "✎"
        case .suggestedName: return "?"
        case .transliterated: return "Aa"
        case .bidiControl: return "⇄"
        case .bidiUnbalanced: return "⚠"
        case .mtMissingTerm: return "MT"
        }
    }

    static func about(_ kind: FlagKind) -> String {
        switch kind {
        case .correctedName: return "a variant or misspelt name replaced by the canonical name"
        case .suggestedName: return "a word that looks like a garbled name: check the suggestion"
        case .transliterated: return "an unknown name, transliterated"
        case .bidiControl: return "a bidi control character in the source"
        case .bidiUnbalanced: return "an embedding or isolate that is not closed, or a close with nothing open"
        case .mtMissingTerm: return "a glossary term's English missing from the machine translation"
        }
    }

    static func badge(_ kind: FlagKind, title: String) -> String {
        var o = "<span class=\"badge f-\(kind.rawValue)\" title=\""
        HTMLText.attribute(kind.rawValue + ": " + title, into: &o)
        return o + "\">" + symbol(kind) + "</span>"
    }

    // MARK: - Style

    static let css = """
        :root { --ar: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "DejaVu Sans", serif; }
        body { font: 15px/1.6 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d1d1f; background: #fafaf7;
          margin: 0; padding: 1.2em 2em 3em; }
        header { border-bottom: 1px solid #ccc; margin-bottom: 1em; }
        h1 { font-size: 1.4em; margin: 0 0 .3em; }
        h2 { font-size: 1.1em; margin: 1.4em 0 .5em; }
        .docs .doc { font-family: monospace; }
        ul.summary { list-style: none; padding: 0; margin: .4em 0; display: flex; flex-wrap: wrap; gap: .4em 1.4em; }
        ul.summary li.none { color: #888; }
        .legend { color: #444; font-size: .92em; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; background: #fff; }
        col.c-idx { width: 3.6em; } col.c-ar, col.c-en { width: calc(50% - 1.8em); }
        thead th { text-align: start; background: #eee; padding: .4em .8em; border-bottom: 2px solid #bbb; }
        thead th[dir=rtl] { text-align: right; font-family: var(--ar); }
        tbody { border-bottom: 1px solid #ddd; }
        tbody:nth-of-type(even) { background: #f6f7fb; }
        th[scope=row] { vertical-align: top; text-align: right; padding: .55em .5em; color: #555; font-weight: 600; }
        th[scope=row] small { display: block; font-weight: normal; color: #999; font-size: .8em; }
        td { vertical-align: top; padding: .5em .8em; overflow-wrap: anywhere; }
        td.ar { font-family: var(--ar); font-size: 1.2em; line-height: 2.1; text-align: right; border-right: 1px solid #e4e4e4; }
        td.en { line-height: 1.9; }
        td.en bdi[lang=ar] { font-family: var(--ar); font-size: 1.1em; background: #eef0f3; color: #444; border-radius: 3px; padding: 0 .15em; }
        mark { border-radius: 3px; padding: 0 .12em; color: inherit; border-bottom: 2px solid; cursor: help; }
        mark.m-exact { background: #dff3e4; border-color: #2e8b57; }
        mark.m-variant { background: #dde9fb; border-color: #2f6fd6; }
        mark.m-fuzzy { background: #ffe9cc; border-color: #e07b00; border-bottom-style: dashed; }
        mark.m-transliterated { background: #efe3fa; border-color: #8a4fc7; border-bottom-style: dotted; }
        .legend mark { padding: 0 .3em; }
        .badge { display: inline-block; font: bold 11px/1.5 "DejaVu Sans", sans-serif; color: #fff; border-radius: 8px;
          padding: 0 .45em; margin: 0 .2em; vertical-align: super; cursor: help; direction: ltr; unicode-bidi: isolate; }
        ul.summary .badge, tr.flags .badge { vertical-align: baseline; }
        .f-corrected-name { background: #2f6fd6; } .f-suggested-name { background: #e07b00; }
        .f-transliterated { background: #8a4fc7; } .f-bidi-control { background: #6b7280; }
        .f-bidi-unbalanced { background: #c62828; } .f-mt-missing-term { background: #ad1457; }
        tr.flags td { padding-top: 0; }
        tr.flags ul { list-style: none; margin: 0; padding: 0; font-size: .88em; color: #333; }
        tr.flags li { margin: .1em 0; }
        tr.flags .kind { font-family: monospace; color: #666; }
        tr.flags bdi[lang=ar] { font-family: var(--ar); font-size: 1.1em; }
        .ctl { font: 10px/1 monospace; border: 1px solid #c62828; color: #c62828; border-radius: 2px; padding: 0 2px; }
        .empty { color: #666; }

        """
}

/// HTML escaping with bidi isolation for the review page.
private enum HTMLText {
    enum Direction { case ltr, rtl }

    /// Strong right-to-left: Arabic and Hebrew letters, marks, tatweel and Arabic-Indic digits (which
    /// belong with the Arabic around them), and the Arabic semicolon and question mark.
    static func isRTL(_ v: UInt32) -> Bool {
        ArabicScalar.isWordPart(v) || (0x0590...0x05FF).contains(v) || (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v)
            || v == 0x061B || v == 0x061F
    }

    static func isLTR(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return ArabicScalar.isLatinLetter(v) }
        return !isRTL(v) && c.properties.isAlphabetic
    }

    static func isDigit(_ v: UInt32) -> Bool { ArabicScalar.digitValue(v) != nil }

    /// Writes `u` escaped, with every run of the direction opposite to `base` in a `<bdi>`: a run
    /// starts at a strong character of the other direction and ends at the last such character or
    /// digit before the next strong character of the base direction (digits go with the text before
    /// them, as the bidi algorithm's rules W2 and W7 do).
    static func isolated(_ u: ArraySlice<Unicode.Scalar>, base: Direction, into o: inout String) {
        let opposite: (Unicode.Scalar) -> Bool = base == .ltr ? { isRTL($0.value) } : { isLTR($0) }
        let same: (Unicode.Scalar) -> Bool = base == .ltr ? { isLTR($0) } : { isRTL($0.value) }
        var i = u.startIndex
        while i < u.endIndex {
            guard opposite(u[i]) else {
                text(u[i...i], into: &o)
                i += 1
                continue
            }
            var last = i
            var j = i
            while j < u.endIndex && !same(u[j]) {
                if opposite(u[j]) || isDigit(u[j].value) { last = j }
                j += 1
            }
            o += base == .ltr ? "<bdi dir=\"rtl\" lang=\"ar\">" : "<bdi dir=\"ltr\">"
            text(u[i...last], into: &o)
            o += "</bdi>"
            i = last + 1
        }
    }

    static func text(_ s: String, into o: inout String) { text(s.unicodeScalars, into: &o) }

    /// Character data: `& < > " '` escaped; controls, bidi controls and noncharacters shown as labels.
    static func text(_ u: some Sequence<Unicode.Scalar>, into o: inout String) {
        for c in u {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            default:
                if let name = visibleName(c) {
                    o += "<bdi class=\"ctl\" title=\"" + label(c) + " " + (c.properties.name ?? "") + "\">" + name + "</bdi>"
                } else {
                    o.unicodeScalars.append(c)
                }
            }
        }
    }

    /// An attribute value in double quotes; newlines kept (tooltips show them), controls as labels.
    static func attribute(_ s: String, into o: inout String) {
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            case "\n": o += "&#10;"
            default:
                if visibleName(c) != nil { o += "[" + label(c) + "]" } else { o.unicodeScalars.append(c) }
            }
        }
    }

    /// The label shown for a character that must not act on the page: bidi controls by their short
    /// names, other controls (except tab, LF, CR) and noncharacters as `U+XXXX`; nil for the rest.
    static func visibleName(_ c: Unicode.Scalar) -> String? {
        let v = c.value
        switch v {
        case 0x200E: return "LRM"
        case 0x200F: return "RLM"
        case 0x061C: return "ALM"
        case 0x202A: return "LRE"
        case 0x202B: return "RLE"
        case 0x202C: return "PDF"
        case 0x202D: return "LRO"
        case 0x202E: return "RLO"
        case 0x2066: return "LRI"
        case 0x2067: return "RLI"
        case 0x2068: return "FSI"
        case 0x2069: return "PDI"
        case 0x09, 0x0A, 0x0D: return nil
        case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: return label(c)
        default: return (v & 0xFFFE) == 0xFFFE ? label(c) : nil
        }
    }

    static func label(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
