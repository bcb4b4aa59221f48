import GenomicFormats
import OncoDomain
import OncoMatch
import OncoRules

/// A MAF holding many samples, read once, from which each sample's report is then built without
/// reading the file again.
///
/// A plain MAF is read in parts on the worker threads (``MAFFileParts``), its SHA-256 computed on
/// one of them at the same time; a compressed one is streamed on one thread while another hashes
/// it. Each part keeps its own ``VariantIndex``; a sample is matched on an index of its own
/// alterations only (gathered from the parts in file order, so matcher queries do not scan other
/// samples'), with TMB from the sample's ``MAFMutationCounts`` over the whole file. The QC counts
/// of its report are those of the whole file (rows read, skipped, failing FILTER), and the report
/// says so in a warning. Reports are the same whatever the number of threads or parts.
public struct CohortMAFSource: Sendable {
    public let path: String
    /// The file's rows as loaded, one entry per part, in file order.
    public let parts: [MAFPartLoad]
    /// The statistics of the whole file.
    public let statistics: MAFLoadStatistics
    /// SHA-256 of the file, computed once.
    public let sha256: String
    private let mutationCounts: [String: MAFMutationCounts]
    /// For each sample, its index in each part that has rows of it, in part order.
    private let sampleSlots: [String: [SampleSlot]]

    private struct SampleSlot: Sendable {
        var part: Int
        var sample: Int
    }

    /// What one loading job gives: the file's digest, or the rows of one part.
    private enum LoadResult: Sendable {
        case digest(Result<String, any Error>)
        case part(Result<MAFPartLoad, any Error>)
    }

    /// Reads the MAF at `path` on up to `threads` threads, keeping alterations in the genes
    /// `rules` mention.
    public init(path: String, rules: CompiledRuleSet, strict: Bool, threads: Int = 1) throws {
        let options = MAFAlterationLoader.Options(sample: nil, isLenient: !strict)
        let loader = MAFAlterationLoader(options: options)
        let genes = rules.mentionedGenes
        let threads = max(1, threads)
        let file = try MAFFileParts(
            path: path, count: threads == 1 ? 1 : threads * 4, requiredColumns: options.requiredColumns)
        let partCount = file?.parts.count ?? 1
        // Job 0 hashes the file; jobs 1… load the parts (or stream the whole compressed file).
        let results = OrderedWorkQueue<LoadResult>(threads: threads).run(
            count: partCount + 1,
            job: { job in
                if job == 0 {
                    return .init(result: .digest(Result { try SHA256.hexDigest(ofFile: path) }), stop: false)
                }
                let loaded = Result {
                    if let file { return try loader.load(part: job - 1, of: file, genesOfInterest: genes) }
                    var index = VariantIndex(samples: [], genesOfInterest: genes)
                    let statistics = try loader.load(path: path, into: &index)
                    return MAFPartLoad(index: index, statistics: statistics)
                }
                // A failing part stops the others from starting: the error of the first failing
                // part in file order is thrown below, as a serial read would throw it.
                return .init(result: .part(loaded), stop: (try? loaded.get()) == nil)
            },
            completed: { _, _ in })
        var parts: [MAFPartLoad] = []
        var digest: String?
        for result in results {
            switch result {
            case .digest(let value)?: digest = try value.get()
            case .part(let value)?: parts.append(try value.get())
            case nil: break
            }
        }
        guard let digest, parts.count == partCount else {
            throw FormatError(.io, file: path, message: "the MAF was not read completely")
        }
        self.path = path
        self.parts = parts
        self.sha256 = digest
        statistics = try MAFPartLoad.mergedStatistics(parts, file: path, options: options)
        var counts: [String: MAFMutationCounts] = [:]
        for item in statistics.mutationCounts { counts[item.sample] = item }
        mutationCounts = counts
        var slots: [String: [SampleSlot]] = [:]
        for (partIndex, part) in parts.enumerated() {
            for (sampleIndex, name) in part.index.samples.enumerated() {
                slots[name, default: []].append(SampleSlot(part: partIndex, sample: sampleIndex))
            }
        }
        sampleSlots = slots
    }

