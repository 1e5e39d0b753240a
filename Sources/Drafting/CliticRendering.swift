import ArabicText

/// How clitics around a matched term are rendered in the English draft. The article ال disappears
/// into the English term; the rest is predictable so that a translator knows what to expect.
public enum CliticRendering {
    /// و and ف -> "and"; ب -> "in"; ل -> "to"; ك -> "like"; the future marker س (verbs only) -> nothing.
    public static func english(_ p: Proclitic) -> String? {
        switch p {
        case .wa, .fa: return "and"
        case .bi: return "in"
        case .li: return "to"
        case .ka: return "like"
        case .sa: return nil
        }
    }

    /// Enclitic pronouns as English possessives placed before the term.
    public static func english(_ e: Enclitic) -> String {
        switch e {
        case .hu: return "his"
        case .ha: return "her"
        case .hum, .huma, .hunna: return "their"
        case .kum, .kuma: return "your"
        case .na: return "our"
        case .i: return "my"
        }
    }

    /// The English for a term with its clitics: "and to NATO", "their Russia".
    public static func render(_ term: String, proclitics: [Proclitic], enclitic: Enclitic?) -> String {
        if proclitics.isEmpty && enclitic == nil { return term }
        let words = prefix(proclitics: proclitics, enclitic: enclitic)
        return words.isEmpty ? term : words + term
    }

    /// The words `render` puts before a term, each followed by a space ("and to ", "their "; empty
    /// without clitics): a small string, which needs no allocation.
    static func prefix(proclitics: [Proclitic], enclitic: Enclitic?) -> String {
        var words = ""
        for p in proclitics {
            guard let w = english(p) else { continue }
            words += w
            words += " "
        }
        if let e = enclitic {
            words += english(e)
            words += " "
        }
        return words
    }
}
