import ArabicText
import Foundation

/// A number written in a sentence and the values it can stand for.
///
/// Digits of every system are equal (Western 0-9, Arabic-Indic ٠-٩, Persian ۰-۹); the Arabic
/// thousands separator ٬ and decimal separator ٫ are read as such; `,` and `.` are read as a
/// thousands separator when every group after the first has three digits, and as a decimal point
/// when there is only one, so 14000 = 14,000 = 14.000 = ١٤٠٠٠ = ١٤٬٠٠٠ (and 14.000 may also be 14).
/// A scale word after a number adds its product (14 ألف = 14 thousand = 14000; 1.5 مليار =
/// 1.5 billion). Dates and times (12/3/2024, 10:30) are read as their parts; English month names
/// stand for their numbers (March = 3), an English time written 5.30 also stands for 5 and 30, and
/// an abbreviated year range 1950-53 also stands for 1953. Number words (three, ثلاثة) are not read.
struct NumberReading: Equatable {
    /// The span in the sentence, in Unicode scalars.
    let range: Range<Int>
    let written: String
    /// Canonical decimal values ("14000", "1.5").
    let values: Set<String>

    /// A number below ten: style guides spell these out in English, and number words are not read.
    var isSmall: Bool {
        values.allSatisfy { v in Decimal(string: v, locale: Self.posix).map { $0 < 10 } ?? false }
    }

    static let posix = Locale(identifier: "en_US_POSIX")

    static let arabicScales: [String: Decimal] = [
        "الف": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
        "مليارات": 1_000_000_000, "بليون": 1_000_000_000, "تريليون": 1_000_000_000_000,
    ]
    static let englishScales: [String: Decimal] = [
        "thousand": 1_000, "thousands": 1_000, "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000,
        "billions": 1_000_000_000, "trillion": 1_000_000_000_000,
    ]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The numbers of a sentence. `english` adds month names (capitalised) and English scale words;
    /// otherwise Arabic scale words are read.
    static func numbers(in u: [Unicode.Scalar], english: Bool) -> [NumberReading] {
        let tokens = Tokenizer.tokenize(scalars: u)
        var out: [NumberReading] = []
        for (n, t) in tokens.enumerated() {
            func text(_ r: Range<Int>) -> String { String(scalars: u[r]) }
            if t.kind == .latinWord && english {
                let w = text(t.range)
                if u[t.range.lowerBound].properties.isUppercase, let m = months[w.lowercased()] {
                    out.append(NumberReading(range: t.range, written: w, values: ["\(m)"]))
                }
                continue
            }
            guard t.kind == .number else { continue }
            // The scale word after the number, if any.
            var scale: Decimal?
            if n + 1 < tokens.count {
                let next = tokens[n + 1]
                let w = text(next.range)
                if english && next.kind == .latinWord {
                    scale = englishScales[w.lowercased()]
                } else if !english && next.kind == .arabicWord {
                    var k = Normalizer.key(w)
                    if k.hasPrefix("و") && arabicScales[String(k.dropFirst())] != nil { k = String(k.dropFirst()) }
                    scale = arabicScales[k]
                }
            }
            // Dates and times: each part is a number.
            var start = t.range.lowerBound
            for i in t.range.lowerBound...t.range.upperBound {
                if i == t.range.upperBound || u[i] == "/" || u[i] == ":" {
                    if i > start {
                        let part = Array(u[start..<i])
                        var values = readings(part)
                        let isWhole = start == t.range.lowerBound && i == t.range.upperBound
                        if isWhole, let scale {
                            for v in values {
                                if let d = Decimal(string: v, locale: posix) { values.insert(canonical(d * scale)) }
                            }
                        }
                        if english && isWhole { values.formUnion(englishExtras(part, tokens: tokens, at: n, u)) }
                        out.append(NumberReading(range: start..<i, written: text(start..<i), values: values))
                    }
                    start = i + 1
                }
            }
        }
        return out
    }

    /// English notations: a time 5.30 (also 5 and 30), the end of a year range 1950-53 (also 1953).
    static func englishExtras(_ part: [Unicode.Scalar], tokens: [Token], at n: Int, _ u: [Unicode.Scalar]) -> Set<String> {
        var out = Set<String>()
        let s = String(scalars: part)
        let halves = s.split(separator: ".", omittingEmptySubsequences: false)
        if halves.count == 2, halves[1].count == 2, halves[0].count <= 2, let h = Int(halves[0]), let m = Int(halves[1]) {
            out.insert(String(h))
            out.insert(String(m))
        }
        if n >= 2, s.count == 2, s.allSatisfy(\.isASCII), tokens[n - 1].kind == .punctuation,
            ["-", "\u{2013}"].contains(u[tokens[n - 1].range.lowerBound]), tokens[n - 2].kind == .number,
            tokens[n - 2].range.upperBound == tokens[n - 1].range.lowerBound, tokens[n - 1].range.upperBound == tokens[n].range.lowerBound
        {
            let year = String(scalars: u[tokens[n - 2].range])
            if year.count == 4, year.allSatisfy(\.isASCII) { out.insert(String(year.prefix(2)) + s) }
        }
        return out
    }

    /// The values one run of digits and separators can stand for.
    static func readings(_ part: [Unicode.Scalar]) -> Set<String> {
        var groups: [String] = [""]
        var seps: [Unicode.Scalar] = []
        var decimalGroup: Int?
        for u in part {
            if let d = ArabicScalar.digitValue(u.value) {
                groups[groups.count - 1].append(Character(Unicode.Scalar(0x30 + d)!))
            } else if u.value == 0x066C {
                continue  // Arabic thousands separator
            } else if u.value == 0x066B {
                decimalGroup = groups.count
                groups.append("")
                seps.append(".")
            } else {
                groups.append("")
                seps.append(u)
            }
        }
        var out = Set<String>()
        func add(_ s: String) {
            if let d = Decimal(string: s, locale: posix) { out.insert(canonical(d)) }
        }
        if let dg = decimalGroup {
            add(groups[..<dg].joined() + "." + groups[dg...].joined())
            return out
        }
        if seps.isEmpty {
            add(groups[0])
            return out
        }
        let groupedByThree = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
        if groupedByThree && Set(seps).count == 1 { add(groups.joined()) }
        if seps.count == 1 { add(groups[0] + "." + groups[1]) }
        if seps.count >= 2 && Set(seps).count == 2 && seps.dropLast().allSatisfy({ $0 == seps[0] }) && seps.last != seps[0] {
            // 1,234.5 or 1.234,5: the last separator is the decimal point.
            let intGroups = groups.dropLast()
            if (1...3).contains(intGroups[0].count) && intGroups.dropFirst().allSatisfy({ $0.count == 3 }) {
                add(intGroups.joined() + "." + (groups.last ?? ""))
            }
        }
        if out.isEmpty { add(groups.joined()) }
        return out
    }

    static func canonical(_ d: Decimal) -> String {
        NSDecimalNumber(decimal: d).stringValue
    }
}
