import GenomicFormats

/// Streams a VCF once and turns the tumour's ALT alleles into ``Alteration``s in a
/// ``VariantIndex``, while counting what TMB needs.
///
/// Only alleles present in the tumour become alterations (its genotype carries the allele, or —
/// without a genotype — it has alt reads); an allele with zero alt reads in the tumour, or seen
/// only in the normal, never does. Multi-allelic records are walked allele by allele. Alterations
/// are kept when they touch a gene of interest, or when their normalised allele is one a rule
/// names (so an unannotated VCF can still match exact-allele rules).
public enum VCFAlterationLoader {
    /// What to load and how.
    public struct Options: Sendable {
        public var tumourSample: String?
        public var normalSample: String?
        /// Genes whose alterations are kept; `nil` keeps every gene.
        public var genesOfInterest: Set<String>?
        /// Alleles named by rules, with their gene, kept even without annotation.
        public var allelesOfInterest: [GenomicAllele: String]
        /// Stop at the first malformed record instead of skipping and counting it.
        public var strict: Bool
        public var stopLostIsTruncating: Bool
        /// TMB counts PASS variants with at least this VAF…
        public var tmbMinimumVAF: Double
        /// …and at least this depth (when the depth is known).
        public var tmbMinimumDepth: Int

        public init(
            tumourSample: String? = nil, normalSample: String? = nil, genesOfInterest: Set<String>? = nil,
            allelesOfInterest: [GenomicAllele: String] = [:], strict: Bool = false,
            stopLostIsTruncating: Bool = true, tmbMinimumVAF: Double = 0.05, tmbMinimumDepth: Int = 10
        ) {
            self.tumourSample = tumourSample
            self.normalSample = normalSample
            self.genesOfInterest = genesOfInterest
            self.allelesOfInterest = allelesOfInterest
            self.strict = strict
            self.stopLostIsTruncating = stopLostIsTruncating
            self.tmbMinimumVAF = tmbMinimumVAF
            self.tmbMinimumDepth = tmbMinimumDepth
        }
    }

    /// What one pass over the file produced.
    public struct Result: Sendable {
        /// The index, holding the tumour sample only (sample index 0).
        public var index: VariantIndex
        public var samples: TumourNormalPair
        /// Every sample column of the VCF.
        public var allSampleNames: [String]
        public var build: GenomeBuild
        public var annotationSource: AnnotationSource
        /// Counts for TMB; `nil` when the VCF has no annotation (coding status unknown).
        public var tmbCounter: TMBCounter?
        public var recordsRead: Int
        public var recordsSkipped: Int
        public var skippedExamples: [FormatError]
        /// Records whose FILTER is neither PASS nor `.`.
        public var recordsFiltered: Int
    }

    /// Reads `path` (plain, gzip or BGZF; `-` for standard input).
    public static func load(path: String, options: Options = Options()) throws -> Result {
        let reader = try VCFReader(
            path: path, options: VCFReaderOptions(strict: options.strict))
        let header = reader.header
        let pair = try TumourNormalPair.choose(
            header: header, path: path, tumour: options.tumourSample, normal: options.normalSample)
        let schema = try annotationSchema(header, path: path)
        let source: AnnotationSource =
            switch schema?.tool {
            case .vep?: .vep
            case .snpEff?: .snpEff
            default: .none
            }
        var state = LoadState(
            index: VariantIndex(samples: [pair.tumourName], genesOfInterest: options.genesOfInterest),
            options: options, pair: pair, schema: schema, source: source, build: header.genomeBuild)
        var record = VCFRecord()
        var examples: [FormatError] = []
        var ownSkips = 0
        var filtered = 0
        while try reader.read(into: &record) {
            if record.isFiltered { filtered += 1 }
            do {
                try state.add(record)
            } catch let error as FormatError {
                if options.strict { throw error }
                ownSkips += 1
                if examples.count < 10 { examples.append(error) }
            }
        }
        return Result(
            index: state.index, samples: pair, allSampleNames: header.sampleNames, build: header.genomeBuild,
            annotationSource: source, tmbCounter: schema == nil ? nil : state.tmb,
            recordsRead: reader.recordsRead, recordsSkipped: reader.skipped + ownSkips,
            skippedExamples: Array((reader.skippedExamples + examples).prefix(10)), recordsFiltered: filtered)
    }

