import Glossary

/// Where a draft term's entry comes from: a "file:line" string given as it is, or the entry's
/// number in a glossary's origins, made into that string only when asked for (`DraftTerm.origin`).
/// A drafted term then holds a reference that every term of the glossary shares, not a string
/// of its own (JSON lines never write the origin).
///
/// ```swift
/// let shared = TermOrigin.Origins(glossary.origins)
/// TermOrigin.entry(shared, 3).text   // "news.tsv:4"
/// TermOrigin.text("").text           // ""
/// ```
enum TermOrigin: Sendable {
    case text(String)
    case entry(Origins, Int)

    /// A glossary's origins, shared by reference.
    final class Origins: Sendable {
        let origins: GlossaryOrigins

        init(_ origins: GlossaryOrigins) {
            self.origins = origins
        }
    }

    var text: String {
        switch self {
        case .text(let s): s
        case .entry(let o, let i): o.origins[i]
        }
    }
}
