import Foundation

/// Reading a whole input file. `Data(contentsOf:)` refuses files that are not regular files (a
/// pipe, /dev/null, /dev/stdin, a shell's `<(...)`) with a misleading "permission" message; those
/// are read to their end instead. Errors (missing, a directory, no permission) are `FileBytes.Failure`,
/// whose description is the system's reason ("No such file or directory"), not Foundation's
/// "The operation could not be completed. The file doesn't exist."
///
/// ```swift
/// let data = try FileBytes.read(URL(fileURLWithPath: "/dev/null"))   // empty
/// ```
public enum FileBytes {
    public static func read(_ url: URL) throws(Failure) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeDirectory { throw Failure(reason: "it is a directory, not a file") }
            guard let type, type != .typeRegular, let handle = FileHandle(forReadingAtPath: url.path) else {
                throw Failure(reason: reason(error))
            }
            defer { try? handle.close() }
            do { return try handle.readToEnd() ?? Data() } catch { throw Failure(reason: reason(error)) }
        }
    }

    /// Why a file could not be read or written, in the system's words when Foundation gives them
    /// (its POSIX error: "No such file or directory", "Permission denied"), else Foundation's.
    public static func reason(_ error: any Error) -> String {
        if let failure = error as? Failure { return failure.reason }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
            let u = underlying as NSError
            if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
        }
        return error.localizedDescription
    }

    /// A file that could not be read, and why (`reason`, also the description).
    public struct Failure: Error, LocalizedError, CustomStringConvertible, Equatable {
        public let reason: String
        public var description: String { reason }
        public var errorDescription: String? { reason }
    }
}
