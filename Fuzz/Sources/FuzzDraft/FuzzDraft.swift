import ArabicText
import Drafting
import FuzzSupport
import Glossary
import TarjimFormats

/// The drafter of the fuzz target: a small glossary with the cases the matcher treats apart (a name
/// with a variant and an article, a full name whose first name alone is no entry, a multiword term,
/// a place a garbled spelling can be taken for), the system lexicon when Hunspell's Arabic
/// dictionary is installed (unknown names are then transliterated), the shipped transliterator.
let drafter: Drafter = {
    let glossary = Glossary(entries: [
        GlossaryEntry(arabic: "بلينكن", english: "Blinken", variants: ["بلينكين", "بلينجن"], kind: .person),
        GlossaryEntry(arabic: "بايدن", english: "Biden", kind: .person),
        GlossaryEntry(arabic: "جو بايدن", english: "Joe Biden", kind: .person),
        GlossaryEntry(arabic: "الناتو", english: "NATO", variants: ["حلف شمال الأطلسي"], kind: .org),
        GlossaryEntry(arabic: "دونباس", english: "Donbas", kind: .place),
        GlossaryEntry(arabic: "أوكرانيا", english: "Ukraine", kind: .place),
        GlossaryEntry(arabic: "وزير الخارجية", english: "foreign minister", kind: .term),
        GlossaryEntry(arabic: "عقوبات", english: "sanctions", kind: .term),
    ])
    let matcher = TermMatcher(glossary: glossary, options: .init(fuzzy: true, lexicon: Lexicon.system()))
    guard let transliterator = try? NameTransliterator() else { fatalError("the shipped transliteration rules did not load") }
    return Drafter(matcher: matcher, transliterator: transliterator)
}()

/// `tarjim draft` on any text. Properties: every sentence is a piece of the document, in order,
/// numbered 1, 2, 3 with paragraphs that never go back; every term and flag lies inside its sentence
/// (a term's `source` is the sentence's scalars from `start` to `end`, terms in text order, not
/// overlapping); the draft and the corrected source are made without a trap; the JSON lines read
/// back (as `check --pairs` reads them) to the same source and draft; TSV, terminal text, XLIFF 2.0
/// and 1.2 (or its refusal of a character XML 1.0 cannot carry) and HTML are written without a trap,
/// and the XLIFF 2.0 file reads back to as many units as sentences.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDraft(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let document = Array(text.unicodeScalars)
    let sentences = drafter.draft(document: text, name: "fuzz.txt")
    var at = 0
    var para = 1
    for (k, s) in sentences.enumerated() {
        fuzzCheck(s.index == k + 1, "sentence \(k + 1) numbered \(s.index)")
        fuzzCheck(s.para >= para, "paragraph \(s.para) after \(para)")
        para = s.para
        let source = Array(s.source.unicodeScalars)
        fuzzCheck(!source.isEmpty, "sentence \(s.index) is empty")
        // The sentence is the document's next piece holding it (not before the previous one's end).
        guard let start = firstIndex(of: source, in: document, from: at) else {
            fuzzCheck(false, "sentence \(s.index) is not in the document after scalar \(at)")
            return 0
        }
        at = start + source.count
        var end = 0
        for t in s.terms {
            fuzzCheck(
                t.start >= end && t.start < t.end && t.end <= source.count,
                "term \(t.start)..<\(t.end) (\(t.match)) overlaps the one before (ending at \(end)) or leaves the sentence of \(source.count)"
            )
            guard t.start < t.end && t.end <= source.count && t.start >= 0 else { return 0 }
            fuzzCheck(Array(t.source.unicodeScalars) == Array(source[t.start..<t.end]), "term source \(t.source) is not its span")
            fuzzCheck(!t.target.isEmpty, "term \(t.source) has no English")
            end = t.end
        }
        for f in s.flags {
            fuzzCheck(
                f.start >= 0 && f.start <= f.end && f.end <= source.count, "flag \(f.kind) at \(f.start)..<\(f.end) leaves the sentence")
        }
        _ = s.draft
        _ = s.correctedSource
        _ = DraftTSV.line(s)
        _ = DraftTerminal(color: true, visualBidi: true).render(s)
    }
    guard !sentences.isEmpty else { return 0 }
    var jsonl: [UInt8] = []
    for s in sentences { DraftJSONL.append(s, to: &jsonl) }
    do {
        let back = try PairReader.read(jsonl, file: "draft.jsonl")
        fuzzCheck(back.format == .draftJSONL, "draft JSON lines read as \(back.format)")
        fuzzCheck(back.pairs.count == sentences.count, "\(sentences.count) JSON lines read back as \(back.pairs.count) pairs")
        for (p, s) in zip(back.pairs, sentences) {
            fuzzCheck(
                Array(p.arabic.unicodeScalars) == Array(s.source.unicodeScalars),
                "source of sentence \(s.index) changed in JSON: \(hex(s.source)) read back as \(hex(p.arabic))")
            fuzzCheck(
                Array(p.english.unicodeScalars) == Array(s.draft.unicodeScalars),
                "draft of sentence \(s.index) changed in JSON: \(hex(s.draft)) read back as \(hex(p.english))")
        }
    } catch {
        fuzzCheck(false, "the draft's JSON lines do not read back: \(error)")
    }
    let xliff = DraftXLIFF.xliff2(sentences)
    do {
        let back = try PairReader.read(Array(xliff.utf8), file: "draft.xlf")
        fuzzCheck(back.format == .xliff2, "draft XLIFF 2.0 read as \(back.format)")
        fuzzCheck(back.pairs.count == sentences.count, "\(sentences.count) sentences read back from XLIFF as \(back.pairs.count) pairs")
    } catch {
        fuzzCheck(false, "the draft's XLIFF 2.0 does not read back: \(error)")
    }
    do {
        _ = try DraftXLIFF.xliff12(sentences)
    } catch {
        guard case .unwritable = error else {
            fuzzCheck(false, "XLIFF 1.2 refused with \(error), not .unwritable")
            return 0
        }
    }
    _ = DraftHTML.page(sentences)
    return 0
}

/// Where `needle` first occurs in `haystack` at or after `from`.
func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var i = from
    while i + needle.count <= haystack.count {
        if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i += 1
    }
    return nil
}

/// The scalars of `s` in hexadecimal (invisible ones are what such failures are about).
func hex(_ s: String) -> String { s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }
