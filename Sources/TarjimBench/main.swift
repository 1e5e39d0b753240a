import ArabicText
import Foundation
import Glossary

// tarjim-bench: benchmark programs that print figures (never timed unit tests).
// Usage: tarjim-bench glossary [DATA_DIR] [--mb N]

let args = CommandLine.arguments.dropFirst()
guard let command = args.first else {
    FileHandle.standardError.write(Data("usage: tarjim-bench glossary [DATA_DIR] [--mb N]\n".utf8))
    exit(64)
}
let rest = Array(args.dropFirst())
var dataDir = "../shared/data/ntrex"
var megabytes = 20.0
var i = 0
while i < rest.count {
    if rest[i] == "--mb", i + 1 < rest.count, let v = Double(rest[i + 1]) {
        megabytes = v
        i += 2
    } else {
        dataDir = rest[i]
        i += 1
    }
}

do {
    let corpus = try BenchCorpus(dataDirectory: dataDir)
    switch command {
    case "glossary":
        try GlossaryBench.run(corpus: corpus, megabytes: megabytes)
    case "load-profile":
        try LoadProfile.run(corpus: corpus)
    case "match-profile":
        try MatchProfile.run(corpus: corpus, megabytes: megabytes)
    default:
        FileHandle.standardError.write(Data("unknown benchmark \(command)\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("tarjim-bench: \(error)\n".utf8))
    exit(1)
}
