import Benchmark
import BenchmarkData
import GenomicFormats

// VEP CSQ parsing with `AnnotationEntries` over the CSQ values of the synthetic BGZF VCF
// (`ONCOMATCH_BENCH_RECORDS`, default 200,000 records, 2–3 entries per allele).
// The CSQ values are read once, in `setup`, into one byte buffer, so the measured loop is the
// annotation layer alone: no inflating, no record framing.

var entriesPerSecond: BenchmarkMetric {
    .custom("entries/s (k)", polarity: .prefersLarger, useScalingFactor: false)
}

var annotationConfiguration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, entriesPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10)
}

/// Every CSQ value of the file, back to back, with the range of each.
final class CSQValues: @unchecked Sendable {
    // Safety: filled once in `load` before any benchmark closure runs, then only read.
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    var schema: AnnotationSchema?

    func load(path: String) throws {
        if schema != nil { return }
        let reader = try VCFReader(path: path)
        guard let definition = reader.header.info("CSQ") else {
            fatalError("the benchmark VCF declares no INFO/CSQ")
        }
        schema = try AnnotationSchema(tag: "CSQ", description: definition.description)
        var record = VCFRecord()
        while try reader.read(into: &record) {
            record.withInfoValue(forKey: "CSQ") { value in
                let start = bytes.count
                bytes.append(contentsOf: value)
                ranges.append(start..<bytes.count)
            }
        }
    }

    /// Calls `body` with each value's entries.
    func forEachValue(_ body: (AnnotationEntries) -> Void) {
        let schema = schema!
        bytes.withUnsafeBytes { buffer in
            for range in ranges {
                body(AnnotationEntries(UnsafeRawBufferPointer(rebasing: buffer[range]), schema: schema))
            }
        }
    }
}

func entryRate(_ benchmark: Benchmark, entries: Int, start: ContinuousClock.Instant) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    benchmark.measurement(entriesPerSecond, Int(Double(entries) / seconds / 1e3))
}

let benchmarks: @Sendable () -> Void = {
    let values = CSQValues()
    let setup: @Sendable () async throws -> Void = {
        try values.load(path: try BenchmarkData.bgzfVCF())
    }

    Benchmark(
        "CSQ entries (count)", configuration: annotationConfiguration,
        closure: { benchmark in
            let start = ContinuousClock.now
            var entries = 0
            values.forEachValue { entries += $0.count }
            entryRate(benchmark, entries: entries, start: start)
            blackHole(entries)
        }, setup: setup)

    Benchmark(
        "CSQ consequence terms", configuration: annotationConfiguration,
        closure: { benchmark in
            let start = ContinuousClock.now
            var entries = 0
            var missense = 0
            var terms = 0
            values.forEachValue { value in
                for entry in value {
                    entries += 1
                    for term in entry.consequences {
                        terms += 1
                        if term.equals("missense_variant") { missense += 1 }
                    }
                }
            }
            entryRate(benchmark, entries: entries, start: start)
            blackHole(terms &+ missense)
        }, setup: setup)

    Benchmark(
        "CSQ symbol (as String)", configuration: annotationConfiguration,
        closure: { benchmark in
            let start = ContinuousClock.now
            var entries = 0
            var symbolBytes = 0
            values.forEachValue { value in
                for entry in value {
                    entries += 1
                    if let symbol = entry.symbol { symbolBytes += symbol.utf8.count }
                }
            }
            entryRate(benchmark, entries: entries, start: start)
            blackHole(symbolBytes)
        }, setup: setup)
}
