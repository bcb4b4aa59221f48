import FuzzSupport
import OncoDomain
import OncoReports
import OncoRules

/// Matches the input as a tumour VCF (or MAF: the input is sniffed as `match` does) against the
/// shipped knowledge base, end to end as `oncomatch match` does (load, index, match, report
/// model), and renders the report in every format. Bad input may throw; nothing may trap (an arithmetic overflow on a depth or a
/// position near `Int.max` once did). The first byte chooses strict or lenient reading, one or
/// two parsing threads, and the tumour type.
let scratch = ScratchFile(harness: "match", suffix: ".vcf")
let rules = try! MatchJob.ruleSet(for: MatchJob.Request(inputPath: "", tumourType: "MEL"))
let oncoTree = try! OncoTree.bundled()
let tumourTypes = ["MEL", "LUAD", "COADREAD", "BRCA"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    scratch.replaceContents(with: data, size)
    let flags = size > 0 ? data![0] : 0
    var request = MatchJob.Request(
        inputPath: scratch.path, tumourType: tumourTypes[Int(flags >> 4) % tumourTypes.count],
        strict: flags & 1 != 0, reportDate: "2026-01-01")
    request.parsesOnTwoThreads = flags & 2 != 0
    guard let report = try? MatchJob.run(request, rules: rules, oncoTree: oncoTree) else { return 0 }
    for format in ReportFormat.allCases { _ = try? format.writer.renderBytes(report) }
    return 0
}

runFuzzer(fuzz)
