import Checks
import Foundation

/// XLIFF 1.2, XLIFF 2.x and TMX 1.4b pairs, read with `SafeXMLReader`.
///
/// - XLIFF 1.2: every `<trans-unit>` (inside `<body>` or `<group>`), its `<source>` and `<target>`
///   (an empty English side when there is no target); units with `translate="no"` are skipped. The
///   file's `source-language` says which side is Arabic (a file from English to Arabic is read
///   the other way round).
/// - XLIFF 2.x: every `<segment>` of every `<unit>` (the unit id, with the segment id or number
///   when the unit has several); `srcLang`/`trgLang` on the root say which side is Arabic.
/// - TMX: every `<tu>` with a `<tuv>` whose `xml:lang` starts with `ar` and one with `en`; the unit
///   is its `tuid`, or `tu N`.
/// Inline markup: the text of `<g>`, `<mrk>`, `<pc>`, `<hi>` is kept; native codes (`<bpt>`,
/// `<ept>`, `<ph>`, `<it>`, `<ut>`, `<sub>`) are left out; XLIFF 2 `<cp hex="…"/>` is its character.
/// Refused with the element's line and column: an `<xliff>` root in a namespace other than XLIFF's
/// (none is accepted), a `<tmx>` root in any namespace, a `<file>` without `source-language`, an
/// XLIFF 2 root without `srcLang`, a `<tuv>` without `xml:lang`. Elements in other namespaces
/// (extensions) are never taken for units.
enum PairXMLReader {
    static let xliff12 = "urn:oasis:names:tc:xliff:document:1.2"
    static let xliffNamespacePrefix = "urn:oasis:names:tc:xliff:document:"

    static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> PairFile {
        let tree = try SafeXMLReader().read(bytes, file: file)
        let root = tree.root
        func fail(_ e: XMLTree.Element, _ message: String) -> FormatError {
            .unreadable(file: file, line: e.line, column: e.column, message: message)
        }
        switch root.name {
        case "xliff":
            // No namespace (some older tools) or XLIFF's own; any other is another vocabulary.
            guard root.namespace.isEmpty || root.namespace.hasPrefix(xliffNamespacePrefix) else {
                throw fail(root, "xliff: namespace \"\(root.namespace)\" is not XLIFF's (\(xliff12) or ...:2.0)")
            }
            let version = root.attributes["version"] ?? ""
            if version.hasPrefix("2") || root.namespace.hasPrefix(xliffNamespacePrefix + "2") {
                return PairFile(format: .xliff2, pairs: try xliff2(tree, file: file))
            }
            guard version.hasPrefix("1.") || root.namespace == xliff12 else {
                throw fail(root, "xliff: version \"\(version)\" is not read; XLIFF 1.2 and 2.x are")
            }
            return PairFile(format: .xliff12, pairs: try xliff1(tree, file: file))
        case "tmx":
            // TMX has no namespace.
            guard root.namespace.isEmpty else { throw fail(root, "tmx: <tmx> in namespace \"\(root.namespace)\"; TMX has none") }
            return PairFile(format: .tmx, pairs: try tmx(tree, file: file))
        default:
            throw fail(root, "pairs: the root element <\(root.name)> is neither <xliff> (XLIFF 1.2 or 2.x) nor <tmx>")
        }
    }

    /// Whether a language tag is Arabic or English.
    static func isArabic(_ tag: String?) -> Bool {
        tag.map { $0.lowercased() == "ar" || $0.lowercased().hasPrefix("ar-") || $0.lowercased().hasPrefix("ar_") } ?? false
    }
    static func isEnglish(_ tag: String?) -> Bool {
        tag.map { $0.lowercased() == "en" || $0.lowercased().hasPrefix("en-") || $0.lowercased().hasPrefix("en_") } ?? false
    }

