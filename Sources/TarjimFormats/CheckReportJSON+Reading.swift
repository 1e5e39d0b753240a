import Checks
import Foundation
import Glossary

extension CheckReportJSON {
    /// Reads back the scope of a JSON report (for `tarjim check --merge`): the `scope` object, and
    /// the per-place findings (hidden characters, missing terms, numbers, untranslated text) from
    /// `findings`. The findings that depend on the whole scope are drawn again from the scope.
    /// - Throws: `FormatError.unreadable` naming the file and the JSON path of what is wrong.
    public static func readScope(_ bytes: [UInt8], file: String) throws(FormatError) -> CheckScope {
        let root: Any
        do {
            root = try FoundationJSON.object(bytes)
        } catch {
            let (line, column) = JSONLocation.of(error, in: bytes)
            throw .unreadable(file: file, line: line, column: column, message: "report: not valid JSON")
        }
        let r = JSONReader(file: file)
        let top = try r.object(root, "$")
        let s = try r.object(top["scope"], "$.scope")
        let version = try r.int(s["version"], "$.scope.version")
        guard version == CheckScope.version else {
            throw .unreadable(
                file: file, line: 0, column: 0,
                message:
                    "report: scope version \(version); this tarjim merges version \(CheckScope.version) (check the shards again with this tarjim)"
            )
        }
        var scope = CheckScope(settings: try r.string(s["settings"], "$.scope.settings"))
        scope.documents = try r.array(s["documents"], "$.scope.documents").enumerated().map { i, x throws(FormatError) in
            try r.string(x, "$.scope.documents[\(i)]")
        }
        scope.pairFiles = try r.array(s["pair_files"], "$.scope.pair_files").enumerated().map { i, x throws(FormatError) in
            try r.string(x, "$.scope.pair_files[\(i)]")
        }
        scope.pairCount = try r.count(s["pairs"], "$.scope.pairs")
        scope.maxOccurrences = try r.count(s["max_occurrences"], "$.scope.max_occurrences")
        for (i, x) in try r.array(s["names"], "$.scope.names").enumerated() {
            let p = "$.scope.names[\(i)]"
            let o = try r.object(x, p)
            let matchName = try r.string(o["match"], p + ".match")
            guard let match = MatchKind(rawValue: matchName) else { throw r.fail(p + ".match", "unknown match kind \(matchName)") }
            scope.names.append(
                NameRecord(
                    entry: try r.int(o["entry"], p + ".entry"), spelling: try r.string(o["spelling"], p + ".spelling"), match: match,
                    foundKey: try r.string(o["found_key"], p + ".found_key"), count: try r.count(o["count"], p + ".count"),
                    score: try r.double(o["score"], p + ".score"), fixable: try r.bool(o["fixable"], p + ".fixable"),
                    occurrences: try r.occurrences(o["occurrences"], p + ".occurrences")))
            try r.countCovers(scope.names[i].occurrences, scope.names[i].count, p)
        }
        for (i, x) in try r.array(s["unknown_words"], "$.scope.unknown_words").enumerated() {
            let p = "$.scope.unknown_words[\(i)]"
            let o = try r.object(x, p)
            scope.unknownWords.append(
                WordRecord(
                    key: try r.string(o["key"], p + ".key"), count: try r.count(o["count"], p + ".count"),
                    occurrences: try r.occurrences(o["occurrences"], p + ".occurrences")))
            try r.countCovers(scope.unknownWords[i].occurrences, scope.unknownWords[i].count, p)
        }
        // Shards are merged record by record in this order (a report written by tarjim has it).
        guard zip(scope.names, scope.names.dropFirst()).allSatisfy({ NameRecord.isOrdered($0, $1) }) else {
            throw r.fail("$.scope.names", "records not in order (entry, match, spelling, found_key) or repeated")
        }
        guard zip(scope.unknownWords, scope.unknownWords.dropFirst()).allSatisfy({ WordRecord.isOrdered($0, $1) }) else {
            throw r.fail("$.scope.unknown_words", "records not in key order or repeated")
        }
        for (i, x) in try r.array(s["english_names"], "$.scope.english_names").enumerated() {
            let p = "$.scope.english_names[\(i)]"
            let o = try r.object(x, p)
            let accepted = try r.array(o["accepted"], p + ".accepted").enumerated().map { j, a throws(FormatError) in
                try r.string(a, p + ".accepted[\(j)]")
            }
            scope.englishNames.append(
                EnglishNameSighting(
                    entity: try r.string(o["entity"], p + ".entity"), arabic: try r.string(o["arabic"], p + ".arabic"), accepted: accepted,
                    occurrence: try r.occurrence(o["occurrence"], p + ".occurrence")))
        }
        for (i, x) in try r.array(s["translations"], "$.scope.translations").enumerated() {
            let p = "$.scope.translations[\(i)]"
            let o = try r.object(x, p)
            scope.translations.append(
                SentencePair(
                    arabic: try r.string(o["ar"], p + ".ar"), english: try r.string(o["en"], p + ".en"),
                    file: try r.string(o["file"], p + ".file"),
                    unit: try r.optionalString(o["unit"], p + ".unit"), line: try r.int(o["ar_line"], p + ".ar_line"),
                    arabicColumn: try r.int(o["ar_column"], p + ".ar_column"), englishColumn: try r.int(o["en_column"], p + ".en_column"),
                    englishLine: try r.int(o["en_line"], p + ".en_line"),
                    exactColumns: try r.bool(o["exact_columns"], p + ".exact_columns"),
                    englishFile: try r.string(o["en_file"], p + ".en_file")))
        }
        for (i, x) in try r.array(top["findings"], "$.findings").enumerated() {
            let f = try r.finding(x, "$.findings[\(i)]")
            if !f.kind.isScopeWide { scope.localFindings.append(f) }
        }
        return scope
    }
}

