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
        var positions = SortedPositions([10, 20, 20, 35])
        let answers = [
            positions.anyWithin(10, referenceLength: 1), positions.anyWithin(11, referenceLength: 9),
            positions.anyWithin(11, referenceLength: 10), positions.anyWithin(35, referenceLength: 0),
            positions.anyWithin(36, referenceLength: 100),
        ]
        #expect(answers == [true, false, true, true, false])
        var none = SortedPositions([])
        let noneAnswer = none.anyWithin(1, referenceLength: 5)
        #expect(!noneAnswer)
        // Questions in any order (the remembered gap must not answer for another one), against
        // a linear scan.
        let values = [3, 17, 17, 40, 41, 90, Int.max - 1]
        var remembered = SortedPositions(values)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let start =
                Bool.random(using: &generator)
                ? Int.random(in: 0...100, using: &generator)
                : Int.random(in: (Int.max - 5)...Int.max, using: &generator)
            let length = Int.random(in: 0...12, using: &generator)
            let end =
                start.addingReportingOverflow(max(length, 1) - 1).overflow
                ? Int.max : start + (max(length, 1) - 1)
            let expected = values.contains { $0 >= start && $0 <= end }
            let answer = remembered.anyWithin(start, referenceLength: length)
            #expect(answer == expected, "\(start) \(length)")
        }
    }
}
