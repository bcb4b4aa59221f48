import GenomicFormats
import TestSupport
import Testing

@testable import OncoDomain

/// The loader's per-record survey of an annotation value must find, for every ALT allele, whether
/// an entry names a gene of interest and the variant class of its principal entry (MANE Select →
/// canonical → protein-coding → first, as ``TranscriptAnnotation/principalIndex(in:)`` picks it),
/// although it passes over entries that repeat the allele and gene of the one before when they
/// cannot change either answer.
@Suite("VCF loader annotation survey")
struct VCFLoadWorkerSurveyTests {
    static let genes: Set<String> = ["BRAF", "TP53"]

    /// A worker for a VEP-annotated VCF whose CSQ has the given format.
    static func worker(format: String) throws -> VCFLoadWorker {
        let header = try VCFHeader(
            parsing: """
                ##fileformat=VCFv4.2
                ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: \(format)">
                ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
                #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR

                """)
        let schema = try AnnotationSchema(tag: "CSQ", description: "Format: \(format)")
        let options = VCFAlterationLoader.Options(genesOfInterest: genes)
        return VCFLoadWorker(
            template: VariantIndex(samples: ["TUMOR"], genesOfInterest: genes), options: options,
            pair: TumourNormalPair(tumour: 0, normal: nil, tumourName: "TUMOR", normalName: nil),
            schema: schema, source: .vep, header: header)
    }

    /// What the survey should find for allele `allele` (1-based) of `alternates`, from the
    /// entries as ``AnnotationEntries`` cuts them.
    static func expected(
        value: String, schema: AnnotationSchema, reference: String, alternates: [String], allele: Int
    ) -> (interesting: Bool, variantClass: VariantClass?) {
        var bytes = Array(value.utf8)
        bytes.append(0)
        return bytes.withUnsafeBytes { buffer in
            AnnotationAlleles.with(reference: reference, alternates: alternates) { alleles in
                let entries = AnnotationEntries(
                    UnsafeRawBufferPointer(rebasing: buffer.dropLast()), schema: schema
                )
                .filter { entry in
                    entry[.allele].flatMap { alleles.alternateIndex(ofWritten: $0.bytes, tool: .vep) }
                        == allele
                }
                .map { entry in
                    func text(_ field: AnnotationField) -> String? {
                        entry[field].map { String(decoding: $0.bytes, as: UTF8.self) }
                    }
                    return (
                        symbol: text(.symbol), consequence: text(.consequence),
                        transcript: TranscriptAnnotation(
                            gene: text(.symbol) ?? "", biotype: text(.biotype), variantClass: .nonCoding,
                            isCanonical: text(.canonical) == "YES",
                            maneSelect: (text(.maneSelect) ?? "").isEmpty ? nil : text(.maneSelect))
                    )
                }
                let interesting = entries.contains { $0.symbol.map(genes.contains) ?? false }
                guard let principal = TranscriptAnnotation.principalIndex(in: entries.map(\.transcript))
                else {
                    return (interesting, nil)
                }
                let consequence = entries[principal].consequence ?? ""
                return (interesting, VariantClass.classify(consequences: [consequence]))
            }
        }
    }

    @Test("Random values: gene of interest and principal class per allele, as the full entries give them")
    func randomValues() throws {
        // The survey's columns spread out as VEP writes them, or the ranking ones first (then an
        // entry's rank is known from its essential fields).
        let formats = [
            "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSp|CANONICAL|MANE_SELECT",
            "Allele|MANE_SELECT|CANONICAL|BIOTYPE|Consequence|SYMBOL",
        ]
        var generator = SeededGenerator(seed: 7)
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        for format in formats {
            var worker = try Self.worker(format: format)
            let schema = try AnnotationSchema(tag: "CSQ", description: "Format: \(format)")
            let names = schema.fieldNames
            for _ in 0..<3000 {
                let reference = pick(["A", "C"])
                let alternates = (0..<pick([1, 1, 2, 3])).map { _ in pick(["G", "T", "CA"]) }
                var entries: [String] = []
                for _ in 0..<pick([0, 1, 2, 3, 4, 6]) {
                    // Runs of entries of one allele and gene, in random order otherwise.
                    let allele =
                        entries.isEmpty || pick([false, true]) ? pick(alternates + ["-", "A"]) : nil
                    let symbol = pick(["BRAF", "TP53", "SYN1", "SYN1", "SYN2", ""])
                    let values: [String: String] = [
                        "Allele": allele ?? alternates[0], "SYMBOL": symbol,
                        "Consequence": pick([
                            "missense_variant", "synonymous_variant", "intron_variant", "stop_gained",
                            "frameshift_variant&splice_region_variant", "upstream_gene_variant",
                        ]),
                        "BIOTYPE": pick(["protein_coding", "lncRNA", ""]),
                        "CANONICAL": pick(["YES", "", ""]),
                        "MANE_SELECT": pick(["", "", "", "NM_1.1"]),
                    ]
                    let fields = names.map { values[$0] ?? "x" }
                    // Now and then an entry cut short.
                    entries.append(
                        fields.prefix(pick([fields.count, fields.count, 3])).joined(separator: "|"))
                }
                let value = entries.joined(separator: ",")
                var line = Array(value.utf8) + Array(";DP=3".utf8)
                line.append(0)
                let alternateColumn = alternates.joined(separator: ",")
                for ranks in [true, false] {
                    line.withUnsafeBytes { buffer in
                        var referenceCopy = reference
                        var alternateCopy = alternateColumn
                        referenceCopy.withUTF8 { referenceBytes in
                            alternateCopy.withUTF8 { alternateBytes in
                                worker.surveyAnnotations(
                                    valueStarting: UnsafeRawBufferPointer(rebasing: buffer.dropLast()),
                                    alleles: AnnotationAlleles(
                                        reference: UnsafeRawBufferPointer(referenceBytes),
                                        alternates: UnsafeRawBufferPointer(alternateBytes)),
                                    alternateCount: alternates.count, ranksEntries: ranks)
                            }
                        }
                    }
                    for allele in 1...alternates.count {
                        let expected = Self.expected(
                            value: value, schema: schema, reference: reference, alternates: alternates,
                            allele: allele)
                        #expect(
                            worker.survey[allele].isInteresting == expected.interesting,
                            "\(value) allele \(allele)")
                        // Without ranking the class is only promised to be some entry's (the caller
                        // does not use it); with ranking, the principal entry's.
                        if ranks {
                            #expect(
                                worker.survey[allele].variantClass == expected.variantClass,
                                "\(value) allele \(allele)")
                        } else {
                            #expect(
                                (worker.survey[allele].variantClass == nil) == (expected.variantClass == nil))
                        }
                    }
                }
            }
        }
    }
}
