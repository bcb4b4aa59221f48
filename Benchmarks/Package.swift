// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the main package's builds and tests never compile
// package-benchmark. Run with `swift package benchmark` from this folder; see README.md.
let package = Package(
    name: "OncoMatchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OncoMatch", path: ".."),
        .package(
            url: "https://github.com/ordo-one/benchmark", from: "1.29.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        /// Deterministic synthetic tumour–normal VCF text (GRCh38 contigs, VEP CSQ).
        .target(name: "VCFSynth", path: "Sources/VCFSynth"),
        /// `generate-vcf --records N --seed S [--output PATH]`
        .executableTarget(name: "generate-vcf", dependencies: ["VCFSynth"], path: "Sources/generate-vcf"),
        /// `count-lines [--threads N] FILE`: the input layer alone (LineReader), for timing.
        .executableTarget(
            name: "count-lines", dependencies: [.product(name: "GenomicFormats", package: "OncoMatch")],
            path: "Sources/count-lines"),
        /// Finds or creates the benchmark inputs under `bench-data/` at the repository root.
        .target(name: "BenchmarkData", dependencies: ["VCFSynth"], path: "Sources/BenchmarkData"),
    ]
)

/// Adds a package-benchmark suite in `Benchmarks/<name>/`.
@MainActor func addBenchmark(_ name: String, dependencies: [Target.Dependency]) {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkData"]
                + dependencies,
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}

addBenchmark("InputBenchmarks", dependencies: [.product(name: "GenomicFormats", package: "OncoMatch")])
addBenchmark("ChecksumBenchmarks", dependencies: [.product(name: "GenomicFormats", package: "OncoMatch")])
addBenchmark("RecordBenchmarks", dependencies: [.product(name: "GenomicFormats", package: "OncoMatch")])
addBenchmark("AnnotationBenchmarks", dependencies: [.product(name: "GenomicFormats", package: "OncoMatch")])
addBenchmark(
    "MatchBenchmarks",
    dependencies: [
        .product(name: "OncoMatch", package: "OncoMatch"),
        .product(name: "GenomicFormats", package: "OncoMatch"),
    ])
addBenchmark("CohortBenchmarks", dependencies: [.product(name: "OncoMatch", package: "OncoMatch")])
