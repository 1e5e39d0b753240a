import Checks

/// Merges many check scopes (one per document or piece) as a balanced tree, so n scopes cost
/// O(n log n) merging rather than the O(n^2) of adding them one by one.
struct ScopeMerger {
    private var stack: [(rank: Int, scope: CheckScope)] = []

    mutating func add(_ scope: CheckScope) {
        var item = (rank: 0, scope: scope)
        while let top = stack.last, top.rank == item.rank {
            stack.removeLast()
            var merged = top.scope
            merged.merge(item.scope)
            item = (top.rank + 1, merged)
        }
        stack.append(item)
    }

    /// Everything added, merged; nil when nothing was.
    func result() -> CheckScope? {
        guard var all = stack.last?.scope else { return nil }
        for item in stack.dropLast().reversed() {
            var merged = item.scope
            merged.merge(all)
            all = merged
        }
        return all
    }
}
