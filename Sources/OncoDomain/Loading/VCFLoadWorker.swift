import GenomicFormats

/// One thread's share of a load: the alterations of the current part (taken in file order) and
/// the TMB and FILTER counts (summed at the end).
struct VCFLoadWorker: VCFPassWorker {
    /// An empty index with the load's samples and genes of interest, asked what it would keep.
    let index: VariantIndex
    /// Alterations of the current part, in file order.
    var pending: [Alteration] = []
    /// Per allele of the current record (index 0 unused; see `surveyAnnotations`).
    var survey: [AlleleSurvey] = []
    /// The position and ALT count of the record the quick path surveyed whole before handing it
    /// to the general path (an allele of a gene of interest): `survey` is then that record's,
    /// and the general path does not walk its annotation again. Cleared as each line is offered.
    var surveyCarriedOver: (position: Int, alternateCount: Int)?
    /// Records whose FILTER is neither PASS nor `.`.
    var filtered = 0
    let options: VCFAlterationLoader.Options
    let pair: TumourNormalPair
    let schema: AnnotationSchema?
    let source: AnnotationSource
    let build: GenomeBuild
    /// The genes of interest as bytes, for allocation-free membership tests.
    let geneSet: ByteStringSet
    /// The last symbol looked up in `geneSet` (at first the empty one) and the answer: records
    /// come sorted by position, so consecutive ones mostly name the same gene.
    var previousSymbol: [UInt8] = []
    var previousSymbolInteresting = false
    /// Consequence fields already classified (a file has few distinct `&`-joined term lists).
    var consequenceClasses: ConsequenceClassCache
    /// Transcript ids met so far, each made a `String` once (up to ``internedTranscriptIDLimit``):
    /// a gene's transcripts recur from record to record, and an id such as `ENST00000311936.8` is
    /// too long to be stored inline, so each copy was an allocation of its own.
    var transcriptIDs = ByteStringTable<String>()
    /// Positions of the alleles rules name, to skip normalising alleles no rule can name.
    var rulePositions: SortedPositions
    /// The FORMAT fields read for every record, located once per distinct FORMAT column.
    var sampleFields: SampleFieldLayout
    /// The annotation columns the survey reads, resolved once.
    var surveyFields: AnnotationSurveyFields
    /// The annotation INFO key's bytes (`CSQ` or `ANN`).
    let annotationTag: [UInt8]
    /// The annotating tool and whether a comma can lie inside an entry's last field (a schema
    /// of several fields), kept apart from `schema`: reading them per record then retains no
    /// object that both threads' workers share (a contended reference count).
    let annotationTool: AnnotationSchema.Tool
    let annotationGluesPieces: Bool
    var tmb = TMBCounter()
    /// Whether records that cannot become alterations take the quick path (tests turn it off to
    /// compare it with the general one).
    let usesQuickPath: Bool

    init(
        template index: VariantIndex, options: VCFAlterationLoader.Options, pair: TumourNormalPair,
        schema: AnnotationSchema?, source: AnnotationSource, header: VCFHeader
    ) {
        self.index = index
        self.build = header.genomeBuild
        self.options = options
        self.pair = pair
        self.schema = schema
        self.source = source
        self.geneSet = ByteStringSet(index.genesOfInterest ?? [])
        self.previousSymbolInteresting = (index.genesOfInterest ?? []).contains("")
        self.consequenceClasses = ConsequenceClassCache(stopLostIsTruncating: options.stopLostIsTruncating)
        self.rulePositions = SortedPositions(options.allelesOfInterest.keys.map(\.position))
        self.sampleFields = SampleFieldLayout(header: header)
        self.surveyFields = schema.map { AnnotationSurveyFields(schema: $0) } ?? AnnotationSurveyFields.none
        self.annotationTag = Array((schema?.tag ?? "").utf8)
        self.annotationTool = schema?.tool ?? .other
        self.annotationGluesPieces = (schema?.fieldNames.count ?? 0) > 1
        self.usesQuickPath = options.usesQuickPath
    }

    mutating func finishPart() -> [Alteration] {
        let part = pending
        pending = []
        return part
    }

