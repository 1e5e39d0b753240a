/// One replacement in a text (`EditedText`): the UTF-8 bytes `range` become `prefix + text` (a
/// term's clitics in English, "and to ", then its English). Kept apart so that the two strings are
/// copied into the draft as they are, with no string made for their concatenation.
///
/// ```swift
/// let edit = DraftEdit(range: 7..<19, prefix: "and ", text: "Blinken")   // "بلينكن" in "قال بلينكن"
/// ```
struct DraftEdit: Sendable {
    let range: Range<Int>
    let prefix: String
    let text: String

    init(range: Range<Int>, prefix: String = "", text: String) {
        self.range = range
        self.prefix = prefix
        self.text = text
    }
}