    /// The translatable text of an element: text runs, and the text of inline elements that carry
    /// text, without native codes. Iterative (deep nesting cannot overflow the stack).
    static func inlineText(_ tree: XMLTree, _ index: Int) -> String {
        let skipped: Set<String> = ["bpt", "ept", "ph", "it", "ut", "sub"]
        var out = ""
        var stack: [(Int, Int)] = [(index, 0)]
        while let (e, pos) = stack.popLast() {
            let content = tree[e].content
            if pos >= content.count { continue }
            stack.append((e, pos + 1))
            switch content[pos] {
            case .text(let s): out += s
            case .element(let child):
                let c = tree[child]
                if c.name == "cp", let hex = c.attributes["hex"], let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) {
                    out.unicodeScalars.append(u)
                } else if !skipped.contains(c.name) {
                    stack.append((child, 0))
                }
            }
        }
        return out
    }

    /// All elements with this local name in the document's namespace (the root's), in document
    /// order: elements of other vocabularies (extensions) are not taken for the format's own.
    static func elements(_ tree: XMLTree, named name: String) -> [Int] {
        let ns = tree.root.namespace
        return tree.elements.indices.filter { tree[$0].name == name && tree[$0].namespace == ns }
    }

    static func child(_ tree: XMLTree, _ parent: Int, _ name: String) -> Int? {
        let ns = tree.root.namespace
        return tree.children(of: parent).first { tree[$0].name == name && tree[$0].namespace == ns }
    }

    static func pair(_ tree: XMLTree, file: String, unit: String?, arabic: Int, english: Int?) -> SentencePair {
        let a = tree[arabic]
        let e = english.map { tree[$0] } ?? a
        return SentencePair(
            arabic: inlineText(tree, arabic), english: english.map { inlineText(tree, $0) } ?? "", file: file, unit: unit, line: a.line,
            arabicColumn: a.column, englishColumn: e.column, englishLine: e.line, exactColumns: false)
    }

    static func xliff1(_ tree: XMLTree, file: String) throws(FormatError) -> [SentencePair] {
        // source-language is required, and says which side is Arabic: without it a file would be
        // read in a direction guessed.
        for f in elements(tree, named: "file") where tree[f].attributes["source-language"] == nil {
            throw .unreadable(
                file: file, line: tree[f].line, column: tree[f].column,
                message: "xliff: <file> has no source-language attribute (XLIFF 1.2 requires it)")
        }
        var pairs: [SentencePair] = []
        for u in elements(tree, named: "trans-unit") {
            let el = tree[u]
            if el.attributes["translate"] == "no" { continue }
            guard let source = child(tree, u, "source") else {
                throw .unreadable(
                    file: file, line: el.line, column: el.column,
                    message: "xliff: <trans-unit> \(el.attributes["id"].map { "\"\($0)\" " } ?? "")has no <source>")
            }
            let target = child(tree, u, "target")
            // The enclosing <file> says which language is which.
            var f = el.parent
            while let p = f, tree[p].name != "file" { f = tree[p].parent }
            let sourceLanguage = f.flatMap { tree[$0].attributes["source-language"] }
            let targetLanguage = f.flatMap { tree[$0].attributes["target-language"] }
            let reversed = isEnglish(sourceLanguage) && (isArabic(targetLanguage) || targetLanguage == nil)
            if reversed {
                // English to Arabic: nothing to check until the Arabic target exists.
                if let target { pairs.append(pair(tree, file: file, unit: el.attributes["id"], arabic: target, english: source)) }
            } else {
                pairs.append(pair(tree, file: file, unit: el.attributes["id"], arabic: source, english: target))
            }
        }
        return pairs
    }

    static func xliff2(_ tree: XMLTree, file: String) throws(FormatError) -> [SentencePair] {
        let root = tree.root
        guard root.attributes["srcLang"] != nil else {
            throw .unreadable(
                file: file, line: root.line, column: root.column, message: "xliff: <xliff> has no srcLang attribute (XLIFF 2 requires it)")
        }
        let reversed = isEnglish(root.attributes["srcLang"]) && (isArabic(root.attributes["trgLang"]) || root.attributes["trgLang"] == nil)
        var pairs: [SentencePair] = []
        for u in elements(tree, named: "unit") {
            let el = tree[u]
            if el.attributes["translate"] == "no" { continue }
            let segments = tree.children(of: u).filter { tree[$0].name == "segment" }
            for (k, s) in segments.enumerated() {
                guard let source = child(tree, s, "source") else {
                    let seg = tree[s]
                    throw .unreadable(
                        file: file, line: seg.line, column: seg.column,
                        message: "xliff: a <segment> of unit \(el.attributes["id"].map { "\"\($0)\"" } ?? "") has no <source>")
                }
                let target = child(tree, s, "target")
                var unit = el.attributes["id"]
                if segments.count > 1 { unit = (unit ?? "") + "/" + (tree[s].attributes["id"] ?? String(k + 1)) }
                if reversed {
                    if let target { pairs.append(pair(tree, file: file, unit: unit, arabic: target, english: source)) }
                } else {
                    pairs.append(pair(tree, file: file, unit: unit, arabic: source, english: target))
                }
            }
        }
        return pairs
    }

    static func tmx(_ tree: XMLTree, file: String) throws(FormatError) -> [SentencePair] {
        var pairs: [SentencePair] = []
        let units = elements(tree, named: "tu")
        for (k, u) in units.enumerated() {
            var arabic: Int?
            var english: Int?
            for v in tree.children(of: u) where tree[v].name == "tuv" {
                guard let lang = tree[v].attributes["xml:lang"] ?? tree[v].attributes["lang"] else {
                    throw .unreadable(
                        file: file, line: tree[v].line, column: tree[v].column, message: "tmx: a <tuv> without xml:lang (TMX requires it)")
                }
                guard let seg = child(tree, v, "seg") else {
                    throw .unreadable(file: file, line: tree[v].line, column: tree[v].column, message: "tmx: a <tuv> without <seg>")
                }
                if isArabic(lang) && arabic == nil { arabic = seg }
                if isEnglish(lang) && english == nil { english = seg }
            }
            guard let arabic, let english else { continue }
            pairs.append(pair(tree, file: file, unit: tree[u].attributes["tuid"] ?? "tu \(k + 1)", arabic: arabic, english: english))
        }
        if pairs.isEmpty && !units.isEmpty {
            let first = tree[units[0]]
            throw .unreadable(
                file: file, line: first.line, column: first.column,
                message: "tmx: no <tu> has both an Arabic (xml:lang=\"ar…\") and an English (\"en…\") <tuv>")
        }
        return pairs
    }
}
