import GenomicFormats

/// Reads the oncology meaning of one MAF row: the cheap facts every row needs (sample, FILTER,
/// read counts, variant class, origin) and, for rows in genes of interest, the full ``Alteration``.
///
/// One interpreter per file: it looks up the optional columns once.
struct MAFRowInterpreter {
    let layout: MAFLayout
    let stopLostIsTruncating: Bool
    let tumourOnlyOrigin: Origin

    private let mutationStatusColumn: Int?
    private let intronColumn: Int?
    private let clinicalSignificanceColumn: Int?
    private let maneSelectColumn: Int?
    private let tumourGenotypeColumn: Int?

    init(layout: MAFLayout, stopLostIsTruncating: Bool, tumourOnlyOrigin: Origin) {
        self.layout = layout
        self.stopLostIsTruncating = stopLostIsTruncating
        self.tumourOnlyOrigin = tumourOnlyOrigin
        mutationStatusColumn = layout.index(ofColumn: "Mutation_Status")
        intronColumn = layout.index(ofColumn: "INTRON")
        clinicalSignificanceColumn = layout.index(ofColumn: "CLIN_SIG")
        maneSelectColumn = layout.index(ofColumn: "MANE_SELECT") ?? layout.index(ofColumn: "MANE")
        tumourGenotypeColumn = layout.index(ofColumn: "t_GT")
    }

    /// What every row contributes, whether or not it becomes an alteration.
    struct Facts {
        var passesFilter: Bool
        var depth: Int?
        var altDepth: Int?
        var alleleFraction: Double?
        var depthSource: String?
        var consequences: [String]
        var variantClass: VariantClass
        /// Parsed when the class needed it; the annotation parses it otherwise.
        var proteinChange: ProteinChange?
        var origin: Origin
    }

    // MARK: Cheap facts

    /// The `Tumor_Sample_Barcode` bytes (valid until the reader moves on).
    func sampleBarcode(_ record: MAFRecord) throws -> UnsafeRawBufferPointer {
        guard let barcode = record.bytes(.tumorSampleBarcode), !Self.isMissing(barcode) else {
            throw error(record, .tumorSampleBarcode, "missing tumour sample barcode")
        }
        return barcode
    }

    /// The `Hugo_Symbol`, or `""` when the file has none or writes `Unknown` (no gene: intergenic).
    func gene(_ record: MAFRecord) -> String {
        guard let symbol = record.hugoSymbol, symbol != "Unknown" else { return "" }
        return symbol
    }

    /// The bytes of ``gene(_:)`` without making a string (empty for no gene).
    func geneBytes(_ record: MAFRecord) -> UnsafeRawBufferPointer {
        guard let symbol = record.bytes(.hugoSymbol), !Self.isMissing(symbol),
            !AnnotationBytes(symbol).equals("Unknown")
        else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return symbol
    }

    func facts(_ record: MAFRecord) throws -> Facts {
        let (depth, altDepth, depthSource) = try readCounts(record)
        var alleleFraction: Double?
        if let depth, let altDepth, depth > 0 { alleleFraction = Double(altDepth) / Double(depth) }
        let (consequences, variantClass, proteinChange) = try classify(record)
        return Facts(
            passesFilter: passesFilter(record), depth: depth, altDepth: altDepth,
            alleleFraction: alleleFraction, depthSource: depthSource, consequences: consequences,
            variantClass: variantClass, proteinChange: proteinChange, origin: origin(record))
    }

    /// FILTER `PASS`, `.` or empty passes; a MAF without a FILTER column passes.
    private func passesFilter(_ record: MAFRecord) -> Bool {
        guard let filter = record.bytes(.filter) else { return true }
        return Self.isMissing(filter) || AnnotationBytes(filter).equals("PASS")
    }

    /// FILTER as written, `.` when empty, `PASS` when the file has no FILTER column.
    private func filterText(_ record: MAFRecord) -> String {
        guard let filter = record.bytes(.filter) else { return "PASS" }
        return filter.isEmpty ? "." : String(decoding: filter, as: UTF8.self)
    }

