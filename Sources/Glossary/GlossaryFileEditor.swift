import ArabicText
import Foundation
import TarjimIO

/// Safe in-place edits of a glossary file, for several editors at once (eight concurrent
/// `tarjim glossary add` runs lose no entry).
///
/// An edit takes an exclusive lock (`PATH.lock`), reads and parses the file *inside* the lock (so it
/// sees every edit committed before it), applies the change, checks that the new text reads back to
/// the same entries, and writes it atomically (temporary file, fsync, rename). A file that does not
/// parse is never rewritten: the parse error, with its line and column, is thrown instead. Lines the
/// change does not touch are written back byte for byte; a BOM and CRLF line ends are kept when the
/// whole file used them.
///
/// ```swift
/// try GlossaryFileEditor.edit(path: "names.tsv", createIfMissing: true) { doc in
///     try doc.add(GlossaryEntry(arabic: "بلينكن", english: "Blinken", kind: .person))
/// }
/// ```
/// - Complexity: O(n) in the file size per edit; the whole file is re-read and rewritten.
public enum GlossaryFileEditor {
    /// The comment line that starts a glossary file created by an edit.
    public static let header =
        "# Columns (tab-separated): Arabic term, English term, comment, variants (;-separated), kind (person|place|org|term), English variants (;-separated)"

    /// Edits the glossary at `path` under an exclusive lock and writes it back atomically.
    ///
    /// - Parameters:
    ///   - createIfMissing: when the file does not exist, start from a document holding only
    ///     `header`; otherwise a missing file is an error.
    ///   - change: changes the document; when it throws, or leaves the document as it was, the file
    ///     is not written.
    /// - Returns: what `change` returns.
    /// - Throws: `GlossaryError` (unreadable or malformed file, or an edited entry that would not read
    ///   back as written), `FileIOError` (lock or write failures), or whatever `change` throws.
    @discardableResult
    public static func edit<T>(
        path: String, createIfMissing: Bool = false, _ change: (inout GlossaryDocument) throws -> T
    ) throws -> T {
        // Edit the target of a symbolic link (renaming over the link would replace it), and lock the
        // same path whichever name the file is reached by.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return try FileLock.withExclusiveLock(on: target) {
            var style = LineStyle()
            var document: GlossaryDocument
            if FileManager.default.fileExists(atPath: target) {
                (document, style) = try read(target, name: path)
            } else if createIfMissing {
                document = GlossaryDocument(lines: [.verbatim(header)], file: path)
            } else {
                throw GlossaryError.unreadable(file: path, reason: "no such file")
            }
            let original = document
            let result = try change(&document)
            if document == original { return result }
            let text = try verifiedText(of: document, name: path)
            try AtomicFile.write(style.encode(text), to: target)
            return result
        }
    }

    /// How the file was written: kept on rewrite when every line used it.
    struct LineStyle {
        var bom = false
        var crlf = false

        func encode(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            bytes.reserveCapacity(text.utf8.count + 3)
            for b in text.utf8 {
                if crlf && b == 0x0A { bytes.append(0x0D) }
                bytes.append(b)
            }
            return bytes
        }
    }

    static func read(_ target: String, name: String) throws(GlossaryError) -> (GlossaryDocument, LineStyle) {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try FileBytes.read(URL(fileURLWithPath: target)))
        } catch {
            throw .unreadable(file: name, reason: "cannot read: \(error.reason)")
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, encoding: .utf8, file: name)
        } catch {
            throw .unreadable(file: name, reason: error.message)
        }
        var style = LineStyle()
        style.bom = decoded.hadBOM
        // CRLF is kept only when every line break is one (a mixed file is normalized to LF).
        var lf = 0
        var crlf = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            lf += 1
            if i > 0 && bytes[i - 1] == 0x0D { crlf += 1 }
        }
        style.crlf = lf > 0 && crlf == lf
        return (try GlossaryDocument(tsv: decoded.text, file: name), style)
    }

    /// The document's text, after checking that it parses back to the same entries: an entry whose
    /// fields hold a tab, a line break, a `;` inside a variant, a leading `#` or surrounding spaces
    /// would otherwise be written as something else.
    static func verifiedText(of document: GlossaryDocument, name: String) throws(GlossaryError) -> String {
        let text = document.tsv
        let reread = try GlossaryDocument(tsv: text, file: name)
        let before = document.entries
        let after = reread.entries
        if before == after { return text }
        // Name the first entry that would change.
        var lineNumber = 0
        var index = 0
        for line in document.lines {
            lineNumber += 1
            guard case .entry(let e, _, _) = line else { continue }
            if index >= after.count || after[index] != e {
                throw .malformed(
                    file: name, line: lineNumber, column: 1,
                    message:
                        "the entry '\(e.arabic)' would not read back as written (a tab, line break, ';' in a variant, leading '#' or surrounding spaces in a field); the file was not changed"
                )
            }
            index += 1
        }
        throw .malformed(
            file: name, line: lineNumber, column: 1, message: "the edited glossary would not read back as written; the file was not changed"
        )
    }
}