    /// The annotation declared by the header: VEP `CSQ` first, then `ANN` (VEP or SnpEff).
    static func annotationSchema(_ header: VCFHeader, path: String) throws -> AnnotationSchema? {
        for tag in ["CSQ", "ANN"] {
            if let definition = header.info(tag) {
                return try AnnotationSchema(tag: tag, description: definition.description, file: path)
            }
        }
        return nil
    }
}

/// The mutable state of one load: the index being built and the TMB counter.
private struct LoadState {
    var index: VariantIndex
    let options: VCFAlterationLoader.Options
    let pair: TumourNormalPair
    let schema: AnnotationSchema?
    let source: AnnotationSource
    let build: GenomeBuild
    /// The genes of interest as bytes, for allocation-free membership tests.
    let geneSet: ByteStringSet
    /// Consequence fields already classified (a file has few distinct `&`-joined term lists).
    var consequenceClasses: ConsequenceClassCache
    /// Positions of the alleles rules name, to skip normalising alleles no rule can name.
    let rulePositions: SortedPositions
    /// The annotation columns the survey reads, resolved once.
    let surveyFields: AnnotationSurveyFields
    var tmb = TMBCounter()

    init(
        index: VariantIndex, options: VCFAlterationLoader.Options, pair: TumourNormalPair,
        schema: AnnotationSchema?, source: AnnotationSource, build: GenomeBuild
    ) {
        self.index = index
        self.options = options
        self.pair = pair
        self.schema = schema
        self.source = source
        self.build = build
        self.geneSet = ByteStringSet(index.genesOfInterest ?? [])
        self.consequenceClasses = ConsequenceClassCache(stopLostIsTruncating: options.stopLostIsTruncating)
        self.rulePositions = SortedPositions(options.allelesOfInterest.keys.map(\.position))
        self.surveyFields = schema.map { AnnotationSurveyFields(schema: $0) } ?? AnnotationSurveyFields.none
    }

    mutating func add(_ record: VCFRecord) throws {
        let alternateCount = record.alternateAlleleCount
        guard alternateCount > 0 else { return }
        if try addCopyNumberEvent(record) { return }
        let tumourGenotype = try pair.tumour.flatMap { try record.genotype(sample: $0) }
        // One pass over the annotation bytes: which ALT alleles touch a gene of interest, and the
        // consequence of each allele's principal entry (for TMB), without building strings for
        // the alleles nobody asked about.
        var survey: AnnotationSurvey?
        if let schema { survey = surveyAnnotations(record, schema: schema, alternateCount: alternateCount) }
        let passes = record.isPass || !record.isFiltered
        var annotations: [Int: [TranscriptAnnotation]]?
        var normalGenotype: VCFGenotype??
        for offset in 0..<alternateCount {
            let allele = offset + 1
            switch record.alternateAlleleKind(offset) {
            case .spanningDeletion?, .missing?, nil: continue
            case .symbolic?:
                let text = record.withAlternateAllele(offset) { String(decoding: $0, as: UTF8.self) }
                if text == "<*>" || text == "<NON_REF>" { continue }
            default: break
            }
            let support = try ReadSupport.read(record, sample: pair.tumour, allele: allele)
            guard isPresent(allele, genotype: tumourGenotype, support: support) else { continue }
            if normalGenotype == nil {
                normalGenotype = .some(try pair.normal.flatMap { try record.genotype(sample: $0) })
            }
            let origin = try self.origin(of: allele, record: record, genotype: normalGenotype ?? nil)
            if let survey {
                let deepEnough = support.depth.map { $0 >= options.tmbMinimumDepth } ?? true
                let frequentEnough = support.vaf.map { $0 >= options.tmbMinimumVAF } ?? true
                tmb.record(
                    survey.principalClass[allele] ?? .nonCoding,
                    passesFilters: passes && deepEnough && frequentEnough && origin != .germline)
            }
            let interesting = survey.map { $0.interesting.contains(allele) } ?? index.keepsAllGenes
            // Normalising builds strings; an allele of no gene of interest needs it only when a rule
            // names an allele that could start within this record's REF span.
            guard
                interesting
                    || rulePositions.anyWithin(record.position, referenceLength: record.referenceLength)
            else { continue }
            let alternate = record.withAlternateAllele(offset) { String(decoding: $0, as: UTF8.self) } ?? "."
            let genomic = GenomicAllele.normalised(
                chromosome: record.chromosome, position: record.position, reference: record.reference,
                alternate: alternate)
            let ruleGene = options.allelesOfInterest[genomic]
            guard interesting || ruleGene != nil else { continue }
            if annotations == nil {
                annotations = schema.map { annotationsByAllele(record, schema: $0) } ?? [:]
            }
            let transcripts = annotations?[allele] ?? []
            let principal = TranscriptAnnotation.principalIndex(in: transcripts)
            var gene = principal.map { transcripts[$0].gene } ?? ""
            if gene.isEmpty, let ruleGene { gene = ruleGene }
            let genes = Set(transcripts.map(\.gene)).union([gene]).filter { !$0.isEmpty }
            let kind: Alteration.Kind =
                record.alternateAlleleKind(offset) == .base ? .smallVariant : structuralKind(transcripts)
            var alteration = Alteration(
                sampleIndex: 0, gene: gene, kind: kind, allele: genomic, transcripts: transcripts,
                principalTranscriptIndex: principal, filter: record.filters.joined(separator: ";"),
                depth: support.depth, altDepth: support.altDepth, vaf: support.vaf,
                depthSource: support.source,
                genotype: tumourGenotype?.description,
                zygosity: zygosity(of: allele, genotype: tumourGenotype),
                origin: origin, annotationSource: source, sourceLine: record.lineNumber)
            if let ruleGene, !index.wants(anyOf: genes) {
                // Kept for an exact-allele rule although its annotation names no gene of interest.
                alteration.gene = ruleGene
                alteration.transcripts = []
                alteration.principalTranscriptIndex = nil
            }
            index.add(alteration)
        }
    }