    /// The general path, for records the quick path (``add(line:position:)``, offered each record
    /// first) declines.
    mutating func add(_ record: VCFRecord) throws {
        if record.isFiltered { filtered += 1 }
        let alternateCount = record.alternateAlleleCount
        guard alternateCount > 0 else { return }
        if try addCopyNumberEvent(record) { return }
        sampleFields.update(record)
        let tumourCall = try call(record, sample: pair.tumour, alternates: alternateCount)
        // One pass over the annotation bytes: which ALT alleles touch a gene of interest, and the
        // consequence of each allele's principal entry (for TMB), without building strings for
        // the alleles nobody asked about.
        if schema != nil {
            // (A survey the quick path ran without ranking entries gives each allele its first
            // entry's class instead of its principal one's: the same decisions here, as it did so
            // only when no allele counts for TMB, and an allele non-coding on every entry is so
            // on its first.)
            let carried = surveyCarriedOver.map {
                $0.position == record.position && $0.alternateCount == alternateCount
            }
            surveyCarriedOver = nil
            if carried != true { surveyAnnotations(record, alternateCount: alternateCount) }
        }
        let passes = record.isPass || !record.isFiltered
        var annotations: [[TranscriptAnnotation]]?
        var normalCall: SampleCall?
        for offset in 0..<alternateCount {
            let allele = offset + 1
            switch record.alternateAlleleKind(offset) {
            case .spanningDeletion?, .missing?, nil: continue
            case .symbolic?:
                let text = record.withAlternateAllele(offset) { String(decoding: $0, as: UTF8.self) }
                if text == "<*>" || text == "<NON_REF>" { continue }
            default: break
            }
            let support = try self.support(
                record, sample: pair.tumour, allele: allele, alternates: alternateCount)
            guard isPresent(allele, call: tumourCall, support: support) else { continue }
            if normalCall == nil {
                normalCall = try call(record, sample: pair.normal, alternates: alternateCount)
            }
            let origin = try self.origin(
                of: allele, record: record, call: normalCall!, alternates: alternateCount)
            if schema != nil {
                tmb.record(
                    survey[allele].variantClass ?? .nonCoding,
                    passesFilters: Self.countsForTMB(
                        support, passesFilter: passes, origin: origin, minimumDepth: options.tmbMinimumDepth,
                        minimumVAF: options.tmbMinimumVAF))
            }
            let interesting = schema != nil ? survey[allele].isInteresting : index.keepsAllGenes
            // Normalising builds strings; an allele of no gene of interest needs it only when a rule
            // names an allele that could start within this record's REF span (and only then can
            // any allele be one a rule names).
            let nearRuleAllele = rulePositions.anyWithin(
                record.position, referenceLength: record.referenceLength)
            guard interesting || nearRuleAllele else { continue }
            // Normalised from the record's bytes in place (no strings of the columns first).
            let genomic = record.withChromosome { chromosome in
                record.withReference { reference in
                    func normalised(_ alternate: UnsafeRawBufferPointer) -> GenomicAllele {
                        GenomicAllele.normalised(
                            chromosome: chromosome, position: record.position, reference: reference,
                            alternate: alternate)
                    }
                    // A missing ALT (`.`) is kept as written.
                    return record.withAlternateAllele(offset, normalised)
                        ?? Self.missingAlternate.withUnsafeBytes(normalised)
                }
            }
            let ruleGene = nearRuleAllele ? options.allelesOfInterest[genomic] : nil
            guard interesting || ruleGene != nil else { continue }
            // Non-coding on every entry (a quarter of the kept alleles of the 1M-record
            // benchmark): no criterion can take it unless a rule names the non-coding class, so
            // it is neither decoded nor indexed. Looked at only when its principal entry is.
            if !options.keepsNonCodingAlterations && ruleGene == nil, let schema,
                survey[allele].variantClass == .nonCoding,
                isNonCodingOnly(record, schema: schema, allele: allele)
            {
                continue
            }
            if annotations == nil {
                annotations =
                    schema.map { annotationsByAllele(record, schema: $0, alternateCount: alternateCount) }
                    ?? []
            }
            // (Without an annotation schema the list is empty, not one per allele.)
            let transcripts = annotations.flatMap { allele < $0.count ? $0[allele] : nil } ?? []
            let principal = TranscriptAnnotation.principalIndex(in: transcripts)
            var gene = principal.map { transcripts[$0].gene } ?? ""
            if gene.isEmpty, let ruleGene { gene = ruleGene }
            let annotatedGene = gene
            let kind: Alteration.Kind =
                record.alternateAlleleKind(offset) == .base ? .smallVariant : structuralKind(transcripts)
            // A fusion's annotation names both genes (`ALK&EML4`): it is filed under a partner.
            if case .fusion(let five, let three, _) = kind {
                gene = [five, three].first { index.wants(anyOf: [$0]) } ?? five
            }
            // The kept few get the general readers' full detail (fields used, genotype text).
            let detail =
                try support.readSupport ?? ReadSupport.read(record, sample: pair.tumour, allele: allele)
            let (genotypeText, zygosity) = try tumourGenotype(record, call: tumourCall, allele: allele)
            // Kept for an exact-allele rule although its annotation names no gene of interest:
            // filed under the rule's gene, without the annotation. (Its genes are gathered only
            // then: most kept alleles have no rule of their own.)
            let ruleGeneOnly = ruleGene.flatMap { ruleGene in
                index.wants(anyOf: ([annotatedGene] + transcripts.map(\.gene)).filter { !$0.isEmpty })
                    ? nil : ruleGene
            }
            // Built in the call: a local value, changed afterwards, was copied once more into the
            // list (each field retained and later released).
            pending.append(
                Alteration(
                    sampleIndex: 0, gene: ruleGeneOnly ?? gene, kind: kind, allele: genomic,
                    transcripts: ruleGeneOnly == nil ? transcripts : [],
                    principalTranscriptIndex: ruleGeneOnly == nil ? principal : nil,
                    filter: record.filterText,
                    depth: detail.depth, altDepth: detail.altDepth, vaf: detail.vaf,
                    depthSource: detail.source,
                    genotype: genotypeText, zygosity: zygosity,
                    origin: origin, annotationSource: source, sourceLine: record.lineNumber))
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
            pending.append(
                Alteration(
                    sampleIndex: 0, gene: gene, kind: .copyNumber(state),
                    allele: GenomicAllele.normalised(
                        chromosome: record.chromosome, position: record.position, reference: record.reference,
                        alternate: alternate),
                    filter: record.filterText,
                    depthSource: source.map { "\($0) = \(copies ?? 0) copies" },
                    annotationSource: self.source,
                    sourceLine: record.lineNumber))
        }
        return true
    }

