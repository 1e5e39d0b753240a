/// Errors reading, editing or using glossaries. Each names where the problem is: file, 1-based line,
/// and 1-based column in Unicode scalars.
public enum GlossaryError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(file: String?, line: Int, column: Int, message: String)
    case unreadable(file: String, reason: String)
    case notFound(file: String?, arabic: String)
    case duplicate(file: String?, arabic: String, line: Int)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let column, let message):
            return "\(file ?? "<glossary>"):\(line):\(column): error: glossary: \(message)"
        case .unreadable(let file, let reason):
            return "\(file): error: glossary: \(reason)"
        case .notFound(let file, let arabic):
            return "\(file ?? "<glossary>"): error: glossary: no entry \(arabic)"
        case .duplicate(let file, let arabic, let line):
            return "\(file ?? "<glossary>"):\(line):1: error: glossary: \(arabic) is already an entry"
        }
    }
}
