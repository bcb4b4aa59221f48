import Benchmark
import GenomicFormats

var hashedMBps: BenchmarkMetric {
    .custom("hashed MB/s", polarity: .prefersLarger, useScalingFactor: false)
}

let benchmarks: @Sendable () -> Void = {
    // 64 MiB of pseudo-random bytes.
    let size = 64 << 20
    var state: UInt64 = 0x1234_5678
    let data: [UInt8] = (0..<size).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }

    Benchmark(
        "SHA-256 of 64 MiB",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, hashedMBps], maxDuration: .seconds(10),
            maxIterations: 10)
    ) { benchmark in
        let start = ContinuousClock.now
        var hash = SHA256()
        data.withUnsafeBytes { hash.update($0) }
        let digest = hash.finalize()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(hashedMBps, Int(Double(size) / seconds / 1e6))
        blackHole(digest)
    }
}
