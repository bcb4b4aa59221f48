import FuzzSupport
import GenomicFormats

/// Reads the input as a VCF file (lenient, or strict when the first byte is odd) and touches every
/// typed accessor of every record: each declared INFO and FORMAT key typed, per allele, genotypes.
/// When the first byte's second bit is set, the whole file is also read by `VCFParallelPass` and
/// compared with a serial read (a difference is a crash).
let scratch = ScratchFile(harness: "vcf", suffix: ".vcf")

@inline(never)
func touchRecord(_ record: VCFRecord) {
    _ = record.chromosome
    _ = record.position
    _ = record.identifiers
    _ = record.reference
    _ = record.alternateAlleles
    let alleleCount = record.alternateAlleleCount
    for index in 0...min(alleleCount, 8) { _ = record.alternateAlleleKind(index) }
    _ = try? record.quality()
    _ = record.filters
    _ = record.isPass
    _ = record.isFiltered
    _ = try? record.endPosition()
    _ = record.line
    // Only the keys the record carries (plus one absent key): typed access costs a column scan.
    var infoKeys: [String] = ["DP"]
    record.forEachInfoEntry { key, _ in
        if infoKeys.count < 16 { infoKeys.append(String(decoding: key, as: UTF8.self)) }
    }
    for key in infoKeys {
        _ = record.hasInfo(key)
        _ = try? record.infoInteger(key)
        _ = try? record.infoIntegers(key)
        _ = try? record.infoFloat(key)
        _ = try? record.infoFloats(key)
        _ = record.infoString(key)
        _ = record.infoStrings(key)
        _ = try? record.infoValues(key)
        for allele in 0...min(alleleCount + 1, 4) { _ = try? record.infoValue(key, allele: allele) }
    }
    let formatKeys = record.formatKeys.prefix(16)
    for sample in 0..<min(record.sampleCount + 1, 4) {
        _ = try? record.genotype(sample: sample)
        _ = try? record.genotypeZygosity(sample: sample)
        record.withSampleColumn(sample) { _ = VCFGenotype.parse($0) }
        for key in formatKeys {
            _ = try? record.sampleInteger(sample: sample, key: key)
            _ = try? record.sampleIntegers(sample: sample, key: key)
            _ = try? record.sampleFloat(sample: sample, key: key)
            _ = try? record.sampleFloats(sample: sample, key: key)
            _ = record.sampleString(sample: sample, key: key)
            _ = try? record.sampleValues(sample: sample, key: key)
            for allele in 0...min(alleleCount + 1, 4) {
                _ = try? record.sampleValue(sample: sample, key: key, allele: allele)
            }
        }
    }
}

/// Collects each record's absolute line number and position (a part's line numbers count from
/// its start; `take` adds the lines before it).
struct LineWorker: VCFPassWorker {
    var records: [(line: Int, position: Int)] = []

    mutating func add(_ record: VCFRecord) throws {
        records.append((record.lineNumber, record.position))
    }

    mutating func finishPart() -> [(line: Int, position: Int)] {
        defer { records.removeAll(keepingCapacity: true) }
        return records
    }
}

/// What a read of the whole file gave: its records, skips, and the error that ended it.
struct PassOutcome {
    var records: [(line: Int, position: Int)] = []
    var skipped = 0
    var examples: [String] = []
    var error: FormatError?

    func agrees(with other: PassOutcome) -> Bool {
        guard records.count == other.records.count, skipped == other.skipped, examples == other.examples
        else { return false }
        for (mine, theirs) in zip(records, other.records) where mine != theirs { return false }
        switch (error, other.error) {
        case (nil, nil): return true
        case (let mine?, let theirs?): return mine.kind == theirs.kind && mine.line == theirs.line
        default: return false
        }
    }
}

/// The two-thread pass that `stats` and `match` use must give exactly what a serial read gives:
/// the same records (line and position), the same skips and skip reasons, the same error.
func checkParallelPass(options: VCFReaderOptions) {
    var serial = PassOutcome()
    do {
        let reader = try VCFReader(path: scratch.path, options: options)
        var record = VCFRecord()
        while try reader.read(into: &record) { serial.records.append((record.lineNumber, record.position)) }
        serial.skipped = reader.skipped
        serial.examples = reader.skippedExamples.map(\.description)
    } catch let error as FormatError {
        serial.error = error
    } catch {
        fatalError("VCFReader threw a non-FormatError: \(error)")
    }
    var parallel = PassOutcome()
    do {
        let (summary, _) = try VCFParallelPass.run(
            path: scratch.path, options: options, makeWorker: { _ in LineWorker() },
            take: { records, linesBefore in
                parallel.records += records.map { ($0.line + linesBefore, $0.position) }
            })
        parallel.skipped = summary.skipped
        parallel.examples = summary.skippedExamples.map(\.description)
    } catch let error as FormatError {
        parallel.error = error
    } catch {
        fatalError("VCFParallelPass threw a non-FormatError: \(error)")
    }
    // After an error only the error is compared: records taken before it may differ in number
    // (the serial reader stops at once, the pass hands out whole parts).
    if serial.error != nil || parallel.error != nil {
        serial.records = []
        parallel.records = []
    }
    if !serial.agrees(with: parallel) {
        fatalError(
            "parallel pass disagrees with a serial read: serial \(serial.records.count) records, "
                + "\(serial.skipped) skipped, error \(serial.error?.description ?? "none"); parallel "
                + "\(parallel.records.count), \(parallel.skipped), \(parallel.error?.description ?? "none")")
    }
}

/// The libFuzzer entry point: one input per call, always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    scratch.replaceContents(with: data, size)
    let strict = size > 0 && data![0] & 1 == 1
    let options = VCFReaderOptions(strict: strict, maximumExamples: 4, maximumLineLength: 1 << 20)
    guard let reader = try? VCFReader(path: scratch.path, options: options) else { return 0 }
    let header = reader.header
    _ = header.sampleNames
    _ = header.genomeBuild
    _ = header.usesPercentEncoding
    _ = header.version
    var record = VCFRecord()
    var count = 0
    while count < 200, (try? reader.read(into: &record)) == true {
        touchRecord(record)
        count += 1
    }
    _ = reader.skippedExamples.map(\.description)
    // Every other input (second bit of the first byte) also goes through the parallel pass.
    if size > 0 && data![0] & 2 == 2 { checkParallelPass(options: options) }
    // And `stats` (third bit): its own pass decodes every INFO and FORMAT value and sums depths.
    if size > 0 && data![0] & 4 == 4,
        let statistics = try? VCFStatistics(path: scratch.path, options: options)
    {
        _ = statistics.jsonText()
        _ = statistics.summaryText()
    }
    return 0
}

runFuzzer(fuzz)
