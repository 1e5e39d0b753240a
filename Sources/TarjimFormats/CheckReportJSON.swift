import Checks
import Foundation
import Glossary

/// `tarjim check --format json`: the findings, a summary, and the scope's observations (which
/// `tarjim check --merge` combines). A public interface, documented in the README:
///
/// ```json
/// {"findings": [{"kind": "variant-spelling", "severity": "warning", "entity": "Blinken",
///   "expected": "بلينكن", "found": "بلينجن",
///   "occurrences": [{"file": "a.txt", "line": 3, "column": 12, "unit": null, "side": null,
///                    "found": "بلينجن", "context": "وقال بلينجن إن", "start": 5, "end": 11}],
///   "total_occurrences": 1, "message": "...", "spellings": [{"spelling": "بلينجن", "count": 4, "expected": false}],
///   "proposal": null, "fixable": true}],
///  "summary": {"findings": 1, "occurrences": 1, "by_kind": {...}, "by_severity": {...},
///              "documents": 1, "pairs": 0},
///  "scope": {"version": 2, ...}}
/// ```
/// One finding (and one scope record) a line, so reports diff well.
public enum CheckReportJSON {
    public static func write(_ report: CheckReport) -> String {
        String(decoding: bytes(report), as: UTF8.self)
    }

    /// `write(_:)` as UTF-8 bytes, built as bytes (the report can be larger than its input).
    public static func bytes(_ report: CheckReport) -> [UInt8] {
        var o = Bytes()
        o.bytes.reserveCapacity(1 << 16)
        o += "{\n  \"findings\": ["
        for (i, f) in report.findings.enumerated() {
            o += i == 0 ? "\n    " : ",\n    "
            appendFinding(f, to: &o)
        }
        o += report.findings.isEmpty ? "],\n" : "\n  ],\n"
        o += "  \"summary\": "
        appendSummary(report.summary, to: &o)
        o += ",\n  \"scope\": "
        appendScope(report.scope, to: &o)
        o += "\n}\n"
        return o.bytes
    }

    /// UTF-8 output with `+=` for the literal parts, so that the writers read like the JSON they write.
    struct Bytes {
        var bytes: [UInt8] = []

        static func += (o: inout Bytes, s: StaticString) {
            s.withUTF8Buffer { o.bytes.append(contentsOf: $0) }
        }
        static func += (o: inout Bytes, n: Int) { JSONText.appendInt(n, to: &o.bytes) }
        static func += (o: inout Bytes, b: Bool) { o += b ? "true" : "false" }
        /// A JSON string literal, or `null`.
        mutating func string(_ s: String?) {
            if let s { JSONText.appendString(s, to: &bytes) } else { self += "null" }
        }
        /// Text already valid JSON (a number written by `number`).
        mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    static func appendOccurrence(_ c: Occurrence, to o: inout Bytes) {
        o += "{\"file\":"
        o.string(c.file)
        o += ",\"line\":"
        o += c.line
        o += ",\"column\":"
        o += c.column
        o += ",\"unit\":"
        o.string(c.unit)
        o += ",\"side\":"
        o.string(c.side?.rawValue)
        o += ",\"found\":"
        o.string(c.found)
        o += ",\"context\":"
        o.string(c.context)
        o += ",\"start\":"
        o += c.span.lowerBound
        o += ",\"end\":"
        o += c.span.upperBound
        o += "}"
    }

    static func appendOccurrences(_ list: [Occurrence], to o: inout Bytes) {
        o += "["
        for (i, c) in list.enumerated() {
            if i > 0 { o += "," }
            appendOccurrence(c, to: &o)
        }
        o += "]"
    }

    static func appendFinding(_ f: Finding, to o: inout Bytes) {
        o += "{\"kind\":"
        o.string(f.kind.rawValue)
        o += ",\"severity\":"
        o.string(f.severity.rawValue)
        o += ",\"entity\":"
        o.string(f.entity)
        o += ",\"expected\":"
        o.string(f.expected)
        o += ",\"found\":"
        o.string(f.found)
        o += ",\"occurrences\":"
        appendOccurrences(f.occurrences, to: &o)
        o += ",\"total_occurrences\":"
        o += f.totalOccurrences
        o += ",\"message\":"
        o.string(f.message)
        o += ",\"spellings\":["
        for (i, s) in f.spellings.enumerated() {
            if i > 0 { o += "," }
            o += "{\"spelling\":"
            o.string(s.spelling)
            o += ",\"count\":"
            o += s.count
            o += ",\"expected\":"
            o += s.isExpected
            o += "}"
        }
        o += "],\"proposal\":"
        o.string(f.proposal)
        o += ",\"fixable\":"
        o += f.fixable
        o += "}"
    }

