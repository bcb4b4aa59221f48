import GenomicFormats

/// Reads one tumour's input (a VCF, or one sample of a MAF) and its optional copy-number and
/// fusion tables into a ``TumourProfile``, in one streaming pass over the variants.
public enum TumourProfileLoader {
    /// What to load.
    public struct Request: Sendable {
        /// VCF (plain, gzip, BGZF; `-` for standard input) or MAF path.
        public var inputPath: String
        /// OncoTree code of the tumour.
        public var tumourType: String
        public var sample: String?
        public var normal: String?
        /// Genes whose alterations are kept (those the rules mention); `nil` keeps every gene.
        public var genesOfInterest: Set<String>?
        /// Alleles named by exact-allele rules (any build), with their gene.
        public var allelesOfInterest: [GenomicAllele: String]
        public var msi: MSIStatus
        public var hrd: HRDStatus
        /// The TMB denominator; `nil` assumes an exome (``CallableTerritory/assumedExome``).
        public var territory: CallableTerritory?
        public var includeFilteredAlterations: Bool
        /// A copy-number segment table (Chromosome, Start, End, nMajor, nMinor).
        public var copyNumberPath: String?
        /// A fusion table (`A--B` per row).
        public var fusionsPath: String?
        public var strict: Bool
        /// Parse a VCF on two threads; off when the caller loads one tumour per core (batch).
        public var parsesOnTwoThreads = true
        /// Hash a VCF's stored bytes while reading them (``Loaded/inputSHA256``); off when the
        /// caller hashes the file otherwise.
        public var computesInputChecksum = true
        /// Index alterations annotated as non-coding on every transcript
        /// (``VCFAlterationLoader/Options/keepsNonCodingAlterations``); `match` turns it off when no
        /// rule accepts the non-coding class.
        public var keepsNonCodingAlterations = true

        public init(
            inputPath: String, tumourType: String, sample: String? = nil, normal: String? = nil,
            genesOfInterest: Set<String>? = nil, allelesOfInterest: [GenomicAllele: String] = [:],
            msi: MSIStatus = .unknown, hrd: HRDStatus = .unknown, territory: CallableTerritory? = nil,
            includeFilteredAlterations: Bool = false, copyNumberPath: String? = nil,
            fusionsPath: String? = nil,
            strict: Bool = false
        ) {
            self.inputPath = inputPath
            self.tumourType = tumourType
            self.sample = sample
            self.normal = normal
            self.genesOfInterest = genesOfInterest
            self.allelesOfInterest = allelesOfInterest
            self.msi = msi
            self.hrd = hrd
            self.territory = territory
            self.includeFilteredAlterations = includeFilteredAlterations
            self.copyNumberPath = copyNumberPath
            self.fusionsPath = fusionsPath
            self.strict = strict
        }
    }

    /// The profile and what was read to build it.
    public struct Loaded: Sendable {
        public var profile: TumourProfile
        public var inputFormat: InputFormat
        /// Every sample the input holds.
        public var inputSamples: [String]
        public var recordsRead: Int
        public var recordsSkipped: Int
        public var skippedExamples: [String]
        public var recordsFiltered: Int
        /// Caveats found while loading (e.g. unknown build, TMB not computable).
        public var warnings: [String]
        /// The hex SHA-256 of the input's stored bytes when it was hashed while being read
        /// (VCF input, ``Request/computesInputChecksum``); `nil` otherwise.
        public var inputSHA256: String? = nil
    }

    /// Loads the tumour described by `request`.
    public static func load(_ request: Request) throws -> Loaded {
        let format = try InputFormat.detect(path: request.inputPath)
        var loaded: Loaded
        switch format {
        case .vcf: loaded = try loadVCF(request)
        case .maf: loaded = try loadMAF(request)
        }
        try addCopyNumber(request, to: &loaded)
        try addFusions(request, to: &loaded)
        if loaded.profile.build == .unknown {
            loaded.warnings.append(
                "genome build could not be told from the input; exact-allele rules are compared with both builds"
            )
        }
        return loaded
    }

