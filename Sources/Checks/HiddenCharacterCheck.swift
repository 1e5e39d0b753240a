import ArabicText
import Foundation

/// Check 4: characters a reader cannot see or that break search and matching.
///
/// - bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates): warning; an embedding or
///   isolate never closed in its line, or a close with nothing open: error;
/// - zero-width and other invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen,
///   a BOM inside the text): warning;
/// - Persian ی (U+06CC) or ک (U+06A9) in a word that also has Arabic ي ى ك or ة: warning, with the
///   Arabic spelling;
/// - presentation forms (U+FB50–FDFF, U+FE70–FEFE) in a word: warning, with the NFKC spelling;
/// - tatweel (U+0640) in a word: info, with the word without it.
///
/// One finding per character (or per word written the same way), with every place.
enum HiddenCharacterCheck {
    /// - Parameters:
    ///   - unit: the occurrences' unit (a JSONL document's id);
    ///   - linesBefore: lines of the file before this text;
    ///   - scalars: the text; `lines`: its lines (`Checker.lineRanges`).
    static func findings(file: String, unit: String? = nil, linesBefore: Int = 0, scalars: [Unicode.Scalar], lines: [Range<Int>])
        -> [Finding]
    {
        var out: [Finding] = []
        let suspect = suspectTable
        for (k, range) in lines.enumerated() where scalars[range].contains(where: { $0.value < 0x10000 && suspect[Int($0.value)] }) {
            let u = Array(scalars[range])
            let number = k + 1
            func occurrence(_ r: Range<Int>) -> Occurrence {
                let e = Excerpt.make(u, span: r)
                return Occurrence(
                    file: file, line: number + linesBefore, column: r.lowerBound + 1, unit: unit, found: String(scalars: u[r]),
                    context: e.text, span: e.span)
            }
            func add(_ severity: Severity, _ r: Range<Int>, found: String, expected: String?, _ message: String) {
                var o = occurrence(r)
                o.found = found
                out.append(
                    Finding(
                        kind: .hiddenCharacter, severity: severity, expected: expected, found: found, occurrences: [o], message: message))
            }
            if u.contains(where: { ArabicScalar.isBidiControl($0.value) }) {
                for f in Bidi.audit(String(scalars: u)) {
                    let r = f.offset..<(f.offset + 1)
                    switch f.kind {
                    case .control:
                        add(
                            .warning, r, found: f.characterName, expected: nil,
                            "bidi control \(f.characterName): invisible, it changes how the text around it is displayed")
                    case .unbalanced:
                        add(
                            .error, r, found: f.characterName, expected: nil,
                            "unbalanced \(f.characterName): an embedding or isolate not closed in its line, or a close with nothing open; the text may display in another order than it is stored"
                        )
                    }
                }
            }
            for (i, s) in u.enumerated() where ArabicScalar.isInvisibleFormat(s.value) && !ArabicScalar.isBidiControl(s.value) {
                let name = characterName(s)
                add(.warning, i..<(i + 1), found: name, expected: nil, "invisible character \(name): it breaks search and matching")
            }
            for t in Tokenizer.tokenize(scalars: u) where t.kind == .arabicWord {
                let w = Array(u[t.range])
                let word = String(scalars: w)
                let persian = w.contains { $0.value == 0x06CC || $0.value == 0x06A9 }
                if persian && w.contains(where: { [0x064A, 0x0649, 0x0643, 0x0629].contains($0.value) }) {
                    let arabic = String(
                        String.UnicodeScalarView(w.map { $0.value == 0x06CC ? "\u{064A}" : $0.value == 0x06A9 ? "\u{0643}" : $0 }))
                    add(
                        .warning, t.range, found: word, expected: arabic,
                        "Persian letter forms (U+06CC yeh, U+06A9 kaf) mixed with Arabic letters in one word: it breaks search")
                }
                if w.contains(where: { (0xFB50...0xFDFF).contains($0.value) || (0xFE70...0xFEFE).contains($0.value) }) {
                    add(
                        .warning, t.range, found: word, expected: word.precomposedStringWithCompatibilityMapping,
                        "presentation forms (U+FB50–FDFF, U+FE70–FEFE) instead of letters: they break search")
                }
                if w.contains(where: { $0.value == ArabicScalar.tatweel }) {
                    let plain = String(scalars: w.filter { $0.value != ArabicScalar.tatweel })
                    add(.info, t.range, found: word, expected: plain, "tatweel (U+0640) stretches the word: it breaks search")
                }
            }
        }
        return out
    }

    /// Whether a line with this character needs a closer look: invisible format characters (bidi
    /// controls among them), Persian yeh and kaf, presentation forms, tatweel.
    static func isSuspect(_ v: UInt32) -> Bool {
        v == 0x06CC || v == 0x06A9 || v == ArabicScalar.tatweel || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFE).contains(v)
            || ArabicScalar.isInvisibleFormat(v)
    }

    /// `isSuspect` of every BMP scalar (none above it is suspect), read with one load a scalar on
    /// every line. Allocated once, never freed.
    nonisolated(unsafe) static let suspectTable: UnsafePointer<Bool> = {
        let t = UnsafeMutablePointer<Bool>.allocate(capacity: 0x10000)
        for v in UInt32(0)..<0x10000 { t[Int(v)] = isSuspect(v) }
        return UnsafePointer(t)
    }()

    /// "U+200B ZERO WIDTH SPACE".
    static func characterName(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + " " + (s.properties.name ?? "")
    }
}