    /// A CNV/SV record (`<DEL>`, `<DUP>`, `<CNV>` or `SVTYPE=DEL/DUP/CNV`) with a tumour copy
    /// number (`FORMAT/CN`, else `INFO/CN`; a deletion whose tumour genotype is homozygous counts as
    /// 0 copies) becomes an amplification or homozygous-deletion alteration of each gene of interest
    /// it covers: the genes its annotation names, or — unannotated — the genes of the bundled
    /// coordinate table of the header's build (GRCh37 or GRCh38) its span overlaps. Returns whether the record was such an event (then no small variant is made).
    mutating func addCopyNumberEvent(_ record: VCFRecord) throws -> Bool {
        // Only symbolic alleles describe copy-number events; test that before reading INFO.
        guard record.alternateAlleleKind(0) == .symbolic else { return false }
        let alternate = record.withAlternateAllele(0) { String(decoding: $0, as: UTF8.self) } ?? ""
        let svType = record.infoString("SVTYPE") ?? ""
        let isDeletion = alternate.hasPrefix("<DEL") || (svType == "DEL" && !alternate.hasPrefix("["))
        let isGain = alternate.hasPrefix("<DUP") || svType == "DUP"
        let isCNV = alternate.hasPrefix("<CNV") || svType == "CNV"
        guard isDeletion || isGain || isCNV else {
            return false
        }
        var copies = try pair.tumour.flatMap { try record.sampleInteger(sample: $0, key: "CN") }
        var source = copies == nil ? nil : "FORMAT/CN"
        if copies == nil, let value = try record.infoInteger("CN") {
            copies = value
            source = "INFO/CN"
        }
        if copies == nil, isDeletion,
            let genotype = try pair.tumour.flatMap({ try record.genotype(sample: $0) }),
            genotype.ploidy > 0, genotype.alleles.allSatisfy({ $0 == 1 })
        {
            copies = 0
            source = "FORMAT/GT (homozygous deletion)"
        }
        let state: CopyNumberState
        switch copies {
        case 0?: state = .homozygousDeletion
        case let total? where CopyNumberThresholds.default.isAmplified(total: total): state = .amplification
        default: return true  // A CNV/SV record, but no actionable copy-number state.
        }
        var genes: [String] = []
        if let schema {
            _ = record.withInfoValue(forKey: schema.tag) { value in
                for entry in AnnotationEntries(value, schema: schema) {
                    if let symbol = entry.symbol, !symbol.isEmpty, !genes.contains(symbol) {
                        genes.append(symbol)
                    }
                }
            }
        }
        if genes.isEmpty, GeneCoordinateTable.isBundled(build),
            let table = try? GeneCoordinateTable.bundled(build)
        {
            let end = (try? record.endPosition()) ?? record.position
            let chromosome = GenomicAllele.normalised(
                chromosome: record.chromosome, position: 1, reference: "N", alternate: "N"
            ).chromosome
            genes = table.genes(overlapping: chromosome, start: record.position, end: end).map(\.gene)
        }
        for gene in genes where index.wants(anyOf: [gene]) {
            index.add(
                Alteration(
                    sampleIndex: 0, gene: gene, kind: .copyNumber(state),
                    allele: GenomicAllele.normalised(
                        chromosome: record.chromosome, position: record.position, reference: record.reference,
                        alternate: alternate),
                    filter: record.filters.joined(separator: ";"),
                    depthSource: source.map { "\($0) = \(copies ?? 0) copies" },
                    annotationSource: self.source,
                    sourceLine: record.lineNumber))
        }
        return true
    }

