import GenomicFormats

/// The loader's path for the common record: one that cannot become an alteration.
///
/// Most records of a tumour VCF touch no gene of interest and no allele a rule names; all they
/// contribute is a FILTER count and, allele by allele, a TMB count. This path decides that from
/// the line's bytes in one pass over the columns it needs (ALT, INFO's annotation value, the
/// tumour's and the normal's sample columns), with the allocation-free readers of
/// ``SampleFieldLayout`` and the annotation survey.
///
/// It gives up — having changed nothing but scratch state — as soon as the record is anything
/// else: an allele that is not plain bases (symbolic, breakend, `*`, `.`), more than 32 ALT
/// alleles, an allele of a gene of interest present in the tumour (unless it is non-coding on
/// every entry and no rule takes such alleles), a REF span where a rule names an allele, no tumour
/// sample, or a sample field the quick readers leave to the general ones (which also produce
/// the errors). The general path (``VCFLoadWorker/add(_:)``) then reads the record; tests check
/// that both paths give the same load.
extension VCFLoadWorker {
    /// Counts a record, from its line in place, when it cannot become an alteration; `false`
    /// when the general path must read it (nothing was counted then).
    mutating func add(line: VCFRawLine, position: Int) -> Bool {
        surveyCarriedOver = nil
        guard usesQuickPath, schema != nil, let tumour = pair.tumour, !index.keepsAllGenes else {
            return false
        }
        return addWithoutAlterations(line, position: position, tumour: tumour)
    }

    private mutating func addWithoutAlterations(
        _ line: VCFRawLine, position: Int, tumour: Int
    ) -> Bool {
        guard line.columnCount > 9 + max(tumour, pair.normal ?? 0) else { return false }
        sampleFields.update(format: line.buffer(line.bounds(8)))
        let reference = line.buffer(line.bounds(3))
        let alternates = line.buffer(line.bounds(4))
        guard let alternateCount = Self.plainBaseAlleleCount(alternates), alternateCount <= 32,
            !rulePositions.anyWithin(position, referenceLength: reference.count)
        else { return false }
        let tumourColumn = line.buffer(line.bounds(9 + tumour))
        let tumourFields = sampleFields.locate(tumourColumn)
        guard
            let tumourGenotype = sampleFields.genotype(
                tumourColumn, at: tumourFields, alternates: alternateCount)
        else { return false }
        let filter = line.buffer(line.bounds(6))
        let passes = VCFByteParsing.equals(filter, literal: "PASS") || VCFByteParsing.isMissing(filter)
        // Decided for every allele before anything is counted: bit `n` for ALT allele `n`.
        var present: UInt64 = 0
        var counted: UInt64 = 0
        // The normal's column, read when an allele is present (separate variables: an optional
        // tuple of them would be copied whole at each use).
        var normalRead = false
        var normalColumn = UnsafeRawBufferPointer(start: nil, count: 0)
        var normalFields = SampleFieldLayout.Located()
        var normalGenotype = SampleFieldLayout.Genotype(calledAlleles: 0, isAllMissing: true)
        for allele in 1...alternateCount {
            guard
                let support = sampleFields.support(
                    tumourColumn, at: tumourFields, allele: allele, alternates: alternateCount)
            else { return false }
            guard
                Self.isPresent(
                    altDepth: support.altDepth, isUncalled: tumourGenotype.isAllMissing,
                    callsAllele: tumourGenotype.contains(allele))
            else { continue }
            var origin = Origin.unknown
            if let normalSample = pair.normal {
                if !normalRead {
                    normalColumn = line.buffer(line.bounds(9 + normalSample))
                    normalFields = sampleFields.locate(normalColumn)
                    guard
                        let genotype = sampleFields.genotype(
                            normalColumn, at: normalFields, alternates: alternateCount)
                    else { return false }
                    normalGenotype = genotype
                    normalRead = true
                }
                if !normalGenotype.isAllMissing {
                    origin = normalGenotype.contains(allele) ? .germline : .somatic
                } else {
                    guard
                        let normalSupport = sampleFields.support(
                            normalColumn, at: normalFields, allele: allele, alternates: alternateCount)
                    else { return false }
                    origin = Self.origin(fromNormalReads: normalSupport)
                }
            }
            present |= 1 << UInt64(allele)
            if Self.countsForTMB(
                support, passesFilter: passes, origin: origin, minimumDepth: options.tmbMinimumDepth,
                minimumVAF: options.tmbMinimumVAF)
            {
                counted |= 1 << UInt64(allele)
            }
        }
        // No allele in the tumour: nothing to keep or count whatever the annotation says (the
        // general path, too, skips absent alleles), so the annotation is not read.
        if present == 0 {
            if !passes { filtered += 1 }
            return true
        }
        // The survey tells whether any allele touches a gene of interest; the principal entries
        // (whose ranking fields lie deep in each entry) are needed only for an allele TMB counts.
        surveyAnnotations(
            valueStarting: Self.annotationValueStart(line, tag: annotationTag),
            alleles: AnnotationAlleles(reference: reference, alternates: alternates),
            alternateCount: alternateCount, ranksEntries: counted != 0)
        // An allele of a gene of interest goes to the general path, unless that would pass it
        // over: absent from the tumour, or non-coding on every entry when no rule takes such
        // alleles (no rule names an allele here: checked above). A fifth of the records of rule
        // genes in the 1M-record benchmark are so, and cost the general path ~10,000
        // instructions each for nothing.
        for allele in 1...alternateCount
        where survey[allele].isInteresting && present & (1 << UInt64(allele)) != 0 {
            if !options.keepsNonCodingAlterations, survey[allele].variantClass == .nonCoding, let schema,
                let bounds = annotationTag.withUnsafeBytes({ line.infoValueBounds(forKey: $0) }),
                isNonCodingOnly(
                    value: line.buffer(bounds),
                    alleles: AnnotationAlleles(reference: reference, alternates: alternates),
                    schema: schema, allele: allele)
            {
                continue
            }
            surveyCarriedOver = (position, alternateCount)
            return false
        }
        if !passes { filtered += 1 }
        for allele in 1...alternateCount where present & (1 << UInt64(allele)) != 0 {
            tmb.record(
                survey[allele].variantClass ?? .nonCoding, passesFilters: counted & (1 << UInt64(allele)) != 0
            )
        }
        return true
    }

    /// The number of ALT alleles when every one is plain bases (`A`, `C`, `G`, `T`, `N`, either
    /// case); `nil` otherwise.
    static func plainBaseAlleleCount(_ alternates: UnsafeRawBufferPointer) -> Int? {
        var count = 1
        var length = 0
        for byte in alternates {
            switch byte | 0x20 {
            case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "t"),
                UInt8(ascii: "n"):
                length += 1
            default:
                guard byte == UInt8(ascii: ","), length > 0 else { return nil }
                count += 1
                length = 0
            }
        }
        return length > 0 ? count : nil
    }
}
