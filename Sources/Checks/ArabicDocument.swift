/// An Arabic source document to check: its name (the file path, "-" for standard input) and text.
public struct ArabicDocument: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
