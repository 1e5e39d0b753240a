import ArabicText
import Checks

/// `tarjim check --format text`: findings for reading in a terminal, grouped by finding.
///
/// ```
/// a.txt:3:12: warning: variant-spelling: Blinken is written in 2 ways: ...
///   expected: بلينكن (fixable with --fix)
///   a.txt:3:12: وقال [بلينجن] إن الاجتماع
///   p.tsv:4:22: Secretary Blinkin said
///                         ^^^^^^^
///
/// check: 1 error, 1 warning, 0 info (2 findings, 3 occurrences) in 1 document and 4 pairs
/// ```
/// Every occurrence gives file:line:column (and the unit of XLIFF/TMX) and its excerpt with the
/// span marked: in colour on a terminal, otherwise with a caret line under left-to-right text and
/// brackets in right-to-left text (a caret cannot be aligned under text the terminal reorders).
/// A finding with more places than the report lists (`--max-occurrences`) ends with "… and N more".
///
/// Bidi safety: bidi controls and other invisible characters in the user's text are shown as
/// `<U+200F>`, never printed; in logical mode (terminals that implement bidi) every right-to-left
/// run is wrapped in FSI…PDI so it cannot reorder the file name, numbers and English around it; in
/// visual mode (`--bidi visual`, terminals without bidi) each piece is reordered with ICU instead.
public struct CheckReportText: Sendable {
    public var color: Bool
    public var visualBidi: Bool

    public init(color: Bool, visualBidi: Bool) {
        self.color = color
        self.visualBidi = visualBidi
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for f in report.findings { out += render(f) + "\n" }
        out += summaryLine(report.summary) + "\n"
        return out
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }

    static func severityColor(_ s: Severity) -> String {
        switch s {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;36"
        }
    }

    static func location(_ o: Occurrence) -> String {
        var s = "\(o.file):\(o.line):\(o.column)"
        if let unit = o.unit { s += " (unit \(unit))" }
        return s
    }

    /// Text from the user or the glossary, made safe to print: invisible characters escaped and
    /// right-to-left runs isolated (logical mode) or reordered (visual mode).
    func prose(_ s: String, rightToLeft: Bool = false) -> String {
        let isolated = Self.isolateRightToLeftRuns(Self.escapeInvisible(s))
        if visualBidi { return Bidi.visualOrder(isolated, base: rightToLeft ? .rightToLeft : .leftToRight) }
        return isolated
    }

    func render(_ f: Finding) -> String {
        let sev = paint(f.severity.rawValue, Self.severityColor(f.severity))
        let first = f.occurrences.first.map { Self.location($0) + ": " } ?? ""
        var out = paint(first, "1") + sev + ": " + f.kind.rawValue + ": " + prose(f.message) + "\n"
        if let expected = f.expected {
            out += "  expected: " + prose(expected) + (f.fixable ? " (fixable with --fix)" : "") + "\n"
        }
        if let p = f.proposal {
            out += "  glossary line: " + prose(p.replacingEveryScalar("\t", with: " | ")) + "\n"
        }
        for o in f.occurrences { out += occurrence(o, severity: f.severity) }
        if f.unlistedOccurrences > 0 { out += "  … and \(f.unlistedOccurrences) more\n" }
        return out
    }

    func occurrence(_ o: Occurrence, severity: Severity) -> String {
        let prefix = "  " + Self.location(o) + ": "
        let u = Array(o.context.unicodeScalars)
        let span = o.span.clamped(to: 0..<u.count)
        let before = String(scalars: u[..<span.lowerBound])
        let inside = String(scalars: u[span])
        let after = String(scalars: u[span.upperBound...])
        let hasRTL = u.contains { Self.isRightToLeft($0) }
        // An Arabic excerpt reads right to left as a whole; an English one left to right, with any
        // Arabic in it isolated.
        let arabicContext = hasRTL && o.side != .english
        let b = Self.escapeInvisible(before)
        let i = Self.escapeInvisible(inside)
        let a = Self.escapeInvisible(after)
        func wrap(_ marked: String) -> String {
            arabicContext ? "\u{2068}" + marked + "\u{2069}" : Self.isolateRightToLeftRuns(marked)
        }
        if visualBidi {
            let marked = b + "[" + i + "]" + a
            return prefix
                + Bidi.visualOrder(
                    arabicContext ? marked : Self.isolateRightToLeftRuns(marked), base: arabicContext ? .rightToLeft : .leftToRight) + "\n"
        }
        if color {
            return prefix + wrap(b + "\u{1B}[4;" + Self.severityColor(severity) + "m" + i + "\u{1B}[0m" + a) + "\n"
        }
        if hasRTL { return prefix + wrap(b + "[" + i + "]" + a) + "\n" }
        let caret = String(repeating: " ", count: Self.width(prefix) + Self.width(b)) + String(repeating: "^", count: max(1, Self.width(i)))
        return prefix + b + i + a + "\n" + caret + "\n"
    }

    func summaryLine(_ s: CheckReport.Summary) -> String {
        func count(_ n: Int, _ word: String, plural: String? = nil) -> String { "\(n) " + (n == 1 ? word : plural ?? word + "s") }
        return paint(
            "check: " + count(s.count(.error), "error") + ", " + count(s.count(.warning), "warning") + ", "
                + count(s.count(.info), "info", plural: "info")
                + " (" + count(s.findings, "finding") + ", " + count(s.occurrences, "occurrence") + ") in " + count(s.documents, "document")
                + " and "
                + count(s.pairs, "pair"), "1")
    }

    // MARK: - Bidi and invisible characters

    static func isRightToLeft(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return ArabicScalar.isLetter(u.value) || (0x0590...0x05FF).contains(u.value)
        default: return false
        }
    }

    static func isLeftToRight(_ u: Unicode.Scalar) -> Bool { ArabicScalar.isLatinLetter(u.value) }

    /// Bidi controls and zero-width characters as `<U+200F>`.
    static func escapeInvisible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { ArabicScalar.isInvisibleFormat($0.value) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if ArabicScalar.isInvisibleFormat(u.value) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Wraps every right-to-left run (Arabic letters, marks and Arabic punctuation, with the spaces
    /// between them) in FSI (U+2068) … PDI (U+2069). Digits, brackets and Latin text stay outside,
    /// so "بلينجن (4), بلينكين (1)" keeps its left-to-right order.
    static func isolateRightToLeftRuns(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        guard u.contains(where: isRightToLeft) else { return s }
        func inRun(_ x: Unicode.Scalar) -> Bool {
            switch x.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFE, 0x200C, 0x200D: return true
            default: return false
            }
        }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            guard isRightToLeft(u[i]) else {
                out.append(u[i])
                i += 1
                continue
            }
            var end = i + 1
            var j = i + 1
            while j < u.count {
                if inRun(u[j]) {
                    j += 1
                    end = j
                } else if ArabicScalar.isWhitespace(u[j].value) {
                    j += 1
                } else {
                    break
                }
            }
            out.append("\u{2068}")
            out.append(contentsOf: u[i..<end])
            out.append("\u{2069}")
            i = end
        }
        return String(out)
    }

    /// Terminal columns: one per scalar, none for combining marks and invisible characters.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            if ArabicScalar.isMark(v) || ArabicScalar.isInvisibleFormat(v) || (0x0300...0x036F).contains(v) || v == 0x1B { return n }
            return n + 1
        }
    }
}
