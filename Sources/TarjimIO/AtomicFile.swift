import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Errors writing or locking files. Each names the file.
public enum FileIOError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotLock(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): error: cannot write: \(reason)"
        case .cannotLock(let path, let reason): return "\(path): error: cannot lock: \(reason)"
        }
    }
}

/// Safe writes: the new content goes to a temporary file in the same folder, is flushed to disk, and
/// is renamed over the target. A crash (even kill -9) at any moment leaves either the old file or the
/// new one, never a truncated one; a failed write (full disk, no permission) leaves the old file.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically, keeping the old file's permissions when it existed.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileIOError) {
        let writer = try Writer(path: path)
        try writer.append(Array(bytes))
        try writer.commit()
    }

    /// An atomic writer for streaming output: `append` as much as needed, then `commit`. Dropping it
    /// without `commit` removes the temporary file and leaves the target untouched.
    public final class Writer {
        public let path: String
        private let tempPath: String
        private var fd: Int32
        private var committed = false

        public init(path: String) throws(FileIOError) {
            self.path = path
            let url = URL(fileURLWithPath: path)
            let dir = url.deletingLastPathComponent().path
            var template = Array((dir + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd < 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            self.fd = fd
            tempPath = String(cString: template.map { $0 })
            // Keep the target's permissions, or the umask default for a new file.
            var st = stat()
            if stat(path, &st) == 0 {
                fchmod(fd, st.st_mode & 0o7777)
            } else {
                let mask = umask(0)
                umask(mask)
                fchmod(fd, 0o666 & ~mask)
            }
        }

        deinit {
            if !committed {
                if fd >= 0 { close(fd) }
                unlink(tempPath)
            }
        }

        public func append(_ bytes: [UInt8]) throws(FileIOError) {
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeBytes { p in Glibc.write(fd, p.baseAddress! + off, p.count - off) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                off += n
            }
        }

        /// Flushes to disk and renames the temporary file over the target.
        public func commit() throws(FileIOError) {
            if fsync(fd) != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            if close(fd) != 0 {
                fd = -1
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            fd = -1
            if rename(tempPath, path) != 0 { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            committed = true
            // Make the rename itself durable.
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let dfd = open(dir, O_RDONLY)
            if dfd >= 0 {
                fsync(dfd)
                close(dfd)
            }
        }
    }
}
