import ArabicText
import Foundation

/// Word translations from Arabic to English, used as weak anchors by the aligner: an Arabic word of
/// one side whose translation appears on the other side.
///
/// Sources: hunalign's dictionary format (`english @ arabic`, one pair a line) and dictd databases
/// such as Debian's `dict-freedict-ara-eng` (`DictdReader`). Only single-word Arabic headwords are
/// kept (as matching keys); English translations are split into lower-case content words.
///
/// ```swift
/// var d = try BilingualDictionary(hunalign: "minister @ وزير\nforeign minister @ وزير الخارجية\n")
/// d.translations(ofKey: "وزير")   // ["minister"]
/// ```
public struct BilingualDictionary: Sendable {
    /// Arabic matching key -> English content words.
    public private(set) var entries: [String: [String]] = [:]

    public init() {}

    /// The number of Arabic words with at least one translation.
    public var count: Int { entries.count }

    /// Adds the translations of one Arabic headword. Multi-word headwords are skipped.
    public mutating func add(arabic: String, english: String) {
        guard let key = Self.headwordKey(arabic) else { return }
        add(key: key, words: Self.contentWords(english))
    }

    /// The matching key of a one-word Arabic headword; nil for several words or none.
    static func headwordKey(_ arabic: String) -> String? {
        let words = Tokenizer.tokenize(arabic).filter { $0.kind == .arabicWord }
        guard words.count == 1 else { return nil }
        let key = Normalizer.key(arabic).filter { !$0.isWhitespace }
        return key.isEmpty ? nil : key
    }

    mutating func add(key: String, words: [String]) {
        guard !words.isEmpty else { return }
        var list = entries[key, default: []]
        for t in words where !list.contains(t) { list.append(t) }
        entries[key] = list
    }

    /// The English words listed for an Arabic matching key.
    public func translations(ofKey key: String) -> [String] { entries[key] ?? [] }

