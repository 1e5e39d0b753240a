import ArabicText
import Foundation
import Glossary

// tarjim-bench: benchmark programs that print figures (never timed unit tests).
// Usage: tarjim-bench glossary|load-profile|match-profile [DATA_DIR] [--mb N]
//        tarjim-bench corpus DATA_DIR OUT_DIR [--mb N]
//        tarjim-bench pipeline DIR STAGE [--mb N] [--runs R]

let args = CommandLine.arguments.dropFirst()
guard let command = args.first else {
    FileHandle.standardError.write(
        Data(
            """
            usage: tarjim-bench glossary|load-profile|match-profile [DATA_DIR] [--mb N]
                   tarjim-bench corpus DATA_DIR OUT_DIR [--mb N]
                   tarjim-bench pipeline DIR STAGE [--mb N] [--runs R]

            """.utf8))
    exit(64)
}
let rest = Array(args.dropFirst())
var positional: [String] = []
var megabytes: Double?
var runs = 3
var i = 0
while i < rest.count {
    if rest[i] == "--mb", i + 1 < rest.count, let v = Double(rest[i + 1]) {
        megabytes = v
        i += 2
    } else if rest[i] == "--runs", i + 1 < rest.count, let v = Int(rest[i + 1]) {
        runs = v
        i += 2
    } else {
        positional.append(rest[i])
        i += 1
    }
}
let dataDir = positional.first ?? "../shared/data/ntrex"

do {
    if command == "pipeline" {
        guard positional.count == 2 else { throw BenchError.usage("usage: tarjim-bench pipeline DIR STAGE [--mb N] [--runs R]") }
        try PipelineBench.run(directory: positional[0], stage: positional[1], megabytes: megabytes ?? 1e9, runs: runs)
        exit(0)
    }
    let corpus = try BenchCorpus(dataDirectory: dataDir)
    switch command {
    case "corpus":
        guard positional.count == 2 else { throw BenchError.usage("usage: tarjim-bench corpus DATA_DIR OUT_DIR [--mb N]") }
        try CorpusGenerator.run(corpus: corpus, outDirectory: positional[1], megabytes: megabytes ?? 100)
    case "glossary":
        try GlossaryBench.run(corpus: corpus, megabytes: megabytes ?? 20)
    case "load-profile":
        try LoadProfile.run(corpus: corpus)
    case "match-profile":
        try MatchProfile.run(corpus: corpus, megabytes: megabytes ?? 20)
    default:
        FileHandle.standardError.write(Data("unknown benchmark \(command)\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("tarjim-bench: \(error)\n".utf8))
    exit(1)
}
