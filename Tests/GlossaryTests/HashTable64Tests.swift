import Testing

@testable import Glossary

/// The compile's hash tables against a `Dictionary`: lookups, inserts, the insert-or-get the garbled
/// name index is grouped with, growth, the reserved empty key, and the frozen copy the matcher reads.
@Suite struct HashTable64Tests {
    @Test func tableAnswersWhatADictionaryAnswers() {
        var rng = SystemRandomNumberGenerator()
        var table = HashTable64(capacity: 4)
        var frozenSource = HashTable64(capacity: 4)
        var reference: [UInt64: Int32] = [:]
        // Small keys collide in the probe sequence; 0 is the key reserved for empty slots (stored as
        // 0x9E3779B97F4A7C15, which the keys below never hit: keys are hashes, and the callers
        // compare what a hit stands for).
        var keys: [UInt64] = [0, 1, 2, UInt64.max]
        for _ in 0..<3_000 { keys.append(rng.next() % 5_000) }
        for _ in 0..<3_000 { keys.append(rng.next()) }
        for (n, key) in keys.enumerated() {
            let value = Int32(n)
            let got = table.value(for: key, insertingIfAbsent: value)
            #expect(got == reference[key], "key \(key)")
            if reference[key] == nil {
                reference[key] = value
                frozenSource.insert(key, value)
            }
            #expect(table[key] == reference[key])
        }
        #expect(table.count == reference.count)
        #expect(frozenSource.count == reference.count)
        let frozen = FrozenTable64(frozenSource)
        defer { frozen.deallocate() }
        for key in keys + [3, 12_345, UInt64.max - 1] {
            #expect(table[key] == reference[key], "key \(key)")
            #expect(frozen[key] == reference[key], "key \(key)")
        }
    }
}
