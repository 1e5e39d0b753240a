import ArabicText
import CZlib
import Foundation
import Synchronization

/// Reads a dictd database (an `.index` file and its `.dict` or dictzip `.dict.dz` body) into a
/// `BilingualDictionary`. The index has one line per headword, `headword<TAB>offset<TAB>length`,
/// offsets and lengths in dictd's base 64; an entry's body is its headword line (with a
/// pronunciation) and then one translation a line, numbered (`1. Adornment`) when there are several.
/// The `.dict.dz` body is gzip-compatible and is inflated with the system zlib.
///
/// ```swift
/// let d = try DictdReader.read(index: URL(fileURLWithPath: "/usr/share/dictd/freedict-ara-eng.index"))
/// ```
/// - Complexity: O(size of the database).
public enum DictdReader {
    /// - Parameter keys: keep only these Arabic matching keys (nil: all).
    public static func read(index url: URL, keys: Set<String>? = nil) throws(AlignmentError) -> BilingualDictionary {
        let base = url.deletingPathExtension().path
        let indexData: Data
        do { indexData = try Data(contentsOf: url) } catch { throw .unreadable(file: url.path, reason: FileBytes.reason(error)) }
        // The body is read (and inflated) while the index is scanned.
        let body = Mutex<Result<[UInt8], AlignmentError>>(.success([]))
        let index = Mutex(DictdIndex(index: [], keys: nil))
        let indexBytes = [UInt8](indexData)
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                let b = Result { () throws(AlignmentError) in try readBody(base: base) }
                body.withLock { $0 = b }
            } else {
                let scanned = DictdIndex(index: indexBytes, keys: keys)
                index.withLock { $0 = scanned }
            }
        }
        return try build(index.withLock { $0 }, body: try body.withLock { $0 }.get(), file: url.path)
    }

    /// The uncompressed body beside an index (`base.dict`, or `base.dict.dz` inflated).
    private static func readBody(base: String) throws(AlignmentError) -> [UInt8] {
        if FileManager.default.isReadableFile(atPath: base + ".dict") {
            do { return [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".dict"))) } catch {
                throw .unreadable(file: base + ".dict", reason: FileBytes.reason(error))
            }
        }
        if FileManager.default.isReadableFile(atPath: base + ".dict.dz") {
            let compressed: Data
            do { compressed = try Data(contentsOf: URL(fileURLWithPath: base + ".dict.dz")) } catch {
                throw .unreadable(file: base + ".dict.dz", reason: FileBytes.reason(error))
            }
            return try gunzip([UInt8](compressed), file: base + ".dict.dz")
        }
        throw .unreadable(file: base + ".dict", reason: "no .dict or .dict.dz beside the index")
    }

    /// Builds the dictionary from the bytes of an index and of an uncompressed body.
    public static func parse(index: [UInt8], body: [UInt8], file: String? = nil, keys: Set<String>? = nil) throws(AlignmentError)
        -> BilingualDictionary
    {
        try build(DictdIndex(index: index, keys: keys), body: body, file: file)
    }

    /// The dictionary of the kept entries of a scanned index.
    private static func build(_ index: DictdIndex, body: [UInt8], file: String?) throws(AlignmentError) -> BilingualDictionary {
        if let error = index.firstError(bodyCount: body.count, file: file) { throw error }
        var dictionary = BilingualDictionary()
        for entry in index.entries {
            // The body: the headword line, then one translation a line ("12. Word" or "Word").
            var words: [String] = []
            var first = true
            for l in body[entry.offset..<(entry.offset + entry.length)].split(separator: 0x0A) {
                if first {
                    first = false
                    continue
                }
                var t = l[...]
                let digits = t.prefix { $0 >= 0x30 && $0 <= 0x39 }
                if !digits.isEmpty, t.dropFirst(digits.count).first == 0x2E { t = t.dropFirst(digits.count + 1) }
                BilingualDictionary.appendContentWords(String(decoding: t, as: UTF8.self).unicodeScalars, to: &words)
            }
            dictionary.add(key: entry.key, words: words)
        }
        return dictionary
    }

    /// `BilingualDictionary.headwordKey` of a headword given as UTF-8.
    static func headwordKey(utf8 bytes: ArraySlice<UInt8>) -> String? {
        var key: [UInt8] = []
        guard appendSimpleKey(bytes, to: &key) else { return BilingualDictionary.headwordKey(String(decoding: bytes, as: UTF8.self)) }
        return key.isEmpty ? nil : String(decoding: key, as: UTF8.self)
    }

    /// Most headwords are Arabic letters and harakat only (U+0621...U+0652): one word, whose key is
    /// folded from the bytes directly and appended to `key` (as UTF-8; empty: no key). False for the
    /// others (which take the general path), with `key` untouched.
    static func appendSimpleKey(_ bytes: ArraySlice<UInt8>, to key: inout [UInt8]) -> Bool {
        var simple = !bytes.isEmpty && bytes.count % 2 == 0
        var k = bytes.startIndex
        while simple && k < bytes.endIndex {
            let lead = bytes[k]
            let v = UInt32(lead & 0x1F) << 6 | UInt32(bytes[k + 1] & 0x3F)
            simple = (lead == 0xD8 || lead == 0xD9) && bytes[k + 1] & 0xC0 == 0x80 && v >= 0x0621 && v <= 0x0652
            k += 2
        }
        guard simple else { return false }
        bytes.withUnsafeBufferPointer { Normalizer.appendKey(utf8: $0, to: &key) }
        return true
    }

    /// dictd's base 64 number: digits A-Z a-z 0-9 + /, most significant first.
    static func base64(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        var v = 0
        for c in digits {
            let d: Int
            switch c {
            case 0x41...0x5A: d = Int(c) - 0x41
            case 0x61...0x7A: d = Int(c) - 0x61 + 26
            case 0x30...0x39: d = Int(c) - 0x30 + 52
            case 0x2B: d = 62
            case 0x2F: d = 63
            default: return nil
            }
            v = v * 64 + d
        }
        return v
    }

    /// Inflates gzip data (one or more members; dictzip files are gzip files with random-access data
    /// in the header's extra field).
    static func gunzip(_ input: [UInt8], file: String) throws(AlignmentError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // 15 window bits + 32: detect the gzip header.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .unreadable(file: file, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var failure: String?
        input.withUnsafeBufferPointer { inBuf in
            guard let base = inBuf.baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(inBuf.count)
            while true {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Another gzip member may follow.
                    if stream.avail_in == 0 { return }
                    if inflateReset(&stream) != Z_OK {
                        failure = "zlib could not restart"
                        return
                    }
                    continue
                }
                if status == Z_BUF_ERROR {
                    failure = "truncated gzip data"
                    return
                }
                if status != Z_OK {
                    failure = "not a valid gzip/dictzip file (zlib status \(status))"
                    return
                }
                if stream.avail_in == 0 && produced == 0 {
                    failure = "truncated gzip data"
                    return
                }
            }
        }
        if let failure { throw .unreadable(file: file, reason: failure) }
        return output
    }
}
