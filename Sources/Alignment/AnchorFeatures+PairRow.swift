extension AnchorFeatures {
    /// The anchor evidence of one Arabic segment against a run of English segments, pair by pair
    /// the same as `sharedStrong` and `dictionaryPairScore`: the Arabic segment's features are
    /// spread over dense arrays by id, so each pair costs one load per English id instead of a merge
    /// of the two sorted lists. Shared strong ids come out in the same (ascending) order, and the
    /// shared dictionary weights are added in the same order (absent ids add 0).
    struct PairRow {
        private let anchors: AnchorFeatures
        /// `mark[id] == row + 1` when strong feature `id` is on the current Arabic segment.
        private var mark: [Int32]
        /// The current Arabic segment's weight of each dictionary id (0 when it has not the id).
        private var dense: [Double]

        init(_ anchors: AnchorFeatures) {
            self.anchors = anchors
            mark = [Int32](repeating: 0, count: anchors.weight.count)
            dense = [Double](repeating: 0, count: anchors.dictionaryWeight.count)
        }

        /// For Arabic segment `p` and each English segment q of `english`: appends the strong
        /// features they share to `shared` and then `shared.count` to `sharedEnd`.
        mutating func appendShared(_ p: Int, _ english: ClosedRange<Int>, to shared: inout [Int32], sharedEnd: inout [Int32]) {
            let ar = anchors.arabic.span(p, p + 1)
            if ar.isEmpty {
                sharedEnd.append(contentsOf: repeatElement(Int32(shared.count), count: english.count))
                return
            }
            let aIDs = anchors.arabic.ids
            let offsets = anchors.english.offsets
            let stamp = Int32(truncatingIfNeeded: p + 1)
            mark.withUnsafeMutableBufferPointer { mark in
                for k in ar { mark[Int(aIDs[k])] = stamp }
                anchors.english.ids.withUnsafeBufferPointer { eIDs in
                    for q in english {
                        for k in Int(offsets[q])..<Int(offsets[q + 1]) where mark[Int(eIDs[k])] == stamp { shared.append(eIDs[k]) }
                        sharedEnd.append(Int32(shared.count))
                    }
                }
            }
        }

        /// Appends the dictionary score of Arabic segment `p` with each English segment of
        /// `english`, as `Float`.
        mutating func appendScores(_ p: Int, _ english: ClosedRange<Int>, to out: inout [Float]) {
            let ar = anchors.dictionaryArabic.span(p, p + 1)
            if ar.isEmpty {
                out.append(contentsOf: repeatElement(0, count: english.count))
                return
            }
            let aIDs = anchors.dictionaryArabic.ids
            let offsets = anchors.dictionaryEnglish.offsets
            let weight = anchors.dictionaryWeight
            dense.withUnsafeMutableBufferPointer { dense in
                for k in ar { dense[Int(aIDs[k])] = weight[Int(aIDs[k])] }
                anchors.dictionaryEnglish.ids.withUnsafeBufferPointer { eIDs in
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
