/// One document of `--input-format jsonl`: a line `{"id": ..., "text": ...}`. The id is a JSON
/// string or number; other members are allowed and ignored.
///
/// ```swift
/// let d = try JSONLDocument(line: #"{"id": 7, "text": "قال الوزير."}"#, file: "in.jsonl", line: 1)
/// d.idJSON   // "7"
/// d.name     // "7"
/// ```
/// - Complexity: O(n) in the line.
public struct JSONLDocument: Sendable, Equatable {
    /// The id as JSON, for writing back: a number exactly as written, a string re-encoded.
    public let idJSON: String
    /// The id as text (the string's value, or the number as written): the document's name.
    public let name: String
    public let text: String

    public init(idJSON: String, name: String, text: String) {
        self.idJSON = idJSON
        self.name = name
        self.text = text
    }

    /// Parses one line (without its line feed).
    /// - Throws: `FormatError.unreadable` naming `file`, `line` and the column (in Unicode scalars).
    public init(line: some StringProtocol, file: String?, line number: Int) throws(FormatError) {
        var p = Parser(bytes: Array(line.utf8), file: file, line: number)
        var id: (json: String, name: String)?
        var text: String?
        p.skipSpace()
        try p.expect(UInt8(ascii: "{"), "a JSON object {\"id\": ..., \"text\": ...}")
        p.skipSpace()
        if !p.take(UInt8(ascii: "}")) {
            repeat {
                p.skipSpace()
                let key = try p.string()
                p.skipSpace()
                try p.expect(UInt8(ascii: ":"), "':' after a member name")
                p.skipSpace()
                let valueAt = p.i
                switch key {
                case "id":
                    if p.peek == UInt8(ascii: "\"") {
                        let s = try p.string()
                        id = (JSONText.string(s), s)
                    } else if let n = p.number() {
                        id = (n, n)
                    } else {
                        throw p.error(at: valueAt, "\"id\" must be a string or a number")
                    }
                case "text":
                    guard p.peek == UInt8(ascii: "\"") else { throw p.error(at: valueAt, "\"text\" must be a string") }
                    text = try p.string()
                default:
                    try p.skipValue(depth: 0)
                }
                p.skipSpace()
            } while p.take(UInt8(ascii: ","))
            try p.expect(UInt8(ascii: "}"), "',' or '}'")
        }
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error(at: p.i, "text after the JSON object") }
        guard let id else { throw p.error(at: 0, "no \"id\" member") }
        guard let text else { throw p.error(at: 0, "no \"text\" member") }
        self.init(idJSON: id.json, name: id.name, text: text)
    }

    /// A strict RFC 8259 reader over the bytes of one line.
    private struct Parser {
        let bytes: [UInt8]
        let file: String?
        let line: Int
        var i = 0

        init(bytes: [UInt8], file: String?, line: Int) {
            self.bytes = bytes
            self.file = file
            self.line = line
        }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        }

        mutating func take(_ b: UInt8) -> Bool {
            guard peek == b else { return false }
            i += 1
            return true
        }

        mutating func expect(_ b: UInt8, _ what: String) throws(FormatError) {
            guard take(b) else { throw error(at: i, "expected \(what)") }
        }

        /// The error at byte `at`, its column counted in Unicode scalars.
        func error(at: Int, _ message: String) -> FormatError {
            let column = bytes[..<min(at, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return .unreadable(file: file, line: line, column: column, message: "jsonl: \(message)")
        }

        mutating func string() throws(FormatError) -> String {
            let open = i
            try expect(UInt8(ascii: "\""), "a string")
            var out: [UInt8] = []
            var run = i
            while true {
                guard i < bytes.count else { throw error(at: open, "unterminated string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    out += bytes[run..<i]
                    i += 1
                    break
                }
                if b < 0x20 { throw error(at: i, "control character in a string (escape it)") }
                if b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                out += bytes[run..<i]
                let at = i
                i += 1
                guard i < bytes.count else { throw error(at: at, "unterminated escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var v = try hex4(at)
                    if (0xD800..<0xDC00).contains(v) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) else { throw error(at: at, "unpaired surrogate escape") }
                        let low = try hex4(at)
                        guard (0xDC00..<0xE000).contains(low) else { throw error(at: at, "unpaired surrogate escape") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(v) {
                        throw error(at: at, "unpaired surrogate escape")
                    }
                    guard let u = Unicode.Scalar(v) else { throw error(at: at, "invalid \\u escape") }
                    out += Array(String(Character(u)).utf8)
                default:
                    throw error(at: at, "invalid escape")
                }
                run = i
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func hex4(_ at: Int) throws(FormatError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw error(at: at, "invalid \\u escape") }
            var v: UInt32 = 0
            for b in bytes[i..<(i + 4)] {
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw error(at: at, "invalid \\u escape")
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }

        /// A number exactly as written, or nil (nothing consumed) when there is none.
        mutating func number() -> String? {
            let s = i
            var j = i
            func digits() -> Int {
                let d = j
                while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { j += 1 }
                return j - d
            }
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
            let intStart = j
            let n = digits()
            guard n > 0, !(n > 1 && bytes[intStart] == UInt8(ascii: "0")) else { return nil }
            if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
                j += 1
                guard digits() > 0 else { return nil }
            }
            if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
                j += 1
                if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
                guard digits() > 0 else { return nil }
            }
            i = j
            return String(decoding: bytes[s..<j], as: UTF8.self)
        }

        mutating func skipValue(depth: Int) throws(FormatError) {
            guard depth < 64 else { throw error(at: i, "nesting too deep") }
            switch peek {
            case UInt8(ascii: "\"")?: _ = try string()
            case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
                let close = peek == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                i += 1
                skipSpace()
                if take(close) { return }
                repeat {
                    skipSpace()
                    if isObject {
                        _ = try string()
                        skipSpace()
                        try expect(UInt8(ascii: ":"), "':' after a member name")
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                } while take(UInt8(ascii: ","))
                try expect(close, isObject ? "',' or '}'" : "',' or ']'")
            default:
                if number() != nil { return }
                for word in ["true", "false", "null"] where bytes[i...].starts(with: word.utf8) {
                    i += word.utf8.count
                    return
                }
                throw error(at: i, "expected a JSON value")
            }
        }
    }
}
