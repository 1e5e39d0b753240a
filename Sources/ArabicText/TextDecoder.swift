import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text decoded from bytes, with the encoding it was read in.
public struct DecodedText: Sendable, Equatable {
    /// The text, without any byte order mark.
    public let text: String
    public let encoding: TextEncoding
    /// Whether the input began with a byte order mark.
    public let hadBOM: Bool
}

/// Turns input bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 and
/// ISO-8859-6 (detected with ICU's charset detector, or forced). Never replaces a bad byte: it throws,
/// naming the byte offset.
public enum TextDecoder {
    /// Decodes `bytes`.
    ///
    /// ```swift
    /// let t = try TextDecoder.decode(Array("سلام".utf8))   // .utf8
    /// ```
    /// - Parameters:
    ///   - encoding: force an encoding instead of detecting it (a BOM still wins for UTF-8/UTF-16).
    ///   - file: the file name for error messages (nil for standard input).
    /// - Complexity: O(n); valid UTF-8 is checked by the standard library without copying through ICU.
    public static func decode(
        _ bytes: [UInt8], encoding: TextEncoding? = nil, file: String? = nil
    ) throws(ArabicTextError) -> DecodedText {
        // Byte order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: try decodeUTF8(bytes, from: 3, file: file), encoding: .utf8, hadBOM: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let enc: TextEncoding = bytes[0] == 0xFF ? .utf16LE : .utf16BE
            return DecodedText(text: try decodeWithICU(bytes, from: 2, enc, file: file), encoding: enc, hadBOM: true)
        }
        if let enc = encoding, enc == .utf16LE || enc == .utf16BE {
            return DecodedText(text: try decodeWithICU(bytes, from: 0, enc, file: file), encoding: enc, hadBOM: false)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .binaryInput(file: file, byteOffset: nul)
        }
        switch encoding {
        case .utf8?:
            return DecodedText(text: try decodeUTF8(bytes, from: 0, file: file), encoding: .utf8, hadBOM: false)
        case let legacy?:
            return DecodedText(text: try decodeWithICU(bytes, from: 0, legacy, file: file), encoding: legacy, hadBOM: false)
        case nil:
            if let s = String(validating: bytes, as: UTF8.self) {
                return DecodedText(text: s, encoding: .utf8, hadBOM: false)
            }
            let badUTF8 = firstInvalidUTF8(bytes, from: 0)
            let guess = ICUBridge.detectCharset(bytes)
            let legacy: TextEncoding? =
                switch guess.name.lowercased() {
                case "windows-1256": .windows1256
                case "iso-8859-6": .iso8859_6
                default: nil
                }
            guard let legacy else { throw .undetectedEncoding(file: file, byteOffset: badUTF8) }
            return DecodedText(text: try decodeWithICU(bytes, from: 0, legacy, file: file), encoding: legacy, hadBOM: false)
        }
    }

    /// Reads and decodes a file.
    public static func decode(
        contentsOf url: URL, encoding: TextEncoding? = nil
    ) throws(ArabicTextError) -> DecodedText {
        // A pipe or a device (/dev/stdin, a shell's <(...), /dev/zero): read as a stream.
        var st = stat()
        if stat(url.path, &st) == 0, st.st_mode & S_IFMT == S_IFIFO || st.st_mode & S_IFMT == S_IFCHR {
            let fd = open(url.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw .unreadable(file: url.path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            return try decode(readStream(fd: fd, encoding: encoding, file: url.path), encoding: encoding, file: url.path)
        }
        let data: Data
        do { data = try FileBytes.read(url) } catch {
            throw .unreadable(file: url.path, reason: error.reason)
        }
        return try decode([UInt8](data), encoding: encoding, file: url.path)
    }

    /// Reads a stream (standard input, a pipe, a device) to its end for `decode`, or to the first
    /// NUL byte when `decode` would report that NUL: when the stream starts with no byte order mark
    /// and `encoding` is not UTF-16. So an endless stream of NULs (/dev/zero) is the same error at
    /// its offset, given before memory runs out.
    /// - Parameter file: the name in errors (nil for standard input).
    public static func readStream(fd: Int32, encoding: TextEncoding?, file: String?) throws(ArabicTextError) -> [UInt8] {
        let read: (bytes: [UInt8], nul: Int?)
        do {
            read = try FileBytes.readStream(fd: fd, nulEnds: encoding != .utf16LE && encoding != .utf16BE)
        } catch {
            throw .unreadable(file: file ?? "<stdin>", reason: error.reason)
        }
        if let nul = read.nul { throw .binaryInput(file: file, byteOffset: nul) }
        return read.bytes
    }

    /// Decodes `bytes` like `decode(_:encoding:file:)` (the same text, encoding and errors), but
    /// returns the text as UTF-8 bytes and skips making a String: for valid UTF-8 without NUL (the
    /// common case) the input array is returned as it is, checked in one fast pass.
    /// - Complexity: O(n).
    public static func decodeToUTF8(
        _ bytes: [UInt8], encoding: TextEncoding? = nil, file: String? = nil
    ) throws(ArabicTextError) -> DecodedBytes {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if encoding == nil || encoding == .utf8 || bom {
            let start = bom ? 3 : 0
            let utf16BOM = !bom && (bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]))
            if !utf16BOM && isValidUTF8WithoutNUL(bytes, from: start) {
                return DecodedBytes(bytes: bytes, start: start, encoding: .utf8, hadBOM: bom)
            }
        }
        let d = try decode(bytes, encoding: encoding, file: file)
        return DecodedBytes(bytes: Array(d.text.utf8), start: 0, encoding: d.encoding, hadBOM: d.hadBOM)
    }

    /// Whether `bytes[start...]` is valid UTF-8 (as `String(validating:)` and `firstInvalidUTF8`
    /// decide) with no NUL byte.
    static func isValidUTF8WithoutNUL(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8WithoutNUL(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Whether `b` is valid UTF-8 with no NUL byte. Eight bytes at a time while they are ASCII
    /// (not NUL) and two-byte sequences (Arabic letters), in any mix and without branching on
    /// each byte; a longer sequence, or the last bytes, one by one (`sequenceLength`).
    static func isValidUTF8WithoutNUL(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        // 0x80 when the byte before `i` is a two-byte lead (its continuation is in the next word).
        var carry: UInt64 = 0
        while true {
            while i + 8 <= n {
                let word = UTF8Word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), carry: carry)
                guard word.bad == 0 else { break }
                carry = word.carryOut
                i += 8
            }
            // From the start of the sequence, one by one, for at least eight bytes.
            if carry != 0 {
                i -= 1
                carry = 0
            }
            let until = min(n, i + 8)
            while i < until {
                let c = base[i]
                if c == 0 { return false }
                if c < 0x80 {
                    i += 1
                    continue
                }
                let len = sequenceLength(b, at: i)
                if len == 0 { return false }
                i += len
            }
            if i >= n { return true }
        }
    }

    static func decodeUTF8(_ bytes: [UInt8], from start: Int, file: String?) throws(ArabicTextError) -> String {
        if let nul = bytes[start...].firstIndex(of: 0) { throw .binaryInput(file: file, byteOffset: nul) }
        if let s = String(validating: bytes[start...], as: UTF8.self) { return s }
        throw .invalidBytes(
            file: file, encoding: .utf8, byteOffset: firstInvalidUTF8(bytes, from: start),
            detail: "not a valid UTF-8 sequence")
    }

    static func decodeWithICU(
        _ bytes: [UInt8], from start: Int, _ enc: TextEncoding, file: String?
    ) throws(ArabicTextError) -> String {
        switch ICUBridge.convertToUTF8(bytes[start...], charset: enc.icuName) {
        case .success(let s):
            if let nul = s.utf8.firstIndex(of: 0) {
                // Report the NUL at its position in the input (exact for single-byte encodings).
                let off = s.utf8.distance(from: s.utf8.startIndex, to: nul)
                throw .binaryInput(file: file, byteOffset: enc == .utf8 ? start + off : start)
            }
            return s
        case .invalidByte(let off):
            let detail =
                enc == .utf16LE || enc == .utf16BE ? "unpaired surrogate or truncated code unit" : "byte has no character in this encoding"
            throw .invalidBytes(file: file, encoding: enc, byteOffset: start + off, detail: detail)
        case .unknownCharset:
            throw .invalidBytes(file: file, encoding: enc, byteOffset: start, detail: "the system ICU cannot convert this encoding")
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629: no overlongs,
    /// no surrogates, nothing above U+10FFFF), or `bytes.count` when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        let n = bytes.count
        return bytes.withUnsafeBufferPointer { b in
            while i < n {
                let len = sequenceLength(b, at: i)
                if len == 0 { return i }
                i += len
            }
            return n
        }
    }

    /// The length of the valid UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF), or 0 when the bytes there are not one.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        var len = 0
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: len = 2
        case 0xE0:
            len = 3
            lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: len = 3
        case 0xED:
            len = 3
            hi = 0x9F
        case 0xF0:
            len = 4
            lo = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4:
            len = 4
            hi = 0x8F
        default: return 0
        }
        if i + len > b.count { return 0 }
        let b1 = b[i + 1]
        if b1 < lo || b1 > hi { return 0 }
        for k in 2..<len where b[i + k] & 0xC0 != 0x80 { return 0 }
        return len
    }
}
