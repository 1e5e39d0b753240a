/// Which side of a sentence pair an occurrence is in.
public enum PairSide: String, Sendable, Hashable {
    case arabic = "ar"
    case english = "en"
}

/// One place a finding was seen: the file, the 1-based line and column (in Unicode scalars), the
/// unit id for XLIFF and TMX, and a short excerpt of the text around it with the span marked.
///
/// ```swift
/// let o = Occurrence(file: "a.txt", line: 3, column: 12, found: "بلينجن", context: "وقال بلينجن إن", span: 5..<11)
/// ```
public struct Occurrence: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    /// The XLIFF unit id or TMX tuid (or `tu N` when a TMX unit has none), nil elsewhere.
    public var unit: String?
    /// The side of a pair; nil for Arabic source documents.
    public var side: PairSide?
    /// The text found at this place, as written.
    public var found: String
    /// An excerpt of the line (or of the pair's side) around the occurrence, at most about 120
    /// scalars, cut at spaces with "…" where it was cut.
    public var context: String
    /// The span of the occurrence in `context`, in Unicode scalars.
    public var span: Range<Int>

    public init(
        file: String, line: Int, column: Int, unit: String? = nil, side: PairSide? = nil, found: String, context: String,
        span: Range<Int>
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.unit = unit
        self.side = side
        self.found = found
        self.context = context
        self.span = span
    }

    /// Orders by file, line, column, unit, side, then the text found.
    public static func < (a: Occurrence, b: Occurrence) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.unit != b.unit { return (a.unit ?? "") < (b.unit ?? "") }
        if a.side != b.side { return (a.side?.rawValue ?? "") < (b.side?.rawValue ?? "") }
        if a.found != b.found { return a.found < b.found }
        if a.context != b.context { return a.context < b.context }
        return (a.span.lowerBound, a.span.upperBound) < (b.span.lowerBound, b.span.upperBound)
    }
}
