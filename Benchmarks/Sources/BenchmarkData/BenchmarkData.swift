import Foundation
import VCFSynth

/// Benchmark inputs, generated once into `bench-data/` at the repository root (git-ignored).
///
/// `ONCOMATCH_BENCH_RECORDS` picks the size of the synthetic VCF (default 200,000 records);
/// `scripts/bench-compare.sh` makes the 1,000,000-record file under the same naming, so the two
/// share it.
public enum BenchmarkData {
    /// The repository root (this file is `Benchmarks/Sources/BenchmarkData/BenchmarkData.swift`).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// `bench-data/` at the repository root.
    public static var directory: URL { repositoryRoot.appendingPathComponent("bench-data") }

    /// Records in the default synthetic VCF.
    public static var recordCount: Int {
        ProcessInfo.processInfo.environment["ONCOMATCH_BENCH_RECORDS"].flatMap { Int($0) } ?? 200_000
    }

    /// Path of the BGZF synthetic VCF with `records` records, generating it (with `bgzip`) if absent.
    public static func bgzfVCF(records: Int = recordCount, seed: UInt64 = 1) throws -> String {
        let target = directory.appendingPathComponent("synthetic-\(records)-seed\(seed).vcf.gz")
        if FileManager.default.fileExists(atPath: target.path) { return target.path }
        let plain = try plainVCF(records: records, seed: seed)
        let partial = target.path + ".partial"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "bgzip -@2 -c \"$0\" > \"$1\"", plain, partial]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkDataError(
                message: "bgzip failed (status \(process.terminationStatus)) for \(plain)")
        }
        try FileManager.default.moveItem(atPath: partial, toPath: target.path)
        return target.path
    }

    /// Path of the plain synthetic VCF with `records` records, generating it if absent.
    public static func plainVCF(records: Int = recordCount, seed: UInt64 = 1) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("synthetic-\(records)-seed\(seed).vcf")
        if FileManager.default.fileExists(atPath: target.path) { return target.path }
        let partial = target.path + ".partial"
        guard let stream = fopen(partial, "w") else {
            throw BenchmarkDataError(message: "cannot create \(partial)")
        }
        try SyntheticTumourVCF(records: records, seed: seed).write(to: ByteSink(stream: stream))
        fclose(stream)
        try FileManager.default.moveItem(atPath: partial, toPath: target.path)
        return target.path
    }

    /// Size of a file in bytes.
    public static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }
}

public struct BenchmarkDataError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
