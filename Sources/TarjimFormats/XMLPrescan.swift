/// A byte-level pass over an XML document before the real parser sees it. It
/// - refuses documents that are not UTF-8 (a UTF-16/32 byte order mark, or an XML declaration naming
///   another encoding), so that every later byte check is sound;
/// - refuses any DOCTYPE whose internal subset declares an entity (`<!ENTITY`), general or parameter,
///   before a single entity can be expanded or an external one fetched;
/// - refuses a processing instruction without data (`<?name?>`), which crashes Foundation's
///   `XMLParser` on Linux (libxml2 hands it a NULL data pointer that it passes to `strlen`);
/// - records where each start tag begins (line and column of its `<`), in document order, which the
///   tree builder attaches to the elements (libxml2 only reports where a tag ends).
///
/// - Complexity: O(n), one forward pass.
struct XMLPrescan {
    struct TagStart {
        var offset: Int
        var line: Int
        var column: Int
    }

    private(set) var tagStarts: [TagStart] = []
    /// The byte offset where line 1, column 1 is (after a byte order mark).
    private(set) var bodyStart = 0

    private let bytes: [UInt8]
    private let file: String?
    // The position counter: `counted` is the offset up to which `line`/`column` are known.
    private var counted = 0
    private var line = 1
    private var column = 1

    static func scan(_ bytes: [UInt8], file: String?) throws(FormatError) -> XMLPrescan {
        var s = XMLPrescan(bytes: bytes, file: file)
        try s.run()
        return s
    }

    private init(bytes: [UInt8], file: String?) {
        self.bytes = bytes
        self.file = file
    }

    /// Line and column of `offset` (which must not be before the last one asked for).
    private mutating func locate(_ offset: Int) -> (line: Int, column: Int) {
        while counted < offset && counted < bytes.count {
            let b = bytes[counted]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            counted += 1
        }
        return (line, column)
    }

    private func has(_ pattern: StaticString, at offset: Int) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        return pattern.withUTF8Buffer { p in
            for k in 0..<n where bytes[offset + k] != p[k] { return false }
            return true
        }
    }

    /// The offset just after the first `pattern` at or after `from`, or the end of the input.
    private func skip(past pattern: StaticString, from: Int) -> Int {
        var i = from
        let first = pattern.withUTF8Buffer { $0[0] }
        while i < bytes.count {
            if bytes[i] == first && has(pattern, at: i) { return i + pattern.utf8CodeUnitCount }
            i += 1
        }
        return bytes.count
    }

    private func firstIndex(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    private mutating func run() throws(FormatError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bodyStart = 3
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x3C])
            || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x00])
        {
            throw .xml(
                file: file, line: 0, column: 0, message: "only UTF-8 XML is read; this document is UTF-16 or UTF-32: save it as UTF-8")
        }
        counted = bodyStart
        var i = bodyStart
        while let lt = firstIndex(of: UInt8(ascii: "<"), from: i) {
            if has("<?", at: lt) {
                let end = skip(past: "?>", from: lt + 2)
                try checkProcessingInstruction(from: lt, to: end)
                if has("<?xml", at: lt), lt + 5 < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x3F].contains(bytes[lt + 5]) {
                    try checkDeclaredEncoding(bytes[lt..<end], at: lt)
                }
                i = end
            } else if has("<!--", at: lt) {
                i = skip(past: "-->", from: lt + 4)
            } else if has("<![CDATA[", at: lt) {
                i = skip(past: "]]>", from: lt + 9)
            } else if has("<!DOCTYPE", at: lt) {
                i = try scanDoctype(from: lt + 9)
            } else if has("</", at: lt) || has("<!", at: lt) {
                i = lt + 2
            } else {
                let (l, c) = locate(lt)
                tagStarts.append(TagStart(offset: lt, line: l, column: c))
                i = lt + 1
            }
        }
    }

    /// Walks a DOCTYPE declaration; throws at the first `<!ENTITY` in its internal subset. Returns the
    /// offset after its closing `>`.
    private mutating func scanDoctype(from start: Int) throws(FormatError) -> Int {
        var j = start
        var inSubset = false
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                j = (firstIndex(of: b, from: j + 1) ?? bytes.count) + 1
                continue
            }
            if inSubset {
                if has("<!--", at: j) {
                    j = skip(past: "-->", from: j + 4)
                    continue
                }
                if has("<?", at: j) {
                    let end = skip(past: "?>", from: j + 2)
                    try checkProcessingInstruction(from: j, to: end)
                    j = end
                    continue
                }
                if has("<!ENTITY", at: j) {
                    let (l, c) = locate(j)
                    throw .entityDeclaration(file: file, line: l, column: c)
                }
                if b == UInt8(ascii: "]") { inSubset = false }
            } else {
                if b == UInt8(ascii: "[") { inSubset = true }
                if b == UInt8(ascii: ">") { return j + 1 }
            }
            j += 1
        }
        return bytes.count
    }

    /// Throws for `<?target?>`, a processing instruction with no space after its target and so no
    /// data: libxml2 reports its data as NULL and FoundationXML calls `strlen` on it, a segmentation
    /// fault (found by fuzzing, Fuzz/). `lt` is its `<`, `end` the offset after its `?>`.
    private mutating func checkProcessingInstruction(from lt: Int, to end: Int) throws(FormatError) {
        guard end - 2 >= lt + 2, has("?>", at: end - 2) else { return }
        let body = bytes[(lt + 2)..<(end - 2)]
        if body.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
        let (l, c) = locate(lt)
        let name = String(decoding: body.prefix(40), as: UTF8.self)
        throw .xml(
            file: file, line: l, column: c,
            message: "a processing instruction without data (<?\(name)?>) is not read; write <?\(name) ?> or remove it")
    }

    private mutating func checkDeclaredEncoding(_ decl: ArraySlice<UInt8>, at offset: Int) throws(FormatError) {
        let text = String(decoding: decl, as: UTF8.self)
        guard let key = text.range(of: "encoding") else { return }
        // Scalars, not Characters: CR LF is one Character, equal to neither "\r" nor "\n".
        var rest = text.unicodeScalars[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard rest.first == "=" else { return }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let name = String(String.UnicodeScalarView(rest.dropFirst().prefix { $0 != quote }))
        let accepted = ["utf-8", "utf8", "us-ascii", "ascii"]
        if !accepted.contains(name.lowercased()) {
            let (l, c) = locate(offset)
            throw .xml(
                file: file, line: l, column: c,
                message: "the XML declaration names encoding '\(name)'; only UTF-8 XML is read: save the file as UTF-8")
        }
    }
}
