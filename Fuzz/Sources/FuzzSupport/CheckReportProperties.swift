import Checks
import TarjimFormats

/// Properties every `tarjim check` report holds, for the targets that make one.
public enum CheckReportProperties {
    /// Every place a finding lists in `file` is one of its lines and a column inside that line or
    /// just after it; `lineLengths[k]` is the length in scalars of line k + 1.
    public static func placesLie(in file: String, lineLengths: [Int], _ report: CheckReport) {
        for f in report.findings {
            for o in f.occurrences where o.file == file {
                fuzzCheck(o.line >= 1 && o.line <= lineLengths.count, "\(f.kind) at line \(o.line) of \(lineLengths.count)")
                guard o.line >= 1 && o.line <= lineLengths.count else { continue }
                fuzzCheck(
                    o.column >= 1 && o.column <= lineLengths[o.line - 1] + 1,
                    "\(f.kind) at column \(o.column) of a line of \(lineLengths[o.line - 1]) (\(o.side.map { "\($0)" } ?? "no side"))")
            }
        }
    }

    /// The report's JSON reads back to the same scope, and the report is written as text and HTML
    /// without a trap.
    public static func roundTrip(_ report: CheckReport) {
        let json = CheckReportJSON.bytes(report)
        do {
            let scope = try CheckReportJSON.readScope(json, file: "report.json")
            fuzzCheck(scope == report.scope, "the report's scope changed when read back from its JSON")
        } catch {
            fuzzCheck(false, "the report's JSON does not read back: \(error)")
        }
        _ = CheckReportText(color: true, visualBidi: true).render(report)
        _ = CheckReportHTML.render(report)
    }
}
