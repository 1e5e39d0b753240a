/// Keeping the first places of something seen many times: the scope records and grouped findings
/// list at most `limit` occurrences (0: all), the first in canonical order (`Occurrence.<`), and
/// count every one. Because the first `limit` of a union are among the first `limit` of each part,
/// lists cut this way merge exactly.
enum FirstOccurrences {
    /// `limit` as a count (0 is no limit).
    static func capacity(_ limit: Int) -> Int { limit <= 0 ? Int.max : limit }

    /// The smaller of two limits (0 is no limit): merging lists cut at different limits is exact
    /// only up to the smaller one.
    static func smaller(_ a: Int, _ b: Int) -> Int {
        if a <= 0 { return max(b, 0) }
        if b <= 0 { return a }
        return min(a, b)
    }

    /// Whether an occurrence at this place would be left out of `list` (sorted, already at
    /// `limit`): it comes after the last one kept. Lets callers skip building the excerpt.
    static func wouldDrop(file: String, line: Int, column: Int, unit: String?, from list: [Occurrence], limit: Int) -> Bool {
        guard list.count >= capacity(limit), !list.isEmpty else { return false }
        // The last one read in place (no copy of its strings).
        return list.withUnsafeBufferPointer { isAfter(file: file, line: line, column: column, unit: unit, $0[$0.count - 1]) }
    }

    /// Whether a place comes after `bound` by file, line, column and unit (so any occurrence there
    /// is after it in canonical order).
    static func isAfter(file: String, line: Int, column: Int, unit: String?, _ bound: Occurrence) -> Bool {
        if file != bound.file { return file > bound.file }
        if line != bound.line { return line > bound.line }
        if column != bound.column { return column > bound.column }
        if unit != bound.unit { return (unit ?? "") > (bound.unit ?? "") }
        return false
    }

    /// Adds an occurrence to a sorted list cut at `limit`, in its place (usually the end).
    static func add(_ o: consuming Occurrence, to list: inout [Occurrence], limit: Int) {
        // Where `o` goes: the end, or the first element not before it (by binary search); nil when
        // it is there already. Elements are compared in place by their place (no copy of their
        // strings), in full only when the places are the same.
        let n = list.count
        var place = n
        if n > 0 && !precedes(list, n - 1, o) {
            var lo = 0
            var hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if precedes(list, mid, o) { lo = mid + 1 } else { hi = mid }
            }
            if isSamePlace(list, lo, o) && list[lo] == o { return }
            place = lo
        }
        if place == n { list.append(o) } else { list.insert(o, at: place) }
        let cap = capacity(limit)
        if list.count > cap { list.removeLast(list.count - cap) }
    }

    /// `list[i] < o`, reading the element in place: by file, line and column, then in full.
    @inline(__always)
    private static func precedes(_ list: borrowing [Occurrence], _ i: Int, _ o: borrowing Occurrence) -> Bool {
        if list[i].line != o.line || list[i].column != o.column || list[i].file != o.file {
            if list[i].file != o.file { return list[i].file < o.file }
            if list[i].line != o.line { return list[i].line < o.line }
            return list[i].column < o.column
        }
        return list[i] < o
    }

    @inline(__always)
    private static func isSamePlace(_ list: borrowing [Occurrence], _ i: Int, _ o: borrowing Occurrence) -> Bool {
        list[i].line == o.line && list[i].column == o.column && list[i].file == o.file
    }

    /// The first `limit` of the union of two sorted lists (an occurrence in both counts once).
    static func merge(_ a: [Occurrence], _ b: [Occurrence], limit: Int) -> [Occurrence] {
        if b.isEmpty { return cut(a, limit) }
        if a.isEmpty { return cut(b, limit) }
        let cap = capacity(limit)
        // Places of pieces merged in order: one list wholly before the other.
        if let last = a.last, let first = b.first, last < first {
            return a.count >= cap ? cut(a, limit) : a + b.prefix(cap - a.count)
        }
        if let last = b.last, let first = a.first, last < first {
            return b.count >= cap ? cut(b, limit) : b + a.prefix(cap - b.count)
        }
        var out: [Occurrence] = []
        out.reserveCapacity(min(cap, a.count + b.count))
        var i = 0
        var j = 0
        while out.count < cap && (i < a.count || j < b.count) {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// `list` becomes the first `limit` of the union of itself and `other`; in place when `other`
    /// comes wholly after it (pieces merged in order).
    static func absorb(_ other: [Occurrence], into list: inout [Occurrence], limit: Int) {
        guard let first = other.first else { return }
        let cap = capacity(limit)
        if let last = list.last, !(last < first) {
            list = merge(list, other, limit: limit)
        } else if list.count < cap {
            list.append(contentsOf: other.prefix(cap - list.count))
        }
    }

    /// The first `limit` of the union of several sorted lists.
    static func merge(_ lists: [[Occurrence]], limit: Int) -> [Occurrence] {
        lists.reduce(into: []) { $0 = merge($0, $1, limit: limit) }
    }

    static func cut(_ list: [Occurrence], _ limit: Int) -> [Occurrence] {
        list.count > capacity(limit) ? Array(list.prefix(capacity(limit))) : list
    }
}