    /// What the annotation survey found for one ALT allele.
    struct AlleleSurvey {
        /// Whether an entry of the allele names a gene of interest (every annotated allele when
        /// all genes are kept).
        var isInteresting = false
        /// The variant class of the allele's principal entry so far (`nil`: no entry).
        var variantClass: VariantClass?
        /// That entry's ``principalRank(_:)`` (`Int.max`: none yet).
        var rank = Int.max
    }

    /// One pass over a record's annotation: for each ALT allele (1-based) into `survey`, whether
    /// an entry names a gene of interest and the variant class of its principal entry (MANE
    /// Select → canonical → protein-coding → first). The scratch array is reused from record to
    /// record, so the survey allocates nothing.
    mutating func surveyAnnotations(_ record: VCFRecord, alternateCount: Int) {
        record.withRawLine { line in
            let alleles = AnnotationAlleles(
                reference: line.buffer(line.bounds(3)), alternates: line.buffer(line.bounds(4)))
            surveyAnnotations(
                valueStarting: Self.annotationValueStart(line, tag: annotationTag), alleles: alleles,
                alternateCount: alternateCount)
        }
    }

    /// The record's annotation INFO value (key `tag`) with the rest of the INFO column after it
    /// (the value ends at the first `;`, which the survey's separator pass finds), `nil` when it
    /// has none.
    ///
    /// Static, with the tag passed in: a non-mutating method called from a mutating one copies the
    /// whole worker (hundreds of bytes) for the call.
    static func annotationValueStart(_ line: VCFRawLine, tag: [UInt8]) -> UnsafeRawBufferPointer? {
        tag.withUnsafeBytes { tag in line.infoValueStart(forKey: tag) }.map { line.buffer($0) }
    }

