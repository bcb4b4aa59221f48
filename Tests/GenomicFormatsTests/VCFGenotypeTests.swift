import GenomicFormats
import Testing

@Suite("VCF genotypes")
struct VCFGenotypeTests {
    func parse(_ text: String) -> VCFGenotype? {
        var text = text
        return text.withUTF8 { VCFGenotype.parse(UnsafeRawBufferPointer($0)) }
    }

    func zygosity(_ text: String) -> VCFGenotype.Zygosity? {
        var text = text
        return text.withUTF8 { VCFGenotype.zygosity(of: UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [
        ("0/1", [0, 1] as [Int?], [false, false], VCFGenotype.Zygosity.heterozygous),
        ("1|0", [1, 0], [true, true], .heterozygous),
        ("1", [1], [true], .homozygousAlternate),
        ("0", [0], [true], .homozygousReference),
        ("./.", [nil, nil], [false, false], .missing),
        (".|1", [nil, 1], [true, true], .missing),
        ("0/0/1", [0, 0, 1], [false, false, false], .heterozygous),
        ("2|2|2", [2, 2, 2], [true, true, true], .homozygousAlternate),
        ("|0/1", [0, 1], [true, false], .heterozygous),
        ("/0|1", [0, 1], [false, true], .heterozygous),
        ("0/1|2", [0, 1, 2], [false, false, true], .heterozygous),
        ("10/10", [10, 10], [false, false], .homozygousAlternate),
        ("0/0", [0, 0], [false, false], .homozygousReference),
    ])
    func parsesGenotypes(text: String, alleles: [Int?], phased: [Bool], expected: VCFGenotype.Zygosity) throws
    {
        let genotype = try #require(parse(text))
        #expect(genotype.alleles == alleles)
        #expect(genotype.phased == phased)
        #expect(genotype.ploidy == alleles.count)
        #expect(genotype.zygosity == expected)
        #expect(zygosity(text) == expected)
        #expect(genotype.description == text)
    }

    @Test(arguments: ["", "0/", "a/b", "0//1", "0:1", "/", "1 /0"])
    func rejectsMalformed(text: String) {
        #expect(parse(text) == nil)
        #expect(zygosity(text) == nil)
    }
}
