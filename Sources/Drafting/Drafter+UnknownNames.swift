import ArabicText
import Glossary

// Unknown names: words no glossary entry covers and the lexicon rejects.
extension Drafter {
    struct UnknownName {
        let range: Range<Int>
        /// Where the name itself starts (after a proclitic that is split off).
        let nameStart: Int
        let proclitic: Proclitic?
    }

    /// Words no glossary entry covers and the lexicon rejects: taken as unknown names. A leading
    /// proclitic is split off when the bare word also occurs in the document (وتارنوفسكي next to
    /// تارنوفسكي), and a leading و when at least four letters follow that do not start with a long
    /// vowel (وديميتري -> and Dimitri; ويليام stays whole).
    /// - Parameter work: its `words` and `wordStarts` hold each sentence's Arabic words, as the
    ///   matcher handed them out.
    func unknownNames(_ sentences: [[Unicode.Scalar]], _ matches: [[TermMatch]], _ work: inout Scratch) -> [[UnknownName]] {
        guard options.transliterateUnknownNames, transliterator != nil, let lexicon else { return sentences.map { _ in [] } }
        // Each name-like word as its sentence, its range and its index in `work.nameWords`, in text
        // order (one array for the document).
        var candidates: [(sentence: Int32, range: Range<Int>, word: Int32)] = []
        var bareKeys = Set<HashedKey>()
        for k in sentences.indices {
            let u = sentences[k]
            var covered = MatchCoverage(matches[k])
            for i in work.wordStarts[k]..<work.wordStarts[k + 1] {
                let t = work.words[i]
                if covered.overlaps(t.range) || Lexicon.cannotBeNameLike(u[t.range]) { continue }
                if work.nameWords.count >= Scratch.limit { work.startOver() }
                var computed: NameWord?
                let next = Int32(work.nameWords.count)
                let w = work.names.value(for: u[t.range]) { word in
                    computed = Self.nameWord(String(scalars: word), lexicon)
                    return computed == nil ? -1 : next
                }
                if let computed { work.nameWords.append(computed) }
                guard w >= 0 else { continue }
                candidates.append((Int32(k), t.range, w))
                bareKeys.insert(work.nameWords[Int(w)].key)
            }
        }
        var names = [[UnknownName]](repeating: [], count: sentences.count)
        for c in candidates {
            let word = work.nameWords[Int(c.word)]
            let range = c.range
            if let p = word.proclitic, bareKeys.contains(word.rest) || (p == .wa && word.conjunctionBeforeName) {
                names[Int(c.sentence)].append(UnknownName(range: range, nameStart: range.lowerBound + word.procliticLength, proclitic: p))
            } else {
                names[Int(c.sentence)].append(UnknownName(range: range, nameStart: range.lowerBound, proclitic: nil))
            }
        }
        return names
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

    /// A matching key with its hash computed once, when its word is first seen: the document's set of
    /// bare keys then hashes eight bytes per occurrence, not the key's text.
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