    static func appendSummary(_ s: CheckReport.Summary, to o: inout Bytes) {
        o += "{\"findings\":"
        o += s.findings
        o += ",\"occurrences\":"
        o += s.occurrences
        o += ",\"by_kind\":{"
        for (i, k) in FindingKind.allCases.enumerated() {
            if i > 0 { o += "," }
            o.string(k.rawValue)
            o += ":"
            o += s.count(k)
        }
        o += "},\"by_severity\":{"
        for (i, k) in Severity.allCases.reversed().enumerated() {
            if i > 0 { o += "," }
            o.string(k.rawValue)
            o += ":"
            o += s.count(k)
        }
        o += "},\"documents\":"
        o += s.documents
        o += ",\"pairs\":"
        o += s.pairs
        o += "}"
    }

    /// `,\n    "name": [` then the items, one a line.
    static func appendList<T>(_ name: StaticString, _ items: [T], _ o: inout Bytes, _ body: (T, inout Bytes) -> Void) {
        o += ",\n    \""
        o += name
        o += "\": ["
        for (i, x) in items.enumerated() {
            o += i == 0 ? "\n      " : ",\n      "
            body(x, &o)
        }
        o += items.isEmpty ? "]" : "\n    ]"
    }

    static func appendStrings(_ list: [String], to o: inout Bytes) {
        for (i, s) in list.enumerated() {
            if i > 0 { o += "," }
            o.string(s)
        }
    }

    static func appendScope(_ s: CheckScope, to o: inout Bytes) {
        o += "{\n    \"version\": "
        o += CheckScope.version
        o += ",\n    \"settings\": "
        o.string(s.settings)
        o += ",\n    \"documents\": ["
        appendStrings(s.documents, to: &o)
        o += "],\n    \"pair_files\": ["
        appendStrings(s.pairFiles, to: &o)
        o += "],\n    \"pairs\": "
        o += s.pairCount
        o += ",\n    \"max_occurrences\": "
        o += s.maxOccurrences
        appendList("names", s.names, &o) { n, o in
            o += "{\"entry\":"
            o += n.entry
            o += ",\"spelling\":"
            o.string(n.spelling)
            o += ",\"match\":"
            o.string(n.match.rawValue)
            o += ",\"found_key\":"
            o.string(n.foundKey)
            o += ",\"count\":"
            o += n.count
            o += ",\"score\":"
            o.raw(number(n.score))
            o += ",\"fixable\":"
            o += n.fixable
            o += ",\"occurrences\":"
            appendOccurrences(n.occurrences, to: &o)
            o += "}"
        }
        appendList("unknown_words", s.unknownWords, &o) { w, o in
            o += "{\"key\":"
            o.string(w.key)
            o += ",\"count\":"
            o += w.count
            o += ",\"occurrences\":"
            appendOccurrences(w.occurrences, to: &o)
            o += "}"
        }
        appendList("english_names", s.englishNames, &o) { n, o in
            o += "{\"entity\":"
            o.string(n.entity)
            o += ",\"arabic\":"
            o.string(n.arabic)
            o += ",\"accepted\":["
            appendStrings(n.accepted, to: &o)
            o += "],\"occurrence\":"
            appendOccurrence(n.occurrence, to: &o)
            o += "}"
        }
        appendList("translations", s.translations, &o) { p, o in
            o += "{\"file\":"
            o.string(p.file)
            o += ",\"en_file\":"
            o.string(p.englishFile)
            o += ",\"unit\":"
            o.string(p.unit)
            o += ",\"ar_line\":"
            o += p.arabicLine
            o += ",\"ar_column\":"
            o += p.arabicColumn
            o += ",\"en_line\":"
            o += p.englishLine
            o += ",\"en_column\":"
            o += p.englishColumn
            o += ",\"exact_columns\":"
            o += p.exactColumns
            o += ",\"ar\":"
            o.string(p.arabic)
            o += ",\"en\":"
            o.string(p.english)
            o += "}"
        }
        o += "\n  }"
    }
}