    /// What one pass over a record's annotation says per ALT allele (1-based).
    struct AnnotationSurvey {
        /// Alleles with an entry whose gene is of interest (every annotated allele when all genes are kept).
        var interesting: Set<Int> = []
        /// The variant class of each allele's principal entry (MANE Select → canonical → protein-coding → first).
        var principalClass: [Int: VariantClass] = [:]
    }

    mutating func surveyAnnotations(_ record: VCFRecord, schema: AnnotationSchema, alternateCount: Int)
        -> AnnotationSurvey
    {
        var result = AnnotationSurvey()
        var bestRank = [Int](repeating: Int.max, count: alternateCount + 1)
        var principalClass = [VariantClass?](repeating: nil, count: alternateCount + 1)
        var classes = consequenceClasses
        defer { consequenceClasses = classes }
        record.withReference { reference in
            record.withAlternateAlleles { alternates in
                let alleles = AnnotationAlleles(reference: reference, alternates: alternates)
                _ = record.withInfoValue(forKey: schema.tag) { value in
                    for entry in AnnotationEntries(value, schema: schema) {
                        let fields = surveyFields.split(entry)
                        guard let allele = Self.alternateIndex(fields, tool: schema.tool, in: alleles),
                            allele >= 1,
                            allele <= alternateCount
                        else { continue }
                        if index.keepsAllGenes
                            || (fields[.symbol].map { geneSet.contains($0.bytes) } ?? false)
                        {
                            result.interesting.insert(allele)
                        }
                        let rank = Self.principalRank(fields)
                        if rank < bestRank[allele] {
                            bestRank[allele] = rank
                            if let consequence = fields[.consequence] {
                                principalClass[allele] = classes.variantClass(of: consequence.bytes)
                            } else {
                                principalClass[allele] = .nonCoding
                            }
                        }
                    }
                }
            }
        }
        for allele in 1...alternateCount {
            result.principalClass[allele] = principalClass[allele]
        }
        return result
    }

    /// The order ``TranscriptAnnotation/principalIndex(in:)`` uses, from raw entry bytes.
    static func principalRank(_ fields: AnnotationSurveyFields.Values) -> Int {
        if let mane = fields[.maneSelect], !mane.isEmpty { return 0 }
        if let canonical = fields[.canonical], canonical.equals("YES") { return 1 }
        if let biotype = fields[.biotype], biotype.equals("protein_coding") { return 2 }
        return 3
    }

    /// ``AnnotationEntry/alternateIndex(in:)`` from the surveyed fields.
    static func alternateIndex(
        _ fields: AnnotationSurveyFields.Values, tool: AnnotationSchema.Tool, in alleles: AnnotationAlleles
    ) -> Int? {
        if let number = fields[.alleleNumber]?.integer { return number }
        guard let allele = fields[.allele] else { return nil }
        switch tool {
        case .vep: return alleles.vepAlternateIndex(of: allele.bytes)
        case .snpEff: return alleles.snpEffAlternateIndex(of: allele.bytes)
        case .bcftoolsCSQ, .other: return nil
        }
    }

    /// Whether the tumour carries ALT `allele`: its genotype says so (a missing or absent genotype
    /// defers to the reads), and it does not have zero alt reads.
    func isPresent(_ allele: Int, genotype: VCFGenotype?, support: ReadSupport) -> Bool {
        if let altDepth = support.altDepth, altDepth == 0 { return false }
        guard let genotype, !genotype.alleles.allSatisfy({ $0 == nil }) else { return true }
        return genotype.alleles.contains(allele)
    }

