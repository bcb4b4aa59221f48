import Dispatch
import GenomicFormats
import OncoDomain
import OncoMatch
import OncoRules
import Synchronization

/// One `oncomatch match` run as a library call: load the rules, read the tumour in one streaming
/// pass, match, build the report and write the requested files atomically.
///
/// The command-line tool only turns its arguments into a ``Request`` and prints the result.
public enum MatchJob {
    /// Everything a run needs.
    public struct Request: Sendable {
        public var inputPath: String
        /// OncoTree code (checked; unknown codes are an error listing close matches).
        public var tumourType: String
        public var sample: String?
        public var normal: String?
        /// Extra rule files; with `useDefaultRules`, merged with the shipped knowledge base.
        public var ruleFiles: [String]
        public var useDefaultRules: Bool
        public var msi: MSIStatus
        public var msiSource: String?
        public var hrd: HRDStatus
        public var hrdSource: String?
        /// TMB denominator as megabases, or a BED of the callable territory; neither → assumed exome.
        public var targetMegabases: Double?
        public var targetBED: String?
        public var copyNumberPath: String?
        public var fusionsPath: String?
        /// `--filter all`: FILTER-failing records may match.
        public var includeFilteredAlterations: Bool
        public var strict: Bool
        public var reportDate: String?
        /// Report files to write, by format.
        public var outputs: [ReportFormat: String]
        /// Parse a VCF on two threads; `batch` turns this off, as it matches one tumour per core.
        public var parsesOnTwoThreads = true
        /// Render with a stand-in checksum even when the input's hash is already done (tests: the
        /// path a large input takes when the hash is not).
        var rendersWithChecksumStandIn = false

        public init(
            inputPath: String, tumourType: String, sample: String? = nil, normal: String? = nil,
            ruleFiles: [String] = [], useDefaultRules: Bool = true, msi: MSIStatus = .unknown,
            msiSource: String? = nil, hrd: HRDStatus = .unknown, hrdSource: String? = nil,
            targetMegabases: Double? = nil, targetBED: String? = nil, copyNumberPath: String? = nil,
            fusionsPath: String? = nil, includeFilteredAlterations: Bool = false, strict: Bool = false,
            reportDate: String? = nil, outputs: [ReportFormat: String] = [:]
        ) {
            self.inputPath = inputPath
            self.tumourType = tumourType
            self.sample = sample
            self.normal = normal
            self.ruleFiles = ruleFiles
            self.useDefaultRules = useDefaultRules
            self.msi = msi
            self.msiSource = msiSource
            self.hrd = hrd
            self.hrdSource = hrdSource
            self.targetMegabases = targetMegabases
            self.targetBED = targetBED
            self.copyNumberPath = copyNumberPath
            self.fusionsPath = fusionsPath
            self.includeFilteredAlterations = includeFilteredAlterations
            self.strict = strict
            self.reportDate = reportDate
            self.outputs = outputs
        }
    }

    /// A problem with the request itself (not with an input file's content).
    public struct RequestError: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// The rule set a request asks for, compiled.
    public static func ruleSet(for request: Request) throws -> CompiledRuleSet {
        var sets: [RuleSet] = []
        if request.useDefaultRules { sets.append(try RuleSet.bundled()) }
        if !request.ruleFiles.isEmpty { sets.append(try RuleSet.load(paths: request.ruleFiles)) }
        guard !sets.isEmpty else {
            throw RequestError("no rules: --no-default-rules needs at least one --rules FILE")
        }
        return CompiledRuleSet(sets.count == 1 ? sets[0] : try RuleSet.merging(sets))
    }

    /// Runs the request with the rule set it asks for.
    ///
    /// The input (a regular file) is hashed on a thread of its own (``BackgroundFileHasher``)
    /// while the rules load; while the input is parsed on two threads, only in the cores' idle
    /// moments (at idle priority on Linux; elsewhere it waits); and whatever is
    /// left while the rules are matched and the reports rendered (with a stand-in for the
    /// checksum, replaced once it is known).
    ///
    /// With `timings`, the duration of each phase is added to it (`--timings`).
    public static func run(_ request: Request, oncoTree: OncoTree, timings: MatchPhaseTimings? = nil) throws
        -> MatchReport
    {
        try run(request, loadingTree: { oncoTree }, timings: timings)
    }