    /// Tumour depth and ALT reads: depth from `t_depth`, else `t_ref_count + t_alt_count`.
    private func readCounts(_ record: MAFRecord) throws -> (Int?, Int?, String?) {
        let altDepth = try nonNegative(record, .tumorAlternateCount)
        if let depth = try nonNegative(record, .tumorDepth) {
            if let altDepth, altDepth > depth {
                throw error(record, .tumorAlternateCount, "\(altDepth) ALT reads exceed t_depth \(depth)")
            }
            return (depth, altDepth, altDepth == nil ? "MAF t_depth" : "MAF t_alt_count/t_depth")
        }
        if let altDepth, let referenceDepth = try nonNegative(record, .tumorReferenceCount) {
            let (depth, overflow) = referenceDepth.addingReportingOverflow(altDepth)
            guard !overflow else {
                throw error(
                    record, .tumorReferenceCount,
                    "t_ref_count + t_alt_count exceeds the largest supported count")
            }
            return (depth, altDepth, "MAF t_alt_count/(t_ref_count+t_alt_count)")
        }
        return (nil, altDepth, altDepth == nil ? nil : "MAF t_alt_count")
    }

    private func nonNegative(_ record: MAFRecord, _ column: MAFColumn) throws -> Int? {
        guard let value = try record.integer(column) else { return nil }
        guard value >= 0 else { throw error(record, column, "expected a read count ≥ 0, found \(value)") }
        return value
    }

    /// SO terms from `Consequence` (split on `&`, `,` and `;`), else the class of
    /// `Variant_Classification`, else non-coding with no terms (a MAF without annotation). A
    /// protein-altering class is refined by the row's protein change (a delins filed as
    /// `missense_variant` or `In_Frame_Ins`), which is then returned too.
    private func classify(_ record: MAFRecord) throws -> ([String], VariantClass, ProteinChange?) {
        if let consequence = record.string(.consequence) {
            let terms = consequence.split(whereSeparator: { $0 == "&" || $0 == "," || $0 == ";" })
                .map(String.init)
            let base = VariantClass.classify(consequences: terms, stopLostIsTruncating: stopLostIsTruncating)
            guard mayRefine(base, record), let change = proteinChange(record) else {
                return (terms, base, nil)
            }
            let refined = VariantClass.classify(
                consequences: terms, proteinChange: change, stopLostIsTruncating: stopLostIsTruncating)
            return (terms, refined, change)
        }
        if let classification = record.variantClassification {
            guard
                let base = VariantClass.classify(
                    mafVariantClassification: classification, stopLostIsTruncating: stopLostIsTruncating)
            else {
                throw error(
                    record, .variantClassification,
                    "unknown value '\(classification)' (expected a MAF class such as Missense_Mutation, "
                        + "Frame_Shift_Del, Silent, Intron)")
            }
            guard mayRefine(base, record), let change = proteinChange(record) else { return ([], base, nil) }
            let refined = VariantClass.classify(
                mafVariantClassification: classification, proteinChange: change,
                stopLostIsTruncating: stopLostIsTruncating)
            return ([], refined ?? base, change)
        }
        return ([], .nonCoding, nil)
    }

    /// Whether the row's protein change could refine `variantClass` (see
    /// `VariantClass.classify(consequences:proteinChange:)`), so that it is worth parsing now.
    ///
    /// Other-coding is refined by any deletion, insertion, duplication or delins; missense and the
    /// in-frame classes only by a delins, which the parser reads only from the letters `delins`
    /// (any case) — so a row whose HGVSp columns lack them keeps its class, and its protein
    /// change is parsed later only if the row becomes an alteration.
    private func mayRefine(_ variantClass: VariantClass, _ record: MAFRecord) -> Bool {
        switch variantClass {
        case .otherCoding: return true
        case .missense, .inframeDeletion, .inframeInsertion, .inframeDelins:
            return Self.containsDelins(record.bytes(.hgvspShort)) || Self.containsDelins(record.bytes(.hgvsp))
        default: return false
        }
    }

