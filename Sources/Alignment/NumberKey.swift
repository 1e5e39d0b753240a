import ArabicText

/// The readings of a written number that the two sides of a translation share, whatever the digit
/// system and separators: `14000`, `14,000`, `١٤٠٠٠`, `۱۴٬۰۰۰` and `14.000` all have the reading
/// `14000`; `3.5`, `3,5` and `٣٫٥` have `3.5`.
///
/// ```swift
/// NumberKey.readings(of: "١٤٬٠٠٠")   // ["14000"]
/// NumberKey.readings(of: "14.000")   // ["14000", "14"]  (a thousands dot, or a decimal)
/// ```
/// - Complexity: O(n) in the length of the token.
public enum NumberKey {
    /// The canonical readings of one number token (as `Tokenizer` delimits it: digits of any
    /// system with inner separators). Separators `.` `,` `٬` are read as thousands separators when
    /// the first group has one to three digits (no leading zero) and every other group three; a
    /// single `.` or `٫`, or a `,` not followed by exactly three digits, as a decimal point; `/` and
    /// `:` (dates, times) are kept as they are. Leading zeros of an integer part and trailing zeros
    /// of a fraction are dropped.
    public static func readings(of token: some StringProtocol) -> [String] {
        var groups: [String] = []
        var separators: [UInt32] = []
        var current = ""
        for s in token.unicodeScalars {
            if let d = ArabicScalar.digitValue(s.value) {
                current.unicodeScalars.append(Unicode.Scalar(0x30 + d)!)
            } else {
                groups.append(current)
                separators.append(s.value)
                current = ""
            }
        }
        groups.append(current)
        if groups.contains(where: \.isEmpty) { return [] }
        if separators.isEmpty { return [integer(groups[0])] }
        if separators.contains(where: { $0 == 0x2F || $0 == 0x3A }) {
            // A date or a time: 1/2/2019, 10:30.
            var out = integer(groups[0])
            for (sep, g) in zip(separators, groups.dropFirst()) {
                out.unicodeScalars.append(Unicode.Scalar(sep)!)
                out += integer(g)
            }
            return [out]
        }
        var result: [String] = []
        let sameSeparator = separators.allSatisfy { $0 == separators[0] }
        // Thousands: 1-3 leading digits (not a leading zero), then groups of three.
        let grouped = groups[0].count <= 3 && !(groups[0].hasPrefix("0")) && groups.dropFirst().allSatisfy { $0.count == 3 }
        if sameSeparator && grouped && separators[0] != 0x066B {
            result.append(integer(groups.joined()))
        }
        let decimalPoints: Set<UInt32> = [0x2E, 0x2C, 0x066B]
        if separators.count == 1 && decimalPoints.contains(separators[0]) {
            // A comma before exactly three digits groups thousands (14,000); a dot may do either
            // (14.000 is 14000 in much Arabic writing).
            if !(separators[0] == 0x2C && grouped) { result.append(decimal(groups[0], groups[1])) }
        } else if separators.count >= 2, let last = separators.last, last != separators[0], decimalPoints.contains(last),
            groups.dropFirst().dropLast().allSatisfy({ $0.count == 3 }), groups[0].count <= 3
        {
            // 1,234.5 or 1.234,5
            result.append(decimal(groups.dropLast().joined(), groups[groups.count - 1]))
        }
        return result
    }

    private static func integer(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    private static func decimal(_ whole: String, _ fraction: String) -> String {
        var f = Substring(fraction)
        while f.last == "0" { f = f.dropLast() }
        return f.isEmpty ? integer(whole) : integer(whole) + "." + f
    }
}
