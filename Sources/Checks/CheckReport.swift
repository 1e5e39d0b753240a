/// The findings of a check and the scope they were drawn from.
public struct CheckReport: Sendable, Equatable {
    /// In canonical order: errors first, then by kind, first occurrence, text.
    public var findings: [Finding]
    /// The observations (what `--merge` combines).
    public var scope: CheckScope

    public init(findings: [Finding], scope: CheckScope) {
        self.findings = findings
        self.scope = scope
    }

    /// Counts for the report's summary.
    public var summary: Summary {
        var byKind: [FindingKind: Int] = [:]
        var bySeverity: [Severity: Int] = [:]
        var occurrences = 0
        for f in findings {
            byKind[f.kind, default: 0] += 1
            bySeverity[f.severity, default: 0] += 1
            occurrences += f.totalOccurrences
        }
        return Summary(
            findings: findings.count, occurrences: occurrences, byKind: byKind, bySeverity: bySeverity, documents: scope.documents.count,
            pairs: scope.pairCount)
    }

    /// Whether any finding is at or above `severity` (the exit status of `tarjim check --fail-on`).
    public func hasFindings(atOrAbove severity: Severity) -> Bool {
        findings.contains { $0.severity >= severity }
    }

    public struct Summary: Sendable, Equatable {
        public var findings: Int
        public var occurrences: Int
        /// Every kind, zero when none.
        public var byKind: [FindingKind: Int]
        public var bySeverity: [Severity: Int]
        public var documents: Int
        public var pairs: Int

        public func count(_ kind: FindingKind) -> Int { byKind[kind] ?? 0 }
        public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }
    }
}
