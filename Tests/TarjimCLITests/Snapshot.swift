import Foundation
import Testing

/// Golden-file comparison. `RECORD_SNAPSHOTS=1 swift test` rewrites the goldens from the current
/// output; goldens are never edited by hand.
enum Snapshot {
    static func directory(_ file: StaticString) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func assert(
        _ actual: String, matches name: String, file: StaticString = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory(file).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden \(name)", sourceLocation: sourceLocation)
    }
}
