import GenomicFormats
import OncoDomain
import OncoMatch
import OncoRules

/// A MAF holding many samples, read once into one cohort-aware ``VariantIndex``, from which each
/// sample's report is then built without reading the file again.
///
/// Each sample is matched on an index of its own alterations only (copied out of the shared
/// index, so matcher queries do not scan other samples'), with TMB from the sample's
/// ``MAFMutationCounts``. The QC counts of its report are those of the whole file (rows read,
/// skipped, failing FILTER), and the report says so in a warning.
public struct CohortMAFSource: Sendable {
    public let path: String
    public let index: VariantIndex
    public let statistics: MAFLoadStatistics
    /// SHA-256 of the file, computed once.
    public let sha256: String
    private let mutationCounts: [String: MAFMutationCounts]

    /// Reads the MAF at `path`, keeping alterations in the genes `rules` mention.
    public init(path: String, rules: CompiledRuleSet, strict: Bool) throws {
        var index = VariantIndex(samples: [], genesOfInterest: rules.mentionedGenes)
        let loader = MAFAlterationLoader(options: .init(sample: nil, isLenient: !strict))
        self.statistics = try loader.load(path: path, into: &index)
        self.index = index
        self.path = path
        self.sha256 = try SHA256.hexDigest(ofFile: path)
        var counts: [String: MAFMutationCounts] = [:]
        for item in statistics.mutationCounts { counts[item.sample] = item }
        self.mutationCounts = counts
    }

    /// Matches the sample of `entry` (its `input_sample`, else its `sample`) and writes `outputs`.
    public func report(
        for entry: SampleSheet.Entry, rules: CompiledRuleSet, oncoTree: OncoTree,
        includeFilteredAlterations: Bool,
        outputs: [ReportFormat: String]
    ) throws -> MatchReport {
        let barcode = entry.inputSample ?? entry.sample
        guard let node = oncoTree.node(entry.tumourType) else {
            let close = oncoTree.closeMatches(for: entry.tumourType)
            throw MatchJob.RequestError(
                "unknown OncoTree code '\(entry.tumourType)'"
                    + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
        }
        guard let sharedIndex = index.samples.firstIndex(of: barcode), let counts = mutationCounts[barcode]
        else {
            throw FormatError(
                .value, file: path, field: MAFColumn.tumorSampleBarcode.rawValue,
                message: "no row of sample '\(barcode)' in the file")
        }
        var sampleIndex = VariantIndex(samples: [barcode], genesOfInterest: index.genesOfInterest)
        for var alteration in index.alterations(ofSample: sharedIndex) {
            alteration.sampleIndex = 0
            sampleIndex.add(alteration)
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
            index: sampleIndex, sampleIndex: 0, normalName: nil, tumourType: node.code, build: build,
            annotationSource: .maf, tumourMutationalBurden: burden, alternativeBurdens: alternatives,
            msi: entry.msi,
            hrd: entry.hrd, includeFilteredAlterations: includeFilteredAlterations)
        let result = Matcher(ruleSet: rules, oncoTree: oncoTree).match(profile)
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
