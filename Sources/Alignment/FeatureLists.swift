/// Feature ids per segment, stored flat: the features of segments `a..<b` are the contiguous slice
/// `ids[offsets[a]..<offsets[b]]`, so a bead's side is one slice.
struct FeatureLists: Sendable {
    let offsets: [Int32]
    let ids: [Int32]

    init(_ lists: [[Int32]]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var ids: [Int32] = []
        for l in lists {
            ids.append(contentsOf: l)
            offsets.append(Int32(ids.count))
        }
        self.offsets = offsets
        self.ids = ids
    }

    /// The flat index range of the features of segments `a..<b`.
    @inline(__always)
    func span(_ a: Int, _ b: Int) -> Range<Int> { Int(offsets[a])..<Int(offsets[b]) }

    var segmentCount: Int { offsets.count - 1 }
}
