import ArabicText
import Drafting

/// `tarjim draft --format text`: sentence pairs for reading in a terminal.
public struct DraftTerminal: Sendable {
    /// Use ANSI colours.
    public var color: Bool
    /// Reorder lines into visual order for terminals that do not implement bidi.
    public var visualBidi: Bool

    public init(color: Bool, visualBidi: Bool) {
        self.color = color
        self.visualBidi = visualBidi
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }

    public func render(_ s: DraftSentence) -> String {
        var arabic = s.source
        var english = s.draft
        if visualBidi {
            arabic = Bidi.visualOrder(arabic, base: .rightToLeft)
            english = Bidi.visualOrder(english, base: .leftToRight)
        } else if color {
            // Highlight the English renderings of terms in the draft line.
            for t in s.terms { english = english.replacingOccurrences(of: t.target, with: paint(t.target, "32")) }
        }
        var out = paint("[\(s.doc == "-" ? "" : s.doc + " ")\(s.index)]", "1") + " ¶\(s.para)\n"
        out += "  ar: " + arabic + "\n"
        out += "  en: " + english + "\n"
        for f in s.flags {
            out +=
                "  " + paint("! " + f.kind.rawValue, "33") + ": "
                + (visualBidi ? Bidi.visualOrder(f.message, base: .leftToRight) : f.message) + "\n"
        }
        return out + "\n"
    }
}
