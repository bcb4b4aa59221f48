import Benchmark
import BenchmarkData
import GenomicFormats

// Input-layer throughput on the synthetic BGZF VCF (`ONCOMATCH_BENCH_RECORDS`, default 200,000).
// Each iteration reads the whole file; the custom metric reports decompressed MB/s.
//
// To add a parsing benchmark later, copy one of these and replace the loop body; the data
// comes from `BenchmarkData.bgzfVCF()`.

/// Decompressed megabytes per second of one pass (higher is better).
var decompressedMBps: BenchmarkMetric {
    .custom("decompressed MB/s", polarity: .prefersLarger, useScalingFactor: false)
}

var inputConfiguration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, decompressedMBps],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5)
}

func recordThroughput(_ benchmark: Benchmark, bytes: Int, start: ContinuousClock.Instant) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(decompressedMBps, Int(Double(bytes) / seconds / 1e6))
}

let benchmarks: @Sendable () -> Void = {
    let path: String
    do {
        path = try BenchmarkData.bgzfVCF()
    } catch {
        fatalError("cannot prepare benchmark data: \(error)")
    }

    for threads in [0, 1, 2] {
        Benchmark("BGZF inflate (\(threads) worker threads)", configuration: inputConfiguration) {
            benchmark in
            let start = ContinuousClock.now
            let reader = try DecompressingReader(path: path, inflateThreads: threads)
            var total = 0
            while let chunk = try reader.nextChunk() { total += chunk.count }
            recordThroughput(benchmark, bytes: total, start: start)
            blackHole(total)
        }
    }

    for threads in [1, 2] {
        Benchmark("LineReader framing (\(threads) worker threads)", configuration: inputConfiguration) {
            benchmark in
            let start = ContinuousClock.now
            let reader = try LineReader(path: path, inflateThreads: threads)
            var bytes = 0
            while let line = try reader.nextLine() { bytes += line.count + 1 }
            recordThroughput(benchmark, bytes: bytes, start: start)
            blackHole(reader.lineNumber)
        }
    }
}
