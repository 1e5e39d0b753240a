import ArgumentParser
import Glossary

/// `tarjim glossary remove FILE ARABIC`.
struct GlossaryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the entry with this Arabic term (compared by matching key) from a glossary file.",
        discussion: """
            Exit 1 when there is no such entry or the file does not parse (nothing is written then). \
            Other lines are kept byte for byte.
            """
    )

    @Argument(help: "The glossary file.")
    var file: String

    @Argument(help: "The Arabic term of the entry to remove.")
    var arabic: String

    func validate() throws {
        _ = try GlossaryArgument.checked(arabic, "ARABIC", as: .arabicTerm)
    }

    func run() throws {
        let term = try GlossaryArgument.checked(arabic, "ARABIC", as: .arabicTerm)
        try reportingErrors {
            try GlossaryFileEditor.edit(path: file) { document in _ = try document.remove(arabic: term) }
        }
    }
}
