extension AnchorFeatures {
    /// Dictionary scores of one Arabic segment against a run of English segments, equal to
    /// `dictionaryPairScore` pair by pair: the Arabic segment's weights are spread over a dense
    /// array by id, so each pair costs one load per English id instead of a merge of the two lists.
    /// The shared weights are added in the same (ascending id) order; absent ids add 0.
    struct DictionaryRow {
        private let anchors: AnchorFeatures
        private var dense: [Double]

        init(_ anchors: AnchorFeatures) {
            self.anchors = anchors
            dense = [Double](repeating: 0, count: anchors.dictionaryWeight.count)
        }

        /// Appends the score of Arabic segment `p` with each English segment of `english`, as `Float`.
        mutating func appendScores(_ p: Int, _ english: ClosedRange<Int>, to out: inout [Float]) {
            let ar = anchors.dictionaryArabic.span(p, p + 1)
            if ar.isEmpty {
                out.append(contentsOf: repeatElement(0, count: english.count))
                return
            }
            let aIDs = anchors.dictionaryArabic.ids
            let eIDs = anchors.dictionaryEnglish.ids
            let offsets = anchors.dictionaryEnglish.offsets
            let weight = anchors.dictionaryWeight
            dense.withUnsafeMutableBufferPointer { dense in
                for k in ar { dense[Int(aIDs[k])] = weight[Int(aIDs[k])] }
                eIDs.withUnsafeBufferPointer { eIDs in
                    for q in english {
                        var total = 0.0
                        for k in Int(offsets[q])..<Int(offsets[q + 1]) { total += dense[Int(eIDs[k])] }
                        out.append(Float(total))
                    }
                }
                for k in ar { dense[Int(aIDs[k])] = 0 }
            }
        }
    }
}
