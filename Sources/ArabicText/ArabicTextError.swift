/// Everything that can go wrong while reading or analysing text. Each case says where.
public enum ArabicTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A byte sequence that is not valid in the input's encoding, at a byte offset from the start of the input.
    case invalidBytes(file: String?, encoding: TextEncoding, byteOffset: Int, detail: String)
    /// A NUL byte: the input is binary, not text.
    case binaryInput(file: String?, byteOffset: Int)
    /// The encoding could not be determined; `byteOffset` is the first byte that is not UTF-8.
    case undetectedEncoding(file: String?, byteOffset: Int)
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// Text that has a character the target legacy encoding cannot represent.
    case unencodable(file: String?, encoding: TextEncoding)
    /// A custom transliteration rule set that ICU refuses.
    case transliterationRules(message: String)
    /// A data file the library ships could not be found.
    case missingResource(name: String, searched: [String])
    /// A line longer than a reader takes (`ChunkedTextReader.maxLineBytes`): its first byte, and
    /// its line number when the caller counts lines.
    case lineTooLong(file: String?, line: Int?, byteOffset: Int, limit: Int)

    /// What went wrong and where in the file, without the file's name (for an error that names the
    /// file itself): "byte 4: invalid UTF-8 input: ...", "cannot read: No such file or directory".
    public var message: String {
        [line.map { "line \($0)" }, byteOffset.map { "byte \($0)" }, detail].compactMap { $0 }.joined(separator: ": ")
    }

    public var description: String {
        let file: String? =
            switch self {
            case .invalidBytes(let f, _, _, _), .binaryInput(let f, _), .undetectedEncoding(let f, _), .lineTooLong(let f, _, _, _):
                f ?? "<stdin>"
            case .unreadable(let f, _): f
            case .unencodable(let f, _): f ?? "<stdout>"
            case .transliterationRules, .missingResource: nil
            }
        let place = [file, line.map { "line \($0)" }, byteOffset.map { "byte \($0)" }].compactMap { $0 }.joined(separator: ": ")
        return (place.isEmpty ? "" : place + ": ") + "error: " + detail
    }

    /// The byte the error is at, for errors in a file's bytes.
    private var byteOffset: Int? {
        switch self {
        case .invalidBytes(_, _, let offset, _), .binaryInput(_, let offset), .undetectedEncoding(_, let offset),
            .lineTooLong(_, _, let offset, _):
            offset
        default: nil
        }
    }

    private var line: Int? {
        if case .lineTooLong(_, let line, _, _) = self { return line }
        return nil
    }

    /// What went wrong, without the place.
    private var detail: String {
        switch self {
        case .invalidBytes(_, let encoding, _, let detail):
            "invalid \(encoding.displayName) input: \(detail)"
        case .binaryInput:
            "NUL byte: this looks like a binary file, not text"
        case .undetectedEncoding:
            "invalid UTF-8 and not recognisably Windows-1256 or ISO-8859-6; name the encoding with --encoding"
        case .unreadable(_, let reason):
            "cannot read: \(reason)"
        case .unencodable(_, let encoding):
            "a character has no \(encoding.displayName) byte; cannot write the file in its original encoding"
        case .transliterationRules(let message):
            "transliteration rules: \(message)"
        case .lineTooLong(_, _, _, let limit):
            "a line longer than \(limit) bytes, the longest this command reads (a paragraph of text, or a JSONL document)"
        case .missingResource(let name, let searched):
            "data file \(name) not found (searched: \(searched.joined(separator: ", "))); set TARJIM_DATA_DIR"
        }
    }
}
