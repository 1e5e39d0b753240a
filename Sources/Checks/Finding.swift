/// A problem found in the user's text. The checks return findings; they never print.
///
/// ```swift
/// let report = checker.check(documents: [ArabicDocument(name: "a.txt", text: text)])
/// for f in report.findings { print(f.severity, f.kind.rawValue, f.message) }
/// ```
public struct Finding: Sendable, Hashable {
    public var kind: FindingKind
    public var severity: Severity
    /// The English name of the glossary entry concerned, when there is one.
    public var entity: String?
    /// The spelling (or English term, or number) to use, when there is one.
    public var expected: String?
    /// The spelling found (for grouped findings, the most frequent one that is not expected).
    public var found: String
    /// The places, in file order: all of them, or the first `CheckScope.maxOccurrences` when there
    /// are more (`totalOccurrences` counts them all).
    public var occurrences: [Occurrence]
    /// How many places there are, listed or not.
    public var totalOccurrences: Int
    public var message: String
    /// For grouped findings (variant spellings, English name variants, unknown names, inconsistent
    /// translations): every form seen in the scope with its count, most frequent first.
    public var spellings: [SpellingCount]
    /// For unknown names: a glossary line to add (TSV, without the line break).
    public var proposal: String?
    /// Whether `tarjim check --fix` replaces the spelling found with the expected one.
    public var fixable: Bool

    public init(
        kind: FindingKind, severity: Severity, entity: String? = nil, expected: String? = nil, found: String,
        occurrences: [Occurrence], totalOccurrences: Int? = nil, message: String, spellings: [SpellingCount] = [], proposal: String? = nil,
        fixable: Bool = false
    ) {
        self.kind = kind
        self.severity = severity
        self.entity = entity
        self.expected = expected
        self.found = found
        self.occurrences = occurrences
        self.totalOccurrences = totalOccurrences ?? occurrences.count
        self.message = message
        self.spellings = spellings
        self.proposal = proposal
        self.fixable = fixable
    }

    /// Places found but not listed.
    public var unlistedOccurrences: Int { max(0, totalOccurrences - occurrences.count) }

    /// The finding with the first `limit` occurrences listed (0: all), the total kept.
    func listing(atMost limit: Int) -> Finding {
        var f = self
        f.occurrences = FirstOccurrences.cut(occurrences, limit)
        return f
    }

    /// The canonical order of a report: by severity (errors first), kind, first occurrence, then text.
    static func canonicalOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.kind != b.kind { return a.kind < b.kind }
        switch (a.occurrences.first, b.occurrences.first) {
        case (let x?, let y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        if a.found != b.found { return a.found < b.found }
        if a.expected != b.expected { return (a.expected ?? "") < (b.expected ?? "") }
        return a.message < b.message
    }

    /// What makes two per-occurrence findings the same finding: they are merged into one, with the
    /// occurrences of both.
    var groupKey: [String] {
        [
            kind.rawValue, severity.rawValue, entity ?? "\u{0}", expected ?? "\u{0}", found, message, proposal ?? "\u{0}",
            fixable ? "1" : "0",
        ]
    }
}
