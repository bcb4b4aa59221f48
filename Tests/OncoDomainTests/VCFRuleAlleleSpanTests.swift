import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoDomain

/// The loader keeps an unannotated allele when a rule names its normalised form, which may start
/// after the record's POS (a shared leading base is trimmed); alleles no rule names are dropped.
@Suite struct VCFRuleAlleleSpanTests {
    private func load(ruleAlleles: [GenomicAllele: String]) throws -> VCFAlterationLoader.Result {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("span.vcf").path
        let text = """
            ##fileformat=VCFv4.2
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
            chr1\t100\t.\tACG\tATG\t.\tPASS\t.\tGT\t0/1
            chr1\t200\t.\tG\tA\t.\tPASS\t.\tGT\t0/1

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try VCFAlterationLoader.load(
            path: path, options: .init(genesOfInterest: ["GENEA"], allelesOfInterest: ruleAlleles))
    }

    @Test func keepsARuleAlleleThatStartsAfterPOS() throws {
        let trimmed = GenomicAllele(chromosome: "1", position: 101, reference: "C", alternate: "T")
        let result = try load(ruleAlleles: [trimmed: "GENEA"])
        let alteration = try #require(result.index.alterations(inGene: "GENEA").first)
        #expect(alteration.allele == trimmed)
        #expect(result.index.alterations.count == 1)
    }

    @Test func dropsAllelesNoRuleNames() throws {
        let elsewhere = GenomicAllele(chromosome: "1", position: 103, reference: "C", alternate: "T")
        let result = try load(ruleAlleles: [elsewhere: "GENEA"])
        #expect(result.index.alterations.isEmpty)
    }

    @Test func sortedPositionsAnswerSpanQueries() {
        let positions = SortedPositions([10, 20, 20, 35])
        #expect(positions.anyWithin(10, referenceLength: 1))
        #expect(!positions.anyWithin(11, referenceLength: 9))
        #expect(positions.anyWithin(11, referenceLength: 10))
        #expect(positions.anyWithin(35, referenceLength: 0))
        #expect(!positions.anyWithin(36, referenceLength: 100))
        #expect(!SortedPositions([]).anyWithin(1, referenceLength: 5))
    }
}
