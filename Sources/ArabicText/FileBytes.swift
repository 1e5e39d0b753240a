import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading a whole input file. `Data(contentsOf:)` refuses files that are not regular files (a
/// pipe, /dev/null, /dev/stdin, a shell's `<(...)`) with a misleading "permission" message; those
/// are read to their end instead (or to a first NUL byte: see `readStream`). Errors (missing, a
/// directory, no permission, a NUL in a stream) are `FileBytes.Failure`,
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
            guard let type, type != .typeRegular else { throw Failure(reason: reason(error)) }
            let fd = open(url.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw Failure(reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            return Data(try readAll(fd: fd))
        }
    }

    /// Reads standard input (or any stream) to its end, refusing a binary one as `read` does.
    public static func readAll(fd: Int32) throws(Failure) -> [UInt8] {
        let read = try readStream(fd: fd, nulEnds: true)
        if let nul = read.nul { throw Failure(reason: "NUL byte at byte \(nul): this looks like a binary file, not text") }
        return read.bytes
    }

    /// Reads a stream (a pipe, a device, standard input) to its end or, with `nulEnds`, to its first
    /// NUL byte unless it starts with a byte order mark (UTF-16 text has NUL bytes; no other text
    /// Tarjim reads does). So an endless stream such as /dev/zero is refused at byte 0 instead of
    /// filling memory.
    /// - Returns: the bytes read, and the offset of the NUL where reading stopped (nil at the end).
    public static func readStream(fd: Int32, nulEnds: Bool) throws(Failure) -> (bytes: [UInt8], nul: Int?) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        // Decided once three bytes are read (or the stream ends).
        var stopsAtNUL: Bool?
        var checked = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: buffer[0..<n])
            if stopsAtNUL == nil && (bytes.count >= 3 || n == 0) {
                let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                stopsAtNUL = nulEnds && !bom
            }
            if stopsAtNUL == true {
                if let nul = bytes[checked...].firstIndex(of: 0) { return (bytes, nul) }
                checked = bytes.count
            }
            if n == 0 { return (bytes, nil) }
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
