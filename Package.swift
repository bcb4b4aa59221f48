// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "OncoMatch",
    platforms: [.macOS(.v15)],
    products: [
        /// The format layer: BGZF/gzip input, VCF, VEP/SnpEff annotations, MAF. Knows nothing of oncology.
        .library(name: "GenomicFormats", targets: ["GenomicFormats"]),
        /// The oncology core: alterations, variant index, rules, matcher and report writers.
        .library(name: "OncoMatch", targets: ["OncoDomain", "OncoRules", "OncoMatch", "OncoReports"]),
        .executable(name: "oncomatch", targets: ["OncoMatchCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C shims
        .systemLibrary(
            name: "CLibDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // SHA-256 compression with the x86 SHA extensions (chosen at run time).
        .target(name: "CSHA256"),
        // Vector scans: separators up to a terminator (a VCF line's tabs and its end), AVX2 or SSE2
        // chosen at run time; the bytes a JSON string must escape (SSE2).
        .target(name: "CVectorScan"),
        // The C allocator tuned for a batch process (glibc's heap growth padded).
        .target(name: "CAllocatorTuning"),

        // Format layer
        .target(name: "GenomicFormats", dependencies: ["CLibDeflate", "CZlib", "CSHA256", "CVectorScan"]),

        // Oncology core
        .target(
            name: "OncoDomain", dependencies: ["GenomicFormats"],
            exclude: ["Resources/README.md"],
            resources: [
                .copy("Resources/oncotree_2025_10_03.json"), .copy("Resources/oncotree_2025_10_03.tsv"),
                .copy("Resources/cancer_genes_grch37.tsv"), .copy("Resources/cancer_genes_grch38.tsv"),
            ]),
        .target(
            name: "OncoRules",
            dependencies: ["OncoDomain", .product(name: "Yams", package: "Yams")],
            resources: [
                .copy("Resources/KnowledgeBase"), .copy("Resources/civic_disease_to_oncotree.tsv"),
            ]),
        .target(name: "OncoMatch", dependencies: ["OncoDomain", "OncoRules"]),
        .target(name: "OncoReports", dependencies: ["OncoMatch", "CVectorScan"]),

        // Command-line tool: argument parsing and exit codes only.
        .executableTarget(
            name: "OncoMatchCLI",
            dependencies: [
                "GenomicFormats", "OncoDomain", "OncoRules", "OncoMatch", "OncoReports", "CAllocatorTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Tests mirror targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "GenomicFormatsTests",
            dependencies: ["GenomicFormats", "CZlib", "CVectorScan", "TestSupport"]),
        .testTarget(name: "OncoDomainTests", dependencies: ["OncoDomain", "TestSupport"]),
        .testTarget(name: "OncoRulesTests", dependencies: ["OncoRules", "TestSupport"]),
        .testTarget(name: "OncoMatchTests", dependencies: ["OncoMatch", "TestSupport"]),
        .testTarget(name: "OncoReportsTests", dependencies: ["OncoReports", "TestSupport"]),
        .testTarget(
            name: "OncoMatchCLITests", dependencies: ["OncoMatchCLI", "CAllocatorTuning", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
