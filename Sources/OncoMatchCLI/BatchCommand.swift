import ArgumentParser
import Foundation
import OncoDomain
import OncoReports

/// `oncomatch batch SHEET --out DIR …`: a cohort of tumours in, cohort tables out.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Match every sample of a sample sheet (or a MAF cohort) and write cohort tables.",
        discussion: """
            SHEET is a TSV with columns sample, input, tumour_type (and optionally input_sample, normal, \
            msi, hrd, target_mb or target_bed, copy_number, fusions); relative paths are resolved against \
            the sheet's folder. With --input FILE (a multi-sample VCF or a MAF), the input column may be \
            left out and input_sample defaults to sample. With --maf MAF, SHEET is a cBioPortal clinical \
            sample table (SAMPLE_ID, ONCOTREE_CODE). Writes cohort-therapies.tsv, cohort-samples.tsv, \
            cohort.json and cohort.html into --out (see docs/cohorts.md). Exit codes: 0 success, \
            1 invalid input, 2 usage or I/O error.
            """)

    @Argument(help: "Sample sheet TSV, or clinical sample table with --maf.")
    var sheet: String

    @Option(help: "Folder for the cohort tables.")
    var out: String

    @Option(help: "A multi-sample VCF (or MAF) shared by every sheet row.")
    var input: String?

    @Option(help: "A MAF holding every sample; SHEET is then a clinical table (SAMPLE_ID, ONCOTREE_CODE).")
    var maf: String?

    @Option(help: "Worker threads (default: every core).")
    var threads: Int?

    @Option(help: "Folder for per-sample reports (<sample>.json, .tsv, .html).")
    var reports: String?

    @Flag(name: .customLong("keep-going"), help: "Record failed samples in the tables and go on.")
    var keepGoing = false

    @Flag(name: .customLong("skip-existing"), help: "Reuse <reports>/<sample>.json when it exists.")
    var skipExisting = false

    @Flag(help: "No progress line on stderr.")
    var quiet = false

    @Option(name: .customLong("rules"), help: "A rule file to add (repeatable).")
    var ruleFiles: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Do not load the shipped knowledge base.")
    var noDefaultRules = false

    @Option(help: "Which records may match: pass (PASS or .) or all.")
    var filter: String = "pass"

    @Flag(help: "Stop at the first malformed record of a sample instead of skipping and counting it.")
    var strict = false

    func validate() throws {
        guard ["pass", "all"].contains(filter) else { throw ValidationError("--filter must be pass or all") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if input != nil && maf != nil { throw ValidationError("give --input or --maf, not both") }
        if skipExisting && reports == nil { throw ValidationError("--skip-existing needs --reports DIR") }
    }

    func run() throws {
        TemporaryFileRegistry.installInterruptCleanup()
        do {
            let inputs =
                [(what: "sample sheet", path: sheet)]
                + [input, maf].compactMap { $0.map { ("cohort input", $0) } }
                + ruleFiles.map { (what: "rule file", path: $0) }
            if let problem = CohortTable.outputProblem(directory: out, inputs: inputs) {
                throw MatchJob.RequestError(problem)
            }
            let sampleSheet =
                if let maf {
                    try ClinicalSampleTable.load(path: sheet, mafPath: maf)
                } else {
                    try SampleSheet.load(path: sheet, sharedInput: input)
                }
            let batch = CohortBatch(
                sheet: sampleSheet,
                options: .init(
                    threads: threads ?? CohortBatch.onlineCores, reportsDirectory: reports,
                    keepGoing: keepGoing,
                    skipExisting: skipExisting, ruleFiles: ruleFiles, useDefaultRules: !noDefaultRules,
                    includeFilteredAlterations: filter == "all", strict: strict))
            if let problem = batch.outputProblem(tablesDirectory: out, inputs: inputs) {
                throw MatchJob.RequestError(problem)
            }
            let rules = try batch.compiledRules()
            let display = !quiet && isatty(2) != 0 ? ProgressDisplay() : nil
            let table = try batch.run(
                rules: rules, oncoTree: try OncoTree.bundled(), progress: display?.update)
            display?.finish()
            try table.write(toDirectory: out, threads: batch.options.threads)
            let failed = table.results.filter { $0.status != .ok }.count
            if failed > 0 {
                FileHandleOutput.standardError(
                    "oncomatch batch: \(failed) of \(table.results.count) samples failed (see \(out)/cohort-samples.tsv)\n"
                )
            }
        } catch {
            FileHandleOutput.standardError("oncomatch batch: \(error)\n")
            throw ExitCode(Self.exitStatus(for: error))
        }
    }

    static func exitStatus(for error: Error) -> Int32 {
        switch error {
        case let failure as CohortBatch.SampleFailure: CommandErrors.exitStatus(for: failure.underlying)
        case let problem as SampleSheetError: problem.line == 0 ? 2 : 1
        default: CommandErrors.exitStatus(for: error)
        }
    }
}

/// The progress line on a terminal's stderr, redrawn in place.
final class ProgressDisplay: Sendable {
    private let start = DispatchTime.now()

    /// Called under the batch's lock, so lines never interleave.
    func update(_ progress: CohortBatch.Progress) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        FileHandleOutput.standardError(
            "\r\u{1B}[K" + CohortProgressText.line(progress, elapsedSeconds: elapsed))
    }

    func finish() { FileHandleOutput.standardError("\n") }
}
