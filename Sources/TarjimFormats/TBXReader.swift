import Glossary

/// Turns a parsed TBX v2 or v3 tree into glossary entries (the rules are in ``GlossaryTBX``).
struct TBXReader {
    let tree: XMLTree
    let version: GlossaryTBX.Version
    let file: String?

    /// Element names by version.
    private var ns: String { version == .v3 ? GlossaryTBX.v3Namespace : "" }
    private var entryName: String { version == .v3 ? "conceptEntry" : "termEntry" }
    private var langName: String { version == .v3 ? "langSec" : "langSet" }

    private func fail(_ index: Int, _ message: String) -> FormatError {
        .tbx(file: file, line: tree[index].line, column: tree[index].column, message: message)
    }

    /// The only child with this name, or an error naming the parent.
    private func child(_ parent: Int, _ name: String) throws(FormatError) -> Int? {
        let found = tree.children(of: parent, named: name, namespace: ns)
        if found.count > 1 { throw fail(found[1], "a second <\(name)> in <\(tree[parent].name)>") }
        return found.first
    }

    func entries() throws(FormatError) -> [GlossaryEntry] {
        let root = tree.rootIndex
        guard let text = try child(root, "text") else {
            throw fail(root, "<\(tree[root].name)> has no <text> element, so no entries")
        }
        guard let body = try child(text, "body") else { return [] }
        var result: [GlossaryEntry] = []
        for c in tree.children(of: body) {
            let el = tree[c]
            guard el.namespace == ns else { continue }
            if el.name == entryName {
                result.append(try entry(c))
            } else {
                throw fail(c, "unexpected <\(el.name)> in <body>; expected <\(entryName)>")
            }
        }
        return result
    }

    /// A term as found: its text (whitespace layout folded), status, element.
    private struct FoundTerm {
        var text: String
        var status: String?
        var element: Int
    }

    private func entry(_ e: Int) throws(FormatError) -> GlossaryEntry {
        var kind = EntryKind.term
        var kindSeen = false
        var commentParts: [String] = []
        var arabic: [FoundTerm] = []
        var english: [FoundTerm] = []
        var sawArabicSet = false
        var sawEnglishSet = false
        for c in tree.children(of: e) {
            let el = tree[c]
            guard el.namespace == ns else { continue }
            switch el.name {
            case "descrip":
                let value = Self.foldLayout(tree.text(of: c))
                if el.attributes["type"] == "subjectField", !kindSeen,
                    let k = EntryKind(rawValue: GlossaryFields.trimmed(value).lowercased())
                {
                    kind = k
                    kindSeen = true
                } else if el.attributes["type"] == "definition" {
                    commentParts.append(value)
                }
            case "note":
                commentParts.append(Self.foldLayout(tree.text(of: c)))
            case langName:
                guard let lang = el.attributes["xml:lang"] else {
                    throw fail(c, "<\(langName)> without xml:lang")
                }
                let primary = lang.split(separator: "-").first.map { $0.lowercased() } ?? ""
                if primary == "ar" {
                    sawArabicSet = true
                    arabic += try terms(in: c)
                } else if primary == "en" {
                    sawEnglishSet = true
                    english += try terms(in: c)
                }
            default:
                break
            }
        }
        let id = tree[e].attributes["id"].map { " '\($0)'" } ?? ""
        guard !arabic.isEmpty else {
            throw fail(e, "<\(entryName)>\(id) has no Arabic term" + (sawArabicSet ? "" : " (no <\(langName) xml:lang=\"ar\">)"))
        }
        guard !english.isEmpty else {
            throw fail(e, "<\(entryName)>\(id) has no English term" + (sawEnglishSet ? "" : " (no <\(langName) xml:lang=\"en\">)"))
        }

        // Arabic: the first preferred term, else the first; the others are variants.
        let ai = arabic.firstIndex { $0.status == "preferredTerm-admn-sts" } ?? 0
        var variants = arabic
        let canonicalArabic = variants.remove(at: ai)
        if let p = GlossaryFields.checkArabic(canonicalArabic.text) { throw fail(canonicalArabic.element, p.message) }
        for v in variants {
            if let p = GlossaryFields.checkTerm(v.text, what: "Arabic variant", isVariant: true) { throw fail(v.element, p.message) }
        }

        // English: deprecated and superseded terms are not accepted renderings.
        let rejected: Set<String> = ["deprecatedTerm-admn-sts", "supersededTerm-admn-sts"]
        var accepted = english.filter { !rejected.contains($0.status ?? "") }
        guard !accepted.isEmpty else {
            throw fail(english[0].element, "every English term of this entry is marked deprecated or superseded")
        }
        let ei =
            accepted.firstIndex { $0.status == "preferredTerm-admn-sts" }
            ?? accepted.firstIndex { $0.status == nil }
            ?? 0
        let canonicalEnglish = accepted.remove(at: ei)
        if let p = GlossaryFields.checkTerm(canonicalEnglish.text, what: "English term", isVariant: false) {
            throw fail(canonicalEnglish.element, p.message)
        }
        for v in accepted {
            if let p = GlossaryFields.checkTerm(v.text, what: "English variant", isVariant: true) { throw fail(v.element, p.message) }
        }

        let comment = commentParts.joined(separator: "; ")
        if let p = GlossaryFields.checkComment(comment) { throw fail(e, p.message) }
        return GlossaryEntry(
            arabic: canonicalArabic.text, english: canonicalEnglish.text, comment: comment, variants: variants.map(\.text), kind: kind,
            englishVariants: accepted.map(\.text))
    }

    /// The terms of a language set: v2 `<tig>` and `<ntig>` (`<termGrp>`), v3 `<termSec>`.
    private func terms(in langSet: Int) throws(FormatError) -> [FoundTerm] {
        var out: [FoundTerm] = []
        for c in tree.children(of: langSet) where tree[c].namespace == ns {
            let holder: Int
            switch (version, tree[c].name) {
            case (.v2, "tig"), (.v3, "termSec"):
                holder = c
            case (.v2, "ntig"):
                guard let g = try child(c, "termGrp") else { throw fail(c, "<ntig> without <termGrp>") }
                holder = g
            default:
                continue
            }
            guard let term = try child(holder, "term") else { throw fail(c, "<\(tree[c].name)> without <term>") }
            let text = GlossaryFields.trimmed(Self.foldLayout(tree.text(of: term)))
            if text.isEmpty { throw fail(term, "empty <term>") }
            var status: String?
            for n in tree.children(of: holder, named: "termNote", namespace: ns)
            where tree[n].attributes["type"] == "administrativeStatus" {
                status = GlossaryFields.trimmed(tree.text(of: n))
                break
            }
            out.append(FoundTerm(text: text, status: status, element: term))
        }
        return out
    }

    /// Each run of whitespace that contains a tab or a line break becomes one space, and such runs are
    /// trimmed at the ends (they are the indentation of a pretty-printed file). Other text is unchanged.
    static func foldLayout(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return s }
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        var runHasLayout = false
        func flush(atEnd: Bool) {
            if runHasLayout {
                if !out.isEmpty && !atEnd { out.append(" ") }
            } else {
                out.append(contentsOf: run)
            }
            run = String.UnicodeScalarView()
            runHasLayout = false
        }
        for c in scalars {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                run.append(c)
                if c != " " { runHasLayout = true }
            } else {
                if !run.isEmpty { flush(atEnd: false) }
                out.append(c)
            }
        }
        if !run.isEmpty { flush(atEnd: true) }
        return String(out)
    }
}
