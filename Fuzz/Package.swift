// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer harnesses for the format layer and parsers. Build and run with `scripts/fuzz.sh`;
/// see `docs/fuzzing.md`.
let package = Package(
    name: "OncoMatchFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "OncoMatch", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzVCF",
            dependencies: ["FuzzSupport", .product(name: "GenomicFormats", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzAnnotation",
            dependencies: ["FuzzSupport", .product(name: "GenomicFormats", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzInput",
            dependencies: ["FuzzSupport", .product(name: "GenomicFormats", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzMAF",
            dependencies: ["FuzzSupport", .product(name: "GenomicFormats", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzHGVSp",
            dependencies: ["FuzzSupport", .product(name: "OncoMatch", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzMatch",
            dependencies: ["FuzzSupport", .product(name: "OncoMatch", package: "OncoMatch")]),
        .executableTarget(
            name: "FuzzRules",
            dependencies: ["FuzzSupport", .product(name: "OncoMatch", package: "OncoMatch")]),
    ],
    swiftLanguageModes: [.v6]
)
