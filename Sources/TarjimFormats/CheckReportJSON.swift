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
        var o = "{\n  \"findings\": ["
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
        return o
    }

    static func string(_ s: String?, _ o: inout String) {
        if let s { JSONText.appendString(s, to: &o) } else { o += "null" }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    static func appendOccurrence(_ c: Occurrence, to o: inout String) {
        o += "{\"file\":"
        string(c.file, &o)
        o += ",\"line\":\(c.line),\"column\":\(c.column),\"unit\":"
        string(c.unit, &o)
        o += ",\"side\":"
        string(c.side?.rawValue, &o)
        o += ",\"found\":"
        string(c.found, &o)
        o += ",\"context\":"
        string(c.context, &o)
        o += ",\"start\":\(c.span.lowerBound),\"end\":\(c.span.upperBound)}"
    }

    static func appendOccurrences(_ list: [Occurrence], to o: inout String) {
        o += "["
        for (i, c) in list.enumerated() {
            if i > 0 { o += "," }
            appendOccurrence(c, to: &o)
        }
        o += "]"
    }

    static func appendFinding(_ f: Finding, to o: inout String) {
        o += "{\"kind\":\"\(f.kind.rawValue)\",\"severity\":\"\(f.severity.rawValue)\",\"entity\":"
        string(f.entity, &o)
        o += ",\"expected\":"
        string(f.expected, &o)
        o += ",\"found\":"
        string(f.found, &o)
        o += ",\"occurrences\":"
        appendOccurrences(f.occurrences, to: &o)
        o += ",\"total_occurrences\":\(f.totalOccurrences),\"message\":"
        string(f.message, &o)
        o += ",\"spellings\":["
        for (i, s) in f.spellings.enumerated() {
            if i > 0 { o += "," }
            o += "{\"spelling\":"
            string(s.spelling, &o)
            o += ",\"count\":\(s.count),\"expected\":\(s.isExpected)}"
        }
        o += "],\"proposal\":"
        string(f.proposal, &o)
        o += ",\"fixable\":\(f.fixable)}"
    }

    static func appendSummary(_ s: CheckReport.Summary, to o: inout String) {
        o += "{\"findings\":\(s.findings),\"occurrences\":\(s.occurrences),\"by_kind\":{"
        o += FindingKind.allCases.map { "\"\($0.rawValue)\":\(s.count($0))" }.joined(separator: ",")
        o += "},\"by_severity\":{"
        o += Severity.allCases.reversed().map { "\"\($0.rawValue)\":\(s.count($0))" }.joined(separator: ",")
        o += "},\"documents\":\(s.documents),\"pairs\":\(s.pairs)}"
    }

    static func appendList<T>(_ name: String, _ items: [T], _ o: inout String, _ body: (T, inout String) -> Void) {
        o += ",\n    \"\(name)\": ["
        for (i, x) in items.enumerated() {
            o += i == 0 ? "\n      " : ",\n      "
            body(x, &o)
        }
        o += items.isEmpty ? "]" : "\n    ]"
    }

    static func appendScope(_ s: CheckScope, to o: inout String) {
        o += "{\n    \"version\": \(CheckScope.version),\n    \"settings\": "
        string(s.settings, &o)
        o += ",\n    \"documents\": ["
        o += s.documents.map { JSONText.string($0) }.joined(separator: ",")
        o += "],\n    \"pair_files\": ["
        o += s.pairFiles.map { JSONText.string($0) }.joined(separator: ",")
        o += "],\n    \"pairs\": \(s.pairCount),\n    \"max_occurrences\": \(s.maxOccurrences)"
        appendList("names", s.names, &o) { n, o in
            o += "{\"entry\":\(n.entry),\"spelling\":"
            string(n.spelling, &o)
            o += ",\"match\":\"\(n.match.rawValue)\",\"found_key\":"
            string(n.foundKey, &o)
            o += ",\"count\":\(n.count),\"score\":\(number(n.score)),\"fixable\":\(n.fixable),\"occurrences\":"
            appendOccurrences(n.occurrences, to: &o)
            o += "}"
        }
        appendList("unknown_words", s.unknownWords, &o) { w, o in
            o += "{\"key\":"
            string(w.key, &o)
            o += ",\"count\":\(w.count),\"occurrences\":"
            appendOccurrences(w.occurrences, to: &o)
            o += "}"
        }
        appendList("english_names", s.englishNames, &o) { n, o in
            o += "{\"entity\":"
            string(n.entity, &o)
            o += ",\"arabic\":"
            string(n.arabic, &o)
            o += ",\"accepted\":["
            o += n.accepted.map { JSONText.string($0) }.joined(separator: ",")
            o += "],\"occurrence\":"
            appendOccurrence(n.occurrence, to: &o)
            o += "}"
        }
        appendList("translations", s.translations, &o) { p, o in
            o += "{\"file\":"
            string(p.file, &o)
            o += ",\"en_file\":"
            string(p.englishFile, &o)
            o += ",\"unit\":"
            string(p.unit, &o)
            o +=
                ",\"ar_line\":\(p.arabicLine),\"ar_column\":\(p.arabicColumn),\"en_line\":\(p.englishLine),\"en_column\":\(p.englishColumn)"
            o += ",\"exact_columns\":\(p.exactColumns),\"ar\":"
            string(p.arabic, &o)
            o += ",\"en\":"
            string(p.english, &o)
            o += "}"
        }
        o += "\n  }"
    }
}
