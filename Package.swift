// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tarjim",
    products: [
        .executable(name: "tarjim", targets: ["TarjimCLI"]),
        .executable(name: "tarjim-bench", targets: ["TarjimBench"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "Glossary", targets: ["Glossary"]),
        .library(name: "Drafting", targets: ["Drafting"]),
        .library(name: "Alignment", targets: ["Alignment"]),
        .library(name: "Checks", targets: ["Checks"]),
        // For the fuzz package (Fuzz/), which reaches the readers and writers through it.
        .library(name: "TarjimFormats", targets: ["TarjimFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The only target that sees ICU's C API. Its public header uses stdint types only.
        .target(
            name: "CICU",
            linkerSettings: [
                // Foundation's private ICU first, so each ICU binds to its own symbols (PLATFORM-NOTES).
                .linkedLibrary("_FoundationICU"),
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "ArabicText",
            dependencies: ["CICU"],
            resources: [.copy("Resources/arabic-latin.txt")]
        ),
        // Hunspell (Debian libhunspell-dev) for the Arabic lexicon that keeps ordinary words out of
        // fuzzy name matching.
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        .target(
            name: "Glossary",
            dependencies: ["ArabicText", "CHunspell", "CPrefetch", "TarjimIO"],
            resources: [.copy("../../Glossaries")]
        ),
        .target(name: "Drafting", dependencies: ["ArabicText", "Glossary"]),
        // The system zlib (Debian zlib1g-dev), for dictd dictionaries compressed with dictzip (.dict.dz).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPrefetch"),
        .target(name: "Alignment", dependencies: ["ArabicText", "Glossary", "CZlib"]),
        .target(name: "Checks", dependencies: ["ArabicText", "Glossary", "Drafting"]),
        .target(name: "TarjimIO"),
        .target(name: "TarjimFormats", dependencies: ["ArabicText", "Glossary", "Drafting", "Alignment", "Checks"]),
        .executableTarget(
            name: "TarjimCLI",
            dependencies: [
                "CMalloc",
                "ArabicText",
                "Glossary",
                "Drafting",
                "Alignment",
                "TarjimIO",
                "TarjimFormats",
                "Checks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark programs (build with -c release): tarjim-bench corpus|pipeline|glossary|...
        .executableTarget(
            name: "TarjimBench",
            dependencies: ["ArabicText", "Glossary", "Drafting", "Checks", "TarjimFormats"]
        ),
        .testTarget(
            name: "ArabicTextTests",
            dependencies: ["ArabicText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GlossaryTests",
            dependencies: ["Glossary"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DraftingTests",
            dependencies: ["Drafting"]
        ),
        .testTarget(
            name: "AlignmentTests",
            dependencies: ["Alignment"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TarjimFormatsTests",
            dependencies: ["TarjimFormats", "Glossary"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "TarjimFormats"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TarjimCLITests",
            dependencies: ["TarjimCLI"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
