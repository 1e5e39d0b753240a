/// A text with replacements, made into a string only when one is asked for: a draft sentence
/// keeps its source and the English of its terms, and a writer that takes bytes (JSON lines) copies
/// the pieces as they are, with no string made for the whole.
///
/// ```swift
/// let t = EditedText("قال بلينكن", edits: [DraftEdit(range: 7..<19, prefix: "and ", text: "Blinken")])
/// t.string       // "قال and Blinken"
/// t.utf8Count    // 18
/// t.forEachPiece { bytes in out.append(contentsOf: bytes) }   // "قال ", "and ", "Blinken"
/// ```
package struct EditedText: Sendable {
    /// The text before the replacements.
    let base: String
    /// Replacements in UTF-8 byte ranges of `base` (at scalar boundaries), sorted by their start;
    /// an edit that starts inside an earlier one is skipped.
    let edits: [DraftEdit]

    /// `text` itself, with nothing replaced.
    init(_ text: String) {
        self.init(text, edits: [])
    }

    init(_ base: String, edits: [DraftEdit]) {
        self.base = base
        self.edits = edits
    }

    /// The edits that apply: those that start where or after the previous applied one ends.
    private func forEachApplied(_ body: (DraftEdit) -> Void) {
        var last = 0
        for e in edits where e.range.lowerBound >= last {
            body(e)
            last = e.range.upperBound
        }
    }

    /// The number of UTF-8 bytes of `string`.
    /// - Complexity: O(edits).
    package var utf8Count: Int {
        var count = base.utf8.count
        forEachApplied { e in count += e.prefix.utf8.count + e.text.utf8.count - e.range.count }
        return count
    }

    /// Calls `body` with the UTF-8 of `string` in pieces, in order: runs of `base` and the edits'
    /// prefixes and texts (empty pieces are left out).
    package func forEachPiece(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        Self.withUTF8(base) { b in
            var last = 0
            forEachApplied { e in
                if last < e.range.lowerBound { body(UnsafeBufferPointer(rebasing: b[last..<e.range.lowerBound])) }
                if !e.prefix.isEmpty { Self.withUTF8(e.prefix, body) }
                if !e.text.isEmpty { Self.withUTF8(e.text, body) }
                last = e.range.upperBound
            }
            if last < b.count { body(UnsafeBufferPointer(rebasing: b[last...])) }
        }
    }

    /// The text with the edits made (`base` itself when there is none).
    /// - Complexity: O(n) for the bytes; one allocation.
    package var string: String {
        if edits.isEmpty { return base }
        return String(unsafeUninitializedCapacity: utf8Count) { out in
            var k = 0
            forEachPiece { out.append($0, at: &k) }
            return k
        }
    }

    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
