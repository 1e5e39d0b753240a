import Foundation
import Testing

/// Numbers a user gives on the command line or in the environment, at their extremes: a usage
/// error that names the allowed range (exit 64), or output; never a trap. Before these checks
/// `--jobs 9223372036854775807` overflowed (`check`), crashed (`segment`, `translit`) or started
/// threads without end (`draft`), `--piece-size` allocated its size at once, a `--mt-timeout` past
/// the year 2262 trapped in Foundation, and COLUMNS or SOURCE_DATE_EPOCH out of range trapped in
/// `align`.
@Suite struct OptionRangeTests {
    static let arabic = "قال الوزير إن 14 ألف شخص حضروا الاجتماع.\n"
    static let english = "The minister said 14 thousand people attended the meeting.\n"

    static func files() throws -> (arabic: String, english: String) {
        let dir = try CLI.tempDirectory()
        let ar = dir.appendingPathComponent("ar.txt")
        let en = dir.appendingPathComponent("en.txt")
        try Data(arabic.utf8).write(to: ar)
        try Data(english.utf8).write(to: en)
        return (ar.path, en.path)
    }

    @Test(arguments: [
        ["draft"], ["check"], ["segment"], ["normalize", "--key"], ["translit"],
    ])
    func jobsOutsideItsRangeIsAUsageError(_ command: [String]) throws {
        let ar = try Self.files().arabic
        for jobs in ["0", "-1", "1025", "9223372036854775807"] {
            let r = try CLI.run(command + ["--jobs=\(jobs)", ar])
            #expect(r.status == 64, "\(command) --jobs \(jobs): \(r.stderr)")
            #expect(r.stderr.contains("--jobs must be between 1 and 1024"), "\(command) --jobs \(jobs): \(r.stderr)")
        }
        let r = try CLI.run(command + ["--jobs", "1024", ar])
        #expect(r.status == 0 || r.status == 1, "\(command) --jobs 1024: \(r.stderr)")
    }

    @Test(arguments: [["draft"], ["check"]])
    func pieceSizeOutsideItsRangeIsAUsageError(_ command: [String]) throws {
        let ar = try Self.files().arabic
        for size in ["0", "1073741825", "99999999999999", "9223372036854775807"] {
            let r = try CLI.run(command + ["--piece-size", size, ar])
            #expect(r.status == 64, "\(command) --piece-size \(size): \(r.stderr)")
            #expect(r.stderr.contains("--piece-size must be between 1 and 1073741824"), "\(r.stderr)")
        }
        let whole = try CLI.run(command + ["--format", "json", ar])
        let large = try CLI.run(command + ["--format", "json", "--piece-size", "1073741824", ar])
        #expect(large.stdout == whole.stdout && large.status == whole.status, "\(large.stderr)")
    }

    @Test(arguments: ["0", "-1", "nan", "inf", "1e300", "86401"])
    func mtTimeoutOutsideItsRangeIsAUsageError(_ seconds: String) throws {
        let r = try CLI.run(["draft", "--mt-command", "cat", "--mt-timeout=\(seconds)", try Self.files().arabic])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--mt-timeout must be a number of seconds above 0 and at most 86400"), "\(r.stderr)")
    }

    @Test(arguments: ["-9223372036854775808", "-5", "0", "9223372036854775807", "not a number"])
    func anyColumnsGivesTheSideBySideView(_ columns: String) throws {
        let (ar, en) = try Self.files()
        let r = try CLI.run(["align", "--format", "text", "--dictionary", "none", ar, en], environment: ["COLUMNS": columns])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("The minister said") && r.stdout.utf8.count < 100_000)
    }

    @Test(arguments: ["nan", "inf", "1e300", "-1", "1.5", "253402300800", "yesterday"])
    func malformedSourceDateEpochIsAUsageError(_ epoch: String) throws {
        let (ar, en) = try Self.files()
        let r = try CLI.run(["align", "--format", "tmx", "--dictionary", "none", ar, en], environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("SOURCE_DATE_EPOCH '\(epoch)' must be a whole number of seconds since 1970"), "\(r.stderr)")
    }

    @Test func sourceDateEpochSetsTheTMXDate() throws {
        let (ar, en) = try Self.files()
        for (epoch, date) in [("1767225600", "20260101T000000Z"), ("253402300799", "99991231T235959Z")] {
            let r = try CLI.run(["align", "--format", "tmx", "--dictionary", "none", ar, en], environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("creationdate=\"\(date)\""))
        }
    }

    /// Shard reports whose counts add up past Int.max (edited by hand, or corrupt) are an error
    /// naming the report; the merge overflowed.
    @Test func mergingReportsWithHugeCountsIsAnErrorNamingTheReport() throws {
        let ar = try Self.files().arabic
        let dir = try CLI.tempDirectory()
        let report = try CLI.run(["check", "--format", "json", ar])
        let huge = report.stdout.replacingOccurrences(of: "\"pairs\": 0", with: "\"pairs\": 4611686018427387904")
        #expect(huge != report.stdout)
        let paths = ["1.json", "2.json"].map { dir.appendingPathComponent($0).path }
        for p in paths { try Data(huge.utf8).write(to: URL(fileURLWithPath: p)) }
        let r = try CLI.run(["check", "--merge"] + paths)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(paths[1]): error: check: the counts of this report and those merged before it add up past"))
        // A count that is no integer in range is an error naming its place in the report.
        try Data(report.stdout.replacingOccurrences(of: "\"pairs\": 0", with: "\"pairs\": 1e300").utf8).write(
            to: URL(fileURLWithPath: paths[0]))
        let bad = try CLI.run(["check", "--merge", paths[0]])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("$.scope.pairs: not an integer"), "\(bad.stderr)")
    }

    /// A report record naming a glossary entry the glossary does not have (edited or damaged, its
    /// settings kept) is an error naming the report and the record; `check --merge` trapped on it.
    @Test func mergingARecordOfNoGlossaryEntryIsAnErrorNotACrash() throws {
        let dir = try CLI.tempDirectory()
        let text = dir.appendingPathComponent("news.txt").path
        try Data("قال بلينكن إن وزراء الناتو سيجتمعون في بروكسل.\n".utf8).write(to: URL(fileURLWithPath: text))
        let report = try CLI.run(["check", "--format", "json", text])
        // Every entry index gets the digits 1000000 in front: still in order, past any glossary.
        let edited = report.stdout.replacingOccurrences(of: "\"entry\":", with: "\"entry\":1000000")
        #expect(edited != report.stdout)
        let path = dir.appendingPathComponent("edited.json").path
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["check", "--merge", path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(path): error: check: $.scope.names[0].entry is 1000000"), "\(r.stderr)")
        #expect(r.stderr.contains("not an entry of the glossary"), "\(r.stderr)")
    }
}
