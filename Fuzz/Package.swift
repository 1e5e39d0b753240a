// swift-tools-version:6.0
// libFuzzer targets for Tarjim's entry points. A package of its own, so that the main `swift build` and
// `swift test` never see the sanitizer flags; build and run it with Scripts/fuzz.sh.
import PackageDescription

/// One executable per fuzz target: `fuzz-<name>` built from `Sources/Fuzz<Name>/`.
let fuzzTargets: [(product: String, target: String)] = [
    ("fuzz-decode", "FuzzDecode"),
    ("fuzz-key", "FuzzKey"),
    ("fuzz-segment", "FuzzSegment"),
    ("fuzz-tokenize", "FuzzTokenize"),
    ("fuzz-transliterate", "FuzzTransliterate"),
    ("fuzz-bidi", "FuzzBidi"),
    ("fuzz-glossary-tsv", "FuzzGlossaryTSV"),
    ("fuzz-glossary-csv", "FuzzGlossaryCSV"),
    ("fuzz-tbx", "FuzzTBX"),
    ("fuzz-xliff", "FuzzXLIFF"),
    ("fuzz-tmx", "FuzzTMX"),
    ("fuzz-align", "FuzzAlign"),
    ("fuzz-jsonl", "FuzzJSONL"),
    ("fuzz-check-report", "FuzzCheckReport"),
    ("fuzz-draft", "FuzzDraft"),
    ("fuzz-check-text", "FuzzCheckText"),
    ("fuzz-check-pairs", "FuzzCheckPairs"),
]

let library: [Target.Dependency] = ["ArabicText", "Glossary", "Drafting", "Alignment", "Checks", "TarjimFormats"].map {
    .product(name: $0, package: "Tarjim")
}

let package = Package(
    name: "TarjimFuzz",
    products: fuzzTargets.map { .executable(name: $0.product, targets: [$0.target]) },
    dependencies: [.package(name: "Tarjim", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: library)
    ]
        + fuzzTargets.map {
            .executableTarget(name: $0.target, dependencies: ["FuzzSupport"] + library)
        }
)
