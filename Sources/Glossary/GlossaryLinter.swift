import ArabicText
import Foundation

/// Checks glossary files for what the reader accepts but a glossary should not contain: duplicate
/// and colliding entries (by matching key, across all the files linted together), redundant and
/// empty variants, Latin letters or harakat in Arabic fields, invisible characters, and spaces around
/// fields. Lines that do not parse are reported too, and linting goes on with the next line.
///
/// ```swift
/// let findings = GlossaryLinter.lint(sources: [(file: "names.tsv", tsv: "بيت\tHouse\nبيت\tHome\n")])
/// // names.tsv:2:1: error: glossary: 'بيت' is already an entry with another English term ... [conflicting-english]
/// ```
/// - Complexity: O(n) in the total size of the files (matching keys are hashed).
public enum GlossaryLinter {
    /// Lints files by path (the paths as given name the files in findings).
    public static func lint(paths: [String]) -> [GlossaryLintFinding] {
        var sources: [(file: String, tsv: String)] = []
        var unreadable: [GlossaryLintFinding] = []
        for path in paths {
            do {
                sources.append((path, try TextDecoder.decode(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).text))
            } catch {
                unreadable.append(
                    GlossaryLintFinding(
                        file: path, line: 0, column: 0, severity: .error, code: .unreadable, message: error.message))
            }
        }
        return unreadable + lint(sources: sources)
    }

    /// Lints glossary texts together. Lines that do not parse are reported as `malformed` and left
    /// out of the other checks.
    public static func lint(sources: [(file: String, tsv: String)]) -> [GlossaryLintFinding] {
        var documents: [GlossaryDocument] = []
        var findings: [GlossaryLintFinding] = []
        for (file, tsv) in sources {
            var lines: [GlossaryDocument.Line] = []
            for (i, raw) in GlossaryDocument.splitLines(tsv).enumerated() {
                do {
                    lines.append(try GlossaryDocument.parseLine(raw, lineNumber: i + 1, file: file))
                } catch {
                    if case .malformed(_, let line, let column, let message) = error {
                        findings.append(
                            GlossaryLintFinding(
                                file: file, line: line, column: column, severity: .error, code: .malformed, message: message))
                    }
                    // Keep the line count so later lines keep their numbers.
                    lines.append(.verbatim(""))
                }
            }
            documents.append(GlossaryDocument(lines: lines, file: file))
        }
        return sorted(findings + lint(documents), files: sources.map(\.file))
    }

    /// Lints parsed documents together (entries added in memory are checked as they would be written).
    public static func lint(_ documents: [GlossaryDocument]) -> [GlossaryLintFinding] {
        var state = LintState()
        for document in documents {
            let file = document.file ?? "<glossary>"
            for (index, line) in document.lines.enumerated() {
                switch line {
                case .verbatim(let text):
                    state.checkInvisible(Array(text.unicodeScalars), file: file, line: index + 1, severity: .warning)
                case .entry(let entry, let lineNumber, let raw):
                    let number = lineNumber > 0 ? lineNumber : index + 1
                    let text = raw ?? GlossaryDocument.format(entry)
                    state.collect(entry, raw: Array(text.unicodeScalars), file: file, line: number)
                }
            }
        }
        state.checkCollisions()
        return sorted(state.findings, files: documents.map { $0.file ?? "<glossary>" })
    }

