import Foundation

/// Reads a fixture file from the test bundle's Fixtures folder.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }
}

/// "U+0640" style names for case descriptions.
func codePoints(_ s: String) -> String {
    s.unicodeScalars.map { "U+" + String(format: "%04X", $0.value) }.joined(separator: " ")
}
