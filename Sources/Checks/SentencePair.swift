/// An Arabic sentence and its English translation, with where each side is in its file.
///
/// Readers set `exactColumns` when the side's text stands on one line of the file exactly as given
/// (two-column TSV without escapes): an occurrence's column is then the side's column plus its
/// offset in the text. Otherwise (XML, JSON strings, escaped fields) every occurrence points at the
/// side's own line and column.
///
/// ```swift
/// let p = SentencePair(arabic: "قال بلينكن", english: "Blinken said", file: "p.tsv", line: 1, arabicColumn: 1, englishColumn: 12)
/// ```
public struct SentencePair: Sendable, Hashable {
    public var arabic: String
    public var english: String
    /// The file of the Arabic side (and of both sides, unless `englishFile` differs).
    public var file: String
    /// The file of the English side: the same file for pairs files, the English document for
    /// `check AR_FILE --english EN_FILE`.
    public var englishFile: String
    /// XLIFF unit id (with the segment id for XLIFF 2.0 units of several segments) or TMX tuid.
    public var unit: String?
    public var arabicLine: Int
    public var arabicColumn: Int
    public var englishLine: Int
    public var englishColumn: Int
    public var exactColumns: Bool

    public init(
        arabic: String, english: String, file: String, unit: String? = nil, line: Int, arabicColumn: Int = 1, englishColumn: Int = 1,
        englishLine: Int? = nil, exactColumns: Bool = true, englishFile: String? = nil
    ) {
        self.arabic = arabic
        self.english = english
        self.file = file
        self.englishFile = englishFile ?? file
        self.unit = unit
        self.arabicLine = line
        self.arabicColumn = arabicColumn
        self.englishLine = englishLine ?? line
        self.englishColumn = englishColumn
        self.exactColumns = exactColumns
    }

    /// The occurrence of `span` (scalar offsets) in one side's text.
    func occurrence(_ side: PairSide, span: Range<Int>) -> Occurrence {
        let text = side == .arabic ? arabic : english
        let scalars = Array(text.unicodeScalars)
        let excerpt = Excerpt.make(scalars, span: span)
        let (line, column) = side == .arabic ? (arabicLine, arabicColumn) : (englishLine, englishColumn)
        return Occurrence(
            file: side == .arabic ? file : englishFile, line: line, column: exactColumns ? column + span.lowerBound : column, unit: unit,
            side: side,
            found: String(scalars: scalars[span.clamped(to: 0..<scalars.count)]), context: excerpt.text, span: excerpt.span
        )
    }
}
