/// Writes text back in the encoding it was read in, so that a corrected file differs from the
/// original only where something was corrected.
public enum TextEncoder {
    /// Encodes `text` (adding a byte order mark when `bom` is true and the encoding has one).
    /// Throws when a character has no byte in a legacy encoding.
    public static func encode(_ text: String, as encoding: TextEncoding, bom: Bool = false, file: String? = nil) throws(ArabicTextError)
        -> [UInt8]
    {
        switch encoding {
        case .utf8:
            return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .utf16LE, .utf16BE:
            var out: [UInt8] = bom ? (encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
            out.reserveCapacity(out.count + text.utf16.count * 2)
            for unit in text.utf16 {
                let hi = UInt8(unit >> 8)
                let lo = UInt8(unit & 0xFF)
                if encoding == .utf16LE { out += [lo, hi] } else { out += [hi, lo] }
            }
            return out
        case .windows1256, .iso8859_6:
            guard let bytes = ICUBridge.convertFromUTF8(text, charset: encoding.icuName) else {
                throw .unencodable(file: file, encoding: encoding)
            }
            return bytes
        }
    }
}
