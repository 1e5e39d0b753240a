import ArabicText
import Foundation

/// A set of glossary entries, possibly merged from several files, ready for matching.
///
/// ```swift
/// let g = try Glossary(tsv: "بلينكن\tBlinken\t\tبلينكين;بلينجن\tperson\n")
/// let m = TermMatcher(glossary: g)
/// ```
public struct Glossary: Sendable {
    public var entries: [GlossaryEntry]
    /// For each entry, where it was read from ("file:line"), for messages and tooltips.
    public var origins: GlossaryOrigins

    public init(entries: [GlossaryEntry] = [], origins: [String]? = nil) {
        self.entries = entries
        self.origins = GlossaryOrigins(origins ?? entries.map { _ in "" })
    }

    public init(tsv: String, file: String? = nil) throws(GlossaryError) {
        self.init(document: try GlossaryDocument(tsv: tsv, file: file, keepRaw: false))
    }

    public init(contentsOf url: URL) throws(GlossaryError) {
        self.init(document: try GlossaryDocument(contentsOf: url, keepRaw: false))
    }

    public init(document: GlossaryDocument) {
        let numbered = document.numberedEntries
        entries = numbered.map(\.entry)
        origins = GlossaryOrigins(file: document.file ?? "<glossary>", lines: numbered.map(\.line))
    }

    /// Appends another glossary's entries (later files add to earlier ones).
    public mutating func merge(_ other: Glossary) {
        entries += other.entries
        origins.append(contentsOf: other.origins)
    }
}

extension Glossary {
    /// The glossaries shipped in `Glossaries/` (every `*.tsv` there), found next to the executable
    /// (SwiftPM resource bundle), under `$TARJIM_GLOSSARY_DIR`, or under `$TARJIM_DATA_DIR/Glossaries`.
    public static func defaultGlossaryFiles() throws(GlossaryError) -> [URL] {
        var dirs: [URL] = []
        if let env = ProcessInfo.processInfo.environment["TARJIM_GLOSSARY_DIR"], !env.isEmpty {
            dirs.append(URL(fileURLWithPath: env))
        }
        dirs += ResourceLocator.searchPaths(bundleName: "Tarjim_Glossary").map { $0.appendingPathComponent("Glossaries") }
        for d in dirs {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: d.path) else { continue }
            let tsvs = names.filter { $0.hasSuffix(".tsv") }.sorted()
            if !tsvs.isEmpty { return tsvs.map { d.appendingPathComponent($0) } }
        }
        throw .unreadable(
            file: "Glossaries",
            reason: "shipped glossaries not found (searched \(dirs.map(\.path).joined(separator: ", "))); set TARJIM_GLOSSARY_DIR")
    }

    /// Loads the shipped glossaries (unless `includeDefaults` is false) and then `files`, in order.
    public static func load(files: [URL], includeDefaults: Bool = true) throws(GlossaryError) -> Glossary {
        var g = Glossary()
        if includeDefaults {
            // Shipped glossaries are named as in the repository (Glossaries/news.tsv), not by the
            // resource bundle's absolute path, in messages and in outputs that cite an entry's origin.
            for f in try defaultGlossaryFiles() {
                var doc = try GlossaryDocument(contentsOf: f)
                doc.file = "Glossaries/" + f.lastPathComponent
                g.merge(Glossary(document: doc))
            }
        }
        for f in files { g.merge(try Glossary(contentsOf: f)) }
        return g
    }
}
