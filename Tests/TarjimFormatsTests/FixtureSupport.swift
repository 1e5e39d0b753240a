import Foundation
import Testing

/// Fixtures of this test target (copied as resources), and golden files.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil), "missing fixture \(name)")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// Compares `actual` with the golden fixture `name`. With `RECORD_SNAPSHOTS=1` in the environment
    /// it writes `actual` into the source tree's Fixtures folder instead (never edit goldens by hand).
    static func assertSnapshot(
        _ actual: String, named name: String, sourceFile: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let dir = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Fixtures")
            try Data(actual.utf8).write(to: dir.appendingPathComponent(name))
            return
        }
        let expected = try text(name)
        #expect(
            actual == expected, "output differs from the golden file Fixtures/\(name) (RECORD_SNAPSHOTS=1 re-records it)",
            sourceLocation: sourceLocation)
    }
}
