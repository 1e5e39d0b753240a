import ArabicText
import Glossary

extension Drafter {
    /// Per-word and per-entry caches and reused buffers, one per concurrent call of
    /// `draft(document:name:)`.
    struct Scratch: Sendable {
        /// What each word no entry matched is for the unknown-name search: an index in `nameWords`,
        /// -1 when the word is not name-like (a hit copies an integer, not the word's strings).
        var names = ScalarWordCache(limit: Scratch.limit)
        var nameWords: [NameEntry] = []
        /// What each word of `nameWords` is drafted as, whole and with its proclitic split off, once
        /// made.
        var renderedNames: [(whole: RenderedName?, split: RenderedName?)] = []
        static let limit = 50_000
        /// The matching keys of `nameWords` (and of their rest after a proclitic) as numbers: the
        /// unknown-name search marks the keys a document holds in `seen`, an array, instead of
        /// hashing them into a set.
        var keyIDs: [HashedKey: Int32] = [:]
        /// `seen[id] == generation`: the key `id` is a name-like word's key in the current document.
        var seen: [UInt32] = []
        var generation: UInt32 = 0
        /// The Arabic words of the document's sentences, as the matcher found them: those of sentence
        /// `k` are `words[wordStarts[k]..<wordStarts[k + 1]]` (buffers reused).
        var words: [Token] = []
        var wordStarts: [Int] = []

        /// Empties the name caches together (`names` starts over by itself when full, which only
        /// leaves unused words in `nameWords`). Only between documents: a document's candidates
        /// hold indices in `nameWords`.
        mutating func startOver() {
            names = ScalarWordCache(limit: Scratch.limit)
            nameWords.removeAll(keepingCapacity: true)
            renderedNames.removeAll(keepingCapacity: true)
            keyIDs.removeAll(keepingCapacity: true)
            seen.removeAll(keepingCapacity: true)
        }

        /// Adds a word to `nameWords` with the numbers of its keys.
        mutating func add(_ word: NameWord) {
            nameWords.append(
                NameEntry(
                    keyID: id(of: word.key), restID: word.proclitic == nil ? -1 : id(of: word.rest), proclitic: word.proclitic,
                    procliticLength: Int32(word.procliticLength), conjunctionBeforeName: word.conjunctionBeforeName))
            renderedNames.append((nil, nil))
        }

        /// The number of a matching key, a new one for a key not seen before.
        mutating func id(of key: HashedKey) -> Int32 {
            if let id = keyIDs[key] { return id }
            let id = Int32(keyIDs.count)
            keyIDs[key] = id
            seen.append(0)
            return id
        }

        /// What the unknown name `n` of the sentence `text` is drafted as: made on the word's first
        /// occurrence (with or without its proclitic split off), then shared by every later one.
        mutating func rendered(_ n: UnknownName, in text: SentenceBytes, _ transliterator: NameTransliterator) -> RenderedName {
            let i = Int(n.word)
            if let r = n.proclitic == nil ? renderedNames[i].whole : renderedNames[i].split { return r }
            let r = RenderedName(n, in: text, transliterator)
            if n.proclitic == nil { renderedNames[i].whole = r } else { renderedNames[i].split = r }
            return r
        }
    }
}
