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

    public var description: String {
        switch self {
        case .invalidBytes(let file, let encoding, let offset, let detail):
            return "\(file ?? "<stdin>"): byte \(offset): error: invalid \(encoding.displayName) input: \(detail)"
        case .binaryInput(let file, let offset):
            return "\(file ?? "<stdin>"): byte \(offset): error: NUL byte: this looks like a binary file, not text"
        case .undetectedEncoding(let file, let offset):
            return "\(file ?? "<stdin>"): byte \(offset): error: invalid UTF-8 and not recognisably Windows-1256 or ISO-8859-6; "
                + "name the encoding with --encoding"
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read: \(reason)"
        case .unencodable(let file, let encoding):
            return
                "\(file ?? "<stdout>"): error: a character has no \(encoding.displayName) byte; cannot write the file in its original encoding"
        case .transliterationRules(let message):
            return "error: transliteration rules: \(message)"
        case .missingResource(let name, let searched):
            return "error: data file \(name) not found (searched: \(searched.joined(separator: ", "))); set TARJIM_DATA_DIR"
        }
    }
}
