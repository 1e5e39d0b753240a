import Foundation

/// `tarjim-bench corpus DATA_DIR OUT_DIR --mb N`: writes the benchmark inputs, built from NTREX read by
/// path, so that `tarjim-bench pipeline`, `Scripts/bench.sh` and the peers run on the same files:
///
/// - `corpus.ar.txt`: about N MB of Arabic news text (the NTREX lines repeated, one line a paragraph);
/// - `glossary-100.tsv`, `glossary-1k.tsv`, `glossary-100k.tsv`: half multiword entries from the
///   corpus' most frequent one- to three-word n-grams (as many as occur at least three times),
///   the rest synthetic name-like words;
/// - `glossary-100k-fill.tsv`: the same 50 corpus terms as `glossary-100.tsv` plus 99,950 synthetic
///   names that never occur, so that it finds the same matches as the 100-entry glossary and
///   comparing the two shows what size alone costs.
enum CorpusGenerator {
    static let glossaries: [(file: String, size: Int, corpusTerms: Int?)] = [
        ("glossary-100.tsv", 100, nil), ("glossary-1k.tsv", 1_000, nil), ("glossary-100k.tsv", 100_000, nil),
        ("glossary-100k-fill.tsv", 100_000, 50),
    ]

    static func run(corpus: BenchCorpus, outDirectory: String, megabytes: Double) throws {
        let dir = URL(fileURLWithPath: outDirectory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = corpus.text(megabytes: megabytes)
        try Data(text.utf8).write(to: dir.appendingPathComponent("corpus.ar.txt"))
        print(String(format: "corpus.ar.txt: %.1f MB, %d lines", Double(text.utf8.count) / 1e6, text.utf8.count(where: { $0 == 0x0A })))
        for g in glossaries {
            let tsv = corpus.glossaryTSV(size: g.size, corpusTerms: g.corpusTerms)
            try Data(tsv.utf8).write(to: dir.appendingPathComponent(g.file))
            print("\(g.file): \(g.size) entries")
        }
    }
}
