import ArabicText
import Checks
import Foundation
import Glossary
import Testing

/// Fixtures of this test target (copied as resources) and golden files.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil), "missing fixture \(name)")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// Compares `actual` with the golden file `Fixtures/golden/NAME`. With `RECORD_SNAPSHOTS=1` it
    /// writes `actual` into the source tree instead (golden files are never edited by hand).
    static func assertSnapshot(
        _ actual: String, named name: String, sourceFile: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let dir = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: dir.appendingPathComponent(name))
            return
        }
        let expected = try text("golden/" + name)
        #expect(
            actual == expected, "output differs from Fixtures/golden/\(name) (RECORD_SNAPSHOTS=1 re-records it)",
            sourceLocation: sourceLocation)
    }

    /// The test glossary, the system's Hunspell lexicon and the shipped transliteration rules (built
    /// once: the checker is immutable and shared by all tests).
    static func checker() throws -> Checker {
        try shared.get()
    }

    /// The test checker listing at most `maxOccurrences` places per finding.
    static func checker(maxOccurrences: Int) throws -> Checker {
        let base = try checker()
        return Checker(
            glossary: base.glossary, lexicon: Lexicon.system(), transliterator: try NameTransliterator(),
            options: .init(maxOccurrences: maxOccurrences))
    }

    private static let shared: Result<Checker, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "Fixtures/glossary.tsv", withExtension: nil) else {
            throw SetupError(message: "missing fixture glossary.tsv")
        }
        guard let lexicon = Lexicon.system() else {
            throw SetupError(message: "hunspell-ar is needed (apt-get install hunspell-ar)")
        }
        return Checker(glossary: try Glossary(contentsOf: url), lexicon: lexicon, transliterator: try NameTransliterator())
    }

    /// The source documents of the golden reports, named as in the report.
    static func sources() throws -> [ArabicDocument] {
        try ["a.txt", "b.txt"].map { ArabicDocument(name: "sources/" + $0, text: try text("sources/" + $0)) }
    }

    static func pair(_ arabic: String, _ english: String, line: Int = 1) -> SentencePair {
        SentencePair(
            arabic: arabic, english: english, file: "p.tsv", line: line, arabicColumn: 1,
            englishColumn: arabic.unicodeScalars.count + 2)
    }
}

/// Why the shared test checker could not be built.
struct SetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
