/// Turns libFuzzer's bytes into what the targets feed the library.
public enum FuzzInput {
    /// The input as a byte array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Text for the text-level targets. Input that starts with the byte 0xFF (never valid UTF-8) maps
    /// every following byte to one scalar of ``alphabet``, so that mutations stay dense in Arabic
    /// letters, marks, punctuation, spaces and controls; any other input is read as UTF-8, invalid
    /// sequences becoming U+FFFD.
    public static func text(_ bytes: some Collection<UInt8>) -> String {
        guard bytes.first == 0xFF else { return String(decoding: bytes, as: UTF8.self) }
        var v = String.UnicodeScalarView()
        for b in bytes.dropFirst() { v.append(alphabet[Int(b) % alphabet.count]) }
        return String(v)
    }

    /// The scalars the 0xFF mode draws from: what Arabic news text holds, plus the characters that
    /// make normalization, segmentation and bidi hard.
    public static let alphabet: [Unicode.Scalar] = {
        var s: [Unicode.Scalar] = []
        func add(_ r: ClosedRange<UInt32>) { for v in r { if let u = Unicode.Scalar(v) { s.append(u) } } }
        add(0x0621...0x0652)  // hamza .. sukun: letters, tatweel, harakat
        add(0x0660...0x0669)  // Arabic-Indic digits
        add(0x0030...0x0039)  // ASCII digits
        for v: UInt32 in [
            0x0670, 0x0671, 0x067E, 0x0686, 0x06A4, 0x06A9, 0x06AF, 0x06CC, 0x06C1, 0x06D2, 0x06F0, 0x06F4, 0x066B, 0x066C,
            0x060C, 0x061B, 0x061F, 0x06D4, 0x066A, 0x00AB, 0x00BB, 0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2013, 0x2014,
            0x002E, 0x002C, 0x0021, 0x003F, 0x003A, 0x003B, 0x0022, 0x0027, 0x0028, 0x0029, 0x005B, 0x005D, 0x002D, 0x002F,
            0x0023, 0x0026, 0x003C, 0x003E, 0x003D, 0x002B, 0x0040, 0x005C,
            0x0020, 0x0020, 0x0020, 0x0020, 0x0009, 0x000A, 0x000D, 0x00A0, 0x2009, 0x3000, 0x0085, 0x2028, 0x2029,
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
            0x2068, 0x2069, 0xFEFF, 0x00AD, 0x0001, 0x001F, 0x007F, 0x0080, 0x0000,
            0x0301, 0x0300, 0x0308, 0x0654, 0x0655, 0x0653, 0x0656,
            0xFE8D, 0xFE8E, 0xFEFB, 0xFEF5, 0xFDF2, 0xFDFA, 0xFC5E, 0xFE70, 0xFB50, 0xFB01, 0x2460, 0x00B2, 0x00BD,
            0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x004A, 0x004D, 0x0053, 0x0055, 0x0061, 0x0062, 0x0063, 0x0065,
            0x0069, 0x006E, 0x006F, 0x0072, 0x0073, 0x0074, 0x00E9, 0x00DF, 0x0130, 0x0131, 0x03A3,
            0x05D0, 0x0710, 0x1F600, 0x1F1F8, 0xFFFD, 0xFFFC, 0xE000, 0x10FFFD,
        ] {
            if let u = Unicode.Scalar(v) { s.append(u) }
        }
        return s
    }()

    /// Splits `bytes` at every `separator` byte (empty pieces kept).
    public static func pieces(_ bytes: some Collection<UInt8>, separator: UInt8) -> [String] {
        bytes.split(separator: separator, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
