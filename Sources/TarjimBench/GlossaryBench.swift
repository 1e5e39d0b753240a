import ArabicText
import Foundation
import Glossary

/// The glossary matcher with glossaries of 100, 1k and 100k entries on the same text, side by side:
/// TSV load time, compile time, exact matching throughput (fuzzy off), and with fuzzy matching on.
///
/// Two series: in the first every glossary holds the same 50 terms from the corpus plus filler
/// names that never occur, so the text has the same matches whatever the size and the figures show
/// what size alone costs; in the second half of each glossary is corpus n-grams, so bigger glossaries
/// also find (many) more matches.
enum GlossaryBench {
    static func run(corpus: BenchCorpus, megabytes: Double) throws {
        let text = corpus.text(megabytes: megabytes)
        let sentences = SentenceSegmenter().sentences(in: text).map(\.text)
        let mb = Double(text.utf8.count) / 1e6
        print(String(format: "text: %.1f MB, %d sentences", mb, sentences.count))
        for (title, corpusTerms) in [("same 50 corpus terms + filler names", 50), ("half corpus n-grams", nil)] {
            print("\n\(title)")
            try table(corpus: corpus, sentences: sentences, mb: mb, corpusTerms: corpusTerms)
        }
    }

    static func table(corpus: BenchCorpus, sentences: [String], mb: Double, corpusTerms: Int?) throws {
        print("entries   load-ms  compile-ms  exact-MB/s  matches   fuzzy-MB/s  peak-RSS-MB")
        for size in [100, 1_000, 100_000] {
            let tsv = corpus.glossaryTSV(size: size, corpusTerms: corpusTerms.map { min($0, size) })
            var glossary = Glossary()
            let load = try Measure.median(runs: 3) { glossary = try Glossary(tsv: tsv) }
            var matcher = TermMatcher(glossary: glossary, options: .init(fuzzy: false))
            let compile = Measure.median(runs: 3) { matcher = TermMatcher(glossary: glossary, options: .init(fuzzy: false)) }
            var count = 0
            let exact = Measure.median(runs: 3) {
                count = 0
                for s in sentences { count += matcher.matches(in: s).count }
            }
            let fuzzyMatcher = TermMatcher(glossary: glossary, options: .init(fuzzy: true, lexicon: Lexicon.system()))
            let fuzzy = Measure.median(runs: 1) {
                for s in sentences { _ = fuzzyMatcher.matches(in: s) }
            }
            print(
                String(
                    format: "%7d  %8.1f  %10.1f  %10.1f  %8d  %10.1f  %11.0f", size, load * 1000, compile * 1000, mb / exact, count,
                    mb / fuzzy, Measure.peakRSSMegabytes))
        }
    }
}

/// Only exact matching, repeated: a target for `perf record`.
enum MatchProfile {
    static func run(corpus: BenchCorpus, megabytes: Double) throws {
        let text = corpus.text(megabytes: megabytes)
        let sentences = SentenceSegmenter().sentences(in: text).map(\.text)
        let glossary = try Glossary(tsv: corpus.glossaryTSV(size: 1_000))
        let matcher = TermMatcher(glossary: glossary, options: .init(fuzzy: false))
        var count = 0
        let t = Measure.seconds {
            for _ in 0..<5 { for s in sentences { count += matcher.matches(in: s).count } }
        }
        print(String(format: "%.1f MB/s (%d matches)", 5 * Double(text.utf8.count) / 1e6 / t, count))
    }
}

/// Only loading and compiling a 100k glossary, repeated: a target for `perf record`.
enum LoadProfile {
    static func run(corpus: BenchCorpus) throws {
        let tsv = corpus.glossaryTSV(size: 100_000)
        var n = 0
        let load = try Measure.seconds { for _ in 0..<3 { n += try Glossary(tsv: tsv).entries.count } }
        let g = try Glossary(tsv: tsv)
        let compile = Measure.seconds {
            for _ in 0..<3 { n += TermMatcher(glossary: g, options: .init(fuzzy: false)).glossary.entries.count }
        }
        print(String(format: "load %.0f ms, compile %.0f ms (%d)", load * 1000 / 3, compile * 1000 / 3, n))
    }
}
