import ArabicText
import Checks

/// `tarjim check --format html`: one self-contained page. A summary table (findings by kind and
/// severity), then every finding with its message, expected spelling, spellings and counts, and its
/// occurrences in context, the span highlighted ("… and N more" when not all are listed). Arabic
/// excerpts are right-to-left (`dir="rtl"`, `lang="ar"`); Arabic inside English messages is
/// isolated with `<bdi>`; invisible characters are shown as labelled boxes.
public enum CheckReportHTML {
    public static func render(_ report: CheckReport, title: String = "tarjim check") -> String {
        let s = report.summary
        var o = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        o +=
            "<p class=\"scope\">\(s.findings) finding\(s.findings == 1 ? "" : "s") (\(s.occurrences) occurrence\(s.occurrences == 1 ? "" : "s")) in "
        o += "\(s.documents) document\(s.documents == 1 ? "" : "s") and \(s.pairs) pair\(s.pairs == 1 ? "" : "s")</p>\n"
        o +=
            "<table class=\"summary\">\n<thead><tr><th>kind</th><th>error</th><th>warning</th><th>info</th><th>total</th></tr></thead>\n<tbody>\n"
        for kind in FindingKind.allCases {
            let fs = report.findings.filter { $0.kind == kind }
            let cells = Severity.allCases.reversed().map { sev -> String in
                let n = fs.filter { $0.severity == sev }.count
                return "<td class=\"n\(n > 0 ? " " + sev.rawValue : "")\">\(n)</td>"
            }.joined()
            o +=
                "<tr\(fs.isEmpty ? " class=\"none\"" : "")><th><code>\(kind.rawValue)</code></th>\(cells)<td class=\"n\">\(fs.count)</td></tr>\n"
        }
        o += "</tbody>\n<tfoot><tr><th>total</th>"
        for sev in Severity.allCases.reversed() { o += "<td class=\"n\">\(s.count(sev))</td>" }
        o += "<td class=\"n\">\(s.findings)</td></tr></tfoot>\n</table>\n"
        if report.findings.isEmpty { o += "<p class=\"clean\">No findings.</p>\n" }
        for (i, f) in report.findings.enumerated() { o += finding(f, number: i + 1) }
        o += "</body>\n</html>\n"
        return o
    }

    static func finding(_ f: Finding, number: Int) -> String {
        var o = "<section class=\"finding \(f.severity.rawValue)\" id=\"f\(number)\">\n"
        o += "<h2><span class=\"sev\">\(f.severity.rawValue)</span> <code>\(f.kind.rawValue)</code> \(prose(f.message))</h2>\n"
        var facts: [String] = []
        if let e = f.entity { facts.append("entity: <b>\(prose(e))</b>") }
        if let x = f.expected { facts.append("expected: <b>\(prose(x))</b>") }
        facts.append("found: <b>\(prose(f.found))</b>")
        if f.fixable { facts.append("<span class=\"fix\">fixable with --fix</span>") }
        o += "<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>\n"
        if !f.spellings.isEmpty {
            o += "<ul class=\"spellings\">"
            for sp in f.spellings {
                o += "<li\(sp.isExpected ? " class=\"expected\"" : "")>\(prose(sp.spelling)) <span class=\"count\">×\(sp.count)</span></li>"
            }
            o += "</ul>\n"
        }
        if let p = f.proposal {
            // The proposed glossary line, column by column.
            let columns = p.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let names = ["Arabic", "English", "comment", "variants", "kind"]
            o += "<table class=\"proposal\"><caption>proposed glossary line</caption><tr>"
            o += names.prefix(columns.count).map { "<th>\($0)</th>" }.joined() + "</tr><tr>"
            for (k, c) in columns.enumerated() {
                let arabic = k == 0 || k == 3
                o +=
                    "<td\(arabic ? " dir=\"rtl\" lang=\"ar\"" : "")>\(escapeInvisible(arabic ? c.replacingEveryScalar(";", with: "؛ ") : c))</td>"
            }
            o += "</tr></table>\n"
        }
        o += "<ol class=\"occurrences\">\n"
        for c in f.occurrences {
            var loc = "\(c.file):\(c.line):\(c.column)"
            if let u = c.unit { loc += " (unit \(u))" }
            if let side = c.side { loc += " \(side.rawValue)" }
            let u = Array(c.context.unicodeScalars)
            let span = c.span.clamped(to: 0..<u.count)
            let arabic = c.side != .english && u.contains { ArabicScalar.isLetter($0.value) }
            let dir = arabic ? " dir=\"rtl\" lang=\"ar\"" : " dir=\"ltr\""
            o += "<li><span class=\"loc\">\(escape(loc))</span> <q\(dir)>\(escapeInvisible(text(u[..<span.lowerBound])))"
            o += "<mark>\(escapeInvisible(text(u[span])))</mark>\(escapeInvisible(text(u[span.upperBound...])))</q></li>\n"
        }
        o += "</ol>\n"
        if f.unlistedOccurrences > 0 { o += "<p class=\"more\">… and \(f.unlistedOccurrences) more</p>\n" }
        o += "</section>\n"
        return o
    }

    static func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(scalars: s) }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes HTML and shows invisible characters as labelled boxes.
    static func escapeInvisible(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if ArabicScalar.isInvisibleFormat(c.value) {
                let hex = String(c.value, radix: 16, uppercase: true)
                out +=
                    "<span class=\"invisible\" title=\"invisible character\">U+" + String(repeating: "0", count: max(0, 4 - hex.count))
                    + hex + "</span>"
            } else {
                out += escape(String(c))
            }
        }
        return out
    }

    /// English text with Arabic runs in `<bdi lang="ar">`.
    static func prose(_ s: String) -> String {
        let isolated = CheckReportText.isolateRightToLeftRuns(CheckReportText.escapeInvisible(s))
        var out = ""
        for c in isolated.unicodeScalars {
            switch c {
            case "\u{2068}": out += "<bdi lang=\"ar\">"
            case "\u{2069}": out += "</bdi>"
            default: out += escape(String(c))
            }
        }
        return out
    }

    static let css = """
        body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 60em; color: #222; line-height: 1.45; }
        [lang=ar], bdi { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif; font-size: 1.1em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.05em; margin: 0 0 .3em; }
        table.summary { border-collapse: collapse; margin: 1em 0 2em; }
        table.summary th, table.summary td { border: 1px solid #ccc; padding: .25em .7em; text-align: left; }
        table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
        table.summary tr.none { color: #999; }
        td.error { background: #fde2e1; } td.warning { background: #fff3cd; } td.info { background: #e1f0fb; }
        section.finding { border-left: .35em solid #999; padding: .5em 1em; margin: 1em 0; background: #fafafa; }
        section.error { border-color: #c62828; } section.warning { border-color: #e0a800; } section.info { border-color: #1e88e5; }
        .sev { text-transform: uppercase; font-size: .75em; font-weight: bold; letter-spacing: .05em; padding: .1em .4em; border-radius: .2em; color: #fff; background: #999; }
        .error .sev { background: #c62828; } .warning .sev { background: #b58900; } .info .sev { background: #1e88e5; }
        .facts { margin: .2em 0; color: #444; } .fix { color: #2e7d32; font-weight: bold; }
        ul.spellings { list-style: none; padding: 0; margin: .3em 0; display: flex; flex-wrap: wrap; gap: .4em; }
        ul.spellings li { border: 1px solid #ccc; border-radius: .3em; padding: 0 .5em; background: #fff; }
        ul.spellings li.expected { border-color: #2e7d32; background: #e8f5e9; }
        .count { color: #666; font-size: .85em; }
        ol.occurrences { margin: .4em 0; padding-left: 1.5em; }
        ol.occurrences li { margin: .25em 0; }
        p.more { margin: .2em 0 .2em 1.5em; color: #555; font-style: italic; }
        .loc { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; color: #555; margin-right: .6em; }
        q { quotes: none; display: inline-block; background: #fff; border: 1px solid #ddd; padding: .1em .5em; border-radius: .2em; }
        q[dir=rtl] { text-align: right; }
        mark { background: #ffe082; padding: 0 .1em; }
        .error mark { background: #ffcdd2; }
        .invisible { font-family: monospace; font-size: .7em; border: 1px dashed #c62828; color: #c62828; padding: 0 .15em; }
        table.proposal { border-collapse: collapse; margin: .4em 0; background: #fff; }
        table.proposal caption { text-align: left; color: #444; font-size: .9em; }
        table.proposal th, table.proposal td { border: 1px solid #ddd; padding: .15em .6em; font-size: .9em; }
        .clean { color: #2e7d32; font-weight: bold; }
        """
}
