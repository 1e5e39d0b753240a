import Alignment
import ArabicText

/// The line formats of `tarjim align`: jsonl (one object per bead, a public interface documented in
/// README), tsv (`ar_text<TAB>en_text<TAB>score`) and text (side by side for a terminal).
///
/// ```swift
/// let a = aligner.align(arabic: ar, english: en)
/// for b in a.beads { print(AlignmentOutput.jsonl(b, arabic: ar, english: en), terminator: "") }
/// // {"ar":[1],"en":[1],"ar_text":"...","en_text":"...","score":0.9871}
/// ```
public enum AlignmentOutput {
    /// The text of a bead's side: its segments, trimmed, blank ones left out, joined by a space.
    public static func text(of segments: [String], _ range: Range<Int>) -> String {
        var parts: [String] = []
        for i in range {
            let s = trimmed(segments[i])
            if !s.isEmpty { parts.append(s) }
        }
        return parts.joined(separator: " ")
    }

    /// A score with four decimals.
    public static func score(_ s: Double) -> String {
        let v = (min(1, max(0, s)) * 10000).rounded() / 10000
        if v == 0 { return "0" }
        if v == 1 { return "1" }
        return String(v)
    }

    /// `{"ar":[...],"en":[...],"ar_text":...,"en_text":...,"score":...}` and a newline. Segment
    /// numbers are 1-based.
    public static func jsonl(_ b: Bead, arabic: [String], english: [String]) -> String {
        var o = "{\"ar\":[" + b.arabic.map { String($0 + 1) }.joined(separator: ",") + "],\"en\":["
        o += b.english.map { String($0 + 1) }.joined(separator: ",") + "],\"ar_text\":"
        JSONText.appendString(text(of: arabic, b.arabic), to: &o)
        o += ",\"en_text\":"
        JSONText.appendString(text(of: english, b.english), to: &o)
        o += ",\"score\":" + score(b.score) + "}\n"
        return o
    }

    /// `ar_text<TAB>en_text<TAB>score` and a newline, fields escaped with `TSVField`.
    public static func tsv(_ b: Bead, arabic: [String], english: [String]) -> String {
        TSVField.escape(text(of: arabic, b.arabic)) + "\t" + TSVField.escape(text(of: english, b.english)) + "\t" + score(b.score) + "\n"
    }

    /// A bead side by side: English on the left, Arabic on the right (so a terminal that applies
    /// the bidi algorithm per line keeps the English column first), each wrapped to its column,
    /// with the segment numbers and the score on the first line.
    ///
    /// - Parameters:
    ///   - width: the terminal's width in columns (taken as 10,000 when larger).
    ///   - visualBidi: reorder the Arabic column for terminals that do not implement bidi.
    public static func sideBySide(_ b: Bead, arabic: [String], english: [String], width: Int = 100, visualBidi: Bool = false) -> String {
        // The width comes from the environment (COLUMNS): outside 3...10,000 it is clamped (Int.min
        // overflowed `width - 3`, Int.max padded every line with exabytes of spaces).
        let column = max(20, (min(max(width, 3), 10_000) - 3) / 2)
        let en = wrap(text(of: english, b.english), column)
        var ar = wrap(text(of: arabic, b.arabic), column)
        if visualBidi { ar = ar.map { Bidi.visualOrder($0, base: .rightToLeft) } }
        func numbers(_ r: Range<Int>) -> String {
            r.isEmpty ? "-" : (r.count == 1 ? "\(r.lowerBound + 1)" : "\(r.lowerBound + 1)-\(r.upperBound)")
        }
        var out = "en \(numbers(b.english)) | ar \(numbers(b.arabic))  score \(score(b.score))\n"
        for k in 0..<max(en.count, ar.count, 1) {
            let left = k < en.count ? en[k] : ""
            let right = k < ar.count ? ar[k] : ""
            out += left + String(repeating: " ", count: max(0, column - displayWidth(left))) + " | " + right + "\n"
        }
        return out + "\n"
    }

    /// Lines of at most `width` columns, broken at spaces (a longer word gets a line of its own).
    static func wrap(_ s: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        // Split at space scalars: as a Character, a space and a combining mark after it are no space.
        for piece in s.unicodeScalars.split(separator: " ", omittingEmptySubsequences: true) {
            let word = Substring(piece)
            let w = displayWidth(word)
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Terminal columns: one per scalar, none for combining marks and invisible format characters.
    static func displayWidth(_ s: some StringProtocol) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            if ArabicScalar.isMark(v) || ArabicScalar.isInvisibleFormat(v) || (v >= 0x0300 && v <= 0x036F) { return n }
            return n + 1
        }
    }

    static func trimmed(_ s: String) -> String { ArabicScalar.trimmingWhitespace(s) }
}
