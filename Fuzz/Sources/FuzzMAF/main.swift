import FuzzSupport
import GenomicFormats

/// Reads the input as a MAF (minimal required columns), in memory through `LineReader(bytes:name:)`
/// with inline inflation, and touches every typed column of every row.

/// The libFuzzer entry point: one input per call, always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard
        let lines = try? LineReader(
            bytes: inputArray(data, size), name: "fuzz.maf", maximumLineLength: 1 << 20,
            inflateThreads: 0),
        let reader = try? MAFReader(lines: lines, requiredColumns: MAFReader.minimalColumns)
    else {
        return 0
    }
    _ = reader.comments
    var rows = 0
    while rows < 1000, let record = try? reader.nextRecord() {
        rows += 1
        _ = record.hugoSymbol
        _ = record.chromosome
        _ = try? record.startPosition
        _ = try? record.endPosition
        _ = record.variantClassification
        _ = record.variantType
        _ = record.referenceAllele
        _ = record.tumorSeqAllele1
        _ = record.tumorSeqAllele2
        _ = record.tumorSampleBarcode
        _ = record.matchedNormalSampleBarcode
        _ = record.hgvsc
        _ = record.hgvsp
        _ = record.hgvspShort
        _ = record.transcriptID
        _ = try? record.tumorDepth
        _ = try? record.tumorReferenceCount
        _ = try? record.tumorAlternateCount
        _ = try? record.normalDepth
        _ = try? record.normalReferenceCount
        _ = try? record.normalAlternateCount
        _ = record.otherColumn(named: "t_depth")
        for index in 0..<70 { _ = record.bytes(at: index) }
    }
    return 0
}

runFuzzer(fuzz)
