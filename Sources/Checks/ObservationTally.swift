/// The name and word observations of one `Checker.collect`, counted into records as they come;
/// an occurrence (with its excerpt) is built only when it is among the first places kept.
struct ObservationTally {
    /// Places kept per record (0: all).
    let limit: Int
    private var names: [NameRecord] = []
    private var nameIndex: [NameRecord.Key: Int] = [:]
    private var words: [WordRecord] = []
    private var wordIndex: [String: Int] = [:]

    init(limit: Int) { self.limit = limit }

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
        }
        names[i].count += 1
        guard names[i].keepsPlaces, !place.wouldDrop(span, from: names[i].occurrences, limit: limit) else { return }
        FirstOccurrences.add(place.occurrence(span), to: &names[i].occurrences, limit: limit)
    }

    /// Counts a name-like word no entry matched, by its matching key.
    mutating func word(key: String, span: Range<Int>, at place: SentencePlace) {
        let i: Int
        if let k = wordIndex[key] {
            i = k
        } else {
            i = words.count
            wordIndex[key] = i
            words.append(WordRecord(key: key, count: 0, occurrences: []))
        }
        words[i].count += 1
        guard !place.wouldDrop(span, from: words[i].occurrences, limit: limit) else { return }
        FirstOccurrences.add(place.occurrence(span), to: &words[i].occurrences, limit: limit)
    }

    /// The records in the scope's order.
    func records() -> (names: [NameRecord], words: [WordRecord]) {
        (names.sorted(by: NameRecord.precedes), words.sorted(by: WordRecord.precedes))
    }
}