    /// ``surveyAnnotations(_:alternateCount:)`` on an annotation value (`nil`: none), given as
    /// ``annotationValueStart(_:tag:)`` gives it. Without `ranksEntries`, `surveyClass` holds the
    /// class of each allele's first entry rather than its principal one (for a caller that does
    /// not use it), and the ranking fields deep in each entry are not read.
    mutating func surveyAnnotations(
        valueStarting rest: UnsafeRawBufferPointer?, alleles: AnnotationAlleles, alternateCount: Int,
        ranksEntries: Bool = true
    ) {
        // Written through a buffer of a local array (swapped out and back), not `survey[allele]`:
        // each write to an array stored in `self` checks its uniqueness.
        var survey: [AlleleSurvey] = []
        swap(&survey, &self.survey)
        defer { swap(&survey, &self.survey) }
        let size = alternateCount + 1
        if survey.count < size { survey = [AlleleSurvey](repeating: AlleleSurvey(), count: size) }
        let value = surveyFields.start(valueStarting: rest, gluesPieces: annotationGluesPieces)
        survey.withUnsafeMutableBufferPointer { survey in
            for allele in 0..<size { survey[allele] = AlleleSurvey() }
            guard let value else { return }
            surveyEntries(
                value: value, alleles: alleles, alternateCount: alternateCount,
                ranksEntries: ranksEntries, into: survey)
        }
    }

    /// The walk of ``surveyAnnotations(valueStarting:alleles:alternateCount:ranksEntries:)`` over the
    /// entries, once `surveyFields` has started on `value`.
    private mutating func surveyEntries(
        value: UnsafeRawBufferPointer, alleles: AnnotationAlleles, alternateCount: Int, ranksEntries: Bool,
        into survey: UnsafeMutableBufferPointer<AlleleSurvey>
    ) {
        let keepsAll = index.keepsAllGenes
        // The previous entry's allele and symbol, with what they gave: entries of one record
        // mostly repeat both (one per transcript), so most entries need no look-up.
        var lastAllele: UnsafeRawBufferPointer?
        var lastAlleleIndex: Int32 = -1
        var lastSymbol: UnsafeRawBufferPointer?
        var lastSymbolInteresting = false
        var entry = AnnotationSurveyFields.Values(bytes: value)
        // Entries repeating the allele and gene of the one before are passed over when they can
        // change nothing (most of a VEP value: one entry per transcript of the gene).
        var repeats: UInt32 = 0
        while surveyFields.nextEntry(&entry, passingRepeatsOf: repeats) {
            // The entry's ALT allele, when it is one of the record's.
            var number: Int32 = -1
            if let written = entry[.alleleNumber]?.integer {
                number = written >= 1 && written <= alternateCount ? Int32(written) : -1
            } else if let written = entry[.allele] {
                if lastAllele.map({ !VCFByteParsing.equals(written.bytes, $0) }) ?? true {
                    let found = alleles.alternateIndex(ofWritten: written.bytes, tool: annotationTool)
                    lastAllele = written.bytes
                    lastAlleleIndex = found.map { $0 >= 1 && $0 <= alternateCount ? Int32($0) : -1 } ?? -1
                }
                number = lastAlleleIndex
            }
            guard number >= 1 else {
                repeats = surveyFields.alleleAndSymbol
                continue
            }
            let allele = Int(number)
            if !survey[allele].isInteresting {
                if keepsAll {
                    survey[allele].isInteresting = true
                } else if let symbol = entry[.symbol] {
                    if lastSymbol.map({ !VCFByteParsing.equals(symbol.bytes, $0) }) ?? true {
                        lastSymbol = symbol.bytes
                        if !previousSymbol.withUnsafeBytes({ VCFByteParsing.equals(symbol.bytes, $0) }) {
                            previousSymbol.removeAll(keepingCapacity: true)
                            previousSymbol.append(contentsOf: symbol.bytes)
                            previousSymbolInteresting = geneSet.containsSymbolOrPart(symbol.bytes)
                        }
                        lastSymbolInteresting = previousSymbolInteresting
                    }
                    if lastSymbolInteresting { survey[allele].isInteresting = true }
                }
            }
            // An entry can only displace its allele's principal entry when that one is not MANE
            // Select already: otherwise its ranking fields are not read.
            if ranksEntries && survey[allele].rank > 0 && surveyFields.hasRankingFields {
                surveyFields.readRankingFields(&entry)
            }
            let rank = Self.principalRank(entry)
            if rank < survey[allele].rank {
                survey[allele].rank = rank
                survey[allele].variantClass =
                    entry[.consequence].map { consequenceClasses.variantClass(of: $0.bytes) } ?? .nonCoding
            }
            repeats =
                surveyFields.repeatsChangeNothing(bestRank: survey[allele].rank, ranksEntries: ranksEntries)
                ? surveyFields.alleleAndSymbol : 0
        }
    }

