import Foundation
import GenomicFormats
import TestSupport
import Testing

/// SnpEff ANN examples (`annotated/snpeff`): fields, cancer-mode alleles, structural variants.
@Suite("SnpEff ANN", .enabled(if: TestData.hasSharedData))
struct AnnotationSnpEffTests {
    struct Tied: Equatable {
        var allele: String
        var index: Int?
        var compared: String?
    }

    static func entries(_ file: String, pos: String) throws -> (AnnotationTestVCF.Record, AnnotationSchema) {
        let vcf = try AnnotationTestVCF(path: TestData.shared("annotated/snpeff/" + file))
        // Some SnpEff test files lack the ANN header line: fall back to SnpEff's fixed layout.
        let schema = (try? vcf.schema("ANN")) ?? AnnotationSchema.snpEff()
        #expect(schema.tool == .snpEff)
        let record = try #require(vcf.records.first(where: { $0.pos == pos }), "\(file) \(pos)")
        return (record, schema)
    }

    static func ties(_ record: AnnotationTestVCF.Record, _ schema: AnnotationSchema) -> [Tied] {
        let alts = record.alt.split(separator: ",").map(String.init)
        return AnnotationAlleles.with(reference: record.ref, alternates: alts) { alleles in
            withEntries(record.info("ANN") ?? "", schema: schema) { entries in
                entries.map {
                    Tied(
                        allele: $0.allele?.string ?? "", index: $0.alternateIndex(in: alleles),
                        compared: $0.comparedAllele)
                }
            }
        }
    }

    @Test("Cancer mode: 'G-C' is ALT G compared with C, tied to G")
    func cancerMode() throws {
        let (record, schema) = try Self.entries("examples/cancer.ann.vcf", pos: "69091")
        #expect(
            Self.ties(record, schema) == [
                Tied(allele: "G", index: 2, compared: nil), Tied(allele: "G-C", index: 2, compared: "C"),
                Tied(allele: "C", index: 1, compared: nil),
            ])
        withEntries(record.info("ANN")!, schema: schema) { entries in
            let second = Array(entries)[1]
            #expect(second.consequences.strings == ["start_lost"])
            #expect(second.impact == .high)
            #expect(second.symbol == "OR4F5")
            #expect(second.geneID == "ENSG00000186092")
            #expect(second.featureType == "transcript")
            #expect(second.transcriptID == "ENST00000335137")
            #expect(second.exon == AnnotationRank(number: 1, total: 1))
            #expect(second.hgvsc == "c.1A>G")
            #expect(second.hgvsp == "p.Leu1?")
            #expect(second.proteinID == nil)
            #expect(second.proteinPosition == 1)
            #expect(second.isCanonical == nil)
            #expect(second.field(named: "ERRORS / WARNINGS / INFO") == "WARNING_REF_DOES_NOT_MATCH_GENOME")
        }
    }

    @Test("Multi-allelic ALTs as written")
    func multiAllelic() throws {
        let (record, schema) = try Self.entries("examples/variants_2.ann.vcf", pos: "889455")
        let ties = Self.ties(record, schema)
        #expect(ties.count > 2)
        for tie in ties { #expect(tie.index == (tie.allele == "A" ? 1 : 2), "\(tie.allele)") }
    }

    @Test("Empty allele of a normalised deletion ties to the only ALT; '+' stays inside a term")
    func normalisedDeletion() throws {
        let (record, schema) = try Self.entries(
            "tests/unity/vcf/test_vcf_ann_plus_sign.vcf", pos: "146569454")
        #expect(Self.ties(record, schema) == [Tied(allele: "", index: 1, compared: nil)])
        withEntries(record.info("ANN")!, schema: schema) { entries in
            let entry = Array(entries)[0]
            #expect(entry.consequences.strings == ["5_prime_UTR_truncation+exon_loss_variant"])
            #expect(entry.field(named: "ERRORS / WARNINGS / INFO") == "INFO_REALIGN_3_PRIME")
        }
    }

    @Test("Structural variants: <INV> entries and breakends tie to their ALT; intron rank from Rank")
    func structuralVariants() throws {
        let (inversion, schema) = try Self.entries("tests/old/EML4-ALK_fusion.vcf", pos: "29447648")
        let ties = Self.ties(inversion, schema)
        #expect(ties.count > 10)
        #expect(ties.allSatisfy { $0.allele == "<INV>" && $0.index == 1 })
        withEntries(inversion.info("ANN")!, schema: schema) { entries in
            let first = Array(entries)[0]
            #expect(first.hasConsequence("intron_variant"))
            #expect(first.symbol == "ALK")
            #expect(first.intron == AnnotationRank(number: 19, total: 28))
            #expect(first.exon == nil)
        }
        let (breakend, bndSchema) = try Self.entries(
            "tests/unity/vcf/vcf_translocation.vcf", pos: "180477296")
        #expect(
            Self.ties(breakend, bndSchema) == [Tied(allele: "[CHR5:180477143[N", index: 1, compared: nil)])
        withEntries(breakend.info("ANN")!, schema: bndSchema) { entries in
            let entry = Array(entries)[0]
            #expect(entry.hgvsp == "p.Ala221fs")
            #expect(entry.exon == AnnotationRank(number: 4, total: 11))
            #expect(entry.proteinPosition == 221)
        }
    }

    @Test("Every ANN entry of the SnpEff examples ties to an ALT")
    func everyEntryTies() throws {
        var checked = 0
        for path in TestData.sharedFiles(under: "annotated/snpeff", suffixes: [".ann.vcf"]) {
            let vcf = try AnnotationTestVCF(path: path)
            let schema = try vcf.schema("ANN")
            for record in vcf.records where record.info("ANN") != nil {
                for tie in Self.ties(record, schema) {
                    #expect(tie.index != nil, "\(path) \(record.pos) \(record.alt): \(tie.allele)")
                    checked += 1
                }
            }
        }
        #expect(checked > 30)
    }
}
