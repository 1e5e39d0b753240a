/// Where each entry of a glossary was read from, as "file:line" strings, stored compactly: the file
/// names once and a file index and line number per entry (100,000 entries of one file would
/// otherwise hold 100,000 strings).
///
/// ```swift
/// let g = try Glossary(tsv: "بايدن\tBiden\t\t\tperson\n", file: "news.tsv")
/// g.origins[0]   // "news.tsv:1"
/// ```
public struct GlossaryOrigins: RandomAccessCollection, Sendable, Equatable {
    private var names: [String] = []
    private var files: [Int32] = []
    /// The line in the file; -1 when the name is the whole origin (given as a string).
    private var lines: [Int32] = []

    public init() {}

    /// Origins given as strings, one an entry.
    public init(_ strings: [String]) {
        for s in strings { append(file: s, line: -1) }
    }

    /// The origins of entries read from lines of one file.
    init(file: String, lines: [Int]) {
        names = [file]
        files = [Int32](repeating: 0, count: lines.count)
        self.lines = lines.map { Int32(clamping: $0) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { files.count }

    public subscript(i: Int) -> String {
        let name = names[Int(files[i])]
        return lines[i] < 0 ? name : name + ":" + String(lines[i])
    }

    public mutating func append(contentsOf other: GlossaryOrigins) {
        let base = Int32(names.count)
        names += other.names
        files += other.files.map { $0 + base }
        lines += other.lines
    }

    private mutating func append(file: String, line: Int32) {
        names.append(file)
        files.append(Int32(names.count - 1))
        lines.append(line)
    }
}
