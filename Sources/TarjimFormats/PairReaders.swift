import ArabicText
import Checks
import Foundation

/// The sentence-pair files `tarjim check --pairs` reads.
public enum PairFormat: String, Sendable, CaseIterable {
    /// `arabic<TAB>english`, one pair a line (an optional header line such as `ar<TAB>en` is skipped).
    case tsv
    /// `tarjim draft --format tsv`: index, source, draft, terms (source and draft are the pair).
    case draftTSV = "draft-tsv"
    /// `tarjim align --format tsv`: ar_text, en_text, score.
    case alignTSV = "align-tsv"
    /// `tarjim draft --format jsonl`: `source` and `draft`.
    case draftJSONL = "draft-jsonl"
    /// `tarjim align --format jsonl`: `ar_text` and `en_text`.
    case alignJSONL = "align-jsonl"
    /// XLIFF 1.2: `<trans-unit>` with `<source>` and `<target>`.
    case xliff12 = "xliff-1.2"
    /// XLIFF 2.x: `<unit>`, `<segment>` with `<source>` and `<target>`.
    case xliff2 = "xliff-2"
    /// TMX 1.4b: `<tu>` with a `<tuv xml:lang="ar…">` and a `<tuv xml:lang="en…">`.
    case tmx
}

/// The pairs of one file and the format they were read as.
public struct PairFile: Sendable, Equatable {
    public var format: PairFormat
    public var pairs: [SentencePair]

    public init(format: PairFormat, pairs: [SentencePair]) {
        self.format = format
        self.pairs = pairs
    }
}

