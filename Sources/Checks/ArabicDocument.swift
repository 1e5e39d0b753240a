/// An Arabic source document to check: its name (the file path, "-" for standard input) and text.
///
/// A piece of a larger file gives the lines before it (`linesBefore`), so that occurrences carry
/// the file's line numbers; a document of a JSONL input gives its id (`unit`).
///
/// ```swift
/// let piece = ArabicDocument(name: "big.txt", text: pieceText, linesBefore: 1_200)
/// ```
public struct ArabicDocument: Sendable, Hashable {
    public var name: String
    public var text: String
    /// The occurrences' `unit` (a JSONL document's id), nil for a file.
    public var unit: String?
    /// Lines of the same file before this text.
    public var linesBefore: Int

    public init(name: String, text: String, unit: String? = nil, linesBefore: Int = 0) {
        self.name = name
        self.text = text
        self.unit = unit
        self.linesBefore = linesBefore
    }
}
