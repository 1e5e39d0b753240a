import ArabicText
import Foundation
import Glossary

/// Glossaries as TBX (TermBase eXchange, ISO 30042): TBX v2 (`<martif>`, the TBX-Default flavour that
/// OmegaT and translate-toolkit read) and TBX v3 in the TBX-Basic dialect, DCA style.
///
/// ## Mapping (both versions)
/// | glossary | TBX v2 | TBX v3 (TBX-Basic) |
/// | --- | --- | --- |
/// | entry | `<termEntry id="eN">` | `<conceptEntry id="eN">` |
/// | kind person/place/org | `<descrip type="subjectField">person</descrip>` in the entry | same |
/// | comment | `<note>` in the entry | same |
/// | Arabic term | first `<tig>` of `<langSet xml:lang="ar">`, `administrativeStatus` `preferredTerm-admn-sts` | `<termSec>` of `<langSec xml:lang="ar">` |
/// | Arabic variants | further `<tig>`s, `deprecatedTerm-admn-sts` | further `<termSec>`s |
/// | English term | first `<tig>` of `<langSet xml:lang="en">`, no status | `<termSec>` |
/// | English variants | further `<tig>`s, `admittedTerm-admn-sts` | further `<termSec>`s |
///
/// The kind `term` is written as no subject field. Everything a glossary entry holds survives a round
/// trip through either version.
///
/// ## Reading
/// The version is told by the root element: `<martif>` (no namespace) is v2, `<tbx>` in the namespace
/// `urn:iso:std:iso:30042:ed-2` is v3; anything else is an error. Language sets match by primary
/// language subtag (`ar`, `ar-SA`; `en`, `en-GB`); other languages are ignored. The Arabic term is the
/// first term marked preferred, else the first; the other Arabic terms are variants. The English term is
/// the first term marked preferred, else the first with no status saying otherwise; other English terms
/// are English variants, except deprecated or superseded ones, which are left out. The comment is the
/// entry's `<note>`s and `<descrip type="definition">`s joined with "; "; a subject field `person`,
/// `place`, `org` or `term` gives the kind, other subject fields are ignored, as are transactions,
/// cross-references and notes below the entry level. Line breaks and tabs inside a term or note are
/// layout and become one space. An entry without an Arabic or an English term, an empty term, or a
/// term a glossary cannot hold is an error naming its line and column; nothing is imported then.
public enum GlossaryTBX {
    /// Which TBX.
    public enum Version: String, Sendable, CaseIterable {
        /// TBX v2 (ISO 30042:2008, `<martif>`), read by OmegaT and translate-toolkit.
        case v2
        /// TBX v3 (ISO 30042:2019) in the TBX-Basic dialect, DCA style.
        case v3
    }

    /// The TBX v3 namespace.
    public static let v3Namespace = "urn:iso:std:iso:30042:ed-2"

    /// The version of a parsed document, told by its root element.
    public static func version(of tree: XMLTree, file: String?) throws(FormatError) -> Version {
        let root = tree.root
        switch (root.name, root.namespace) {
        case ("martif", ""): return .v2
        case ("tbx", v3Namespace): return .v3
        case ("martif", let ns):
            throw .tbx(
                file: file, line: root.line, column: root.column,
                message: "<martif> in the namespace '\(ns)'; TBX v2 elements are in no namespace")
        case ("tbx", let ns):
            throw .tbx(
                file: file, line: root.line, column: root.column,
                message: "<tbx> in the namespace '\(ns.isEmpty ? "(none)" : ns)'; TBX v3 needs xmlns=\"\(v3Namespace)\"")
        default:
            throw .tbx(
                file: file, line: root.line, column: root.column,
                message: "not a TBX document: the root element is <\(root.name)>; expected <martif> (TBX v2) or <tbx> (TBX v3)")
        }
    }

    /// Reads TBX v2 or v3 from UTF-8 bytes.
    ///
    /// - Complexity: O(n).
    public static func read(_ bytes: [UInt8], file: String?) throws(FormatError) -> [GlossaryEntry] {
        let tree = try SafeXMLReader().read(bytes, file: file)
        return try TBXReader(tree: tree, version: try version(of: tree, file: file), file: file).entries()
    }

    /// Reads TBX v2 or v3 from text.
    public static func read(_ text: String, file: String?) throws(FormatError) -> [GlossaryEntry] {
        try read(Array(text.utf8), file: file)
    }

    /// Reads a TBX file.
    public static func read(contentsOf url: URL) throws(FormatError) -> [GlossaryEntry] {
        let data: Data
        do { data = try FileBytes.read(url) } catch {
            throw .unreadable(file: url.path, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
        }
        return try read([UInt8](data), file: url.path)
    }

    /// Writes the entries as TBX.
    ///
    /// Throws ``FormatError/unwritable(file:line:column:message:)`` for an entry with an empty term or a
    /// character XML 1.0 cannot hold (a control character), `line` being the entry's 1-based position,
    /// and for an empty glossary in TBX v2 (whose `<body>` needs an entry).
    /// - Complexity: O(total length of the entries).
    public static func write(_ entries: [GlossaryEntry], version: Version) throws(FormatError) -> String {
        try TBXWriter(version: version).write(entries)
    }
}
