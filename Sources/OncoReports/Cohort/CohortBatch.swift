import OncoDomain
import OncoMatch
import OncoRules

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cohort run as a library call: every sample of a ``SampleSheet`` matched with one compiled
/// rule set on several cores, per-sample reports written on the way, and the ``CohortTable``
/// returned in sheet order — the same bytes whatever the thread count.
///
/// Only each sample's compact ``CohortSampleResult`` is kept; whole reports are dropped once
/// written. A MAF named by several rows is read once (``CohortMAFSource``).
public struct CohortBatch: Sendable {
    /// How to run.
    public struct Options: Sendable {
        /// Worker threads (at least 1); by default every online core.
        public var threads: Int
        /// Where per-sample reports go (`<sample>.json|tsv|html`); none when `nil`.
        public var reportsDirectory: String?
        /// Which per-sample formats to write in ``reportsDirectory``.
        public var reportFormats: [ReportFormat]
        /// Record failed samples in the tables and go on, instead of stopping at the first.
        public var keepGoing: Bool
        /// Rebuild a sample's row from `<reports>/<sample>.json` when that file exists.
        public var skipExisting: Bool
        /// Extra rule files; with ``useDefaultRules``, merged with the shipped knowledge base.
        public var ruleFiles: [String]
        public var useDefaultRules: Bool
        public var includeFilteredAlterations: Bool
        public var strict: Bool

        public init(
            threads: Int = CohortBatch.onlineCores, reportsDirectory: String? = nil,
            reportFormats: [ReportFormat] = ReportFormat.allCases, keepGoing: Bool = false,
            skipExisting: Bool = false, ruleFiles: [String] = [], useDefaultRules: Bool = true,
            includeFilteredAlterations: Bool = false, strict: Bool = false
        ) {
            self.threads = threads
            self.reportsDirectory = reportsDirectory
            self.reportFormats = reportFormats
            self.keepGoing = keepGoing
            self.skipExisting = skipExisting
            self.ruleFiles = ruleFiles
            self.useDefaultRules = useDefaultRules
            self.includeFilteredAlterations = includeFilteredAlterations
            self.strict = strict
        }
    }

    /// How far a run is, for progress displays.
    public struct Progress: Sendable, Equatable {
        public var done: Int
        public var total: Int
        public var failed: Int
        /// Samples whose row came from an existing report (`skipExisting`).
        public var reused: Int
    }

    /// A sample failed and the run stopped (no `keepGoing`).
    public struct SampleFailure: Error, Sendable, CustomStringConvertible {
        public var sample: String
        /// The sheet line of the sample.
        public var line: Int
        public var sheet: String
        public var underlying: any Error

        public var description: String {
            "sample '\(sample)' (\(sheet):\(line)): \(underlying)"
        }
    }

    /// The number of online cores.
    public static var onlineCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public let sheet: SampleSheet
    public let options: Options

    public init(sheet: SampleSheet, options: Options) {
        self.sheet = sheet
        self.options = options
    }

    /// Compiles the rules the options ask for.
    public func compiledRules() throws -> CompiledRuleSet {
        try MatchJob.ruleSet(
            for: MatchJob.Request(
                inputPath: "", tumourType: "", ruleFiles: options.ruleFiles,
                useDefaultRules: options.useDefaultRules))
    }

    /// What is wrong with the files this batch would write — the cohort tables in
    /// `tablesDirectory` and each sample's reports — beside what it reads (`inputs`, e.g. the sheet,
    /// and every sample's input and side files), or `nil`: a sample named `cohort` with reports in
    /// the tables' folder had its `cohort.json` replaced by the table. See ``OutputPathCheck``.
    public func outputProblem(tablesDirectory: String, inputs: [(what: String, path: String)]) -> String? {
        var outputs = CohortTable.File.allCases.map {
            (flag: "--out", path: CohortTable.path(of: $0, inDirectory: tablesDirectory))
        }
        if let directory = options.reportsDirectory {
            for entry in sheet.entries {
                let paths = CohortReportFiles.paths(
                    sample: entry.sample, directory: directory, formats: options.reportFormats)
                outputs += ReportFormat.allCases.compactMap { format in
                    paths[format].map { (flag: "--reports (sample '\(entry.sample)')", path: $0) }
                }
            }
        }
        var read = inputs
        for entry in sheet.entries {
            read.append((what: "input of sample '\(entry.sample)'", path: entry.inputPath))
            for path in [entry.copyNumberPath, entry.fusionsPath, entry.targetBED].compactMap({ $0 }) {
                read.append((what: "side file of sample '\(entry.sample)'", path: path))
            }
        }
        return OutputPathCheck.problem(outputs: outputs, inputs: read)
    }

