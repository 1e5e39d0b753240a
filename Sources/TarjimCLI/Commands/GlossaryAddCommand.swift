import ArabicText
import ArgumentParser
import Glossary

/// `tarjim glossary add FILE ARABIC ENGLISH [--variant V]... [--comment C] [--kind K]`.
struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry at the end of a glossary file (created when missing).",
        discussion: """
            Refuses (exit 1) an entry whose Arabic term or a variant has the matching key of an existing \
            entry's term or variant, naming its line, and a file that does not parse, naming the line and \
            column. Other lines are kept byte for byte. Safe to run concurrently on the same file.
            """
    )

    @Argument(help: "The glossary file; created with a header comment line when it does not exist.")
    var file: String

    @Argument(help: "The Arabic term.")
    var arabic: String

    @Argument(help: "The English term.")
    var english: String

    @Option(
        name: .customLong("variant"), help: ArgumentHelp("Another Arabic spelling of the entry (repeat for several).", valueName: "variant")
    )
    var variants: [String] = []

    @Option(
        name: .customLong("english-variant"),
        help: ArgumentHelp("Another accepted English rendering (repeat for several).", valueName: "english"))
    var englishVariants: [String] = []

    @Option(help: "A comment (OmegaT's third column).")
    var comment: String = ""

    @Option(help: "person, place, org or term.")
    var kind: String = "term"

    func validate() throws {
        _ = try entry()
    }

    /// The entry the arguments describe, or a usage error.
    func entry() throws(ValidationError) -> GlossaryEntry {
        guard let k = EntryKind(rawValue: kind.lowercased()) else {
            throw ValidationError("unknown kind '\(kind)'; use person, place, org or term")
        }
        var vs: [String] = []
        for v in variants { vs.append(try GlossaryArgument.checked(v, "--variant", as: .arabicVariant)) }
        var evs: [String] = []
        for v in englishVariants { evs.append(try GlossaryArgument.checked(v, "--english-variant", as: .englishVariant)) }
        let term = try GlossaryArgument.checked(arabic, "ARABIC", as: .arabicTerm)
        let key = Normalizer.key(term)
        if let same = vs.first(where: { Normalizer.key($0) == key }) {
            throw ValidationError(
                "--variant '\(same)' is ARABIC once normalized (hamza seats, ى/ي, ة/ه, harakat and tatweel fold); it is not needed")
        }
        return GlossaryEntry(
            arabic: term,
            english: try GlossaryArgument.checked(english, "ENGLISH", as: .english),
            comment: try GlossaryArgument.checked(comment, "--comment", as: .comment),
            variants: vs, kind: k, englishVariants: evs)
    }

    /// An entry that would collide with an existing entry's term or variant.
    struct Conflict: Error, CustomStringConvertible {
        let finding: GlossaryLintFinding
        var description: String { finding.description }
    }

    func run() throws {
        let entry = try entry()
        try reportingErrors {
            try GlossaryFileEditor.edit(path: file, createIfMissing: true) { document in
                let clashes = GlossaryLinter.conflicts(adding: entry, to: document)
                try document.add(entry)  // refuses an Arabic term that is already a term
                if let first = clashes.first { throw Conflict(finding: first) }
            }
        }
    }
}
