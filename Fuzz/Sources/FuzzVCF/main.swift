import FuzzSupport
import GenomicFormats

/// Reads the input as a VCF file (lenient, or strict when the first byte is odd) and touches every
/// typed accessor of every record: each declared INFO and FORMAT key typed, per allele, genotypes.
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
    return 0
}

runFuzzer(fuzz)
