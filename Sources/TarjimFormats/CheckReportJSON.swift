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
        /// A member's key (with what comes before it: `,"line":`) and its value.
        mutating func field(_ key: StaticString, _ value: String?) {
            self += key
            string(value)
        }
        mutating func field(_ key: StaticString, _ value: Int) {
            self += key
            self += value
        }
        mutating func field(_ key: StaticString, _ value: Bool) {
            self += key
            self += value
        }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    static func appendOccurrence(_ c: Occurrence, to o: inout Bytes) {
        o.field("{\"file\":", c.file)
        o.field(",\"line\":", c.line)
        o.field(",\"column\":", c.column)
        o.field(",\"unit\":", c.unit)
        o.field(",\"side\":", c.side?.rawValue)
        o.field(",\"found\":", c.found)
        o.field(",\"context\":", c.context)
        o.field(",\"start\":", c.span.lowerBound)
        o.field(",\"end\":", c.span.upperBound)
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
        o.field("{\"kind\":", f.kind.rawValue)
        o.field(",\"severity\":", f.severity.rawValue)
        o.field(",\"entity\":", f.entity)
        o.field(",\"expected\":", f.expected)
        o.field(",\"found\":", f.found)
        o += ",\"occurrences\":"
        appendOccurrences(f.occurrences, to: &o)
        o.field(",\"total_occurrences\":", f.totalOccurrences)
        o.field(",\"message\":", f.message)
        o += ",\"spellings\":["
        for (i, s) in f.spellings.enumerated() {
            if i > 0 { o += "," }
            o.field("{\"spelling\":", s.spelling)
            o.field(",\"count\":", s.count)
            o.field(",\"expected\":", s.isExpected)
            o += "}"
        }
        o.field("],\"proposal\":", f.proposal)
        o.field(",\"fixable\":", f.fixable)
        o += "}"
    }

    static func appendSummary(_ s: CheckReport.Summary, to o: inout Bytes) {
        o.field("{\"findings\":", s.findings)
        o.field(",\"occurrences\":", s.occurrences)
        o += ",\"by_kind\":{"
        for (i, k) in FindingKind.allCases.enumerated() {
            if i > 0 { o += "," }
            o.string(k.rawValue)
            o.field(":", s.count(k))
        }
        o += "},\"by_severity\":{"
        for (i, k) in Severity.allCases.reversed().enumerated() {
            if i > 0 { o += "," }
            o.string(k.rawValue)
            o.field(":", s.count(k))
        }
        o.field("},\"documents\":", s.documents)
        o.field(",\"pairs\":", s.pairs)
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
            o.field("{\"entry\":", n.entry)
            o.field(",\"spelling\":", n.spelling)
            o.field(",\"match\":", n.match.rawValue)
            o.field(",\"found_key\":", n.foundKey)
            o.field(",\"count\":", n.count)
            o += ",\"score\":"
            o.raw(number(n.score))
            o.field(",\"fixable\":", n.fixable)
            o += ",\"occurrences\":"
            appendOccurrences(n.occurrences, to: &o)
            o += "}"
        }
        appendList("unknown_words", s.unknownWords, &o) { w, o in
            o.field("{\"key\":", w.key)
            o.field(",\"count\":", w.count)
            o += ",\"occurrences\":"
            appendOccurrences(w.occurrences, to: &o)
            o += "}"
        }
        appendList("english_names", s.englishNames, &o) { n, o in
            o.field("{\"entity\":", n.entity)
            o.field(",\"arabic\":", n.arabic)
            o += ",\"accepted\":["
            appendStrings(n.accepted, to: &o)
            o += "],\"occurrence\":"
            appendOccurrence(n.occurrence, to: &o)
            o += "}"
        }
        appendList("translations", s.translations, &o) { p, o in
            o.field("{\"file\":", p.file)
            o.field(",\"en_file\":", p.englishFile)
            o.field(",\"unit\":", p.unit)
            o.field(",\"ar_line\":", p.arabicLine)
            o.field(",\"ar_column\":", p.arabicColumn)
            o.field(",\"en_line\":", p.englishLine)
            o.field(",\"en_column\":", p.englishColumn)
            o.field(",\"exact_columns\":", p.exactColumns)
            o.field(",\"ar\":", p.arabic)
            o.field(",\"en\":", p.english)
            o += "}"
        }
        o += "\n  }"
    }
}