    /// Matches the sample of `entry` (its `input_sample`, else its `sample`) and writes `outputs`.
    ///
    /// `matcher`, when given, must have been made from `rules` and `oncoTree`; a cohort makes it
    /// once for all its samples.
    public func report(
        for entry: SampleSheet.Entry, rules: CompiledRuleSet, oncoTree: OncoTree,
        includeFilteredAlterations: Bool,
        outputs: [ReportFormat: String], matcher: Matcher? = nil
    ) throws -> MatchReport {
        let barcode = entry.inputSample ?? entry.sample
        guard let node = oncoTree.node(entry.tumourType) else {
            let close = oncoTree.closeMatches(for: entry.tumourType)
            throw MatchJob.RequestError(
                "unknown OncoTree code '\(entry.tumourType)'"
                    + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        guard let slots = sampleSlots[barcode], let counts = mutationCounts[barcode] else {
            throw FormatError(
                .value, file: path, field: MAFColumn.tumorSampleBarcode.rawValue,
                message: "no row of sample '\(barcode)' in the file" + statistics.skippedNote)
        }
        var sampleIndex = VariantIndex(samples: [barcode], genesOfInterest: rules.mentionedGenes)
        for slot in slots {
            for var alteration in parts[slot.part].index.alterations(ofSample: slot.sample) {
                alteration.sampleIndex = 0
                sampleIndex.add(alteration)
            }
        }
        let territory: CallableTerritory
        if let megabases = entry.targetMegabases {
            territory = CallableTerritory(megabases: megabases)
        } else if let bed = entry.targetBED {
            territory = try CallableTerritory.load(bedPath: bed)
        } else {
            territory = .assumedExome
        }
        let burden = try TumourMutationalBurden(
            numerator: .codingNonsynonymous, count: counts.count(for: .codingNonsynonymous),
            territory: territory,
            isTumourOnly: counts.isTumourOnly)
        let alternatives = try TMBNumerator.allCases.filter { $0 != .codingNonsynonymous }.map {
            try TumourMutationalBurden(
                numerator: $0, count: counts.count(for: $0), territory: territory,
                isTumourOnly: counts.isTumourOnly)
        }
        var warnings = ["QC counts are those of the whole MAF, read once for the cohort"]
        if counts.eligibleWithoutAlleleFraction > 0 {
            warnings.append(
                "\(counts.eligibleWithoutAlleleFraction) MAF rows have no read counts; TMB counts them unfiltered by VAF"
            )
        }
        let build = statistics.build ?? .unknown
        if build == .unknown {
            warnings.append(
                "genome build could not be told from the input; exact-allele rules are compared with both builds"
            )
        }
        let profile = TumourProfile(
            index: sampleIndex, sampleIndex: 0, normalName: counts.matchedNormalName, tumourType: node.code,
            build: build,
            annotationSource: .maf, tumourMutationalBurden: burden, alternativeBurdens: alternatives,
            msi: entry.msi,
            hrd: entry.hrd, includeFilteredAlterations: includeFilteredAlterations)
        let result = (matcher ?? Matcher(ruleSet: rules, oncoTree: oncoTree)).match(profile)
        let builder = MatchReportBuilder(
            ruleSet: rules.ruleSet, inputPath: path, inputSHA256: sha256,
            inputFormat: InputFormat.maf.rawValue,
            qc: QualityControl(
                recordsRead: statistics.rowsRead, recordsSkipped: statistics.rowsSkipped,
                skippedExamples: statistics.skippedExamples.map(\.description),
                recordsFiltered: statistics.rowsFailingFilter,
                annotationSource: AnnotationSource.maf.rawValue,
                alterationsIndexed: sampleIndex.alterations.count),
            msiSource: entry.msi == .unknown ? nil : "sample sheet",
            hrdSource: entry.hrd == .unknown ? nil : "sample sheet")
        var report = builder.build(result, profile: profile, oncoTree: oncoTree)
        report.input.samples = [barcode]
        var seen: Set<String> = []
        report.warnings = (warnings + report.warnings).filter { seen.insert($0).inserted }
        try CohortReportFiles.write(report, outputs: outputs)
        return report
    }
}
