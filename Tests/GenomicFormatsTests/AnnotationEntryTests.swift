import Foundation
import GenomicFormats
import TestSupport
import Testing

private let vepHeader = """
    ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. \
    Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|\
    Protein_position|CANONICAL|MANE_SELECT|CLIN_SIG">
    """

@Suite("Annotation schema and entries")
struct AnnotationEntryTests {
    @Test("A VEP schema resolves its field indices from the Format list")
    func vepSchema() throws {
        let schema = try AnnotationSchema(infoHeaderLine: vepHeader)
        #expect(schema.tag == "CSQ")
        #expect(schema.tool == .vep)
        #expect(schema.fieldNames.count == 16)
        #expect(schema.index(of: .symbol) == 3)
        #expect(schema.index(of: .maneSelect) == 14)
        #expect(schema.index(of: .alleleNumber) == nil)
        #expect(schema.index(ofField: "CLIN_SIG") == 15)
        #expect(schema.index(ofField: "Nope") == nil)
    }

    @Test("SnpEff ANN, VEP written to ANN, bcftools BCSQ and EFF are told apart")
    func toolDetection() throws {
        let snpEff = try AnnotationSchema(
            tag: "ANN",
            description:
                "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' "
        )
        #expect(snpEff.tool == .snpEff)
        #expect(snpEff.fieldNames == AnnotationSchema.snpEffFieldNames)
        #expect(snpEff.index(of: .hgvsp) == 10)
        #expect(snpEff.index(of: .canonical) == nil)

        let vepInANN = try AnnotationSchema(
            tag: "ANN",
            description: "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL")
        #expect(vepInANN.tool == .vep)
        #expect(vepInANN.index(of: .impact) == 2)

        let bcsq = try AnnotationSchema(
            tag: "BCSQ",
            description:
                "Local consequence annotation from BCFtools/csq, see http://x for details. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change"
        )
        #expect(bcsq.tool == .bcftoolsCSQ)
        #expect(bcsq.index(of: .symbol) == 1)
        #expect(bcsq.index(of: .feature) == 2)

        #expect(throws: FormatError.self) {
            try AnnotationSchema(
                tag: "EFF",
                description:
                    "Predicted effects for this variant.Format: 'Effect ( Effect_Impact | Functional_Class | Codon_Change )' "
            )
        }
        let error = #expect(throws: FormatError.self) {
            try AnnotationSchema(tag: "XYZ", description: "Some free text")
        }
        #expect(error?.kind == .header)
        #expect(error?.field == "INFO/XYZ")
        #expect(throws: FormatError.self) { try AnnotationSchema(infoHeaderLine: "##INFO=<Number=1>") }
    }

    @Test("An entry exposes typed fields; HGVSp is decoded and split from its protein id")
    func typedFields() throws {
        let schema = try AnnotationSchema(infoHeaderLine: vepHeader)
        let value =
            "A|missense_variant&splice_region_variant|MODERATE|BRAF|ENSG00000157764|Transcript|ENST00000646891|protein_coding|15/18||ENST00000646891.2:c.1799T>A|ENSP00000493543.1:p.Val640Glu|640|YES|NM_004333.6|pathogenic&likely_pathogenic,"
            + "A|synonymous_variant|LOW|BRAF|ENSG00000157764|Transcript|ENST00000288602|protein_coding||7/17|c.12A>G|ENSP00000288602.7:p.Ala376%3D|376-377|||"
        withEntries(value, schema: schema) { entries in
            #expect(entries.count == 2)
            let all = Array(entries)
            let first = all[0]
            #expect(first.allele?.string == "A")
            #expect(first.symbol == "BRAF")
            #expect(first.geneID == "ENSG00000157764")
            #expect(first.transcriptID == "ENST00000646891")
            #expect(first.biotype == "protein_coding")
            #expect(first.consequences.strings == ["missense_variant", "splice_region_variant"])
            #expect(first.hasConsequence("splice_region_variant"))
            #expect(!first.hasConsequence("splice_region"))
            #expect(first.impact == .moderate)
            #expect(first.exon == AnnotationRank(number: 15, total: 18))
            #expect(first.intron == nil)
            #expect(first.hgvsc == "ENST00000646891.2:c.1799T>A")
            #expect(first.hgvsp == "p.Val640Glu")
            #expect(first.proteinID == "ENSP00000493543.1")
            #expect(first.proteinPosition == 640)
            #expect(first.isCanonical == true)
            #expect(first.maneSelect == "NM_004333.6")
            #expect(first.clinicalSignificance?.strings == ["pathogenic", "likely_pathogenic"])
            #expect(first.field(named: "Feature_type") == "Transcript")

            let second = all[1]
            #expect(second.hgvsp == "p.Ala376=")
            #expect(second.proteinID == "ENSP00000288602.7")
            #expect(second.proteinPosition == 376)
            #expect(second.intron?.description == "7/17")
            #expect(second.exon == nil)
            #expect(second.isCanonical == false)
            #expect(second.maneSelect == nil)
            #expect(second.impact == .low)
        }
    }

    @Test("An indexed entry reads every field as the scanning one does")
    func indexedEntryAgreesWithScanning() throws {
        let schema = try AnnotationSchema(infoHeaderLine: vepHeader)
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("A|x|%3D&".utf8)
        var entries: [[UInt8]] = [[], Array("|".utf8), Array("||".utf8), Array("A|missense_variant".utf8)]
        for _ in 0..<500 {
            // Past 64 bytes too: the fields are read off a mask of 64-bit words.
            let length = Int.random(in: 0..<(Bool.random(using: &generator) ? 40 : 300), using: &generator)
            entries.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for bytes in entries {
            bytes.withUnsafeBytes { buffer in
                let scanning = AnnotationEntry(buffer, schema: schema)
                let indexed = scanning.indexed()
                for index in -1...(bytes.count + 2) {
                    let expected = scanning.field(at: index).map { Array($0.bytes) }
                    #expect(indexed.field(at: index).map { Array($0.bytes) } == expected)
                }
                #expect(indexed.hgvsp == scanning.hgvsp)
                #expect(indexed.symbol == scanning.symbol)
                #expect(indexed.fieldCount == scanning.fieldCount)
            }
        }
    }

    @Test("Short entries are tolerated: missing trailing fields read as absent")
    func shortEntries() throws {
        let schema = try AnnotationSchema(infoHeaderLine: vepHeader)
        try withEntries("T|intron_variant|MODIFIER|TP53", schema: schema) { entries in
            let entry = try #require(entries.first(where: { _ in true }))
            #expect(entry.fieldCount == 4)
            #expect(entry.symbol == "TP53")
            #expect(entry.field(at: 4) == nil)
            #expect(entry.hgvsp == nil)
            #expect(entry.isCanonical == false)
            #expect(entry.maneSelect == nil)
            #expect(entry.field(named: "CLIN_SIG") == nil)
        }
        for missing in ["", "."] {
            withEntries(missing, schema: schema) { entries in
                #expect(entries.isEmpty)
                #expect(entries.count == 0)
            }
        }
    }

    @Test("Percent escapes: decoded when valid, kept when malformed")
    func percentDecoding() throws {
        let schema = try AnnotationSchema(
            tag: "CSQ", description: "Ensembl VEP. Format: Allele|Consequence|HGVSc|HGVSp")
        try withEntries("A|x|c.1%2B2A>G|ENSP1:p.%3D%2C%3b%zz%4", schema: schema) { entries in
            let entry = try #require(Array(entries).first)
            #expect(entry.hgvsc == "c.1+2A>G")
            #expect(entry.hgvsp == "p.=,;%zz%4")
            #expect(entry.proteinID == "ENSP1")
        }
    }

    @Test("Ranks: n/t, n-m/t and malformed")
    func ranks() throws {
        var text = "2-3/15"
        text.withUTF8 { bytes in
            let rank = AnnotationRank(AnnotationBytes(UnsafeRawBufferPointer(bytes)))
            #expect(rank == AnnotationRank(number: 2, lastNumber: 3, total: 15))
            #expect(rank?.description == "2-3/15")
        }
        for bad in ["", "7", "a/5", "7/", "/5"] {
            var copy = bad
            copy.withUTF8 { bytes in
                #expect(AnnotationRank(AnnotationBytes(UnsafeRawBufferPointer(bytes))) == nil, "\(bad)")
            }
        }
    }

    @Test("VEP allele rule: shared first base dropped for indels, '-' for deletions, SNVs kept")
    func vepAlleleRule() throws {
        func index(_ allele: String, _ ref: String, _ alts: [String]) -> Int? {
            AnnotationAlleles.with(reference: ref, alternates: alts) { alleles in
                var copy = allele
                return copy.withUTF8 { alleles.vepAlternateIndex(of: UnsafeRawBufferPointer($0)) }
            }
        }
        #expect(index("-", "GT", ["G", "GTT"]) == 1)
        #expect(index("TT", "GT", ["G", "GTT"]) == 2)
        #expect(index("GT", "G", ["GT", "C"]) == 1)  // C does not share G: nothing trimmed
        #expect(index("C", "G", ["GT", "C"]) == 2)
        #expect(index("C", "A", ["C", "G"]) == 1)
        #expect(index("TC", "AG", ["TC"]) == 1)  // MNV: same length, kept
        #expect(index("CGCG", "ACG", ["ACGCG"]) == 1)
        #expect(index("*", "A", ["AT", "*"]) == 2)
        #expect(index("T", "A", ["AT", "*"]) == 1)
        #expect(index("deletion", "N", ["<DEL>"]) == 1)
        #expect(index("<DEL>", "N", ["<DEL>"]) == 1)
        #expect(index("G", "A", ["C"]) == nil)
        #expect(index("G", "A", []) == nil)
        // One single-base ALT: as written for an SNV, `-` for a deletion to its first base.
        #expect(index("T", "A", ["T"]) == 1)
        #expect(index("A", "A", ["T"]) == nil)
        #expect(index("-", "AT", ["A"]) == 1)
        #expect(index("A", "AT", ["A"]) == nil)
        #expect(index("*", "A", ["*"]) == 1)
        #expect(index("C", "AT", ["C"]) == 1)  // C does not share A: nothing trimmed
    }

    @Test("ALLELE_NUM decides when present", .enabled(if: TestData.hasSharedData))
    func alleleNumberWins() throws {
        let vcf = try AnnotationTestVCF(
            path: TestData.shared("annotated/bcftools-split-vep/test/split-vep.vcf"))
        let schema = try vcf.schema("CSQ")
        let record = try #require(vcf.records.first(where: { $0.pos == "14976" }))
        let value = try #require(record.info("CSQ"))
        AnnotationAlleles.with(
            reference: record.ref, alternates: record.alt.split(separator: ",").map(String.init)
        ) {
            alleles in
            withEntries(value, schema: schema) { entries in
                #expect(
                    entries.map { $0.alternateIndex(in: alleles) } == [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2])
            }
        }
    }

    /// Every VEP file with ALLELE_NUM: the allele-string rule alone must agree with ALLELE_NUM.
    @Test(
        "VEP allele rule agrees with ALLELE_NUM on every bcftools test file",
        .enabled(if: TestData.hasSharedData))
    func vepRuleMatchesAlleleNumber() throws {
        var checked = 0
        for path in TestData.sharedFiles(under: "annotated/bcftools-split-vep/test", suffixes: [".vcf"]) {
            let vcf = try AnnotationTestVCF(path: path)
            for tag in ["CSQ", "ANN", "vep"] {
                guard let schema = try? vcf.schema(tag), schema.tool == .vep,
                    let alleleNumber = schema.index(of: .alleleNumber),
                    schema.index(ofField: "MINIMISED") == nil
                else { continue }
                for record in vcf.records {
                    guard let value = record.info(tag) else { continue }
                    let alts = record.alt.split(separator: ",").map(String.init)
                    AnnotationAlleles.with(reference: record.ref, alternates: alts) { alleles in
                        withEntries(value, schema: schema) { entries in
                            for entry in entries {
                                guard let expected = entry.field(at: alleleNumber)?.integer,
                                    let allele = entry.allele
                                else { continue }
                                let tied = alleles.vepAlternateIndex(of: allele.bytes)
                                #expect(
                                    tied == expected,
                                    "\(path): \(record.pos) \(record.ref)>\(record.alt) allele \(allele.string)"
                                )
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 2000)
    }

    @Test("MANE columns: MANE_SELECT (VEP ≥ 104) and MANE (VEP 103)", .enabled(if: TestData.hasSharedData))
    func mane() throws {
        let select = try AnnotationTestVCF(
            path: TestData.shared("annotated/bcftools-split-vep/test/split-vep.select-tr-expr.vcf"))
        let selectSchema = try select.schema("CSQ")
        var maneEntries: [String] = []
        for record in select.records {
            withEntries(record.info("CSQ") ?? "", schema: selectSchema) { entries in
                for entry in entries where entry.maneSelect != nil {
                    maneEntries.append("\(record.pos) \(entry.maneSelect!) \(entry.isCanonical!)")
                }
            }
        }
        // bcftools select-tr-expr.1.out: the two canonical entries carry MANE_SELECT NM_002074.5.
        #expect(maneEntries == ["1789242 NM_002074.5 true", "1804496 NM_002074.5 true"])

        let old = try AnnotationTestVCF(
            path: TestData.shared("annotated/bcftools-split-vep/test/split-vep.6.vcf"))
        let oldSchema = try old.schema("CSQ")
        #expect(oldSchema.fieldNames.contains("MANE"))
        var ids = Set<String>()
        var decoded: [String] = []
        for record in old.records {
            withEntries(record.info("CSQ") ?? "", schema: oldSchema) { entries in
                for entry in entries {
                    if let id = entry.maneSelect { ids.insert(id) }
                    if entry.proteinID == "ENSP00000343864.2", let hgvsp = entry.hgvsp {
                        decoded.append(hgvsp)
                    }
                }
            }
        }
        #expect(ids == ["NM_032129.3", "NM_021170.4", "NM_001103170.3"])
        #expect(decoded.contains("p.Ala376="))
        #expect(decoded.contains("p.Ser398Gly"))
    }
}
