import ArabicText
import Foundation

/// A glossary file as lines: entries, comments and blank lines, in file order. Parsing and
/// serializing an untouched document gives back the same bytes (apart from a BOM and CRLF line
/// ends, which are normalized to LF on write, and a missing final newline, which is added); edits
/// touch only the lines they change.
///
/// ## The TSV format
/// UTF-8, tab-separated, one entry a line, `#` starts a comment line, blank lines are ignored.
/// Columns: 1 Arabic term, 2 English term, 3 comment, 4 variants (`;`-separated), 5 kind (`person`,
/// `place`, `org`, `term`; empty = term), 6 English variants (`;`-separated). Columns 3–6 may be
/// absent; columns 1–3 are OmegaT's glossary columns.
public struct GlossaryDocument: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        /// An entry, with its 1-based line number in the file it was read from (0 for added ones)
        /// and the line as read (nil for added ones), which is written back unchanged.
        case entry(GlossaryEntry, lineNumber: Int, raw: String?)
        /// A comment or blank line, kept verbatim.
        case verbatim(String)
    }

    public var lines: [Line]
    /// The file name for messages.
    public var file: String?

    public init(lines: [Line] = [], file: String? = nil) {
        self.lines = lines
        self.file = file
    }

    /// The entries in file order.
    public var entries: [GlossaryEntry] {
        lines.compactMap { if case .entry(let e, _, _) = $0 { return e } else { return nil } }
    }

    /// The entries with their line numbers.
    public var numberedEntries: [(entry: GlossaryEntry, line: Int)] {
        lines.compactMap { if case .entry(let e, let n, _) = $0 { return (e, n) } else { return nil } }
    }

    /// Parses TSV text. Throws at the first malformed line, with its line and column.
    public init(tsv text: String, file: String? = nil) throws(GlossaryError) {
        try self.init(tsv: text, file: file, keepRaw: true)
    }

    /// `keepRaw: false` leaves out the lines as read (`raw` nil, comments and blank lines empty):
    /// enough to load a glossary for matching, and faster.
    init(tsv text: String, file: String?, keepRaw: Bool) throws(GlossaryError) {
        self.file = file
        var text = text
        let parsed = text.withUTF8 { buf -> Result<[Line], GlossaryError> in
            var lines: [Line] = []
            var start = buf.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var number = 0
            while start < buf.count {
                var end = start
                while end < buf.count && buf[end] != 0x0A { end += 1 }
                number += 1
                do throws(GlossaryError) {
                    lines.append(
                        try Self.parseLine(
                            UnsafeBufferPointer(rebasing: buf[start..<end]), lineNumber: number, file: file, keepRaw: keepRaw))
                } catch {
                    return .failure(error)
                }
                start = end + 1
            }
            return .success(lines)
        }
        switch parsed {
        case .success(let l): lines = l
        case .failure(let e): throw e
        }
    }

    static func splitLines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        // Split on U+000A scalars: as Characters, "\r\n" is one grapheme that never equals "\n".
        var rawLines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        if rawLines.last == "" { rawLines.removeLast() }
        return rawLines
    }

    /// Parses one line of a glossary text (as given by `splitLines`).
    static func parseLine(_ line: Substring, lineNumber: Int, file: String?) throws(GlossaryError) -> Line {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { (b) throws(GlossaryError) -> Line in try parseLine(b, lineNumber: lineNumber, file: file)
        }
    }

    /// Parses one line given as UTF-8 bytes (without its LF; a final CR is dropped).
    static func parseLine(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, file: String?, keepRaw: Bool = true) throws(GlossaryError)
        -> Line
    {
        var raw = line
        if raw.last == 0x0D { raw = UnsafeBufferPointer(rebasing: raw.dropLast()) }
        // A comment starts with `#` after optional spaces; after a tab, `#` is an English term
        // with an empty Arabic column (an error), not a comment that silently drops the line.
        let blank = raw.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let afterSpaces = raw.firstIndex { $0 != 0x20 }
        if blank || (afterSpaces.map { raw[$0] == 0x23 } ?? false) {
            try checkControls(raw, line: lineNumber, file: file)
            return .verbatim(keepRaw ? String(decoding: raw, as: UTF8.self) : "")
        }
        return .entry(
            try parseEntry(raw, line: lineNumber, file: file), lineNumber: lineNumber,
            raw: keepRaw ? String(decoding: raw, as: UTF8.self) : nil)
    }

    /// Reads and parses a glossary file (UTF-8, with or without BOM).
    public init(contentsOf url: URL) throws(GlossaryError) {
        try self.init(contentsOf: url, keepRaw: true)
    }

    init(contentsOf url: URL, keepRaw: Bool) throws(GlossaryError) {
        let text: String
        do {
            text = try TextDecoder.decode(contentsOf: url, encoding: .utf8).text
        } catch {
            throw .unreadable(file: url.path, reason: error.message)
        }
        try self.init(tsv: text, file: url.path, keepRaw: keepRaw)
    }

    /// Serializes to TSV: verbatim lines as they were, entries with trailing empty columns trimmed.
    public var tsv: String {
        var out = ""
        for line in lines {
            switch line {
            case .verbatim(let s): out += s
            case .entry(let e, _, let raw): out += raw ?? Self.format(e)
            }
            out += "\n"
        }
        // A first line that starts with U+FEFF would lose it to BOM stripping when read back (an
        // entry would even turn into a comment): a BOM in front keeps it (found by fuzzing, Fuzz/).
        if out.unicodeScalars.first == "\u{FEFF}" { out = "\u{FEFF}" + out }
        return out
    }

    /// One entry as a TSV line (without the newline): five columns, and the sixth when it has
    /// English variants.
    public static func format(_ e: GlossaryEntry) -> String {
        var cols = [e.arabic, e.english, e.comment, e.variants.joined(separator: ";"), e.kind.rawValue]
        if !e.englishVariants.isEmpty { cols.append(e.englishVariants.joined(separator: ";")) }
        return cols.joined(separator: "\t")
    }

    static let maxColumns = 6

    static func parseEntry(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, file: String?) throws(GlossaryError) -> GlossaryEntry {
        // Works on the line's UTF-8 bytes (a glossary of 100,000 entries loads in well under a
        // second); columns, in Unicode scalars, are only counted for an error message.
        func column(at byte: Int) -> Int {
            var c = 1
            for k in 0..<byte where bytes[k] & 0xC0 != 0x80 { c += 1 }
            return c
        }
        func fail(_ byte: Int, _ message: String) -> GlossaryError {
            .malformed(file: file, line: line, column: column(at: byte), message: message)
        }
        try checkControls(bytes, line: line, file: file)
        // Fields as byte ranges between tabs (the first maxColumns + 1 kept inline: an array per
        // line was a third of the parse).
        var fields = FieldRanges()
        var start = 0
        for k in bytes.indices where bytes[k] == 0x09 {
            fields.append(start..<k)
            start = k + 1
        }
        fields.append(start..<bytes.count)
        // Trailing empty columns (trailing tabs) are tolerated.
        fields.dropTrailingEmpty(keeping: 2)
        guard fields.count >= 2 else { throw fail(bytes.count, "expected a tab and an English term after the Arabic term") }
        guard fields.count <= maxColumns else {
            throw fail(
                fields[maxColumns].lowerBound,
                "too many columns (\(fields.count)); at most \(maxColumns): arabic, english, comment, variants, kind, english variants")
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
        func trimmed(_ s: some StringProtocol) -> String { ArabicScalar.trimmingWhitespace(s) }
        // A field whose first byte and last scalar's lead byte can start no whitespace scalar
        // (ASCII controls and space; C2 for U+0085 and U+00A0, E1-E3 for U+1680 and
        // U+2000-U+3000) needs no trimming: made a String straight from its bytes.
        func mayNeedTrimming(_ b: UInt8) -> Bool { b <= 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) }
        func field(_ r: Range<Int>) -> String {
            guard !r.isEmpty else { return "" }
            var last = r.upperBound - 1
            while last > r.lowerBound && bytes[last] & 0xC0 == 0x80 { last -= 1 }
            if mayNeedTrimming(bytes[r.lowerBound]) || mayNeedTrimming(bytes[last]) { return trimmed(text(r)) }
            return text(r)
        }
        let arabic = field(fields[0])
        let english = field(fields[1])
        if arabic.isEmpty { throw fail(fields[0].lowerBound, "empty Arabic term") }
        // After other spaces (U+00A0...) than the ones a comment may start with, '#' would make an
        // entry that is written back as a comment line (found by fuzzing, Fuzz/).
        if arabic.utf8.first == 0x23 {
            throw fail(
                bytes[fields[0]].firstIndex(of: 0x23) ?? fields[0].lowerBound,
                "an Arabic term cannot start with '#' (a glossary line starting with '#' is a comment)")
        }
        if english.isEmpty { throw fail(fields[1].lowerBound, "empty English term") }
        let comment = fields.count > 2 ? text(fields[2]) : ""
        var variants: [String] = []
        if fields.count > 3 && !fields[3].isEmpty {
            // Split at the scalar ';': as a Character, ';' + a combining mark is not ';', and the
            // writer's join of a variant starting with a mark would not split back (fuzz-glossary-tsv).
            for v in text(fields[3]).unicodeScalars.split(separator: ";", omittingEmptySubsequences: true) {
                let t = trimmed(Substring(v))
                if !t.isEmpty { variants.append(t) }
            }
        }
        var kind = EntryKind.term
        if fields.count > 4, let known = Self.kind(exactly: UnsafeBufferPointer(rebasing: bytes[fields[4]])) {
            kind = known
        } else if fields.count > 4 {
            let k = trimmed(text(fields[4])).lowercased()
            if !k.isEmpty {
                guard let parsed = EntryKind(rawValue: k) else {
                    throw fail(fields[4].lowerBound, "unknown kind '\(text(fields[4]))'; use person, place, org or term")
                }
                kind = parsed
            }
        }
        var englishVariants: [String] = []
        if fields.count > 5 {
            englishVariants = text(fields[5]).unicodeScalars.split(separator: ";").map { trimmed(Substring($0)) }.filter { !$0.isEmpty }
        }
        return GlossaryEntry(
            arabic: arabic, english: english, comment: comment, variants: variants, kind: kind, englishVariants: englishVariants)
    }

    /// The kind a column spells exactly as written (`person`, `place`, `org`, `term`, the way
    /// glossaries write them), without making a String; nil for anything else (other case,
    /// spaces), which the caller parses in full.
    static func kind(exactly b: UnsafeBufferPointer<UInt8>) -> EntryKind? {
        for k in EntryKind.allCases where b.elementsEqual(k.rawValue.utf8) { return k }
        return nil
    }

    /// Control characters other than tab are refused: C0, DEL, and C1 (U+0080–009F, bytes C2 80–C2 9F).
    /// Bidi and other format characters are allowed here and reported by lint.
    static func checkControls(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, file: String?) throws(GlossaryError) {
        for k in bytes.indices {
            let b = bytes[k]
            var v: UInt32?
            if (b < 0x20 && b != 0x09) || b == 0x7F { v = UInt32(b) }
            if b == 0xC2, k + 1 < bytes.count, bytes[k + 1] >= 0x80 && bytes[k + 1] < 0xA0 { v = UInt32(bytes[k + 1]) }
            if let v {
                var column = 1
                for j in 0..<k where bytes[j] & 0xC0 != 0x80 { column += 1 }
                let hex = String(v, radix: 16, uppercase: true)
                throw .malformed(
                    file: file, line: line, column: column,
                    message: "control character U+\(String(repeating: "0", count: 4 - hex.count) + hex) in a glossary line")
            }
        }
    }
}