/// Typed access to `JSONSerialization` output, failing with the JSON path.
struct JSONReader {
    let file: String

    func fail(_ path: String, _ message: String) -> FormatError {
        .unreadable(file: file, line: 0, column: 0, message: "report: \(path): \(message)")
    }

    func object(_ x: Any?, _ path: String) throws(FormatError) -> [String: Any] {
        guard let o = x as? [String: Any] else { throw fail(path, x == nil ? "missing" : "not an object") }
        return o
    }

    func array(_ x: Any?, _ path: String) throws(FormatError) -> [Any] {
        guard let a = x as? [Any] else { throw fail(path, x == nil ? "missing" : "not an array") }
        return a
    }

    func string(_ x: Any?, _ path: String) throws(FormatError) -> String {
        guard let s = x as? String else { throw fail(path, x == nil ? "missing" : "not a string") }
        return s
    }

    func optionalString(_ x: Any?, _ path: String) throws(FormatError) -> String? {
        if x == nil || x is NSNull { return nil }
        return try string(x, path)
    }

    /// JSON true and false come back as NSNumbers of type "c" (and every NSNumber bridges to Bool).
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    func int(_ x: Any?, _ path: String) throws(FormatError) -> Int {
        // intValue of 1e300 or 2^64 is some other number: only one that converts back is exact.
        guard let n = x as? NSNumber, !Self.isBoolean(n), n.doubleValue == n.doubleValue.rounded(), Double(n.intValue) == n.doubleValue
        else {
            throw fail(path, "not an integer from \(Int.min) to \(Int.max)")
        }
        return n.intValue
    }

    func double(_ x: Any?, _ path: String) throws(FormatError) -> Double {
        guard let n = x as? NSNumber, !Self.isBoolean(n) else { throw fail(path, "not a number") }
        return n.doubleValue
    }

    func bool(_ x: Any?, _ path: String) throws(FormatError) -> Bool {
        guard let n = x as? NSNumber, Self.isBoolean(n) else { throw fail(path, "not true or false") }
        return n.boolValue
    }

