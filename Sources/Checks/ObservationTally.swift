import ArabicText

/// The name and word observations of one `Checker.collect`, counted into records as they come;
/// an occurrence (with its excerpt) is built only when it is among the first places kept.
struct ObservationTally {
    /// Places kept per record (0: all).
    let limit: Int
    /// Places after which earlier pieces already list a record in full.
    private let kept: KeptPlaces.Bounds
    private var names: [NameRecord] = []
    private var nameIndex: [NameRecord.Key: Int] = [:]
    /// For each record, its bound in `kept` (nil: none).
    private var nameBounds: [Occurrence?] = []
    private var words: [WordRecord] = []
    private var wordIndex: [UTF8Key: Int] = [:]
    private var wordBounds: [Occurrence?] = []
    /// The collecting thread's memo of name-like words (see `Checker.takeBuffers`).
    var memo = NameLikeMemo()
    /// The word record of each entry of `memo` met so far (-1: not met yet), for `memoGeneration`.
    private var recordOfEntry: [Int32] = []
    private var memoGeneration = 0
    /// Buffers for the Arabic words of one document's sentences, as the matcher hands them out
    /// (`TermMatcher.matches(inScopeScalars:arabicWords:starts:)`).
    var tokens: [Token] = []
    var wordStarts: [Int] = []
    /// The last line quoted whole (`SentencePlace.occurrence`).
    private var lineText: SentencePlace.LineText?

    init(limit: Int, kept: KeptPlaces.Bounds = .init()) {
        self.limit = limit
        self.kept = kept
    }

    /// Counts a glossary name seen at `span` of a sentence.
    mutating func name(_ key: NameRecord.Key, score: Double, fixable: Bool, span: Range<Int>, at place: SentencePlace) {
        let i: Int
        if let k = nameIndex[key] {
            i = k
            names[i].score = max(names[i].score, score)
            names[i].fixable = names[i].fixable || fixable
        } else {
            i = names.count
            nameIndex[key] = i
            names.append(
                NameRecord(
                    entry: key.entry, spelling: key.spelling, match: key.match, foundKey: key.foundKey, count: 0, score: score,
                    fixable: fixable, occurrences: []))
            nameBounds.append(kept.names[key])
        }
        names[i].count += 1
        guard names[i].keepsPlaces, !place.wouldDrop(span, from: names[i].occurrences, limit: limit),
            !place.isAfter(span, nameBounds[i])
        else { return }
        FirstOccurrences.add(place.occurrence(span, found: nil, lineText: &lineText), to: &names[i].occurrences, limit: limit)
    }

    /// Counts a name-like word no entry matched (nothing when the word is not name-like): `isNameLike`
    /// gives the matching key of a name-like word (asked once per distinct word, see `memo`).
    mutating func word(
        _ word: UnsafeBufferPointer<Unicode.Scalar>, span: Range<Int>, at place: SentencePlace, isNameLike: (String) -> String?
    ) {
        guard let e = memo.entry(of: word, isNameLike) else { return }
        if memo.generation != memoGeneration {
            recordOfEntry.removeAll(keepingCapacity: true)
            memoGeneration = memo.generation
        }
        while recordOfEntry.count <= e { recordOfEntry.append(-1) }
        var i = Int(recordOfEntry[e])
        if i < 0 {
            let key = memo.key(e)
            if let k = wordIndex[UTF8Key(key)] {
                i = k
            } else {
                i = words.count
                wordIndex[UTF8Key(key)] = i
                words.append(WordRecord(key: key, count: 0, occurrences: []))
                wordBounds.append(kept.words[UTF8Key(key)])
            }
            recordOfEntry[e] = Int32(i)
        }
        words[i].count += 1
        guard !place.wouldDrop(span, from: words[i].occurrences, limit: limit), !place.isAfter(span, wordBounds[i]) else { return }
        FirstOccurrences.add(
            place.occurrence(span, found: memo.written(e), lineText: &lineText), to: &words[i].occurrences, limit: limit)
    }

    /// The records in the scope's order.
    func records() -> (names: [NameRecord], words: [WordRecord]) {
        (NameRecord.sorted(names), WordRecord.sorted(words))
    }
}