extension GlossaryDocument {
    /// Adds an entry at the end. Throws when an entry with the same Arabic term (by matching key)
    /// exists already.
    public mutating func add(_ entry: GlossaryEntry) throws(GlossaryError) {
        let key = Normalizer.key(entry.arabic)
        for (e, n) in numberedEntries where Normalizer.key(e.arabic) == key {
            throw .duplicate(file: file, arabic: entry.arabic, line: n)
        }
        lines.append(.entry(entry, lineNumber: 0, raw: nil))
    }

    /// Removes the entry whose Arabic term (by matching key) is `arabic`. Returns it.
    @discardableResult
    public mutating func remove(arabic: String) throws(GlossaryError) -> GlossaryEntry {
        let key = Normalizer.key(arabic)
        guard
            let i = lines.firstIndex(where: {
                if case .entry(let e, _, _) = $0 { return Normalizer.key(e.arabic) == key } else { return false }
            }),
            case .entry(let e, _, _) = lines[i]
        else { throw .notFound(file: file, arabic: arabic) }
        lines.remove(at: i)
        return e
    }
}

/// The byte ranges of a glossary line's tab-separated fields: how many there are, and the first
/// `GlossaryDocument.maxColumns + 1` of them (enough for every field an entry has and for where
/// a field too many starts), without an array per line.
struct FieldRanges {
    private var ranges = InlineArray<7, Range<Int>>(repeating: 0..<0)
    /// The number of fields.
    private(set) var count = 0
    /// The index of the last non-empty field, -1 when all are empty.
    private var lastNonEmpty = -1

    mutating func append(_ r: Range<Int>) {
        if count < ranges.count { ranges[count] = r }
        if !r.isEmpty { lastNonEmpty = count }
        count += 1
    }

    /// Drops the empty fields at the end while more than `minimum` remain.
    mutating func dropTrailingEmpty(keeping minimum: Int) {
        if count > minimum { count = max(lastNonEmpty + 1, minimum) }
    }

    /// Field `i` (`i` < 7).
    subscript(i: Int) -> Range<Int> { ranges[i] }
}
