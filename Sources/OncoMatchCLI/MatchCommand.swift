import ArgumentParser
import Foundation
import GenomicFormats
import OncoDomain
import OncoReports
import OncoRules

/// `oncomatch match INPUT --tumour-type CODE …`: one tumour in, explained therapy matches out.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match one tumour's variants against the therapy rules and report why.",
        discussion: """
            INPUT is a VCF (plain, gzip or BGZF; `-` for standard input) or a MAF. By default only PASS \
            (or `.`) records can match; filtered ones appear among the near-misses. Without --json, \
            --tsv or --html a readable summary is printed. Exit codes: 0 success (whether or not \
            anything matched), 1 invalid input, 2 usage or I/O error.
            """)

    @Argument(help: "The tumour's VCF or MAF.")
    var input: String

    @Option(name: .customLong("tumour-type"), help: "OncoTree code of the tumour (e.g. MEL, COADREAD, LUAD).")
    var tumourType: String

    @Option(help: "Tumour sample name (VCF column or MAF Tumor_Sample_Barcode).")
    var sample: String?

    @Option(help: "Matched-normal sample name (VCF column).")
    var normal: String?

    @Option(name: .customLong("rules"), help: "A rule file to add (repeatable).")
    var ruleFiles: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Do not load the shipped knowledge base.")
    var noDefaultRules = false

    @Option(help: "MSI status measured outside the VCF: high or stable.")
    var msi: String?

    @Option(help: "HRD status measured outside the VCF: positive or negative.")
    var hrd: String?

    @Option(name: .customLong("tmb-target-mb"), help: "Callable territory for TMB, in megabases.")
    var tmbTargetMegabases: Double?

    @Option(name: .customLong("target"), help: "BED of the callable territory (panel or exome) for TMB.")
    var targetBED: String?

    @Option(
        name: .customLong("copy-number"),
        help: "Copy-number segments TSV (Chromosome Start End nMajor nMinor).")
    var copyNumber: String?

    @Option(help: "Fusions TSV: PCGR (FusionGene FIVE--THREE), STAR-Fusion or Arriba fusions.tsv.")
    var fusions: String?

    @Option(help: "Which records may match: pass (PASS or .) or all.")
    var filter: String = "pass"

    @Flag(help: "Stop at the first malformed record instead of skipping and counting it.")
    var strict = false

    @Option(name: .customLong("report-date"), help: "A date to print in the report (none by default).")
    var reportDate: String?

    @Option(help: "Write the JSON report here.")
    var json: String?

    @Option(help: "Write the TSV report here.")
    var tsv: String?

    @Option(help: "Write the HTML report here.")
    var html: String?

    @Flag(
        help:
            "Print how long each phase of the run took (and the processor time of phases that kept more than one core busy) to standard error (not in any report)."
    )
    var timings = false

    func validate() throws {
        guard ["pass", "all"].contains(filter) else { throw ValidationError("--filter must be pass or all") }
        if let msi, MSIStatus(parsing: msi) == nil {
            throw ValidationError("--msi: unknown status '\(msi)' (accepted: \(MSIStatus.acceptedSpellings))")
        }
        if let hrd, HRDStatus(parsing: hrd) == nil {
            throw ValidationError("--hrd: unknown status '\(hrd)' (accepted: \(HRDStatus.acceptedSpellings))")
        }
        if tmbTargetMegabases != nil && targetBED != nil {
            throw ValidationError("give --tmb-target-mb or --target, not both")
        }
    }

    var request: MatchJob.Request {
        var outputs: [ReportFormat: String] = [:]
        outputs[.json] = json
        outputs[.tsv] = tsv
        outputs[.html] = html
        return MatchJob.Request(
            inputPath: input, tumourType: tumourType, sample: sample, normal: normal, ruleFiles: ruleFiles,
            useDefaultRules: !noDefaultRules, msi: msi.flatMap { MSIStatus(parsing: $0) } ?? .unknown,
            hrd: hrd.flatMap { HRDStatus(parsing: $0) } ?? .unknown, targetMegabases: tmbTargetMegabases,
            targetBED: targetBED, copyNumberPath: copyNumber, fusionsPath: fusions,
            includeFilteredAlterations: filter == "all", strict: strict, reportDate: reportDate,
            outputs: outputs)
    }

    func run() throws {
        TemporaryFileRegistry.installInterruptCleanup()
        do {
            let request = request
            let phases = timings ? MatchPhaseTimings() : nil
            let report = try MatchJob.run(request, timings: phases)
            if request.outputs.isEmpty { print(TextSummaryWriter().render(report), terminator: "") }
            if let phases {
                FileHandle.standardError.write(Data("oncomatch match: timings: \(phases.summary)\n".utf8))
            }
            ExitReclaimedValue.keep(report)
        } catch {
            FileHandle.standardError.write(Data("oncomatch match: \(error)\n".utf8))
            throw ExitCode(CommandErrors.exitStatus(for: error))
        }
    }
}
