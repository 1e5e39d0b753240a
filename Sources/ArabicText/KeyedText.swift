/// A text's tokens with their matching-key slices, built into buffers that are reused from text to
/// text (no allocation per sentence once they are big enough): the key of `MatchingKey(scalars:)`
/// with its offset map, the tokens of `Tokenizer.tokenize(scalars:)`, and for each token the key
/// scalars its span produced and their `KeyHash`.
///
/// ```swift
/// var k = KeyedText()
/// k.reset(Array("وَأُوكْرانيا".unicodeScalars))
/// k.keySlice(k.tokens[0])          // "واوكرانيا"
/// ```
package struct KeyedText: Sendable {
    /// The text.
    package private(set) var source: [Unicode.Scalar] = []
    /// `MatchingKey(scalars: source).scalars`, in the first `keyCount` elements of the buffer (the
    /// rest is spare room).
    package private(set) var key: [Unicode.Scalar] = []
    /// For each key scalar, the span of the source it came from.
    package private(set) var keyStart: [Int] = []
    package private(set) var keyEnd: [Int] = []
    package private(set) var keyCount = 0
    package private(set) var tokens: [KeyedToken] = []
    /// The tokens of `resetByDefinition`.
    private var found: [Token] = []

    package init() {}

    package init(_ u: [Unicode.Scalar]) { reset(u) }

    /// A copy with buffers of exactly the used length, to keep (the reused buffers are as long as
    /// the longest text so far, and keeping them would also make the next `reset` copy them).
    package func compacted() -> KeyedText {
        var c = KeyedText()
        c.source = source
        c.key = Array(key[0..<keyCount])
        c.keyStart = Array(keyStart[0..<keyCount])
        c.keyEnd = Array(keyEnd[0..<keyCount])
        c.keyCount = keyCount
        c.tokens = Array(tokens[...])
        return c
    }

    /// Keys and tokenizes `u`, reusing the buffers: one pass over the text (`singlePass`), which
    /// gives what `resetByDefinition` gives.
    package mutating func reset(_ u: [Unicode.Scalar]) {
        source = u
        // Written through pointers into buffers of at least the source's length; NFKC can make a
        // chunk longer (ligatures), so a key that would not fit is built again with more room.
        var capacity = max(key.count, u.count + 8)
        while true {
            growBuffers(to: capacity)
            tokens.removeAll(keepingCapacity: true)
            if let n = Self.singlePass(u, &key, &keyStart, &keyEnd, &tokens) {
                keyCount = n
                return
            }
            capacity *= 4
        }
    }

    /// `reset` with the scalars of `text`, written into the buffer the source was kept in (a
    /// caller that keys many short strings, such as a glossary compile, allocates nothing per
    /// string once the buffers are big enough).
    package mutating func reset(scalarsOf text: String) {
        var u = source
        source = []
        u.removeAll(keepingCapacity: true)
        u.append(contentsOf: text.unicodeScalars)
        reset(u)
    }

    /// The definition `reset` is checked against: the key with its offset map
    /// (`MatchingKey.fold`), the tokens (`Tokenizer.tokenize`), then each token's key slice and hash.
    mutating func resetByDefinition(_ u: [Unicode.Scalar]) {
        source = u
        var capacity = max(key.count, u.count + 8)
        while true {
            growBuffers(to: capacity)
            if let n = Self.fold(u, &key, &keyStart, &keyEnd) {
                keyCount = n
                break
            }
            capacity *= 4
        }
        found.removeAll(keepingCapacity: true)
        u.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &found) }
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(found.count)
        Self.assign(found, key, keyStart, keyCount, &tokens)
    }

    private mutating func growBuffers(to capacity: Int) {
        guard key.count < capacity else { return }
        key = [Unicode.Scalar](repeating: " ", count: capacity)
        keyStart = [Int](repeating: 0, count: capacity)
        keyEnd = [Int](repeating: 0, count: capacity)
    }

    private static func singlePass(
        _ u: [Unicode.Scalar], _ key: inout [Unicode.Scalar], _ starts: inout [Int], _ ends: inout [Int], _ tokens: inout [KeyedToken]
    ) -> Int? {
        key.withUnsafeMutableBufferPointer { kb in
            starts.withUnsafeMutableBufferPointer { sb in
                ends.withUnsafeMutableBufferPointer { eb in
                    u.withUnsafeBufferPointer {
                        singlePass(
                            $0, kb.baseAddress.unsafelyUnwrapped, sb.baseAddress.unsafelyUnwrapped, eb.baseAddress.unsafelyUnwrapped,
                            capacity: kb.count,
                            &tokens)
                    }
                }
            }
        }
    }

    /// Writes the key of `u` and its offset map; nil when the buffers are too short.
    private static func fold(_ u: [Unicode.Scalar], _ key: inout [Unicode.Scalar], _ starts: inout [Int], _ ends: inout [Int]) -> Int? {
        key.withUnsafeMutableBufferPointer { kb in
            starts.withUnsafeMutableBufferPointer { sb in
                ends.withUnsafeMutableBufferPointer { eb in
                    u.withUnsafeBufferPointer { MatchingKey.fold($0, kb, sb, eb) }
                }
            }
        }
    }

    /// Each token with the key scalars its span produced and their hash.
    private static func assign(_ found: [Token], _ key: [Unicode.Scalar], _ keyStart: [Int], _ count: Int, _ tokens: inout [KeyedToken]) {
        key.withUnsafeBufferPointer { kp in
            keyStart.withUnsafeBufferPointer { starts in
                var k = 0
                for t in found {
                    while k < count && starts[k] < t.range.lowerBound { k += 1 }
                    var e = k
                    var h = KeyHash.seed
                    while e < count && starts[e] < t.range.upperBound {
                        h = KeyHash.combine(h, kp[e].value)
                        e += 1
                    }
                    tokens.append(KeyedToken(token: t, keyRange: k..<e, hash: h))
                    k = e
                }
            }
        }
    }

    @inlinable
    package func keySlice(_ t: KeyedToken) -> ArraySlice<Unicode.Scalar> { key[t.keyRange] }

    /// The span of the source that key scalars `range` came from (as `MatchingKey.sourceRange(ofKey:)`).
    package func sourceRange(ofKey range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            if range.lowerBound < keyCount { return keyStart[range.lowerBound]..<keyStart[range.lowerBound] }
            let end = keyCount > 0 ? keyEnd[keyCount - 1] : 0
            return end..<end
        }
        return keyStart[range.lowerBound]..<keyEnd[range.upperBound - 1]
    }
}

/// A token of a `KeyedText`: the token, the key scalars its span produced, and their `KeyHash`.
package struct KeyedToken: Sendable, Equatable {
    package let token: Token
    package let keyRange: Range<Int>
    package let hash: UInt64
}
