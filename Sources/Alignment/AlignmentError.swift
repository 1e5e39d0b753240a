/// Errors of the alignment module: dictionaries that cannot be read. Each case names the file and,
/// where it applies, the 1-based line.
///
/// ```swift
/// do { _ = try BilingualDictionary(hunalign: "no separator here\n", file: "d.dic") }
/// catch { print(error) }   // d.dic:1: error: dictionary: expected 'english @ arabic'
/// ```
public enum AlignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read or decompressed.
    case unreadable(file: String, reason: String)
    /// A line of a dictionary that is not in the expected format.
    case malformedDictionary(file: String?, line: Int, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): error: dictionary: \(reason)"
        case .malformedDictionary(let file, let line, let message):
            return "\(file ?? "<dictionary>"):\(line): error: dictionary: \(message)"
        }
    }
}