/// Reads sentence pairs, detecting the format from the content: `<` starts XML (XLIFF 1.2, 2.x or
/// TMX, by the root element), `{` starts JSON lines (draft or align, by the keys), anything else is
/// tab-separated (plain, draft or align, by the columns of the first line). XML goes through
/// `SafeXMLReader` (no DTDs, no entity declarations). Every malformed input is a `FormatError` with
/// file, line and column.
///
/// ```swift
/// let f = try PairReader.read(Array("قال بلينكن\tBlinken said\n".utf8), file: "p.tsv")
/// f.format            // .tsv
/// f.pairs[0].english  // "Blinken said"
/// ```
/// - Complexity: O(n) in the size of the file.
public enum PairReader {
    public static func read(contentsOf url: URL, name: String? = nil) throws(FormatError) -> PairFile {
        let data: Data
        do { data = try FileBytes.read(url) } catch {
            throw .unreadable(file: name ?? url.path, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
        }
        return try read([UInt8](data), file: name ?? url.path)
    }

    public static func read(_ bytes: [UInt8], file: String) throws(FormatError) -> PairFile {
        switch detect(bytes, file: file) {
        case .xml: return try PairXMLReader.read(bytes, file: file)
        case .jsonl: return try readJSONL(try decode(bytes, file: file), file: file)
        case .tsv: return try readTSV(try decode(bytes, file: file), file: file)
        }
    }

    enum Family { case xml, jsonl, tsv }

    /// The file's extension decides (.xlf, .xliff, .sdlxliff, .tmx, .xml; .jsonl, .json; .tsv, .tab,
    /// .txt); otherwise the content: XML starts with `<?xml`, `<!--`, `<!DOCTYPE`, `<xliff` or
    /// `<tmx`; JSON lines with `{`; anything else is TSV (an Arabic sentence may well start with `<`).
    static func detect(_ bytes: [UInt8], file: String) -> Family {
        let ext = (file as NSString).pathExtension.lowercased()
        switch ext {
        case "xlf", "xliff", "sdlxliff", "tmx", "xml": return .xml
        case "jsonl", "json", "ndjson": return .jsonl
        case "tsv", "tab", "txt": return .tsv
        default: break
        }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 16)], as: UTF8.self)
        if ["<?xml", "<!--", "<!DOCTYPE", "<xliff", "<tmx"].contains(where: { head.hasPrefix($0) }) { return .xml }
        if head.hasPrefix("{") { return .jsonl }
        return .tsv
    }

    static func decode(_ bytes: [UInt8], file: String) throws(FormatError) -> String {
        do { return try TextDecoder.decode(bytes, file: file).text } catch {
            throw .unreadable(file: file, line: 0, column: 0, message: error.description)
        }
    }

    /// Lines without terminators, numbered from 1 (LF or CRLF).
    static func lines(_ text: String) -> [(number: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
        var n = 0
        // Split on U+000A scalars: as Characters, "\r\n" is one grapheme that never equals "\n".
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var line = Substring(raw)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            out.append((n, line))
        }
        if let last = out.last, last.1.isEmpty { out.removeLast() }
        return out
    }

    // MARK: - TSV

    static let headers: Set<String> = ["ar\ten", "arabic\tenglish", "source\ttarget", "ar_text\ten_text", "ar_text\ten_text\tscore"]

    static func readTSV(_ text: String, file: String) throws(FormatError) -> PairFile {
        var format: PairFormat?
        var pairs: [SentencePair] = []
        for (n, line) in lines(text) {
            if line.unicodeScalars.allSatisfy({ ArabicScalar.isWhitespace($0.value) }) { continue }
            let fields = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map {
                String(scalars: $0)
            }
            if format == nil {
                if headers.contains(fields.joined(separator: "\t").lowercased()) {
                    format = fields.count == 3 ? .alignTSV : .tsv
                    continue
                }
                if fields.count == 4, Int(fields[0]) != nil {
                    format = .draftTSV
                } else if fields.count == 3, Double(fields[2]) != nil {
                    format = .alignTSV
                } else {
                    format = .tsv
                }
            }
            guard let f = format else { continue }
            let (a, e, expected, what): (Int, Int, Int, String) =
                switch f {
                case .draftTSV: (1, 2, 4, "a draft TSV line has 4 (index, source, draft, terms)")
                case .alignTSV: (0, 1, 3, "an align TSV line has 3 (ar_text, en_text, score)")
                default: (0, 1, 2, "a pairs TSV line has 2 (arabic, english)")
                }
            guard fields.count == expected else {
                let column =
                    fields.count > expected
                    ? fields.prefix(expected).reduce(0) { $0 + $1.unicodeScalars.count + 1 } : line.unicodeScalars.count + 1
                throw .unreadable(
                    file: file, line: n, column: column,
                    message: "pairs: this line has \(fields.count) tab-separated field\(fields.count == 1 ? "" : "s"); \(what)")
            }
            if f == .draftTSV && Int(fields[0]) == nil {
                throw .unreadable(file: file, line: n, column: 1, message: "pairs: a draft TSV line starts with the sentence number")
            }
            if f == .alignTSV && Double(fields[2]) == nil {
                let column = fields[0].unicodeScalars.count + fields[1].unicodeScalars.count + 3
                throw .unreadable(
                    file: file, line: n, column: column, message: "pairs: the third field of an align TSV line is the score, a number")
            }
            let columnOf = { (k: Int) -> Int in fields.prefix(k).reduce(1) { $0 + $1.unicodeScalars.count + 1 } }
            let escaped = f != .tsv
            let ar = escaped ? try unescape(fields[a], file: file, line: n, column: columnOf(a)) : fields[a]
            let en = escaped ? try unescape(fields[e], file: file, line: n, column: columnOf(e)) : fields[e]
            pairs.append(
                SentencePair(
                    arabic: ar, english: en, file: file, line: n, arabicColumn: columnOf(a), englishColumn: columnOf(e),
                    exactColumns: ar == fields[a] && en == fields[e]))
        }
        return PairFile(format: format ?? .tsv, pairs: pairs)
    }

    /// Undoes `TSVField.escape`: `\t`, `\n`, `\r`, `\\`.
    static func unescape(_ s: String, file: String, line: Int, column: Int) throws(FormatError) -> String {
        guard s.unicodeScalars.contains("\\") else { return s }
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        var offset = 0
        while let c = it.next() {
            if c == "\\" {
                guard let d = it.next() else {
                    throw .unreadable(file: file, line: line, column: column + offset, message: "pairs: a backslash at the end of a field")
                }
                switch d {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "\\": out.append("\\")
                default:
                    throw .unreadable(
                        file: file, line: line, column: column + offset,
                        message: "pairs: unknown escape \\\(Character(d)) (only \\t \\n \\r \\\\)")
                }
                offset += 2
            } else {
                out.append(c)
                offset += 1
            }
        }
        return String(out)
    }

    // MARK: - JSON lines

    static func readJSONL(_ text: String, file: String) throws(FormatError) -> PairFile {
        var format: PairFormat?
        var pairs: [SentencePair] = []
        for (n, line) in lines(text) {
            if line.unicodeScalars.allSatisfy({ ArabicScalar.isWhitespace($0.value) }) { continue }
            let bytes = Array(line.utf8)
            let value: Any
            do { value = try FoundationJSON.object(bytes) } catch {
                let (_, column) = JSONLocation.of(error, in: bytes)
                throw .unreadable(file: file, line: n, column: column, message: "pairs: not a valid JSON object")
            }
            guard let o = value as? [String: Any] else {
                throw .unreadable(file: file, line: n, column: 1, message: "pairs: each line must be a JSON object")
            }
            if format == nil {
                if o["source"] != nil && o["draft"] != nil {
                    format = .draftJSONL
                } else if o["ar_text"] != nil && o["en_text"] != nil {
                    format = .alignJSONL
                } else {
                    throw .unreadable(
                        file: file, line: n, column: 1,
                        message:
                            "pairs: a JSON line needs \"source\" and \"draft\" (tarjim draft) or \"ar_text\" and \"en_text\" (tarjim align)"
                    )
                }
            }
            let (ka, ke) = format == .draftJSONL ? ("source", "draft") : ("ar_text", "en_text")
            guard let ar = o[ka] as? String, let en = o[ke] as? String else {
                throw .unreadable(file: file, line: n, column: 1, message: "pairs: \"\(ka)\" and \"\(ke)\" must be strings on every line")
            }
            pairs.append(SentencePair(arabic: ar, english: en, file: file, line: n, exactColumns: false))
        }
        return PairFile(format: format ?? .alignJSONL, pairs: pairs)
    }
}
