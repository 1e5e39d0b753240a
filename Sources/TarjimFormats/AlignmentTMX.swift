import Alignment
import Foundation

/// TMX 1.4b for `tarjim align --format tmx`: a translation memory with one `<tu>` per bead that has
/// text on both sides (`xml:lang` "ar" and "en"), the seven header attributes TMX requires
/// (creationtool, creationtoolversion, segtype, o-tmf, adminlang, srclang, datatype) and
/// `creationdate` in TMX's form (20260101T120000Z). OmegaT and translate-toolkit read it as a
/// memory; the bead's score is kept as `<prop type="x-tarjim-score">`.
///
/// ```swift
/// let tmx = try AlignmentTMX(creationDate: Date()).document(alignment, arabic: ar, english: en)
/// ```
public struct AlignmentTMX: Sendable {
    public var creationTool: String
    public var creationToolVersion: String
    public var creationDate: Date
    public var sourceLanguage: String
    public var targetLanguage: String
    /// Beads with a lower score are left out (nil: keep every bead with both sides).
    public var minimumScore: Double?

    public init(
        creationTool: String = "Tarjim", creationToolVersion: String = "0.1.0", creationDate: Date, sourceLanguage: String = "ar",
        targetLanguage: String = "en", minimumScore: Double? = nil
    ) {
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.creationDate = creationDate
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.minimumScore = minimumScore
    }

    /// `20260101T120000Z`. A date outside 1970-01-01 ... 9999-12-31 (or NaN) is written as the
    /// nearest end of that range (1970 for NaN): the format has four digits for the year.
    public static func date(_ d: Date) -> String {
        let s = d.timeIntervalSince1970
        var t = Int64((s.isNaN ? 0 : min(max(s, 0), latestDate)).rounded(.down))
        let seconds = t % 60
        t /= 60
        let minutes = t % 60
        t /= 60
        let hours = t % 24
        let days = t / 24
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)\(two(month))\(two(day))T\(two(hours))\(two(minutes))\(two(seconds))Z"
    }

    /// 9999-12-31T23:59:59Z in seconds since 1970: the last date with a four-digit year.
    public static let latestDate: Double = 253_402_300_799

    /// The whole document. Throws when a segment holds a character XML 1.0 cannot carry (control
    /// characters other than tab, line feed and carriage return), naming the bead.
    public func document(_ alignment: SentenceAlignment, arabic: [String], english: [String]) throws(FormatError) -> String {
        let tool = try Self.escape(creationTool, bead: 0)
        let version = try Self.escape(creationToolVersion, bead: 0)
        let source = try Self.escape(sourceLanguage, bead: 0)
        let target = try Self.escape(targetLanguage, bead: 0)
        var o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
        o += "  <header creationtool=\"\(tool)\" creationtoolversion=\"\(version)\" segtype=\"sentence\" o-tmf=\"Tarjim\""
        o += " adminlang=\"en\" srclang=\"\(source)\" datatype=\"plaintext\" creationdate=\"\(Self.date(creationDate))\"/>\n"
        o += "  <body>\n"
        var unit = 0
        for (k, b) in alignment.beads.enumerated() {
            if let min = minimumScore, b.score < min { continue }
            let ar = AlignmentOutput.text(of: arabic, b.arabic)
            let en = AlignmentOutput.text(of: english, b.english)
            if ar.isEmpty || en.isEmpty { continue }
            unit += 1
            o += "    <tu tuid=\"\(unit)\""
            // A bead of several sentences is not one sentence.
            if b.arabic.count > 1 || b.english.count > 1 { o += " segtype=\"block\"" }
            o += ">\n      <prop type=\"x-tarjim-score\">\(AlignmentOutput.score(b.score))</prop>\n"
            o += "      <prop type=\"x-tarjim-segments\">ar \(Self.numbers(b.arabic)); en \(Self.numbers(b.english))</prop>\n"
            o += "      <tuv xml:lang=\"\(source)\"><seg>\(try Self.escape(ar, bead: k + 1))</seg></tuv>\n"
            o += "      <tuv xml:lang=\"\(target)\"><seg>\(try Self.escape(en, bead: k + 1))</seg></tuv>\n"
            o += "    </tu>\n"
        }
        o += "  </body>\n</tmx>\n"
        return o
    }

    private static func numbers(_ r: Range<Int>) -> String {
        r.map { String($0 + 1) }.joined(separator: ",")
    }

    /// Character data and attribute values: & < > " escaped, CR as a character reference; characters
    /// XML 1.0 forbids are an error.
    static func escape(_ s: String, bead: Int) throws(FormatError) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
            case 0x0D: out.append(contentsOf: "&#13;".unicodeScalars)
            case 0x09, 0x0A: out.append(c)
            case 0x00...0x1F, 0xFFFE, 0xFFFF:
                let hex = String(c.value, radix: 16, uppercase: true)
                throw .unwritable(
                    file: nil, line: bead, column: 0,
                    message: "bead \(bead): U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) cannot be written in XML 1.0")
            default: out.append(c)
            }
        }
        return String(out)
    }
}