    /// What adding `entry` to `document` would collide with, found at the existing entries: its
    /// Arabic term is another entry's variant, or one of its variants is another entry's term or
    /// variant (all by matching key). An Arabic term that is already a term is left to
    /// `GlossaryDocument.add`, which refuses it. Empty when the entry can be added cleanly.
    ///
    /// ```swift
    /// let doc = try GlossaryDocument(tsv: "بلينكن\tBlinken\t\tبلينكين\tperson\n", file: "names.tsv")
    /// GlossaryLinter.conflicts(adding: GlossaryEntry(arabic: "بلينكين", english: "Blinken"), to: doc)
    /// // names.tsv:1:17: error: glossary: 'بلينكين' is already a variant of 'بلينكن' (Blinken) [variant-collision]
    /// ```
    public static func conflicts(adding entry: GlossaryEntry, to document: GlossaryDocument) -> [GlossaryLintFinding] {
        var state = LintState()
        let file = document.file ?? "<glossary>"
        for (index, line) in document.lines.enumerated() {
            guard case .entry(let e, let lineNumber, let raw) = line else { continue }
            let text = raw ?? GlossaryDocument.format(e)
            state.collect(e, raw: Array(text.unicodeScalars), file: file, line: lineNumber > 0 ? lineNumber : index + 1)
        }
        let key = Normalizer.key(entry.arabic)
        let newVariants = entry.variants.map { ($0, Normalizer.key($0)) }
        var found: [GlossaryLintFinding] = []
        func clash(_ item: LintState.Item, _ column: Int, _ message: String) {
            found.append(
                GlossaryLintFinding(
                    file: item.file, line: item.line, column: column, severity: .error, code: .variantCollision,
                    message: message + " of '\(item.entry.arabic)' (\(item.entry.english))"))
        }
        for item in state.items where item.key != key {
            for v in item.variants where v.key == key {
                clash(item, v.column, "'\(entry.arabic)' is already a variant")
            }
            for (variant, variantKey) in newVariants {
                if variantKey == item.key { clash(item, 1, "the variant '\(variant)' is already the Arabic term") }
                for v in item.variants where v.key == variantKey {
                    clash(item, v.column, "the variant '\(variant)' is already a variant")
                }
            }
        }
        return found
    }

    /// Findings in the order of the files given, then by line and column (stable otherwise).
    static func sorted(_ findings: [GlossaryLintFinding], files: [String]) -> [GlossaryLintFinding] {
        var rank: [String: Int] = [:]
        for (i, f) in files.enumerated() where rank[f] == nil { rank[f] = i }
        return findings.enumerated().sorted { a, b in
            let ka = (rank[a.element.file] ?? -1, a.element.line, a.element.column, a.offset)
            let kb = (rank[b.element.file] ?? -1, b.element.line, b.element.column, b.offset)
            return ka < kb
        }.map(\.element)
    }
}

/// The working state of one lint run.
struct LintState {
    /// A field of a line: its scalars and the 1-based column where it starts.
    struct Field {
        var scalars: ArraySlice<Unicode.Scalar>
        var column: Int
        var text: String { String(scalars: scalars) }
        var isBlank: Bool { scalars.allSatisfy { ArabicScalar.isWhitespace($0.value) } }

        /// The field without surrounding whitespace, with its column.
        var trimmed: Field {
            var s = scalars
            var c = column
            while let f = s.first, ArabicScalar.isWhitespace(f.value) {
                s = s.dropFirst()
                c += 1
            }
            while let l = s.last, ArabicScalar.isWhitespace(l.value) { s = s.dropLast() }
            return Field(scalars: s, column: c)
        }

        func split(on separator: Unicode.Scalar) -> [Field] {
            var out: [Field] = []
            var start = scalars.startIndex
            var i = scalars.startIndex
            while i < scalars.endIndex {
                if scalars[i] == separator {
                    out.append(Field(scalars: scalars[start..<i], column: column + (start - scalars.startIndex)))
                    start = i + 1
                }
                i += 1
            }
            out.append(Field(scalars: scalars[start..<i], column: column + (start - scalars.startIndex)))
            return out
        }
    }

    /// An entry as read, with where it and its variants are.
    struct Item {
        var entry: GlossaryEntry
        var file: String
        var line: Int
        var key: String
        /// Variants with their keys and locations (empty items left out).
        var variants: [(text: String, key: String, column: Int)]
        /// An earlier identical entry makes this one a duplicate: its variants are not checked again.
        var isDuplicate = false

        var location: GlossaryLintFinding.Location { .init(file: file, line: line, column: 1) }
    }

    static let fieldNames = ["Arabic term", "English term", "comment", "variants", "kind", "English variants"]