    /// The order ``TranscriptAnnotation/principalIndex(in:)`` uses, from raw entry bytes.
    static func principalRank(_ fields: AnnotationSurveyFields.Values) -> Int {
        if let mane = fields[.maneSelect], !mane.isEmpty { return 0 }
        if let canonical = fields[.canonical], canonical.equals(literal: "YES") { return 1 }
        if let biotype = fields[.biotype], biotype.equals(literal: "protein_coding") { return 2 }
        return 3
    }

    /// A sample's genotype: read by the allocation-free reader when it can, otherwise by the
    /// general one (which also throws for a malformed GT).
    enum SampleCall {
        case quick(SampleFieldLayout.Genotype)
        /// `nil`: no sample, no GT, or a dropped GT.
        case general(VCFGenotype?)

        /// No allele is called (no genotype, or all `.`).
        var isUncalled: Bool {
            switch self {
            case .quick(let genotype): genotype.isAllMissing
            case .general(let genotype): genotype.map { $0.alleles.allSatisfy { $0 == nil } } ?? true
            }
        }

        func contains(_ allele: Int) -> Bool {
            switch self {
            case .quick(let genotype): genotype.contains(allele)
            case .general(let genotype): genotype?.alleles.contains(allele) ?? false
            }
        }

        /// The general reader's genotype, when it was the one used.
        var general: VCFGenotype? {
            if case .general(let genotype) = self { return genotype }
            return nil
        }
    }

    func call(_ record: VCFRecord, sample: Int?, alternates: Int) throws -> SampleCall {
        guard let sample else { return .general(nil) }
        if let quick = sampleFields.genotype(record, sample: sample, alternates: alternates) {
            return .quick(quick)
        }
        return .general(try record.genotype(sample: sample))
    }

    /// Depth and support of `allele` in `sample`, as ``ReadSupport/read(_:sample:allele:)`` gives them.
    func support(_ record: VCFRecord, sample: Int?, allele: Int, alternates: Int) throws
        -> SampleFieldLayout.Support
    {
        if let sample,
            let quick = sampleFields.support(record, sample: sample, allele: allele, alternates: alternates)
        {
            return quick
        }
        let general = try ReadSupport.read(record, sample: sample, allele: allele)
        return SampleFieldLayout.Support(
            depth: general.depth, altDepth: general.altDepth, vaf: general.vaf,
            fieldsBesideAlleleDepths: nil)
    }

    /// Whether the tumour carries ALT `allele`: its genotype says so (a missing or absent genotype
    /// defers to the reads), and it does not have zero alt reads.
    func isPresent(_ allele: Int, call: SampleCall, support: SampleFieldLayout.Support) -> Bool {
        Self.isPresent(
            altDepth: support.altDepth, isUncalled: call.isUncalled, callsAllele: call.contains(allele))
    }

    /// The presence rule both paths use: zero alt reads means absent; otherwise a genotype decides
    /// when there is one (`callsAllele`), and an uncalled or absent genotype defers to the reads.
    static func isPresent(altDepth: Int?, isUncalled: Bool, callsAllele: Bool) -> Bool {
        if altDepth == 0 { return false }
        return isUncalled || callsAllele
    }

    /// Somatic when the matched normal lacks the allele, germline when it carries it (genotype, or
    /// at least 2 alt reads and VAF ≥ 5% without a genotype), unknown without a normal.
    func origin(of allele: Int, record: VCFRecord, call: SampleCall, alternates: Int) throws -> Origin {
        guard let normal = pair.normal else { return .unknown }
        if !call.isUncalled { return call.contains(allele) ? .germline : .somatic }
        return Self.origin(
            fromNormalReads: try support(record, sample: normal, allele: allele, alternates: alternates))
    }

    /// The origin of an allele whose matched normal has no genotype: germline with at least 2 alt
    /// reads and a VAF of 5% or more in the normal, somatic otherwise.
    static func origin(fromNormalReads support: SampleFieldLayout.Support) -> Origin {
        if let alt = support.altDepth, alt >= 2, (support.vaf ?? 0) >= 0.05 { return .germline }
        return .somatic
    }

    /// Whether TMB counts a present allele: the record passes FILTER, the tumour's depth and VAF
    /// reach the thresholds (an unknown one does not exclude it), and it is not germline.
    static func countsForTMB(
        _ support: SampleFieldLayout.Support, passesFilter: Bool, origin: Origin, minimumDepth: Int,
        minimumVAF: Double
    ) -> Bool {
        let deepEnough = support.depth.map { $0 >= minimumDepth } ?? true
        let frequentEnough = support.vaf.map { $0 >= minimumVAF } ?? true
        return passesFilter && deepEnough && frequentEnough && origin != .germline
    }

