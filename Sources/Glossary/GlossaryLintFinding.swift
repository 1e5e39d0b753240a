/// A problem `GlossaryLinter` found in a glossary file, rendered like a compiler diagnostic:
/// `names.tsv:12:7: error: glossary: Latin letter 'B' in the Arabic term 'سيارة BMW' [latin-in-arabic]`.
public struct GlossaryLintFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error, warning
    }

    /// What kind of problem it is (stable names, for filtering and tests).
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file cannot be read or is not UTF-8.
        case unreadable
        /// A line does not parse (the parser's own message, line and column).
        case malformed
        /// The same entry twice.
        case duplicateEntry = "duplicate-entry"
        /// Two entries with the same Arabic matching key and different English terms.
        case conflictingEnglish = "conflicting-english"
        /// Two entries (not identical, same English) whose Arabic terms have the same matching key.
        case duplicateKey = "duplicate-key"
        /// A variant whose matching key is another entry's term or variant.
        case variantCollision = "variant-collision"
        /// A variant whose matching key is its own term's (or an earlier variant's of the same entry).
        case redundantVariant = "redundant-variant"
        /// An empty item in a `;`-separated list (`;;`, or a leading or trailing `;`).
        case emptyVariant = "empty-variant"
        /// Latin letters in the Arabic term or a variant.
        case latinInArabic = "latin-in-arabic"
        /// A bidi control or other invisible format character (LRM, RLM, ZWJ, BOM, ...).
        case invisibleCharacter = "invisible-character"
        /// A space at the start or end of a field (the reader trims it; the file should not have it).
        case surroundingSpace = "surrounding-space"
        /// Harakat or tatweel in the Arabic term or a variant (keys strip them, so they only add noise).
        case harakat
    }

    /// A place in a glossary file (1-based line and column in Unicode scalars; 0 when not known).
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        public var description: String {
            line > 0 ? "\(file):\(line):\(column)" : file
        }
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var code: Code
    public var message: String
    /// The other entry in a collision or duplicate (it is also named in `message`).
    public var related: Location?

    public init(
        file: String, line: Int, column: Int, severity: Severity, code: Code, message: String, related: Location? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.related = related
    }

    public var location: Location { Location(file: file, line: line, column: column) }

    /// `file:line:column: severity: glossary: message [code]`.
    public var description: String {
        "\(location): \(severity.rawValue): glossary: \(message) [\(code.rawValue)]"
    }
}