    var findings: [GlossaryLintFinding] = []
    var items: [Item] = []

    mutating func add(
        _ file: String, _ line: Int, _ column: Int, _ code: GlossaryLintFinding.Code, _ severity: GlossaryLintFinding.Severity,
        _ message: String, related: GlossaryLintFinding.Location? = nil
    ) {
        findings.append(
            GlossaryLintFinding(file: file, line: line, column: column, severity: severity, code: code, message: message, related: related))
    }

    // MARK: Checks on one line

    mutating func checkInvisible(_ scalars: [Unicode.Scalar], file: String, line: Int, severity: GlossaryLintFinding.Severity) {
        for (i, s) in scalars.enumerated() where ArabicScalar.isInvisibleFormat(s.value) {
            let what = ArabicScalar.isBidiControl(s.value) ? "bidi control" : "invisible format character"
            add(
                file, line, i + 1, .invisibleCharacter, severity,
                "\(what) \(Self.name(s)); it can hide or reorder text on screen and is dropped from matching keys")
        }
    }

    mutating func collect(_ entry: GlossaryEntry, raw: [Unicode.Scalar], file: String, line: Int) {
        checkInvisible(raw, file: file, line: line, severity: .error)
        var fields = Field(scalars: raw[...], column: 1).split(on: "\t")
        while fields.count > 2, fields.last?.scalars.isEmpty == true { fields.removeLast() }
        // Surrounding spaces: list columns item by item, the others as a whole.
        for (i, field) in fields.enumerated() where i < Self.fieldNames.count {
            if i == 3 || i == 5 {
                if field.isBlank && !field.scalars.isEmpty {
                    add(file, line, field.column, .surroundingSpace, .warning, "the \(Self.fieldNames[i]) column holds only spaces")
                    continue
                }
                if field.scalars.isEmpty { continue }
                for part in field.split(on: ";") where !part.isBlank {
                    checkSpaces(part, what: (i == 3 ? "variant" : "English variant") + " '\(part.trimmed.text)'", file: file, line: line)
                }
            } else {
                checkSpaces(field, what: "the \(Self.fieldNames[i])", file: file, line: line)
            }
        }
        // The Arabic term.
        let arabic = fields[0].trimmed
        checkArabicLetters(arabic, what: "the Arabic term '\(arabic.text)'", file: file, line: line)
        // Variants and English variants: empty items, Arabic letters.
        var variants: [(String, String, Int)] = []
        for listIndex in [3, 5] where fields.count > listIndex && !fields[listIndex].isBlank {
            let english = listIndex == 5
            for part in fields[listIndex].split(on: ";") {
                if part.isBlank {
                    add(
                        file, line, part.column, .emptyVariant, .warning,
                        "empty \(english ? "English variant" : "variant") (two ';' in a row, or a ';' at the start or end of the column)")
                    continue
                }
                if english { continue }
                let v = part.trimmed
                checkArabicLetters(v, what: "the variant '\(v.text)'", file: file, line: line)
                variants.append((v.text, Normalizer.key(v.text), v.column))
            }
        }
        items.append(Item(entry: entry, file: file, line: line, key: Normalizer.key(entry.arabic), variants: variants))
    }

    mutating func checkSpaces(_ field: Field, what: String, file: String, line: Int) {
        guard let first = field.scalars.first, let last = field.scalars.last else { return }
        if field.isBlank {
            add(file, line, field.column, .surroundingSpace, .warning, "\(what) holds only spaces")
            return
        }
        if ArabicScalar.isWhitespace(first.value) {
            add(file, line, field.column, .surroundingSpace, .warning, "leading space in \(what)")
        }
        if ArabicScalar.isWhitespace(last.value) {
            let t = field.trimmed
            add(file, line, t.column + t.scalars.count, .surroundingSpace, .warning, "trailing space in \(what)")
        }
    }

