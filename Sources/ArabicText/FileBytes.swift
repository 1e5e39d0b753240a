import Foundation

/// Reading a whole input file. `Data(contentsOf:)` refuses files that are not regular files (a
/// pipe, /dev/null, /dev/stdin, a shell's `<(...)`) with a misleading "permission" message; those
/// are read to their end instead. Errors (missing, a directory, no permission) keep Foundation's
/// wording.
///
/// ```swift
/// let data = try FileBytes.read(URL(fileURLWithPath: "/dev/null"))   // empty
/// ```
public enum FileBytes {
    public static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeDirectory { throw NotAFile() }
            guard let type, type != .typeRegular, let handle = FileHandle(forReadingAtPath: url.path) else { throw error }
            defer { try? handle.close() }
            return try handle.readToEnd() ?? Data()
        }
    }

    /// A directory given where a file is read (Foundation only says "error 256").
    struct NotAFile: LocalizedError {
        var errorDescription: String? { "it is a directory, not a file" }
    }
}