    /// Runs every sample and returns the cohort table (rows in sheet order).
    ///
    /// Without `keepGoing`, the first failing sample (in sheet order) stops the run and is thrown
    /// as a ``SampleFailure``; nothing is returned, so no cohort table is written.
    public func run(
        rules: CompiledRuleSet, oncoTree: OncoTree, progress: (@Sendable (Progress) -> Void)? = nil
    ) throws -> CohortTable {
        if options.skipExisting && options.reportsDirectory == nil {
            throw MatchJob.RequestError(
                "--skip-existing needs --reports DIR (where the per-sample JSON reports are)")
        }
        if options.skipExisting && !options.reportFormats.contains(.json) {
            throw MatchJob.RequestError("--skip-existing needs JSON per-sample reports")
        }
        let sharedMAFs = try loadSharedMAFs(rules: rules)
        let matcher = sharedMAFs.isEmpty ? nil : Matcher(ruleSet: rules, oncoTree: oncoTree)
        let entries = sheet.entries
        let options = options
        let total = entries.count
        let counters = ProgressCounters()
        let queue = OrderedWorkQueue<CohortSampleResult>(threads: options.threads)
        let results = queue.run(
            count: total,
            job: { index in
                let entry = entries[index]
                do {
                    let (result, reused) = try Self.process(
                        entry, rules: rules, oncoTree: oncoTree, options: options, sharedMAFs: sharedMAFs,
                        matcher: matcher)
                    if reused { counters.reusedOne() }
                    return .init(result: result, stop: false)
                } catch {
                    let failure = CohortSampleResult.failed(
                        sample: entry.sample, tumourType: entry.tumourType, error: error)
                    counters.recordError(index: index, error: error)
                    return .init(result: failure, stop: !options.keepGoing)
                }
            },
            completed: { done, result in
                if result.status != .ok { counters.failedOne() }
                progress?(
                    Progress(done: done, total: total, failed: counters.failed, reused: counters.reused))
            })
        if !options.keepGoing, let (index, error) = counters.firstError {
            throw SampleFailure(
                sample: entries[index].sample, line: entries[index].line, sheet: sheet.file, underlying: error
            )
        }
        return CohortTable(results: results.map { $0! })
    }

    /// One sample: its row from an existing report, or a fresh match.
    private static func process(
        _ entry: SampleSheet.Entry, rules: CompiledRuleSet, oncoTree: OncoTree, options: Options,
        sharedMAFs: [String: CohortMAFSource], matcher: Matcher?
    ) throws -> (CohortSampleResult, reused: Bool) {
        var outputs: [ReportFormat: String] = [:]
        if let directory = options.reportsDirectory {
            outputs = CohortReportFiles.paths(
                sample: entry.sample, directory: directory, formats: options.reportFormats)
        }
        if options.skipExisting, let json = outputs[.json], TextFile.exists(json) {
            // An unreadable file (another schema, hand-edited) is recomputed and overwritten.
            if let result = try? CohortReportReader.read(path: json, sample: entry.sample) {
                return (result, true)
            }
        }
        let report: MatchReport
        if let source = sharedMAFs[entry.inputPath] {
            report = try source.report(
                for: entry, rules: rules, oncoTree: oncoTree,
                includeFilteredAlterations: options.includeFilteredAlterations, outputs: outputs,
                matcher: matcher)
        } else {
            var request = MatchJob.Request(
                inputPath: entry.inputPath, tumourType: entry.tumourType, sample: entry.inputSample,
                normal: entry.normal, ruleFiles: options.ruleFiles, useDefaultRules: options.useDefaultRules,
                msi: entry.msi, msiSource: entry.msi == .unknown ? nil : "sample sheet", hrd: entry.hrd,
                hrdSource: entry.hrd == .unknown ? nil : "sample sheet",
                targetMegabases: entry.targetMegabases,
                targetBED: entry.targetBED, copyNumberPath: entry.copyNumberPath,
                fusionsPath: entry.fusionsPath,
                includeFilteredAlterations: options.includeFilteredAlterations, strict: options.strict,
                outputs: outputs)
            // Samples already run one per core: a second parse thread per sample would only contend.
            request.parsesOnTwoThreads = false
            report = try MatchJob.run(request, rules: rules, oncoTree: oncoTree)
        }
        return (try CohortSampleResult(sample: entry.sample, report: report), false)
    }

    /// MAFs named by more than one row and needing nothing per-sample beyond what the shared
    /// index gives (no normal, copy-number or fusion table), each read once.
    private func loadSharedMAFs(rules: CompiledRuleSet) throws -> [String: CohortMAFSource] {
        var rowsPerInput: [String: Int] = [:]
        for entry in sheet.entries { rowsPerInput[entry.inputPath, default: 0] += 1 }
        var sources: [String: CohortMAFSource] = [:]
        for entry in sheet.entries where sources[entry.inputPath] == nil && rowsPerInput[entry.inputPath]! > 1
        {
            let needsOwnLoad = sheet.entries.contains {
                $0.inputPath == entry.inputPath && ($0.copyNumberPath != nil || $0.fusionsPath != nil)
            }
            guard !needsOwnLoad, (try? InputFormat.detect(path: entry.inputPath)) == .maf else { continue }
            sources[entry.inputPath] = try CohortMAFSource(
                path: entry.inputPath, rules: rules, strict: options.strict, threads: options.threads)
        }
        return sources
    }
}
