/// The few readings of an Arabic word that anchors look up: the word as written, and without the
/// proclitics و ف, then ب ل ك, then the article (ال, or the لل of ل + ال). Cheaper than
/// `CliticAnalyzer` (no enclitics, no strings), which matters on every word of a long document.
///
/// ```swift
/// LightStemmer.readings(key: Array(Normalizer.key("وبالبيت").unicodeScalars)).count   // 4: وبالبيت بالبيت البيت بيت
/// ```
enum LightStemmer {
    static func readings(key k: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var stems: [ArraySlice<Unicode.Scalar>] = [k[...]]
        var rest = k[...]
        if let f = rest.first, f == "و" || f == "ف", rest.count > 3 {
            rest = rest.dropFirst()
            stems.append(rest)
        }
        if let f = rest.first, f == "ب" || f == "ل" || f == "ك", rest.count > 3 {
            let r = rest.dropFirst()
            stems.append(r)
            if f == "ل", r.first == "ل", r.count > 3 { stems.append(r.dropFirst()) }
            if r.count > 4, r.first == "ا", r.dropFirst().first == "ل" { stems.append(r.dropFirst(2)) }
        }
        if rest.count > 4, rest.first == "ا", rest.dropFirst().first == "ل" { stems.append(rest.dropFirst(2)) }
        return stems
    }
}
