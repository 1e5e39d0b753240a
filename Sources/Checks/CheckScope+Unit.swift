extension CheckScope {
    /// The scope with every occurrence placed in `unit` (a document id within its file, as for
    /// `--input-format jsonl`, where the file is the JSONL input and the unit the document's id).
    ///
    /// ```swift
    /// let scope = checker.collect(documents: [ArabicDocument(name: "corpus.jsonl", text: text)]).inUnit("17")
    /// ```
    public func inUnit(_ unit: String) -> CheckScope {
        var s = self
        for k in s.names.indices {
            for o in s.names[k].occurrences.indices { s.names[k].occurrences[o].unit = unit }
        }
        for k in s.unknownWords.indices {
            for o in s.unknownWords[k].occurrences.indices { s.unknownWords[k].occurrences[o].unit = unit }
        }
        for k in s.englishNames.indices { s.englishNames[k].occurrence.unit = unit }
        for k in s.localFindings.indices {
            for o in s.localFindings[k].occurrences.indices { s.localFindings[k].occurrences[o].unit = unit }
        }
        return s
    }
}
