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
        let words = Tokenizer.tokenize(arabic).filter { $0.kind == .arabicWord }
        guard words.count == 1 else { return }
        let key = Normalizer.key(arabic).filter { !$0.isWhitespace }
        guard !key.isEmpty else { return }
        let translations = Self.contentWords(english)
        guard !translations.isEmpty else { return }
        var list = entries[key, default: []]
        for t in translations where !list.contains(t) { list.append(t) }
        entries[key] = list
    }

    /// The English words listed for an Arabic matching key.
    public func translations(ofKey key: String) -> [String] { entries[key] ?? [] }

    /// Reads hunalign's format: `english @ arabic` per line; blank lines are skipped.
    public init(hunalign text: String, file: String? = nil) throws(AlignmentError) {
        var line = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            line += 1
            let s = raw.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { continue }
            guard let at = s.range(of: " @ ") else {
                throw .malformedDictionary(file: file, line: line, message: "expected 'english @ arabic'")
            }
            add(arabic: String(s[at.upperBound...]), english: String(s[..<at.lowerBound]))
        }
    }

    /// Reads a dictionary file: a dictd index (`*.index`, with its `.dict` or `.dict.dz` beside it)
    /// or a hunalign dictionary (anything else, UTF-8).
    public init(contentsOf url: URL) throws(AlignmentError) {
        if url.pathExtension == "index" {
            self = try DictdReader.read(index: url)
            return
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(file: url.path, reason: error.localizedDescription) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: url.path, reason: "not UTF-8")
        }
        try self.init(hunalign: text, file: url.path)
    }

    /// Debian's Arabic-English FreeDict database, when `dict-freedict-ara-eng` is installed.
    public static let freeDictIndexPath = "/usr/share/dictd/freedict-ara-eng.index"

    /// The installed FreeDict Arabic-English dictionary, or nil when it is not installed.
    public static func systemFreeDict() throws(AlignmentError) -> BilingualDictionary? {
        guard FileManager.default.isReadableFile(atPath: freeDictIndexPath) else { return nil }
        return try DictdReader.read(index: URL(fileURLWithPath: freeDictIndexPath))
    }

    /// Lower-case English content words of a phrase: letters only, possessive 's and a plural s
    /// removed, function words dropped.
    public static func contentWords(_ phrase: some StringProtocol) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty, let w = normalizeEnglish(String(current)), !out.contains(w) { out.append(w) }
            current = String.UnicodeScalarView()
        }
        for s in phrase.unicodeScalars {
            if ArabicScalar.isLatinLetter(s.value) || s == "'" || s == "\u{2019}" {
                current.append(s)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// The form an English word is compared in, or nil for a function word.
    static func normalizeEnglish(_ word: String) -> String? {
        var w = word.lowercased()
        if w.hasSuffix("'s") || w.hasSuffix("\u{2019}s") { w = String(w.dropLast(2)) }
        while let last = w.last, last == "'" || last == "\u{2019}" { w.removeLast() }
        guard w.count >= 2, !stopWords.contains(w) else { return nil }
        if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            w.removeLast()
        }
        return w
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
