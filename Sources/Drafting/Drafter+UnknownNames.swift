import ArabicText
import Glossary

// Unknown names: words no glossary entry covers and the lexicon rejects.
extension Drafter {
    struct UnknownName {
        let range: Range<Int>
        /// Where the name itself starts (after a proclitic that is split off).
        let nameStart: Int
        let proclitic: Proclitic?
        /// The word's index in the scratch's `nameWords`.
        let word: Int32
    }

    /// Words no glossary entry covers and the lexicon rejects: taken as unknown names. A leading
    /// proclitic is split off when the bare word also occurs in the document (وتارنوفسكي next to
    /// تارنوفسكي), and a leading و when at least four letters follow that do not start with a long
    /// vowel (وديميتري -> and Dimitri; ويليام stays whole).
    /// - Parameter work: its `words` and `wordStarts` hold each sentence's Arabic words, as the
    ///   matcher handed them out.
    /// - Returns: the names of every sentence in text order; those of sentence `k` are
    ///   `names[starts[k]..<starts[k + 1]]`.
    func unknownNames(
        _ sentences: [[Unicode.Scalar]], _ matches: [[TermMatch]], _ work: inout Scratch
    ) -> (names: [UnknownName], starts: [Int]) {
        guard options.transliterateUnknownNames, transliterator != nil, let lexicon else {
            return ([], [Int](repeating: 0, count: sentences.count + 1))
        }
        // The caches start over between documents only: the candidates below hold indices in
        // `work.nameWords`.
        if work.nameWords.count >= Scratch.limit { work.startOver() }
        work.generation &+= 1
        if work.generation == 0 {
            // Every mark is from an earlier document once the counter wraps around.
            for i in work.seen.indices { work.seen[i] = 0 }
            work.generation = 1
        }
        let generation = work.generation
        // Each name-like word as its sentence, its range and its index in `work.nameWords`, in text
        // order (one array for the document); its key marked as seen in the document.
        var candidates: [(sentence: Int32, range: Range<Int>, word: Int32)] = []
        for k in sentences.indices {
            var covered = MatchCoverage(matches[k])
            // The words read through a pointer: a slice of the sentence per word would retain and
            // release its array.
            sentences[k].withUnsafeBufferPointer { u in
                for i in work.wordStarts[k]..<work.wordStarts[k + 1] {
                    let t = work.words[i]
                    let word = UnsafeBufferPointer(rebasing: u[t.range])
                    if covered.overlaps(t.range) || Lexicon.cannotBeNameLike(word) { continue }
                    var computed: NameWord?
                    let next = Int32(work.nameWords.count)
                    let w = work.names.value(for: word) { word in
                        computed = Self.nameWord(String(scalars: word), lexicon)
                        return computed == nil ? -1 : next
                    }
                    if let computed { work.add(computed) }
                    guard w >= 0 else { continue }
                    candidates.append((Int32(k), t.range, w))
                    work.seen[Int(work.nameWords[Int(w)].keyID)] = generation
                }
            }
        }
        var names: [UnknownName] = []
        names.reserveCapacity(candidates.count)
        var starts: [Int] = []
        starts.reserveCapacity(sentences.count + 1)
        for c in candidates {
            while starts.count <= Int(c.sentence) { starts.append(names.count) }
            let word = work.nameWords[Int(c.word)]
            let range = c.range
            if let p = word.proclitic, work.seen[Int(word.restID)] == generation || (p == .wa && word.conjunctionBeforeName) {
                names.append(
                    UnknownName(range: range, nameStart: range.lowerBound + Int(word.procliticLength), proclitic: p, word: c.word))
            } else {
                names.append(UnknownName(range: range, nameStart: range.lowerBound, proclitic: nil, word: c.word))
            }
        }
        while starts.count <= sentences.count { starts.append(names.count) }
        return (names, starts)
    }

    /// A name-like word (`Lexicon.isNameLike`) and what splitting a proclitic off it needs; the same
    /// for every occurrence of the word, so cached per word.
    struct NameWord: Sendable {
        /// The word's matching key.
        let key: HashedKey
        /// The proclitic the key may start with (keys of five letters or more; never س).
        let proclitic: Proclitic?
        /// The key without its first letter.
        let rest: HashedKey
        /// Where the name starts in the word (in scalars) when the proclitic is split off.
        let procliticLength: Int
        /// A و before at least four letters that do not start with a long vowel.
        let conjunctionBeforeName: Bool
    }

    /// A `NameWord` as the scratch keeps it: its keys as numbers (`Scratch.id(of:)`), no strings,
    /// so that reading one copies a few bytes.
    struct NameEntry: Sendable {
        let keyID: Int32
        /// The number of the key without its first letter; -1 without a proclitic.
        let restID: Int32
        let proclitic: Proclitic?
        let procliticLength: Int32
        let conjunctionBeforeName: Bool
    }

    static func nameWord(_ word: String, _ lexicon: Lexicon) -> NameWord? {
        guard lexicon.isNameLike(word) else { return nil }
        let key = Normalizer.key(word)
        let k = Array(key.unicodeScalars)
        let p = k.count >= 5 ? Proclitic.allCases.first(where: { $0 != .sa && $0.rawValue.unicodeScalars.first == k[0] }) : nil
        return NameWord(
            key: HashedKey(key), proclitic: p, rest: HashedKey(String(scalars: k.dropFirst())),
            procliticLength: p == nil ? 0 : MatchingKey(scalars: Array(word.unicodeScalars)).sourceRange(ofKey: 1..<1).lowerBound,
            conjunctionBeforeName: k[0] == "و" && k.count >= 5 && !["ا", "و", "ي"].contains(k[1]))
    }

    /// A matching key with its hash computed once, when its word is first seen: numbering the keys
    /// (`Scratch.id(of:)`) hashes eight bytes, not the key's text.
    struct HashedKey: Hashable, Sendable {
        let text: String
        let hash: UInt64

        init(_ text: String) {
            self.text = text
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            hash = h
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: HashedKey, b: HashedKey) -> Bool { a.hash == b.hash && a.text == b.text }
    }
}
