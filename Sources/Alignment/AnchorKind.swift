/// The kinds of evidence that cross the script barrier and tie an Arabic segment to an English one.
public enum AnchorKind: String, Sendable, Hashable, CaseIterable {
    /// The same number on both sides, in any digit system (14000 = 14,000 = ١٤٠٠٠).
    case number
    /// A Latin-script token of the Arabic side (an acronym, a name left in Latin) on the English side.
    case latin
    /// A glossary term in the Arabic segment whose English (or an English variant) is in the English one.
    case glossary
    /// An Arabic word whose consonant skeleton is that of a capitalised English word.
    case name
    /// An Arabic word with a dictionary translation on the English side.
    case dictionary
}
