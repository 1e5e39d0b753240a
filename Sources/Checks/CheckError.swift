/// Why checks could not run.
public enum CheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A report to merge was made with another glossary, lexicon or options than this checker's.
    case incompatibleScope(file: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .incompatibleScope(let file, let expected, let found):
            return "\(file): error: check: this report was made with other settings (glossary, lexicon or options: \(found)); "
                + "merge needs reports made with the same ones as now (\(expected))"
        }
    }
}
