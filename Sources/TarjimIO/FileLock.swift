#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive advisory lock (flock) on a side file `PATH.lock`, held for the duration of `body`.
/// Editors of the same file (e.g. eight concurrent `tarjim glossary add`) take turns; none loses an edit.
public enum FileLock {
    public static func withExclusiveLock<T>(on path: String, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        if fd < 0 { throw FileIOError.cannotLock(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw FileIOError.cannotLock(path: lockPath, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
