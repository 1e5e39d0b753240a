/// Errors of the draft stage (the machine translation engine).
public enum DraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case engineFailedToStart(command: String, reason: String)
    case engineExited(command: String, status: Int32, answered: Int, expected: Int)
    case engineTimedOut(command: String, seconds: Double, sentence: Int)
    case engineOutputNotUTF8(command: String, line: Int)

    public var description: String {
        switch self {
        case .engineFailedToStart(let command, let reason):
            return "error: MT engine '\(command)' did not start: \(reason)"
        case .engineExited(let command, let status, let answered, let expected):
            return "error: MT engine '\(command)' exited with status \(status) after answering \(answered) of \(expected) sentences"
        case .engineTimedOut(let command, let seconds, let sentence):
            return "error: MT engine '\(command)' gave no line for sentence \(sentence) within \(seconds) s (--mt-timeout)"
        case .engineOutputNotUTF8(let command, let line):
            return "error: MT engine '\(command)' wrote invalid UTF-8 on its output line \(line)"
        }
    }
}
