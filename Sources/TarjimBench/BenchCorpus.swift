import ArabicText
import Foundation

/// Builds benchmark inputs from the NTREX corpus (read by path, never copied into the repo).
struct BenchCorpus {
    /// The Arabic lines of NTREX.
    let lines: [String]

    init(dataDirectory: String) throws {
        let url = URL(fileURLWithPath: dataDirectory).appendingPathComponent("newstest2019.ar.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        lines = text.split(separator: "\n").map(String.init)
    }

    /// About `megabytes` MB of Arabic news text: the corpus repeated, one line a paragraph.
    func text(megabytes: Double) -> String {
        let target = Int(megabytes * 1_000_000)
        var out = ""
        out.reserveCapacity(target + 4096)
        var i = 0
        while out.utf8.count < target {
            out += lines[i % lines.count]
            out += "\n"
            i += 1
        }
        return out
    }

    /// A glossary of `size` entries as TSV: the corpus' most frequent multiword n-grams (two or three
    /// Arabic words, so that the benchmark text really contains matches; single frequent words such
    /// as التي "which" are no glossary's terms) and then synthetic name-like words (random Arabic
    /// letter strings) until the size is reached.
    func glossaryTSV(size: Int, corpusTerms: Int? = nil, seed: UInt64 = 42) -> String {
        let fromCorpus = corpusTerms ?? size / 2
        var counts: [String: Int] = [:]
        for line in lines {
            let words = line.split(separator: " ").map(String.init).filter { w in
                w.unicodeScalars.allSatisfy { ArabicScalar.isLetter($0.value) }
            }
            for n in 2...3 where words.count >= n {
                for i in 0...(words.count - n) { counts[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
            }
        }
        let ngrams = counts.filter { $0.value >= 3 && $0.key.unicodeScalars.count >= 4 }.sorted {
            $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
        }
        var seen = Set<String>()
        var out = "# benchmark glossary, \(size) entries\n"
        var n = 0
        for (term, _) in ngrams where n < fromCorpus {
            let key = Normalizer.key(term)
            guard seen.insert(key).inserted else { continue }
            out += "\(term)\tterm\(n)\t\t\tterm\n"
            n += 1
        }
        var rng = SplitMix64(seed: seed)
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي".unicodeScalars)
        while n < size {
            let len = 4 + Int(rng.next() % 5)
            var w = String.UnicodeScalarView()
            for _ in 0..<len { w.append(letters[Int(rng.next() % UInt64(letters.count))]) }
            let word = String(w)
            guard seen.insert(Normalizer.key(word)).inserted else { continue }
            out += "\(word)\tName\(n)\t\t\tperson\n"
            n += 1
        }
        return out
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
