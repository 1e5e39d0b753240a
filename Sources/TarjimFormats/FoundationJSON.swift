import Foundation

/// Foundation's `JSONSerialization`, with one of its slips made good: on Linux it drops a U+FEFF
/// written as itself (the bytes EF BB BF) at the start of a string value or right after an escape
/// inside one, taking it for a byte order mark (swiftlang/swift-foundation#300), so that a sentence
/// starting with U+FEFF lost it when `check --pairs` read draft JSON lines. Written as the escape
/// `\ufeff` it is kept: those bytes inside strings are escaped before parsing, which changes no
/// value. Outside strings nothing changes (a byte order mark before the JSON is skipped as before).
///
/// ```swift
/// let v = try FoundationJSON.object(Array("{\"source\":\"\u{FEFF}قال\"}".utf8))
/// ((v as! [String: Any])["source"] as! String).unicodeScalars.first   // U+FEFF
/// ```
enum FoundationJSON {
    /// The JSON value of `bytes`. The error is the one the bytes as given produce, so its offset
    /// points into them (`JSONLocation.of`).
    static func object(_ bytes: [UInt8]) throws -> Any {
        // Both forms are valid or invalid together: the escaped one is parsed when it exists, and
        // the bytes as given only to report an error at its place in them.
        if let escaped = escapingByteOrderMarksInStrings(bytes), let value = try? JSONSerialization.jsonObject(with: Data(escaped)) {
            return value
        }
        return try JSONSerialization.jsonObject(with: Data(bytes))
    }

    /// `bytes` with every EF BB BF inside a JSON string replaced by `\ufeff`; nil when there is none
    /// (the common case: one scan for EF, no copy).
    static func escapingByteOrderMarksInStrings(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.contains(0xEF) else { return nil }
        var out: [UInt8] = []
        var inString = false
        var replaced = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") && i + 1 < bytes.count {
                    // An escape: its next byte is never the string's end.
                    out.append(b)
                    out.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if b == UInt8(ascii: "\"") {
                    inString = false
                } else if b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {
                    out.append(contentsOf: Array("\\ufeff".utf8))
                    replaced = true
                    i += 3
                    continue
                }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            }
            out.append(b)
            i += 1
        }
        return replaced ? out : nil
    }
}
