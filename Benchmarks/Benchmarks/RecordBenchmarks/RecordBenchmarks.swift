import Benchmark
import BenchmarkData
import GenomicFormats

// Record parsing on the synthetic BGZF VCF (`ONCOMATCH_BENCH_RECORDS`, default 200,000).
// Each iteration reads the whole file with `VCFReader` (two inflate workers, the default):
// - "lazy fixed fields" touches CHROM, POS, REF and ALT only (the cost of framing records);
// - "full field decoding" decodes every INFO value and every FORMAT value of every sample,
//   typed by the header, through the public accessors (`infoValues`, `sampleValues`);
// - "VCFStatistics" is the `oncomatch stats` pass (every value decoded, CSQ counted).
// The custom metric reports records per second (in thousands).

var recordsPerSecond: BenchmarkMetric {
    .custom("records/s (k)", polarity: .prefersLarger, useScalingFactor: false)
}

var recordConfiguration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, recordsPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 5)
}

func recordRate(_ benchmark: Benchmark, records: Int, start: ContinuousClock.Instant) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(recordsPerSecond, Int(Double(records) / seconds / 1e3))
}

let benchmarks: @Sendable () -> Void = {
    let path: String
    do {
        path = try BenchmarkData.bgzfVCF()
    } catch {
        fatalError("cannot prepare benchmark data: \(error)")
    }

    Benchmark("VCFReader lazy fixed fields (CHROM, POS, REF, ALT)", configuration: recordConfiguration) {
        benchmark in
        let start = ContinuousClock.now
        let reader = try VCFReader(path: path)
        var record = VCFRecord()
        var checksum = 0
        while try reader.read(into: &record) {
            checksum &+= record.position
            checksum &+= record.withChromosome { $0.count }
            checksum &+= record.withReference { $0.count }
            record.forEachAlternateAllele { checksum &+= $0.count }
        }
        recordRate(benchmark, records: reader.recordsRead, start: start)
        blackHole(checksum)
    }

    Benchmark(
        "VCFReader full field decoding (every INFO and FORMAT value)", configuration: recordConfiguration
    ) {
        benchmark in
        let start = ContinuousClock.now
        let reader = try VCFReader(path: path)
        let infoKeys = reader.header.infoDefinitions.map(\.id)
        let formatKeys = reader.header.formatDefinitions.map(\.id)
        var record = VCFRecord()
        var values = 0
        while try reader.read(into: &record) {
            values &+= record.position
            values &+= try record.quality() == nil ? 0 : 1
            values &+= record.isFiltered ? 1 : 0
            record.forEachAlternateAllele { values &+= $0.count }
            for key in infoKeys {
                if let decoded = try record.infoValues(key) { values &+= decoded.count }
            }
            for sample in 0..<record.sampleCount {
                for key in formatKeys {
                    if let decoded = try record.sampleValues(sample: sample, key: key) {
                        values &+= decoded.count
                    }
                }
            }
        }
        recordRate(benchmark, records: reader.recordsRead, start: start)
        blackHole(values)
    }

    Benchmark("VCFStatistics (oncomatch stats pass)", configuration: recordConfiguration) { benchmark in
        let start = ContinuousClock.now
        let statistics = try VCFStatistics(path: path)
        recordRate(benchmark, records: statistics.records, start: start)
        blackHole(statistics.infoValues &+ statistics.formatValues)
    }
}
