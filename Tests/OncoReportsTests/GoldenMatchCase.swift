import Foundation
import OncoDomain
import OncoReports
import OncoRules
import TestSupport

/// One end-to-end `oncomatch match` run whose three reports are kept as golden files in
/// `Fixtures/golden/<name>.{json,tsv,html}`.
///
/// Inputs are handed to ``MatchJob`` as absolute paths, so the run works from any working
/// directory; the report's `input.path` is then set to the path a user would type from the
/// package root (`Fixtures/examples/…`, or `../shared/data/…` for the shared tumours, which live
/// beside the repository). Nothing else in a report depends on where the files are (the tests
/// check that no absolute prefix is left), so the goldens are the same on every machine.
struct GoldenMatchCase: Sendable, CustomStringConvertible {
    /// A file the run reads: in the package's `Fixtures/` or in the shared data set.
    enum Location: Sendable {
        case fixture(String)
        case shared(String)

        var absolutePath: String {
            switch self {
            case .fixture(let path): TestData.fixture(path)
            case .shared(let path): TestData.shared(path)
            }
        }

        /// The path as typed from the package root.
        var displayPath: String {
            switch self {
            case .fixture(let path): "Fixtures/\(path)"
            case .shared(let path): "../shared/data/\(path)"
            }
        }

        var isShared: Bool {
            if case .shared = self { return true }
            return false
        }
    }

    var name: String
    var input: Location
    var tumourType: String
    var copyNumber: Location? = nil
    var fusions: Location? = nil
    var msi: MSIStatus = .unknown
    var targetMegabases: Double? = nil
    var includeFiltered = false
    var reportDate: String? = nil

    var description: String { name }

    var needsSharedData: Bool {
        input.isShared || copyNumber?.isShared == true || fusions?.isShared == true
    }

    func request(outputs: [ReportFormat: String] = [:]) -> MatchJob.Request {
        MatchJob.Request(
            inputPath: input.absolutePath, tumourType: tumourType, msi: msi, targetMegabases: targetMegabases,
            copyNumberPath: copyNumber?.absolutePath, fusionsPath: fusions?.absolutePath,
            includeFilteredAlterations: includeFiltered, reportDate: reportDate, outputs: outputs)
    }

    /// The committed golden file for `format`.
    func goldenPath(_ format: ReportFormat) -> String {
        TestData.fixture("golden/\(name).\(format.fileExtension)")
    }

    /// Runs the case with the shipped rules; the report names the input by its absolute path.
    func runWithAbsolutePaths(outputs: [ReportFormat: String] = [:]) throws -> MatchReport {
        try MatchJob.run(
            request(outputs: outputs), rules: try GoldenMatchCase.bundledRules(),
            oncoTree: try OncoTree.bundled())
    }

    /// `report` with its input path as typed from the package root.
    func machineIndependent(_ report: MatchReport) -> MatchReport {
        var report = report
        report.input.path = input.displayPath
        // The companion files too are named as the golden files show them.
        if let copyNumber { report.input.copyNumber?.path = copyNumber.displayPath }
        if let fusions { report.input.fusions?.path = fusions.displayPath }
        return report
    }

    /// Runs the case and gives the report as the golden files hold it.
    func run() throws -> MatchReport { machineIndependent(try runWithAbsolutePaths()) }

    private static let compiledBundledRules = Result {
        try MatchJob.ruleSet(for: .init(inputPath: "", tumourType: ""))
    }

    /// The shipped knowledge base, compiled once for all cases.
    static func bundledRules() throws -> CompiledRuleSet { try compiledBundledRules.get() }

    /// `I-A on-label sensitivity exact-allele tgt-… (+ other-rule): a | b`: the clinically meaningful
    /// facts of one match on one line.
    static func summary(of match: TherapyMatch) -> String {
        let others = match.supportingRuleIds.filter { $0 != match.ruleId }
        return
            "\(match.ampTier) \(match.onLabel ? "on-label" : "off-label") \(match.effect) \(match.matchLevel) "
            + match.ruleId + (others.isEmpty ? "" : " (+ \(others.joined(separator: ", ")))") + ": "
            + match.therapies.joined(separator: " | ")
    }

    // MARK: - The cases

