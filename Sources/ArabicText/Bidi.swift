/// A bidi control character found in text, or an unbalanced embedding/isolate.
public struct BidiFinding: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A bidi control (LRM, RLM, ALM, embedding, override, isolate) is present.
        case control
        /// An embedding/override (U+202A–202E) or isolate (U+2066–2069) that is never closed
        /// before the end of its paragraph, or a close (PDF U+202C, PDI U+2069) with nothing open.
        case unbalanced
    }

    public let kind: Kind
    /// The offending character.
    public let scalar: Unicode.Scalar
    /// Offset in Unicode scalars in the text.
    public let offset: Int
    /// 1-based line and column (in scalars).
    public let line: Int
    public let column: Int

    /// The character's name for messages, e.g. "U+202E RIGHT-TO-LEFT OVERRIDE".
    public var characterName: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " " + (scalar.properties.name ?? "")
    }
}

/// Bidi checks and reordering.
public enum Bidi {
    /// False when the text holds no bidi control: no E2 byte (U+200E/F, U+202A-E, U+2066-9) and no
    /// D8 9C (U+061C) in its UTF-8, the case of almost every sentence.
    static func mayHoldBidiControl(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { p in
            var previous: UInt8 = 0
            for b in p {
                if b == 0xE2 || (b == 0x9C && previous == 0xD8) { return true }
                previous = b
            }
            return false
        }
    }

    /// Reports every bidi control character and every unbalanced embedding or isolate (a "Trojan
    /// Source" hazard: text that displays in another order than it is stored). The stack resets at
    /// each paragraph, as the Unicode Bidi Algorithm does. ICU does not report these.
    /// - Complexity: O(n).
    public static func audit(_ text: String) -> [BidiFinding] {
        if !mayHoldBidiControl(text) { return [] }
        var findings: [BidiFinding] = []
        var stack: [(Unicode.Scalar, Int, Int, Int, Bool)] = []  // scalar, offset, line, column, isIsolate
        var line = 1
        var column = 0
        func flushOpen() {
            for (s, o, l, c, _) in stack { findings.append(BidiFinding(kind: .unbalanced, scalar: s, offset: o, line: l, column: c)) }
            stack.removeAll()
        }
        var previous: UInt32 = 0
        for (offset, s) in text.unicodeScalars.enumerated() {
            let v = s.value
            defer { previous = v }
            if v == 0x0A || v == 0x0D || v == 0x2029 || v == 0x85 {
                flushOpen()
                // CRLF is one line break.
                if !(v == 0x0A && previous == 0x0D) { line += 1 }
                column = 0
                continue
            }
            column += 1
            guard ArabicScalar.isBidiControl(v) else { continue }
            findings.append(BidiFinding(kind: .control, scalar: s, offset: offset, line: line, column: column))
            switch v {
            case 0x202A...0x202B, 0x202D...0x202E: stack.append((s, offset, line, column, false))
            case 0x2066...0x2068: stack.append((s, offset, line, column, true))
            case 0x202C:
                // PDF closes the innermost embedding, if it is not inside an open isolate.
                if let i = stack.lastIndex(where: { !$0.4 }), !stack[(i + 1)...].contains(where: { $0.4 }) {
                    stack.remove(at: i)
                } else {
                    findings.append(BidiFinding(kind: .unbalanced, scalar: s, offset: offset, line: line, column: column))
                }
            case 0x2069:
                // PDI closes the innermost isolate and every embedding opened inside it.
                if let i = stack.lastIndex(where: { $0.4 }) {
                    stack.removeSubrange(i...)
                } else {
                    findings.append(BidiFinding(kind: .unbalanced, scalar: s, offset: offset, line: line, column: column))
                }
            default: break
            }
        }
        flushOpen()
        return findings.sorted { $0.offset != $1.offset ? $0.offset < $1.offset : $0.kind == .control }
    }

    /// Base direction for reordering.
    public enum Direction: Int32, Sendable {
        case leftToRight = 0
        case rightToLeft = 1
        case auto = -1
    }

    /// Reorders one line into visual order (ICU ubidi), for terminals that do not implement bidi.
    /// Bidi controls are removed and mirrored characters mirrored.
    public static func visualOrder(_ line: String, base: Direction = .auto) -> String {
        ICUBridge.bidiVisual(line, base: base.rawValue)
    }
}