    /// The tumour's genotype text (as ``VCFGenotype/description`` writes it) and its zygosity for
    /// ALT `allele`. A genotype the quick reader took is read from its bytes, found by the
    /// record's sample-field layout, when they are so written already (most are: no
    /// ``VCFGenotype`` is built, no FORMAT key compared); otherwise by the general reader, which
    /// also throws for a malformed GT.
    func tumourGenotype(_ record: VCFRecord, call: SampleCall, allele: Int) throws -> (
        text: String?, zygosity: Zygosity
    ) {
        if case .quick = call, let tumour = pair.tumour {
            let alternates = record.alternateAlleleCount
            let read = record.withSampleColumn(tumour) { column -> QuickGenotype in
                guard let range = sampleFields.locate(column).genotype else { return .absent }
                let bytes = UnsafeRawBufferPointer(rebasing: column[range])
                guard let found = VCFGenotype.call(of: allele, in: bytes, alternates: alternates) else {
                    return .writtenOtherwise
                }
                return .read(String(decoding: bytes, as: UTF8.self), found)
            }
            switch read ?? .absent {
            case .absent: return (nil, .unknown)
            case .read(let text, let found): return (text, Self.zygosity(of: found))
            case .writtenOtherwise: break
            }
        }
        let genotype = try call.general ?? pair.tumour.flatMap { try record.genotype(sample: $0) }
        return (
            genotype?.description,
            genotype.map {
                Self.zygosity(
                    of: VCFGenotype.AlleleCall(
                        ploidy: $0.ploidy, callsAllele: $0.alleles.contains(allele),
                        callsOnlyAllele: $0.alleles.allSatisfy { $0 == allele }))
            } ?? .unknown
        )
    }

    /// The zygosity a genotype gives the allele it calls: unknown when it does not call it,
    /// hemizygous with one copy, homozygous when every copy is that allele.
    static func zygosity(of call: VCFGenotype.AlleleCall) -> Zygosity {
        guard call.callsAllele else { return .unknown }
        if call.ploidy == 1 { return .hemizygous }
        return call.callsOnlyAllele ? .homozygous : .heterozygous
    }

    /// What ``tumourGenotype(_:call:allele:)`` found in a sample column.
    private enum QuickGenotype {
        /// No GT: FORMAT lacks it or the sample dropped it.
        case absent
        /// The GT's text and how it calls the allele.
        case read(String, VCFGenotype.AlleleCall)
        /// A GT for the general reader (``VCFGenotype/call(of:in:alternates:)`` gave `nil`).
        case writtenOtherwise
    }

    /// A fusion when an annotation says so (SnpEff `gene_fusion`, `bidirectional_gene_fusion`,
    /// gene names `A&B`), otherwise a structural variant. SnpEff names the genes without saying
    /// which is 5′, so the fusion is not oriented.
    func structuralKind(_ transcripts: [TranscriptAnnotation]) -> Alteration.Kind {
        for transcript in transcripts
        where transcript.consequences.contains(where: { $0.hasSuffix("gene_fusion") }) {
            let parts = transcript.gene.split(whereSeparator: { $0 == "&" || $0 == "-" }).map(String.init)
            if parts.count == 2 { return .fusion(fivePrime: parts[0], threePrime: parts[1], oriented: false) }
        }
        return .structural
    }

    /// Calls `body` with each annotation entry of `record` and the ALT allele (1-based) it is
    /// for, until `body` returns `false`; `false` when the record has no annotation value.
    private static func forEachAnnotationEntry(
        of record: VCFRecord, schema: AnnotationSchema, _ body: (AnnotationEntry, Int) -> Bool
    ) -> Bool {
        record.withReference { reference in
            record.withAlternateAlleles { alternates in
                let alleles = AnnotationAlleles(reference: reference, alternates: alternates)
                return record.withInfoValue(forKey: schema.tag) { value in
                    for entry in AnnotationEntries(value, schema: schema) {
                        guard let allele = entry.alternateIndex(in: alleles) else { continue }
                        if !body(entry, allele) { break }
                    }
                    return true
                } ?? false
            }
        }
    }