    static let melanoma = GoldenMatchCase(
        name: "melanoma-braf-v600e", input: .fixture("examples/melanoma-braf-v600e.vcf"), tumourType: "MEL",
        reportDate: "2026-11-30")
    static let ovarian = GoldenMatchCase(
        name: "ovarian-brca1-frameshift-hgsoc", input: .fixture("examples/ovarian-brca1-frameshift.vcf"),
        tumourType: "HGSOC")
    static let aml = GoldenMatchCase(
        name: "aml-idh2-r140q-npm1", input: .fixture("examples/aml-idh2-r140q-npm1.vcf"), tumourType: "AML")
    static let colorectalTMB = GoldenMatchCase(
        name: "colorectal-hypermutated-mlh1-tmb",
        input: .fixture("examples/colorectal-hypermutated-mlh1.vcf"),
        tumourType: "COADREAD", targetMegabases: 32)
    static let colorectalMSI = GoldenMatchCase(
        name: "colorectal-hypermutated-mlh1-msi-high",
        input: .fixture("examples/colorectal-hypermutated-mlh1.vcf"), tumourType: "COADREAD", msi: .high,
        targetMegabases: 32, reportDate: "2026-11-30")
    static let lung = GoldenMatchCase(
        name: "lung-egfr-exon19del-t790m", input: .fixture("examples/lung-egfr-exon19del-t790m.vcf"),
        tumourType: "LUAD")
    static let breast = GoldenMatchCase(
        name: "breast-pik3ca-h1047r", input: .fixture("examples/breast-pik3ca-h1047r.vcf"), tumourType: "IDC")
    static let prostate = GoldenMatchCase(
        name: "prostate-brca2-atm", input: .fixture("examples/prostate-brca2-atm.vcf"), tumourType: "PRAD")
    static let synonymous = GoldenMatchCase(
        name: "negative-synonymous-hotspot", input: .fixture("examples/negative-synonymous-hotspot.vcf"),
        tumourType: "MEL")
    static let filtered = GoldenMatchCase(
        name: "negative-filtered", input: .fixture("examples/negative-filtered.vcf"), tumourType: "MEL")
    static let filteredAll = GoldenMatchCase(
        name: "negative-filtered-filter-all", input: .fixture("examples/negative-filtered.vcf"),
        tumourType: "MEL",
        includeFiltered: true)
    static let normalOnly = GoldenMatchCase(
        name: "negative-normal-only", input: .fixture("examples/negative-normal-only.vcf"), tumourType: "MEL")
    static let multiallelic = GoldenMatchCase(
        name: "negative-multiallelic-absent-allele",
        input: .fixture("examples/negative-multiallelic-absent-allele.vcf"), tumourType: "MEL")

    static let coadGRCh38 = GoldenMatchCase(
        name: "pcgr-t001-coad-grch38", input: .shared("tumours/pcgr/T001-COAD.grch38.vcf.gz"),
        tumourType: "COADREAD", copyNumber: .shared("tumours/pcgr/T001-COAD.grch38.cna.tsv"),
        fusions: .shared("tumours/pcgr/T001-COAD.grch38.fusions.tsv"))
    static let brcaGRCh38 = GoldenMatchCase(
        name: "pcgr-t001-brca-grch38", input: .shared("tumours/pcgr/T001-BRCA.grch38.vcf.gz"),
        tumourType: "BRCA", copyNumber: .shared("tumours/pcgr/T001-BRCA.grch38.cna.tsv"),
        fusions: .shared("tumours/pcgr/T001-BRCA.grch38.fusions.tsv"))
    /// GRCh37: copy-number segments are mapped with the bundled GRCh37 gene spans.
    static let coadGRCh37 = GoldenMatchCase(
        name: "pcgr-t001-coad-grch37", input: .shared("tumours/pcgr/T001-COAD.grch37.vcf.gz"),
        tumourType: "COADREAD", copyNumber: .shared("tumours/pcgr/T001-COAD.grch37.cna.tsv"),
        fusions: .shared("tumours/pcgr/T001-COAD.grch37.fusions.tsv"))
    static let brcaGRCh37 = GoldenMatchCase(
        name: "pcgr-t001-brca-grch37", input: .shared("tumours/pcgr/T001-BRCA.grch37.vcf.gz"),
        tumourType: "BRCA", copyNumber: .shared("tumours/pcgr/T001-BRCA.grch37.cna.tsv"),
        fusions: .shared("tumours/pcgr/T001-BRCA.grch37.fusions.tsv"))

    static let examples: [GoldenMatchCase] = [
        melanoma, ovarian, aml, colorectalTMB, colorectalMSI, lung, breast, prostate, synonymous, filtered,
        filteredAll, normalOnly, multiallelic,
    ]
    static let sharedTumours: [GoldenMatchCase] = [coadGRCh38, brcaGRCh38, coadGRCh37, brcaGRCh37]
}