    /// ``run(_:oncoTree:timings:)`` with the bundled OncoTree, loaded once the input's hasher has
    /// started (the hash of a large input is the last thing a run waits for).
    public static func run(_ request: Request, timings: MatchPhaseTimings? = nil) throws -> MatchReport {
        try run(request, loadingTree: { try OncoTree.bundled() }, timings: timings)
    }

    private static func run(
        _ request: Request, loadingTree: () throws -> OncoTree, timings: MatchPhaseTimings?
    ) throws -> MatchReport {
        let hasher = request.parsesOnTwoThreads ? BackgroundFileHasher(path: request.inputPath) : nil
        do {
            let oncoTree = try loadingTree()
            let rules = try timings.measure(.rules) { try ruleSet(for: request) }
            return try run(request, rules: rules, oncoTree: oncoTree, hasher: hasher, timings: timings)
        } catch {
            hasher?.cancel()
            throw error
        }
    }

    /// Runs the request with an already compiled rule set (batch runs compile once).
    public static func run(_ request: Request, rules: CompiledRuleSet, oncoTree: OncoTree) throws
        -> MatchReport
    {
        try run(request, rules: rules, oncoTree: oncoTree, hasher: nil, timings: nil)
    }

    /// ``run(_:rules:oncoTree:)`` taking the input's checksum from `hasher` when there is one
    /// (whose result it asks for; the caller cancels it on an error), otherwise from the load.
    private static func run(
        _ request: Request, rules: CompiledRuleSet, oncoTree: OncoTree, hasher: BackgroundFileHasher?,
        timings: MatchPhaseTimings?
    ) throws -> MatchReport {
        if let problem = OutputPathCheck.problem(
            outputs: ReportFormat.allCases.compactMap { format in
                request.outputs[format].map { (flag: "--\(format.rawValue)", path: $0) }
            },
            inputs: [("input", request.inputPath)]
                + [
                    ("copy-number file", request.copyNumberPath), ("fusions file", request.fusionsPath),
                    ("target BED", request.targetBED),
                ].compactMap { what, path in path.map { (what: what, path: $0) } }
                + request.ruleFiles.map { (what: "rule file", path: $0) })
        {
            throw RequestError(problem)
        }
        guard let node = oncoTree.node(request.tumourType) else {
            let close = oncoTree.closeMatches(for: request.tumourType)
            throw RequestError(
                "unknown OncoTree code '\(request.tumourType)'"
                    + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        if request.targetMegabases != nil && request.targetBED != nil {
            throw RequestError("give the TMB denominator once: --tmb-target-mb or --target, not both")
        }
        var territory: CallableTerritory?
        if let megabases = request.targetMegabases {
            guard megabases > 0, megabases <= CallableTerritory.largestStatedMegabases else {
                throw RequestError(
                    "--tmb-target-mb must be a positive number of megabases, at most "
                        + "\(Int(CallableTerritory.largestStatedMegabases)) (an exome is about 30–50)")
            }
            territory = CallableTerritory(megabases: megabases)
        } else if let bed = request.targetBED {
            territory = try CallableTerritory.load(bedPath: bed)
        }
        var loadRequest = TumourProfileLoader.Request(
            inputPath: request.inputPath, tumourType: node.code, sample: request.sample,
            normal: request.normal,
            genesOfInterest: rules.mentionedGenes, allelesOfInterest: rules.allelesOfInterest,
            msi: request.msi, hrd: request.hrd, territory: territory,
            includeFilteredAlterations: request.includeFilteredAlterations,
            copyNumberPath: request.copyNumberPath, fusionsPath: request.fusionsPath,
            strict: request.strict)
        loadRequest.parsesOnTwoThreads = request.parsesOnTwoThreads
        loadRequest.keepsNonCodingAlterations = rules.acceptsNonCodingAlterations
        loadRequest.computesInputChecksum = hasher == nil
        // The parse keeps both cores busy: the hasher hashes only in their idle moments
        // meanwhile (its thread at idle priority; where there is none, it waits).
        hasher?.pause()
        let loaded = try timings.measure(.read) { try TumourProfileLoader.load(loadRequest) }
        hasher?.resume()
        // The report model is built while the hasher may still be finishing; only its input
        // provenance needs the checksum, filled in below.
        let builder = MatchReportBuilder(
            ruleSet: rules.ruleSet, inputPath: request.inputPath, inputSHA256: "",
            inputFormat: loaded.inputFormat.rawValue,
            qc: QualityControl(
                recordsRead: loaded.recordsRead, recordsSkipped: loaded.recordsSkipped,
                skippedExamples: loaded.skippedExamples, recordsFiltered: loaded.recordsFiltered,
                annotationSource: loaded.profile.annotationSource.rawValue,
                alterationsIndexed: loaded.profile.alterationCount),
            reportDate: request.reportDate,
            msiSource: request.msi == .unknown ? nil : (request.msiSource ?? "command line"),
            hrdSource: request.hrd == .unknown ? nil : (request.hrdSource ?? "command line"))
        // The biomarker summary (TMB, MSI, HRD and the MMR/POLE alteration lists) depends on the
        // profile alone: written on another thread while the matcher runs, whose serial steps
        // leave a core idle.
        let profile = loaded.profile
        let biomarkers = Mutex<BiomarkerSummary?>(nil)
        let biomarkersWritten = DispatchGroup()
        DispatchQueue.global().async(group: biomarkersWritten) {
            let summary = builder.biomarkers(profile)
            biomarkers.withLock { $0 = summary }
        }
        let result = timings.measure(.match) {
            Matcher(ruleSet: rules, oncoTree: oncoTree).match(profile)
        }
        var report = timings.measure(.build) {
            biomarkersWritten.wait()
            return builder.build(
                result, profile: profile, oncoTree: oncoTree, biomarkers: biomarkers.withLock { $0! })
        }
        // The files read beside the variants, so the report says everything it came from.
        func provenance(_ path: String?) throws -> FileProvenance? {
            try path.map { FileProvenance(path: $0, sha256: try SHA256.hexDigest(ofFile: $0)) }
        }
        try timings.measure(.checksum) {
            report.input.copyNumber = try provenance(request.copyNumberPath)
            report.input.fusions = try provenance(request.fusionsPath)
            report.input.target = try provenance(request.targetBED)
        }
        report.input.samples = loaded.inputSamples
        report.warnings = deduplicated(loaded.warnings + report.warnings)
        // Without a hasher the checksum is known now: a VCF is hashed while it is read, other
        // inputs here (standard input cannot be re-read).
        if hasher == nil {
            report.input.sha256 =
                try loaded.inputSHA256
                ?? (request.inputPath == "-" ? "" : SHA256.hexDigest(ofFile: request.inputPath))
        }
        // Render every format before writing any, so a rendering error leaves no file behind.
        // (Unmeasured when no file is asked for: the caller prints a summary instead.) With a
        // hasher still at work, the documents are rendered meanwhile with a stand-in checksum
        // (``ChecksumStandIn``), which the real one then replaces in place; usually the hash is
        // done by now (in the parse's idle moments), and the documents need no search for it.
        let measured = request.outputs.isEmpty ? nil : timings
        var standIn: ChecksumStandIn?
        if let hasher {
            if hasher.isFinished && !request.rendersWithChecksumStandIn {
                report.input.sha256 = try timings.measure(.checksum) { try hasher.result() }
            } else {
                standIn = ChecksumStandIn()
                report.input.sha256 = standIn!.text
            }
        }
        var documents = try measured.measure(.render) {
            try ReportFormat.allCases.compactMap { format -> (ReportFormat, String, [UInt8])? in
                guard let path = request.outputs[format] else { return nil }
                return (format, path, try format.writer.renderBytes(report))
            }
        }
        // The profile and the match result are not needed any more: taken apart on another
        // thread while the files are written.
        BackgroundRelease.release((loaded, result))
        if let hasher, let standIn {
            let sha256 = try timings.measure(.checksum) { try hasher.result() }
            report.input.sha256 = sha256
            for index in documents.indices where !standIn.replace(in: &documents[index].2, with: sha256) {
                // A writer showed the stand-in other than whole (never so far): render again.
                documents[index].2 = try documents[index].0.writer.renderBytes(report)
            }
        }
        try measured.measure(.write) {
            for (_, path, bytes) in documents {
                try OutputDirectory.createParents(of: path)
                try ReportFileWriter.write(bytes, toPath: path)
            }
        }
        return report
    }

    private static func deduplicated(_ lines: [String]) -> [String] {
        var seen: Set<String> = []
        return lines.filter { seen.insert($0).inserted }
    }
}
