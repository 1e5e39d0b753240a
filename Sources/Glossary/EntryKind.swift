/// What a glossary entry names. An empty kind column means `term`.
public enum EntryKind: String, Sendable, CaseIterable, Hashable, Codable {
    case person, place, org, term

    /// Names (person, place, org) are the entries fuzzy matching looks for.
    public var isName: Bool { self != .term }
}
