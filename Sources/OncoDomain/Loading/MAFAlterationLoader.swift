import GenomicFormats

/// Streams a MAF (GDC, vcf2maf, or a minimal table with MAF column names) into a
/// ``VariantIndex``: one small-variant ``Alteration`` per row, each `Tumor_Sample_Barcode` a sample.
///
/// ```swift
/// var index = VariantIndex(samples: [], genesOfInterest: ["BRAF", "PIK3CA"])
/// let statistics = try MAFAlterationLoader().load(path: "cohort.maf", into: &index)
/// statistics.mutationCounts(ofSample: "TUMOR")?.codingNonSynonymous
/// ```
///
/// Per row:
/// - **gene**: `Hugo_Symbol` (`""` when absent or `Unknown`). Rows outside the index's genes of
///   interest are dropped on this cheap check, before any allele or annotation is built.
/// - **allele**: MAF-style (`-` for missing bases), from `Chromosome`, 1-based `Start_Position`,
///   `Reference_Allele` and `Tumor_Seq_Allele2` (or `Tumor_Seq_Allele1` when Allele2 is the
///   reference); see ``GenomicAllele/mafStyle`` for comparing MAF indels with VCF ones.
/// - **annotation**: one ``TranscriptAnnotation`` (principal) from `Transcript_ID`,
///   `Consequence` (SO terms, else the class of `Variant_Classification`), `HGVSp_Short`/`HGVSp`,
///   `HGVSc`, `Exon_Number`, `INTRON`, `BIOTYPE`, `CANONICAL`, `MANE_SELECT`, `CLIN_SIG` when
///   present; source ``AnnotationSource/maf``.
/// - **FILTER** from the `FILTER` column, `PASS` when the file has none; **depth** from `t_depth`,
///   else `t_ref_count + t_alt_count`; **altDepth** `t_alt_count`; **VAF** altDepth / depth.
/// - **origin**: `Mutation_Status` Somatic → somatic, Germline or LOH → germline; otherwise
///   somatic when `Matched_Norm_Sample_Barcode` names a normal (the MAF is then the output of a
///   tumour–normal somatic pipeline, whose rows are somatic by construction; normal ALT reads are
///   not reinterpreted, as a few are expected from tumour-in-normal contamination), else
///   ``Options/tumourOnlyOrigin`` (unknown by default: tumour-only calling cannot tell).
/// - **zygosity** from the other tumour allele (reference → heterozygous, same ALT → homozygous).
///
/// Malformed rows throw the reader's or the loader's `FormatError` (file, line, column, what was
/// expected), unless ``Options/isLenient``, which skips and counts them (see
/// ``MAFLoadStatistics``). Rows outside the genes of interest are checked only in the columns the
/// mutation counts read (sample, FILTER, read counts, class).
public struct MAFAlterationLoader: Sendable {
    /// How to load.
    public struct Options: Sendable {
        /// Load only this `Tumor_Sample_Barcode` (all samples when `nil`). Loading fails when the
        /// file has no row of it.
        public var sample: String?
        /// Skip malformed rows (counting them) instead of failing on the first.
        public var isLenient: Bool
        /// How many skipped rows' errors to keep as examples.
        public var maximumSkippedExamples: Int
        /// The columns the file must have; ``MAFReader/minimalColumns`` accepts a MAF without
        /// `Hugo_Symbol`.
        public var requiredColumns: [MAFColumn]
        /// The VAF below which a row is not counted in ``MAFMutationCounts``.
        public var minimumAlleleFractionForCounts: Double
        /// Whether stop_lost / `Nonstop_Mutation` is truncating (else other-coding).
        public var stopLostIsTruncating: Bool
        /// The origin of rows without `Mutation_Status` and without a matched normal.
        public var tumourOnlyOrigin: Origin