    /// Whether every annotation entry of ALT allele `allele` (1-based) has a non-coding class and
    /// no HGVSp (an entry with one could meet a protein-change criterion whatever its terms).
    mutating func isNonCodingOnly(_ record: VCFRecord, schema: AnnotationSchema, allele: Int) -> Bool {
        record.withReference { reference in
            record.withAlternateAlleles { alternates in
                record.withInfoValue(forKey: schema.tag) { value in
                    isNonCodingOnly(
                        value: value,
                        alleles: AnnotationAlleles(reference: reference, alternates: alternates),
                        schema: schema, allele: allele)
                } ?? false
            }
        }
    }

    /// ``isNonCodingOnly(_:schema:allele:)`` on the annotation `value` of a record with `alleles`.
    mutating func isNonCodingOnly(
        value: UnsafeRawBufferPointer, alleles: AnnotationAlleles, schema: AnnotationSchema, allele: Int
    ) -> Bool {
        for entry in AnnotationEntries(value, schema: schema)
        where entry.alternateIndex(in: alleles) == allele {
            if let hgvsp = entry[.hgvsp], !hgvsp.isEmpty { return false }
            let (variantClass, _) = consequenceClasses.classAndTerms(
                of: entry[.consequence]?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0))
            if variantClass != .nonCoding { return false }
        }
        return true
    }

    /// The ALT of a record without one.
    private static let missingAlternate: [UInt8] = [UInt8(ascii: ".")]

    /// The annotation entries of each ALT allele (1-based, so element 0 stays empty), decoded
    /// into domain values.
    mutating func annotationsByAllele(_ record: VCFRecord, schema: AnnotationSchema, alternateCount: Int)
        -> [[TranscriptAnnotation]]
    {
        // (Appended one by one: `init(repeating:count:)` of an array of arrays cost ~600
        // instructions a record.)
        var result: [[TranscriptAnnotation]] = []
        result.reserveCapacity(alternateCount + 1)
        for _ in 0...alternateCount { result.append([]) }
        _ = Self.forEachAnnotationEntry(of: record, schema: schema) { entry, allele in
            // Most of its fields are read: their offsets are found in one pass.
            if allele < result.count { result[allele].append(transcriptAnnotation(entry.indexed())) }
            return true
        }
        return result
    }

    /// One entry as a domain value; its class and terms from the consequence field's bytes
    /// through the worker's cache (what ``VariantClass/classify(consequences:proteinChange:stopLostIsTruncating:)``
    /// gives, without classifying the same terms again for every transcript).
    mutating func transcriptAnnotation(_ entry: AnnotationEntry) -> TranscriptAnnotation {
        let hgvsp = entry.hgvsp
        let change = hgvsp.flatMap { ProteinChange.parse($0) }
        let (fromTerms, consequences) = consequenceClasses.classAndTerms(
            of: entry[.consequence]?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0))
        return TranscriptAnnotation(
            gene: entry.symbol ?? "", transcript: transcriptID(of: entry), biotype: entry.biotype,
            consequences: consequences,
            variantClass: change.map { VariantClass.refine(fromTerms, with: $0) } ?? fromTerms,
            hgvsp: hgvsp, proteinChange: change, hgvsc: entry.hgvsc,
            exon: entry.exon.map { .init(number: $0.number, total: $0.total) },
            intron: entry.intron.map { .init(number: $0.number, total: $0.total) },
            isCanonical: entry.isCanonical ?? false, maneSelect: entry.maneSelect,
            // (An empty field, as in most entries, is not split into terms and joined again.)
            clinicalSignificance: entry.clinicalSignificance.map {
                $0.field.bytes.isEmpty ? "" : $0.strings.joined(separator: "&")
            })
    }
}

extension VCFLoadWorker {
    /// How many distinct transcript ids a worker keeps for sharing (beyond it, each is made anew).
    static let internedTranscriptIDLimit = 1 << 16

    /// ``AnnotationEntry/transcriptID``, shared with the entries before it that name the same one.
    mutating func transcriptID(of entry: AnnotationEntry) -> String? {
        guard let value = entry[.feature], !value.isEmpty else { return nil }
        if let known = transcriptIDs.value(for: value.bytes) { return known }
        let id = value.string
        if transcriptIDs.count < Self.internedTranscriptIDLimit { transcriptIDs.set(id, for: value.bytes) }
        return id
    }
}

extension VCFRecord {
    /// The length of REF in bytes.
    fileprivate var referenceLength: Int { withReference { $0.count } }
}
