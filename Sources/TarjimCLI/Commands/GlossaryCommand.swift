import ArabicText
import ArgumentParser
import Foundation

/// `tarjim glossary`: list, edit and check glossary files.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "List, edit and check glossary files (tab-separated: arabic, english, comment, variants, kind).",
        discussion: """
            Edits (add, remove) lock the file, re-read it inside the lock, refuse a file that does not \
            parse, and write it atomically (temporary file, fsync, rename); lines they do not change are \
            kept byte for byte.
            """,
        subcommands: [
            GlossaryListCommand.self, GlossaryAddCommand.self, GlossaryRemoveCommand.self, GlossaryLintCommand.self,
            GlossarySuggestCommand.self,
            GlossaryImportCommand.self, GlossaryExportCommand.self,
        ]
    )
}

/// Checks on the field values given on the command line (usage errors, exit 64).
enum GlossaryArgument {
    /// What a field is, for the checks that apply to it.
    enum Field {
        case arabicTerm, arabicVariant, english, englishVariant, comment

        var isArabic: Bool { self == .arabicTerm || self == .arabicVariant }
        var isListItem: Bool { self == .arabicVariant || self == .englishVariant }
    }

    /// Returns `value` without surrounding spaces (the reader trims them too), or throws a
    /// `ValidationError` naming the argument (`name`: ARABIC, --variant, ...).
    static func checked(_ value: String, _ name: String, as field: Field) throws(ValidationError) -> String {
        for s in value.unicodeScalars {
            let v = s.value
            if v == 0x09 || v == 0x0A || v == 0x0D {
                throw ValidationError("\(name) contains a \(v == 0x09 ? "tab" : "line break"); a glossary field is one line without tabs")
            }
            if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) {
                throw ValidationError("\(name) contains the control character \(hex(v))")
            }
            if ArabicScalar.isInvisibleFormat(v) {
                throw ValidationError(
                    "\(name) contains the invisible character \(hex(v)) (bidi control or format character); `tarjim glossary lint` reports these"
                )
            }
            if field.isListItem && s == ";" {
                throw ValidationError("\(name) '\(value)' contains ';', which separates variants; give each variant separately")
            }
        }
        let trimmed = ArabicScalar.trimmingWhitespace(value)
        if trimmed.isEmpty && field != .comment { throw ValidationError("\(name) is empty") }
        if field.isArabic, let latin = trimmed.unicodeScalars.first(where: { ArabicScalar.isLatinLetter($0.value) }) {
            throw ValidationError(
                "\(name) '\(trimmed)' contains the Latin letter '\(latin)'; give the Arabic term first, then the English one")
        }
        if field == .arabicTerm && trimmed.utf8.first == 0x23 {  // not hasPrefix: "#" + a combining mark is one Character
            throw ValidationError("\(name) starts with '#', which would make the line a comment")
        }
        return trimmed
    }

    private static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
