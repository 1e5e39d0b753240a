/// Why checks could not run.
public enum CheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A report to merge was made with another glossary, lexicon or options than this checker's.
    case incompatibleScope(file: String, expected: String, found: String)
    /// The counts of this report and the reports merged before it add up past `Int.max`.
    case countsTooLarge(file: String)
    /// A report made with these settings that names what they do not have (a glossary entry past
    /// the glossary's end): the file was edited or damaged.
    case invalidScope(file: String, message: String)

    public var description: String {
        switch self {
        case .incompatibleScope(let file, let expected, let found):
            return "\(file): error: check: this report was made with other settings (glossary, lexicon or options: \(found)); "
                + "merge needs reports made with the same ones as now (\(expected))"
        case .countsTooLarge(let file):
            return "\(file): error: check: the counts of this report and those merged before it add up past \(Int.max); "
                + "they cannot all be right"
        case .invalidScope(let file, let message):
            return "\(file): error: check: \(message); the report was edited or damaged"
        }
    }
}