    func occurrence(_ x: Any?, _ path: String) throws(FormatError) -> Occurrence {
        let o = try object(x, path)
        let sideName = try optionalString(o["side"], path + ".side")
        var side: PairSide?
        if let sideName {
            guard let s = PairSide(rawValue: sideName) else { throw fail(path + ".side", "unknown side \(sideName)") }
            side = s
        }
        let start = try int(o["start"], path + ".start")
        let end = try int(o["end"], path + ".end")
        guard start <= end else { throw fail(path, "start after end") }
        return Occurrence(
            file: try string(o["file"], path + ".file"), line: try int(o["line"], path + ".line"),
            column: try int(o["column"], path + ".column"),
            unit: try optionalString(o["unit"], path + ".unit"), side: side, found: try string(o["found"], path + ".found"),
            context: try string(o["context"], path + ".context"), span: start..<end)
    }

    /// A list of occurrences, which must be in canonical order (as written).
    func occurrences(_ x: Any?, _ path: String) throws(FormatError) -> [Occurrence] {
        var list: [Occurrence] = []
        for (i, c) in try array(x, path).enumerated() {
            let o = try occurrence(c, path + "[\(i)]")
            if let last = list.last, o < last { throw fail(path + "[\(i)]", "occurrences not in file order") }
            list.append(o)
        }
        return list
    }

    /// A record's count counts its places: never fewer than those it lists (a merged report would
    /// list more places than it counts, and not read back).
    func countCovers(_ occurrences: [Occurrence], _ count: Int, _ path: String) throws(FormatError) {
        guard count >= occurrences.count else { throw fail(path + ".count", "fewer than the occurrences listed") }
    }

    /// A count: an integer of 0 or more.
    func count(_ x: Any?, _ path: String) throws(FormatError) -> Int {
        let n = try int(x, path)
        guard n >= 0 else { throw fail(path, "negative count") }
        return n
    }

    func finding(_ x: Any?, _ path: String) throws(FormatError) -> Finding {
        let o = try object(x, path)
        let kindName = try string(o["kind"], path + ".kind")
        guard let kind = FindingKind(rawValue: kindName) else { throw fail(path + ".kind", "unknown kind \(kindName)") }
        let severityName = try string(o["severity"], path + ".severity")
        guard let severity = Severity(rawValue: severityName) else { throw fail(path + ".severity", "unknown severity \(severityName)") }
        let occurrences = try occurrences(o["occurrences"], path + ".occurrences")
        let total = try count(o["total_occurrences"], path + ".total_occurrences")
        guard total >= occurrences.count else { throw fail(path + ".total_occurrences", "fewer than the occurrences listed") }
        var spellings: [SpellingCount] = []
        for (i, c) in try array(o["spellings"], path + ".spellings").enumerated() {
            let p = path + ".spellings[\(i)]"
            let s = try object(c, p)
            spellings.append(
                SpellingCount(
                    spelling: try string(s["spelling"], p + ".spelling"), count: try int(s["count"], p + ".count"),
                    isExpected: try bool(s["expected"], p + ".expected")))
        }
        return Finding(
            kind: kind, severity: severity, entity: try optionalString(o["entity"], path + ".entity"),
            expected: try optionalString(o["expected"], path + ".expected"), found: try string(o["found"], path + ".found"),
            occurrences: occurrences, totalOccurrences: total, message: try string(o["message"], path + ".message"), spellings: spellings,
            proposal: try optionalString(o["proposal"], path + ".proposal"), fixable: try bool(o["fixable"], path + ".fixable"))
    }
}

/// Where `JSONSerialization` stopped: Foundation reports "around character N" (a UTF-8 byte
/// offset); this turns it into a 1-based line and column in Unicode scalars (1:1 when unknown).
enum JSONLocation {
    static func of(_ error: Error, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        guard let r = text.range(of: "character "), let n = Int(text[r.upperBound...].prefix { $0.isNumber }) else { return (1, 1) }
        var line = 1
        var column = 1
        for b in bytes.prefix(min(n, bytes.count)) {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
