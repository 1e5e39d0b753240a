import ArabicText
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension InputOptions {
    /// The documents as valid UTF-8 bytes (`TextDecoder.decodeToUTF8`): the same texts, encodings and
    /// errors as `documents()`, for the commands that work on bytes (segment, normalize, translit).
    func byteDocuments() throws(ArabicTextError) -> [(name: String, decoded: DecodedBytes)] {
        let enc = encoding.flatMap(TextEncoding.init(name:))
        var docs: [(String, DecodedBytes)] = []
        for name in files.isEmpty ? ["-"] : files {
            let bytes: [UInt8]
            if name == "-" {
                bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            } else if let direct = Self.readRegularFile(name) {
                bytes = direct
            } else {
                // Not a regular file (a pipe, /dev/null, <(...)), or an error.
                let url = URL(fileURLWithPath: name)
                do { bytes = [UInt8](try FileBytes.read(url)) } catch {
                    throw .unreadable(file: url.path, reason: error.localizedDescription)
                }
            }
            let file = name == "-" ? nil : URL(fileURLWithPath: name).path
            docs.append((name, try TextDecoder.decodeToUTF8(bytes, encoding: enc, file: file)))
        }
        return docs
    }

    /// A regular file's bytes read straight into one array (no `Data` and no copy); nil when it is
    /// not a regular file or anything fails.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buf, count in
            var done = 0
            while done < size {
                let n = read(fd, buf.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            ok = done == size
            count = done
        }
        // A file that grew or shrank while read: let Foundation read it whole.
        guard ok else { return nil }
        var probe: UInt8 = 0
        if read(fd, &probe, 1) != 0 { return nil }
        return bytes
    }
}
