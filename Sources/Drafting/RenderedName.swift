import ArabicText

/// What drafting writes for an unknown name: the same strings wherever the word occurs (with its
/// proclitic split off or not), so made once per word and shared.
///
/// ```swift
/// let r = RenderedName(unknown, in: sentenceBytes, transliterator)
/// r.name      // "تارنوفسكي"
/// r.latin     // "Tarnufski"
/// r.message   // "تارنوفسكي is in no glossary; transliterated as Tarnufski"
/// ```
struct RenderedName: Sendable {
    /// The word as written, its proclitic included.
    let source: String
    /// The name itself (the word without a proclitic split off).
    let name: String
    /// The transliterated name.
    let latin: String
    /// The message of its `transliterated` flag.
    let message: String
    /// The English of a proclitic split off, with a space ("and "), or empty.
    let prefix: String

    init(_ n: Drafter.UnknownName, in text: SentenceBytes, _ transliterator: NameTransliterator) {
        name = text.string(n.nameStart..<n.range.upperBound)
        latin = transliterator.transliterate(word: name)
        source = n.nameStart == n.range.lowerBound ? name : text.string(n.range)
        message = Drafter.concatenated(name, " is in no glossary; transliterated as ", latin)
        prefix = n.proclitic.map { CliticRendering.prefix(proclitics: [$0], enclitic: nil) } ?? ""
    }
}