    private static func loadVCF(_ request: Request) throws -> Loaded {
        let result = try VCFAlterationLoader.load(
            path: request.inputPath,
            options: .init(
                tumourSample: request.sample, normalSample: request.normal,
                genesOfInterest: request.genesOfInterest, allelesOfInterest: request.allelesOfInterest,
                strict: request.strict, computesInputChecksum: request.computesInputChecksum,
                parsesOnTwoThreads: request.parsesOnTwoThreads,
                keepsNonCodingAlterations: request.keepsNonCodingAlterations))
        let isTumourOnly = result.samples.normal == nil
        var burden: TumourMutationalBurden?
        var alternatives: [TumourMutationalBurden] = []
        if let counter = result.tmbCounter {
            let territory = request.territory ?? .assumedExome
            burden = try counter.result(territory: territory, isTumourOnly: isTumourOnly)
            alternatives = try TMBNumerator.allCases.filter { $0 != .codingNonsynonymous }.map {
                try counter.result(numerator: $0, territory: territory, isTumourOnly: isTumourOnly)
            }
        }
        let profile = TumourProfile(
            index: result.index, sampleIndex: 0, normalName: result.samples.normalName,
            tumourType: request.tumourType, build: result.build, annotationSource: result.annotationSource,
            tumourMutationalBurden: burden, alternativeBurdens: alternatives, msi: request.msi,
            hrd: request.hrd,
            includeFilteredAlterations: request.includeFilteredAlterations)
        return Loaded(
            profile: profile, inputFormat: .vcf, inputSamples: result.allSampleNames,
            recordsRead: result.recordsRead, recordsSkipped: result.recordsSkipped,
            skippedExamples: result.skippedExamples.map(\.description),
            recordsFiltered: result.recordsFiltered,
            warnings: result.warnings, inputSHA256: result.inputSHA256)
    }

    private static func loadMAF(_ request: Request) throws -> Loaded {
        var index = VariantIndex(samples: [], genesOfInterest: request.genesOfInterest)
        let loader = MAFAlterationLoader(options: .init(sample: request.sample, isLenient: !request.strict))
        let statistics = try loader.load(path: request.inputPath, into: &index)
        guard let sampleName = request.sample ?? index.samples.first,
            let sampleIndex = index.samples.firstIndex(of: sampleName)
        else {
            throw FormatError(
                .record, file: request.inputPath,
                message: "the MAF holds no variant rows" + statistics.skippedNote)
        }
        if request.sample == nil && statistics.mutationCounts.count > 1 {
            throw FormatError(
                .record, file: request.inputPath, field: "Tumor_Sample_Barcode",
                message: "the MAF holds \(statistics.mutationCounts.count) samples; choose one with --sample")
        }
        var warnings: [String] = []
        var burden: TumourMutationalBurden?
        var alternatives: [TumourMutationalBurden] = []
        if let counts = statistics.mutationCounts(ofSample: sampleName) {
            let territory = request.territory ?? .assumedExome
            burden = try TumourMutationalBurden(
                numerator: .codingNonsynonymous, count: counts.count(for: .codingNonsynonymous),
                territory: territory, isTumourOnly: counts.isTumourOnly)
            alternatives = try TMBNumerator.allCases.filter { $0 != .codingNonsynonymous }.map {
                try TumourMutationalBurden(
                    numerator: $0, count: counts.count(for: $0), territory: territory,
                    isTumourOnly: counts.isTumourOnly)
            }
            if counts.eligibleWithoutAlleleFraction > 0 {
                warnings.append(
                    "\(counts.eligibleWithoutAlleleFraction) MAF rows have no read counts; TMB counts them unfiltered by VAF"
                )
            }
        }
        let build = statistics.build ?? .unknown
        let profile = TumourProfile(
            index: index, sampleIndex: sampleIndex,
            normalName: statistics.mutationCounts(ofSample: sampleName)?.matchedNormalName,
            tumourType: request.tumourType,
            build: build, annotationSource: .maf, tumourMutationalBurden: burden,
            alternativeBurdens: alternatives, msi: request.msi, hrd: request.hrd,
            includeFilteredAlterations: request.includeFilteredAlterations)
        return Loaded(
            profile: profile, inputFormat: .maf, inputSamples: index.samples,
            recordsRead: statistics.rowsRead,
            recordsSkipped: statistics.rowsSkipped,
            skippedExamples: statistics.skippedExamples.map(\.description),
            recordsFiltered: statistics.rowsFailingFilter, warnings: warnings)
    }