    /// Whether `value` holds `delins`, ASCII case ignored.
    private static func containsDelins(_ value: UnsafeRawBufferPointer?) -> Bool {
        guard let value, value.count >= 6 else { return false }
        for start in 0...(value.count - 6) where value[start] | 0x20 == UInt8(ascii: "d") {
            if equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: value[start..<(start + 6)]), "delins") {
                return true
            }
        }
        return false
    }

    /// `HGVSp_Short`, else `HGVSp`, parsed (an `ENSP…:` prefix is dropped).
    func proteinChange(_ record: MAFRecord) -> ProteinChange? {
        if let short = record.hgvspShort, let change = ProteinChange.parse(Self.withoutSequencePrefix(short))
        {
            return change
        }
        return record.hgvsp.flatMap { ProteinChange.parse(Self.withoutSequencePrefix($0)) }
    }

    /// `Mutation_Status` when it says Somatic, Germline or LOH (a germline allele whose other copy
    /// the tumour lost); otherwise somatic when a matched normal is named (a tumour–normal call
    /// set), else the configured tumour-only origin. Normal read counts are not used: a few ALT
    /// reads in the normal are expected from tumour-in-normal contamination and the caller has
    /// already judged them.
    private func origin(_ record: MAFRecord) -> Origin {
        if let column = mutationStatusColumn, let status = record.bytes(at: column) {
            if Self.equalsIgnoringCase(status, "somatic") { return .somatic }
            if Self.equalsIgnoringCase(status, "germline") || Self.equalsIgnoringCase(status, "loh") {
                return .germline
            }
        }
        return matchedNormal(record) != nil ? .somatic : tumourOnlyOrigin
    }

    /// The `Matched_Norm_Sample_Barcode` bytes (valid until the reader moves on), `nil` when
    /// missing.
    func matchedNormal(_ record: MAFRecord) -> UnsafeRawBufferPointer? {
        guard let normal = record.bytes(.matchedNormSampleBarcode), !Self.isMissing(normal) else {
            return nil
        }
        return normal
    }

    // MARK: Full alteration

    /// The alteration of a row (sample index 0; the loader sets it).
    func alteration(_ record: MAFRecord, gene: String, facts: Facts) throws -> Alteration {
        let (allele, zygosity) = try readAllele(record)
        let annotation = try annotation(record, gene: gene, facts: facts)
        return Alteration(
            sampleIndex: 0, gene: gene, kind: .smallVariant, allele: allele,
            transcripts: annotation.map { [$0] } ?? [], principalTranscriptIndex: annotation == nil ? nil : 0,
            filter: filterText(record), depth: facts.depth, altDepth: facts.altDepth,
            vaf: facts.alleleFraction, depthSource: facts.depthSource,
            genotype: tumourGenotypeColumn.flatMap { text(record, at: $0) }, zygosity: zygosity,
            origin: facts.origin, annotationSource: annotation == nil ? .none : .maf,
            sourceLine: record.lineNumber)
    }

    /// The MAF-style allele (see ``GenomicAllele/mafStyle(chromosome:position:reference:alternate:)``)
    /// and the zygosity read from the two tumour alleles.
    ///
    /// ALT is `Tumor_Seq_Allele2`, or `Tumor_Seq_Allele1` when Allele2 equals the reference. The
    /// other tumour allele gives the zygosity: the reference → heterozygous; the same ALT →
    /// homozygous; another non-reference allele → heterozygous for this ALT (a multi-allelic site;
    /// no reference copy is left, but only one copy carries this ALT); absent → unknown.
    private func readAllele(_ record: MAFRecord) throws -> (GenomicAllele, Zygosity) {
        guard let chromosome = record.chromosome else {
            throw error(record, .chromosome, "missing chromosome")
        }
        guard let position = try record.startPosition else {
            throw error(record, .startPosition, "missing start position")
        }
        guard position >= 1 else {
            throw error(record, .startPosition, "expected a 1-based position ≥ 1, found \(position)")
        }
        let reference = try bases(record, .referenceAllele)
        guard let reference else { throw error(record, .referenceAllele, "missing reference allele") }
        let allele2 = try bases(record, .tumorSeqAllele2)
        let allele1 = try bases(record, .tumorSeqAllele1)
        let alternate: String
        let otherAllele: String?
        if let allele2, allele2 != reference {
            alternate = allele2
            otherAllele = allele1
        } else if let allele1, allele1 != reference {
            alternate = allele1
            otherAllele = allele2
        } else {
            throw error(
                record, .tumorSeqAllele2,
                "no tumour allele differs from Reference_Allele '\(reference)'")
        }
        guard
            let allele = GenomicAllele.mafStyle(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate)
        else {
            throw error(record, .tumorSeqAllele2, "allele '\(alternate)' equals the reference '\(reference)'")
        }
        let zygosity: Zygosity
        switch otherAllele {
        case nil: zygosity = .unknown
        case reference: zygosity = .heterozygous
        case alternate: zygosity = .homozygous
        default: zygosity = .heterozygous
        }
        return (allele, zygosity)
    }

    /// An allele column, uppercased: bases `ACGTN` or `-`; `nil` when missing.
    private func bases(_ record: MAFRecord, _ column: MAFColumn) throws -> String? {
        guard let value = record.bytes(column), !Self.isMissing(value) else { return nil }
        let isDash = value.count == 1 && value[0] == UInt8(ascii: "-")
        guard isDash || value.allSatisfy(GenomicAllele.isBase) else {
            throw error(
                record, column,
                "expected bases (A, C, G, T, N) or '-', found '\(String(decoding: value, as: UTF8.self))'")
        }
        return String(decoding: value, as: UTF8.self).uppercased()
    }

    /// The row's one transcript annotation, or `nil` when the row has no gene, transcript,
    /// consequence nor classification (a minimal MAF).
    private func annotation(_ record: MAFRecord, gene: String, facts: Facts) throws -> TranscriptAnnotation? {
        let transcript = record.transcriptID
        guard
            !gene.isEmpty || transcript != nil || !facts.consequences.isEmpty
                || record.variantClassification != nil
        else { return nil }
        let hgvsp = record.hgvsp.map(Self.withoutSequencePrefix)
        let hgvspShort = record.hgvspShort.map(Self.withoutSequencePrefix)
        let proteinChange = facts.proteinChange ?? proteinChange(record)
        return TranscriptAnnotation(
            gene: gene, transcript: transcript, biotype: record.string(.biotype),
            consequences: facts.consequences, variantClass: facts.variantClass, hgvsp: hgvsp ?? hgvspShort,
            proteinChange: proteinChange, hgvsc: record.hgvsc.map(Self.withoutSequencePrefix),
            exon: try rank(
                record, column: layout.index(of: .exonNumber), name: MAFColumn.exonNumber.rawValue),
            intron: try rank(record, column: intronColumn, name: "INTRON"),
            isCanonical: record.string(.canonical) == "YES",
            maneSelect: maneSelectColumn.flatMap { text(record, at: $0) },
            clinicalSignificance: clinicalSignificanceColumn.flatMap { text(record, at: $0) })
    }

    /// `7/15`, `2-3/15` (the first is kept) or a bare `7`; `nil` when missing.
    private func rank(_ record: MAFRecord, column: Int?, name: String) throws -> TranscriptAnnotation.Rank? {
        guard let column, let value = record.bytes(at: column), !Self.isMissing(value) else { return nil }
        if let rank = AnnotationRank(AnnotationBytes(value)) {
            return TranscriptAnnotation.Rank(number: rank.number, total: rank.total)
        }
        if let number = AnnotationBytes(value).integer, number >= 1 {
            return TranscriptAnnotation.Rank(number: number, total: nil)
        }
        throw FormatError(
            .value, file: layout.path, line: record.lineNumber, field: name,
            message: "expected a rank such as 7/15, found '\(String(decoding: value, as: UTF8.self))'")
    }

    // MARK: Helpers

    /// `ENST00000288602.6:c.1799T>A` → `c.1799T>A`.
    private static func withoutSequencePrefix(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        return String(text[text.index(after: colon)...])
    }

    private func text(_ record: MAFRecord, at column: Int) -> String? {
        guard let value = record.bytes(at: column), !Self.isMissing(value) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    private func error(_ record: MAFRecord, _ column: MAFColumn, _ message: String) -> FormatError {
        FormatError(
            .value, file: layout.path, line: record.lineNumber, field: column.rawValue, message: message)
    }

    static func isMissing(_ value: UnsafeRawBufferPointer) -> Bool {
        value.isEmpty || (value.count == 1 && value[0] == UInt8(ascii: "."))
    }

    private static func equalsIgnoringCase(_ value: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool
    {
        guard value.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for offset in 0..<value.count where value[offset] | 0x20 != expected[offset] { return false }
        return true
    }
}
