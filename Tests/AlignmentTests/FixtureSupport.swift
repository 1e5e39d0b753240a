import Foundation

/// Reads fixture files from the test bundle's Fixtures folder.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// The lines of a fixture (no empty last line).
    static func lines(_ name: String) throws -> [String] {
        try text(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

/// "U+0640" style names for case descriptions.
func codePoints(_ s: String) -> String {
    s.unicodeScalars.map { "U+" + String(format: "%04X", $0.value) }.joined(separator: " ")
}