    mutating func checkArabicLetters(_ field: Field, what: String, file: String, line: Int) {
        if let i = field.scalars.firstIndex(where: { ArabicScalar.isLatinLetter($0.value) }) {
            let column = field.column + (i - field.scalars.startIndex)
            add(file, line, column, .latinInArabic, .error, "Latin letter '\(field.scalars[i])' in \(what)")
        }
        if let i = field.scalars.firstIndex(where: { ArabicScalar.isMark($0.value) || $0.value == ArabicScalar.tatweel }) {
            let column = field.column + (i - field.scalars.startIndex)
            let mark = field.scalars[i].value == ArabicScalar.tatweel ? "tatweel" : "harakat"
            add(
                file, line, column, .harakat, .warning,
                "\(mark) in \(what) (\(Self.name(field.scalars[i]))); matching keys strip them, so it still matches, but glossary spellings are written without them"
            )
        }
    }

    // MARK: Checks across entries

    mutating func checkCollisions() {
        // Terms by matching key, in file order.
        var termIndex: [String: [Int]] = [:]
        for (i, item) in items.enumerated() { termIndex[item.key, default: []].append(i) }
        for i in items.indices {
            guard let group = termIndex[items[i].key], let firstIndex = group.first, firstIndex != i else { continue }
            let item = items[i]
            let earlier = group.prefix { $0 != i }
            if let same = earlier.first(where: { items[$0].entry == item.entry }) {
                items[i].isDuplicate = true
                add(
                    item.file, item.line, 1, .duplicateEntry, .error,
                    "duplicate entry '\(item.entry.arabic)': the same entry is at \(items[same].location)", related: items[same].location)
                continue
            }
            let first = items[firstIndex]
            if first.entry.english != item.entry.english {
                add(
                    item.file, item.line, 1, .conflictingEnglish, .error,
                    "'\(item.entry.arabic)' is already an entry with another English term: '\(first.entry.english)' at \(first.location), '\(item.entry.english)' here",
                    related: first.location)
            } else {
                let how = first.entry.arabic == item.entry.arabic ? "the same Arabic term" : "the same matching key '\(item.key)'"
                add(
                    item.file, item.line, 1, .duplicateKey, .error,
                    "'\(item.entry.arabic)' has \(how) as '\(first.entry.arabic)' at \(first.location); merge the two entries",
                    related: first.location)
            }
        }
        // Variants, against their own term, earlier variants of the entry, other terms and other
        // entries' earlier variants.
        var variantIndex: [String: (item: Int, text: String, column: Int)] = [:]
        for i in items.indices where !items[i].isDuplicate {
            let item = items[i]
            var own: [String: String] = [:]
            for v in item.variants {
                if v.key == item.key {
                    add(
                        item.file, item.line, v.column, .redundantVariant, .warning,
                        "variant '\(v.text)' has the matching key of its own term '\(item.entry.arabic)'; it is redundant")
                    continue
                }
                if let previous = own[v.key] {
                    add(
                        item.file, item.line, v.column, .redundantVariant, .warning,
                        "variant '\(v.text)' has the matching key of the earlier variant '\(previous)' of the same entry; it is redundant")
                    continue
                }
                own[v.key] = v.text
                if let other = termIndex[v.key]?.first(where: { $0 != i }) {
                    let o = items[other]
                    add(
                        item.file, item.line, v.column, .variantCollision, .error,
                        "variant '\(v.text)' of '\(item.entry.arabic)' has the matching key of the entry '\(o.entry.arabic)' (\(o.entry.english)) at \(o.location)",
                        related: o.location)
                } else if let other = variantIndex[v.key], items[other.item].key != item.key {
                    let o = items[other.item]
                    let location = GlossaryLintFinding.Location(file: o.file, line: o.line, column: other.column)
                    add(
                        item.file, item.line, v.column, .variantCollision, .error,
                        "variant '\(v.text)' of '\(item.entry.arabic)' has the matching key of the variant '\(other.text)' of '\(o.entry.arabic)' at \(location)",
                        related: location)
                } else if variantIndex[v.key] == nil {
                    variantIndex[v.key] = (i, v.text, v.column)
                }
            }
        }
    }

    static func name(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return s.properties.name.map { code + " " + $0 } ?? code
    }
}
