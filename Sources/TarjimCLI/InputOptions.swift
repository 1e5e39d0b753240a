import ArabicText
import ArgumentParser
import Foundation

/// Input files (or standard input) and how to decode them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input files (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6). Reads standard input when none or '-'.")
    var files: [String] = []

    @Option(help: "Force the input encoding: utf-8, utf-16le, utf-16be, windows-1256 (cp1256), iso-8859-6.")
    var encoding: String?

    func validate() throws {
        if let e = encoding, TextEncoding(name: e) == nil {
            throw ValidationError("unknown encoding '\(e)'; use utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6")
        }
    }

    /// The documents: name for messages and output ("-" for standard input), the decoded text, and
    /// how it was encoded.
    func documents() throws(ArabicTextError) -> [(name: String, text: String, decoded: DecodedText)] {
        let enc = encoding.flatMap(TextEncoding.init(name:))
        let names = files.isEmpty ? ["-"] : files
        var docs: [(String, String, DecodedText)] = []
        for name in names {
            let d: DecodedText
            if name == "-" {
                d = try TextDecoder.decode(TextDecoder.readStream(fd: STDIN_FILENO, encoding: enc, file: nil), encoding: enc, file: nil)
            } else {
                d = try TextDecoder.decode(contentsOf: URL(fileURLWithPath: name), encoding: enc)
            }
            docs.append((name, d.text, d))
        }
        return docs
    }
}

/// Where output goes: standard output, or a file written atomically with `-o`.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file (atomically: a temporary file renamed into place) instead of standard output.")
    var output: String?
}

/// Bidi output order for plain-text output.
struct BidiOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable { case logical, visual }

    @Option(
        help:
            "logical: text as stored (for terminals that implement bidi); visual: each line reordered with ICU ubidi for terminals that do not."
    )
    var bidi: Mode = .logical

    /// Applies the mode to text made of lines: each line (ended by LF, or CR LF, whose CR stays
    /// before its LF) reordered on its own. Split at the LF scalar: CR LF is one `Character`, so
    /// splitting at the Character "\n" left a Windows file one line, reversed as a whole.
    func apply(_ text: String) -> String {
        guard bidi == .visual else { return text }
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.last == "\r" { return Bidi.visualOrder(String(String.UnicodeScalarView(line.dropLast()))) + "\r" }
            return Bidi.visualOrder(String(String.UnicodeScalarView(line)))
        }.joined(separator: "\n")
    }
}
