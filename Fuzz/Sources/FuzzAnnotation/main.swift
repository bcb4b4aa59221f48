import FuzzSupport
import GenomicFormats

/// Input: line 1 = a CSQ/ANN `Description` (schema), line 2 = `REF<TAB>ALT`, rest = the INFO value.
/// Falls back to the SnpEff schema when the description is refused. Touches every entry accessor.
/// The libFuzzer entry point: one input per call, always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    var lines = bytes.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
    while lines.count < 3 { lines.append(bytes[bytes.endIndex...]) }
    let description = String(decoding: lines[0], as: UTF8.self)
    let schema = (try? AnnotationSchema(tag: "CSQ", description: description)) ?? AnnotationSchema.snpEff()
    _ = schema.fieldNames
    for field in AnnotationField.allCases { _ = schema.index(of: field) }
    let alleleParts = lines[1].split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
    let reference = UnsafeRawBufferPointer(rebasing: alleleParts[0])
    let alternates =
        alleleParts.count > 1
        ? UnsafeRawBufferPointer(rebasing: alleleParts[1])
        : UnsafeRawBufferPointer(rebasing: lines[1][lines[1].endIndex...])
    let alleles = AnnotationAlleles(reference: reference, alternates: alternates)
    for index in 0...min(alleles.alternateCount + 1, 8) { _ = alleles.alternate(index) }
    let entries = AnnotationEntries(UnsafeRawBufferPointer(rebasing: lines[2]), schema: schema)
    _ = entries.count
    _ = entries.isEmpty
    var seen = 0
    for entry in entries {
        seen += 1
        if seen > 256 { break }
        _ = entry.fieldCount
        for index in 0..<min(entry.fieldCount + 1, 128) { _ = entry.field(at: index)?.string }
        _ = entry.comparedAllele
        _ = entry.alternateIndex(in: alleles)
        _ = entry.symbol
        _ = entry.geneID
        _ = entry.transcriptID
        _ = entry.featureType
        _ = entry.biotype
        for term in entry.consequences { _ = term }
        _ = entry.hasConsequence("missense_variant")
        _ = entry.impact
        _ = entry.exon
        _ = entry.intron
        _ = entry.hgvsc
        _ = entry.hgvsp
        _ = entry.proteinID
        _ = entry.proteinPosition
        _ = entry.aminoAcids
        _ = entry.isCanonical
        _ = entry.maneSelect
        _ = entry.manePlusClinical
        _ = entry.clinicalSignificance.map { Array($0) }
        _ = entry.field(named: "SYMBOL")
    }
    return 0
}

runFuzzer(fuzz)