    /// Somatic when the matched normal lacks the allele, germline when it carries it (genotype, or
    /// at least 2 alt reads and VAF ≥ 5% without a genotype), unknown without a normal.
    func origin(of allele: Int, record: VCFRecord, genotype: VCFGenotype?) throws -> Origin {
        guard let normal = pair.normal else { return .unknown }
        if let genotype, !genotype.alleles.allSatisfy({ $0 == nil }) {
            return genotype.alleles.contains(allele) ? .germline : .somatic
        }
        let support = try ReadSupport.read(record, sample: normal, allele: allele)
        if let alt = support.altDepth, alt >= 2, (support.vaf ?? 0) >= 0.05 { return .germline }
        return .somatic
    }

    func zygosity(of allele: Int, genotype: VCFGenotype?) -> Zygosity {
        guard let genotype, genotype.alleles.contains(allele) else { return .unknown }
        if genotype.ploidy == 1 { return .hemizygous }
        return genotype.alleles.allSatisfy { $0 == allele } ? .homozygous : .heterozygous
    }

    /// A fusion when an annotation says so (SnpEff `gene_fusion`, `bidirectional_gene_fusion`,
    /// gene names `A&B`), otherwise a structural variant.
    func structuralKind(_ transcripts: [TranscriptAnnotation]) -> Alteration.Kind {
        for transcript in transcripts
        where transcript.consequences.contains(where: { $0.hasSuffix("gene_fusion") }) {
            let parts = transcript.gene.split(whereSeparator: { $0 == "&" || $0 == "-" }).map(String.init)
            if parts.count == 2 { return .fusion(fivePrime: parts[0], threePrime: parts[1]) }
        }
        return .structural
    }

    /// The annotation entries of each ALT allele (1-based), decoded into domain values.
    func annotationsByAllele(_ record: VCFRecord, schema: AnnotationSchema) -> [Int: [TranscriptAnnotation]] {
        var result: [Int: [TranscriptAnnotation]] = [:]
        record.withReference { reference in
            record.withAlternateAlleles { alternates in
                let alleles = AnnotationAlleles(reference: reference, alternates: alternates)
                _ = record.withInfoValue(forKey: schema.tag) { value in
                    for entry in AnnotationEntries(value, schema: schema) {
                        guard let allele = entry.alternateIndex(in: alleles) else { continue }
                        result[allele, default: []].append(transcriptAnnotation(entry))
                    }
                }
            }
        }
        return result
    }

    func transcriptAnnotation(_ entry: AnnotationEntry) -> TranscriptAnnotation {
        let consequences = entry.consequences.strings
        let hgvsp = entry.hgvsp
        let change = hgvsp.flatMap { ProteinChange.parse($0) }
        return TranscriptAnnotation(
            gene: entry.symbol ?? "", transcript: entry.transcriptID, biotype: entry.biotype,
            consequences: consequences,
            variantClass: VariantClass.classify(
                consequences: consequences, proteinChange: change,
                stopLostIsTruncating: options.stopLostIsTruncating),
            hgvsp: hgvsp, proteinChange: change, hgvsc: entry.hgvsc,
            exon: entry.exon.map { .init(number: $0.number, total: $0.total) },
            intron: entry.intron.map { .init(number: $0.number, total: $0.total) },
            isCanonical: entry.isCanonical ?? false, maneSelect: entry.maneSelect,
            clinicalSignificance: entry.clinicalSignificance?.strings.joined(separator: "&"))
    }
}

/// Sorted positions answering "is any within this span" by binary search.
struct SortedPositions {
    private let positions: [Int]

    init(_ positions: some Sequence<Int>) { self.positions = Array(Set(positions)).sorted() }

    /// Whether a position lies in `start…start+referenceLength-1` (normalisation only trims, so a
    /// normalised allele starts there); a REF of length 0 counts as 1.
    func anyWithin(_ start: Int, referenceLength: Int) -> Bool {
        let end = start + Swift.max(referenceLength, 1) - 1
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] <= end
    }
}

extension VCFRecord {
    /// The length of REF in bytes.
    fileprivate var referenceLength: Int { withReference { $0.count } }
}