    /// Reads hunalign's format: `english @ arabic` per line; blank lines are skipped.
    public init(hunalign text: String, file: String? = nil) throws(AlignmentError) {
        var line = 0
        // Lines, trimming and " @ " by scalars and bytes: Foundation's `range(of:)` compares composed
        // characters and missed " @ " when a combining mark followed its space.
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let s = Array(ArabicScalar.trimmingWhitespace(Substring(raw)).utf8)
            if s.isEmpty { continue }
            guard let at = s.indices.dropLast(2).first(where: { s[$0] == 0x20 && s[$0 + 1] == 0x40 && s[$0 + 2] == 0x20 }) else {
                throw .malformedDictionary(file: file, line: line, message: "expected 'english @ arabic'")
            }
            add(arabic: String(decoding: s[(at + 3)...], as: UTF8.self), english: String(decoding: s[..<at], as: UTF8.self))
        }
    }

    /// Reads a dictionary file: a dictd index (`*.index`, with its `.dict` or `.dict.dz` beside it)
    /// or a hunalign dictionary (anything else, UTF-8).
    /// - Parameter keys: keep only these Arabic matching keys (`lookupKeys(arabic:)` of the
    ///   documents to align: loading a large dictionary for one article is then much faster).
    public init(contentsOf url: URL, keys: Set<String>? = nil) throws(AlignmentError) {
        if url.pathExtension == "index" {
            self = try DictdReader.read(index: url, keys: keys)
            return
        }
        let data: Data
        do { data = try FileBytes.read(url) } catch { throw .unreadable(file: url.path, reason: FileBytes.reason(error)) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: url.path, reason: "not UTF-8")
        }
        try self.init(hunalign: text, file: url.path)
        if let keys { entries = entries.filter { keys.contains($0.key) } }
    }

    /// The keys the aligner looks words of these Arabic segments up by: each word's matching key
    /// without the proclitics و ف, then ب ل ك, then the article (`LightStemmer`).
    public static func lookupKeys(arabic segments: [String]) -> Set<String> {
        var keys = Set<String>()
        var seen = ScalarWordCache()  // each distinct word once (news repeats its words)
        var tokens: [Token] = []
        for s in segments {
            let u = ScalarBuffer.scalars(of: s)
            tokens.removeAll(keepingCapacity: true)
            u.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
            for t in tokens where t.kind == .arabicWord {
                var isNew = false
                _ = seen.value(for: u[t.range]) { _ in
                    isNew = true
                    return 0
                }
                guard isNew else { continue }
                for stem in LightStemmer.readings(key: MatchingKey(scalars: Array(u[t.range])).scalars) {
                    keys.insert(String(scalars: stem))
                }
            }
        }
        return keys
    }

    /// Debian's Arabic-English FreeDict database, when `dict-freedict-ara-eng` is installed.
    public static let freeDictIndexPath = "/usr/share/dictd/freedict-ara-eng.index"

    /// The installed FreeDict Arabic-English dictionary, or nil when it is not installed.
    public static func systemFreeDict(keys: Set<String>? = nil) throws(AlignmentError) -> BilingualDictionary? {
        guard FileManager.default.isReadableFile(atPath: freeDictIndexPath) else { return nil }
        return try DictdReader.read(index: URL(fileURLWithPath: freeDictIndexPath), keys: keys)
    }

    /// Lower-case English content words of a phrase: letters only, possessive 's and a plural s
    /// removed, function words dropped.
    public static func contentWords(_ phrase: some StringProtocol) -> [String] {
        var out: [String] = []
        appendContentWords(phrase.unicodeScalars, to: &out)
        return out
    }

    /// Appends the content words of `scalars` that `out` does not have yet.
    /// - Complexity: O(n); works on scalars, not characters (dictionaries have many lines).
    static func appendContentWords(_ scalars: some Sequence<Unicode.Scalar>, to out: inout [String]) {
        var current: [Unicode.Scalar] = []
        func flush() {
            if !current.isEmpty, let w = normalizeEnglish(current), !out.contains(w) { out.append(w) }
            current.removeAll(keepingCapacity: true)
        }
        for s in scalars {
            let v = s.value
            if v >= 0x41 && v <= 0x5A {
                current.append(Unicode.Scalar(v + 0x20)!)
            } else if (v >= 0x61 && v <= 0x7A) || v == 0x27 || v == 0x2019 {
                current.append(s)
            } else if ArabicScalar.isLatinLetter(v) {
                current.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The form an English word is compared in, or nil for a function word.
    static func normalizeEnglish(_ word: String) -> String? {
        normalizeEnglish(Array(word.lowercased().unicodeScalars))
    }

    /// `normalizeEnglish` on lower-case scalars.
    static func normalizeEnglish(_ lower: [Unicode.Scalar]) -> String? {
        var w = lower[...]
        if w.count >= 2, w.last == "s", let a = w.dropLast().last, a == "'" || a == "\u{2019}" { w = w.dropLast(2) }
        while let last = w.last, last == "'" || last == "\u{2019}" { w = w.dropLast() }
        while let first = w.first, first == "'" || first == "\u{2019}" { w = w.dropFirst() }
        guard w.count >= 2 else { return nil }
        let word = String(scalars: w)
        guard !stopWords.contains(word) else { return nil }
        if w.count > 3, w.last == "s" {
            let before = w.dropLast().last
            if before != "s" && before != "u" && before != "i" { return String(word.unicodeScalars.dropLast()) }
        }
        return word
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "not", "no",
        "be", "is", "are", "was", "were", "been", "being", "am", "it", "its", "he", "she", "they", "we", "you", "i",
        "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "this", "that", "these", "those",
        "as", "so", "if", "than", "then", "there", "here", "do", "does", "did", "has", "have", "had", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must", "who", "whom", "which", "what", "when",
        "where", "why", "how", "all", "any", "some", "one", "up", "out", "about", "into", "over", "also", "such",
        "s", "etc", "oneself", "something", "someone", "somebody",
    ]
}