        public init(
            sample: String? = nil, isLenient: Bool = false, maximumSkippedExamples: Int = 10,
            requiredColumns: [MAFColumn] = MAFReader.requiredColumns,
            minimumAlleleFractionForCounts: Double = 0.05, stopLostIsTruncating: Bool = true,
            tumourOnlyOrigin: Origin = .unknown
        ) {
            self.sample = sample
            self.isLenient = isLenient
            self.maximumSkippedExamples = maximumSkippedExamples
            self.requiredColumns = requiredColumns
            self.minimumAlleleFractionForCounts = minimumAlleleFractionForCounts
            self.stopLostIsTruncating = stopLostIsTruncating
            self.tumourOnlyOrigin = tumourOnlyOrigin
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Opens the MAF at `path` and loads its rows into `index`.
    ///
    /// - Throws: `FormatError` for an unreadable file, a missing required column, a malformed row
    ///   (unless lenient), or a requested sample the file does not have.
    public func load(path: String, into index: inout VariantIndex) throws -> MAFLoadStatistics {
        let reader = try MAFReader(path: path, requiredColumns: options.requiredColumns)
        return try load(from: reader, into: &index)
    }

    /// Loads the remaining rows of `reader` into `index`.
    public func load(from reader: MAFReader, into index: inout VariantIndex) throws -> MAFLoadStatistics {
        let statistics = try loadRows(from: reader, into: &index)
        try checkSampleFound(statistics)
        return statistics
    }

    /// Loads the rows of part `part` of `file` into a new index keeping `genesOfInterest` (all
    /// genes when `nil`), for loading the parts of one file on separate threads. Merge the parts,
    /// in file order, with ``MAFPartLoad/merged(_:options:)``.
    ///
    /// - Throws: as ``load(path:into:)``, except that a requested sample missing from this part is
    ///   not an error (it may be in another part).
    public func load(part: Int, of file: MAFFileParts, genesOfInterest: Set<String>?) throws -> MAFPartLoad {
        var index = VariantIndex(samples: [], genesOfInterest: genesOfInterest)
        let statistics = try loadRows(from: file.reader(forPart: part), into: &index)
        return MAFPartLoad(index: index, statistics: statistics)
    }

    /// Throws when a requested sample has no row.
    func checkSampleFound(_ statistics: MAFLoadStatistics) throws {
        if let sample = options.sample, statistics.mutationCounts.isEmpty {
            throw FormatError(
                .value, file: statistics.file, field: MAFColumn.tumorSampleBarcode.rawValue,
                message: "no row of sample '\(sample)' in the file" + statistics.skippedNote)
        }
    }

    /// Loads the remaining rows of `reader` into `index`, with no check of the requested sample.
    private func loadRows(from reader: MAFReader, into index: inout VariantIndex) throws -> MAFLoadStatistics
    {
        var statistics = MAFLoadStatistics(file: reader.path)
        let interpreter = MAFRowInterpreter(
            layout: reader.layout, stopLostIsTruncating: options.stopLostIsTruncating,
            tumourOnlyOrigin: options.tumourOnlyOrigin)
        var samples = SampleTable(minimumAlleleFraction: options.minimumAlleleFractionForCounts)
        let wantedSample = options.sample.map { Array($0.utf8) }
        let wantedGenes = index.genesOfInterest.map { ByteStringSet($0) }
        while true {
            let record: MAFRecord?
            do {
                record = try reader.nextRecord()
            } catch let error as FormatError where isRowError(error) {
                statistics.rowsRead += 1
                skip(error, &statistics)
                continue
            }
            guard let record else { break }
            statistics.rowsRead += 1
            do {
                try loadRow(
                    record, interpreter: interpreter, wantedSample: wantedSample, wantedGenes: wantedGenes,
                    samples: &samples,
                    index: &index, statistics: &statistics)
            } catch let error as FormatError where isRowError(error) {
                skip(error, &statistics)
            }
        }
        statistics.mutationCounts = samples.counts
        return statistics
    }

    private func loadRow(
        _ record: MAFRecord, interpreter: MAFRowInterpreter, wantedSample: [UInt8]?,
        wantedGenes: ByteStringSet?,
        samples: inout SampleTable, index: inout VariantIndex, statistics: inout MAFLoadStatistics
    ) throws {
        let barcode = try interpreter.sampleBarcode(record)
        if let wantedSample, !barcode.elementsEqual(wantedSample) {
            statistics.rowsOfOtherSamples += 1
            return
        }
        let facts = try interpreter.facts(record)
        if !facts.passesFilter { statistics.rowsFailingFilter += 1 }
        if statistics.build == nil, let name = record.string(.ncbiBuild), !name.isEmpty {
            statistics.build = GenomeBuild.fromAssemblyName(name)
        }
        var alteration: Alteration?
        // The gene is compared as bytes: rows outside the genes of interest build no string.
        if wantedGenes?.contains(interpreter.geneBytes(record)) ?? true {
            alteration = try interpreter.alteration(record, gene: interpreter.gene(record), facts: facts)
        }
        // Everything that can fail has been read: the row now counts.
        let slot = samples.slot(ofBarcode: barcode, in: &index)
        samples.counts[slot].count(
            variantClass: facts.variantClass, passesFilter: facts.passesFilter, origin: facts.origin,
            alleleFraction: facts.alleleFraction, matchedNormal: interpreter.matchedNormal(record))
        if var alteration {
            alteration.sampleIndex = samples.indexInVariantIndex[slot]
            if index.add(alteration) {
                statistics.alterationsAdded += 1
                return
            }
        }
        statistics.rowsOutsideGenesOfInterest += 1
    }

    /// Errors confined to one row (column count, a bad value); I/O and compression errors are not.
    private func isRowError(_ error: FormatError) -> Bool {
        options.isLenient && (error.kind == .record || error.kind == .value)
    }

    private func skip(_ error: FormatError, _ statistics: inout MAFLoadStatistics) {
        statistics.rowsSkipped += 1
        if statistics.skippedExamples.count < options.maximumSkippedExamples {
            statistics.skippedExamples.append(error)
        }
    }
}

/// The samples met so far, with their index in the ``VariantIndex`` and their counts; the last
/// barcode is remembered so that runs of rows of one sample cost a byte comparison.
private struct SampleTable {
    let minimumAlleleFraction: Double
    var counts: [MAFMutationCounts] = []
    var indexInVariantIndex: [Int] = []
    private var slotByName: [String: Int] = [:]
    private var lastBarcode: [UInt8] = []
    private var lastSlot = -1

    init(minimumAlleleFraction: Double) {
        self.minimumAlleleFraction = minimumAlleleFraction
    }

    mutating func slot(ofBarcode barcode: UnsafeRawBufferPointer, in index: inout VariantIndex) -> Int {
        if lastSlot >= 0, barcode.elementsEqual(lastBarcode) { return lastSlot }
        let name = String(decoding: barcode, as: UTF8.self)
        let slot: Int
        if let known = slotByName[name] {
            slot = known
        } else {
            slot = counts.count
            slotByName[name] = slot
            counts.append(MAFMutationCounts(sample: name, minimumAlleleFraction: minimumAlleleFraction))
            indexInVariantIndex.append(index.addSample(name))
        }
        lastBarcode = Array(barcode)
        lastSlot = slot
        return slot
    }
}