    /// Copy-number segments → amplification / homozygous deletion / LOH alterations of the genes
    /// the bundled coordinate table knows for the input's build.
    private static func addCopyNumber(_ request: Request, to loaded: inout Loaded) throws {
        guard let path = request.copyNumberPath else { return }
        let build = loaded.profile.build
        guard build != .unknown else {
            throw FormatError(
                .io, file: path,
                message: "copy-number segments need the genome build, which the input does not state")
        }
        guard GeneCoordinateTable.isBundled(build) else {
            let supported = GenomeBuild.allCases.filter(GeneCoordinateTable.isBundled)
            throw FormatError(
                .io, file: path,
                message: "copy-number segments are not supported for \(build.rawValue) inputs yet (no "
                    + "\(build.rawValue) gene coordinates are shipped); supported: "
                    + supported.map(\.rawValue).joined(separator: ", "))
        }
        let table = try GeneCoordinateTable.bundled(build)
        let segments = try CopyNumberReader.read(path: path)
        if !table.unsourcedGenes.isEmpty {
            loaded.warnings.append(
                "no verifiable \(build.rawValue) coordinates are shipped for "
                    + "\(table.unsourcedGenes.joined(separator: ", ")); their copy number is not called")
        }
        for call in GeneCopyNumber.call(segments: segments, genes: table) where call.state != .neutral {
            // `9 copies`, or `4–9 copies` when the gene spans segments of different copy number.
            let copies =
                call.minimumTotalCopies == call.maximumTotalCopies
                ? "\(call.minimumTotalCopies)" : "\(call.minimumTotalCopies)–\(call.maximumTotalCopies)"
            loaded.profile.index.add(
                Alteration(
                    sampleIndex: loaded.profile.sampleIndex, gene: call.gene, kind: .copyNumber(call.state),
                    depthSource: "copy-number segments: \(copies) \(copies == "1" ? "copy" : "copies")"))
        }
    }

    /// Fusion rows → fusion alterations.
    private static func addFusions(_ request: Request, to loaded: inout Loaded) throws {
        guard let path = request.fusionsPath else { return }
        let table = try FusionReader.readTable(path: path)
        loaded.warnings += table.notes
        for event in table.events {
            // A partner the caller could not name (`--ALK`) stays empty: the event still satisfies
            // rules for the named gene with any partner, not those naming both partners.
            let five = event.fivePrimeGene ?? ""
            let three = event.threePrimeGene ?? ""
            loaded.profile.index.add(
                Alteration(
                    sampleIndex: loaded.profile.sampleIndex, gene: five.isEmpty ? three : five,
                    kind: .fusion(fivePrime: five, threePrime: three, oriented: event.oriented),
                    altDepth: event.splitReads,
                    depthSource: event.splitReads == nil ? nil : "split reads"))
        }
    }
}

/// The kind of variant input, told from its first lines.
public enum InputFormat: String, Sendable {
    case vcf
    case maf

    /// `vcf` when the file starts with `##fileformat=VCF` (or a `#CHROM` line); `maf` when a
    /// header row names MAF columns. Standard input (`-`) is taken as VCF.
    public static func detect(path: String) throws -> InputFormat {
        if path == "-" { return .vcf }
        // Inflated on this thread, a block at a time: a few lines are read, and worker threads
        // would inflate megabytes ahead (~130 BGZF blocks of the benchmark file) for nothing.
        let reader = try LineReader(path: path, inflateThreads: 0)
        var inspected = 0
        while inspected < 64, let line = try reader.nextLine() {
            inspected += 1
            let text = String(decoding: line.prefix(4096), as: UTF8.self)
            if text.hasPrefix("##fileformat=VCF") || text.hasPrefix("#CHROM") { return .vcf }
            if text.hasPrefix("#") || text.isEmpty { continue }
            if text.contains("Tumor_Sample_Barcode") || text.hasPrefix("Hugo_Symbol") { return .maf }
            break
        }
        throw FormatError(
            .header, file: path, line: reader.lineNumber,
            message:
                "not a VCF (no ##fileformat=VCF line) nor a MAF (no Hugo_Symbol/Tumor_Sample_Barcode header)")
    }
}
