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

    func call(_ text: String, allele: Int, alternates: Int) -> VCFGenotype.AlleleCall? {
        var text = text
        return text.withUTF8 {
            VCFGenotype.call(of: allele, in: UnsafeRawBufferPointer($0), alternates: alternates)
        }
    }

    @Test("An allele's call read from the bytes is what the parsed genotype says, for bytes it writes back")
    func alleleCallAgreesWithParse() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "0", "1", "2", "3", "10", "00", "01", ".", "|", "/", "/", "|", "x", "123456789", "1234567890",
        ]
        var read = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let alternates = Int.random(in: 1...3, using: &generator)
            for allele in 1...3 {
                let found = call(text, allele: allele, alternates: alternates)
                guard let genotype = parse(text), genotype.description == text,
                    genotype.alleles.allSatisfy({ ($0 ?? 0) <= alternates })
                else {
                    #expect(found == nil, "\(text.debugDescription) allele \(allele)")
                    continue
                }
                read += 1
                #expect(
                    found
                        == VCFGenotype.AlleleCall(
                            ploidy: genotype.ploidy, callsAllele: genotype.alleles.contains(allele),
                            callsOnlyAllele: genotype.alleles.allSatisfy { $0 == allele }),
                    "\(text.debugDescription) allele \(allele)")
            }
        }
        #expect(read > 1_000)
    }

    @Test func alleleCallLeavesOtherWritingsToTheParser() {
        #expect(
            call("0/1", allele: 1, alternates: 1)
                == .init(ploidy: 2, callsAllele: true, callsOnlyAllele: false))
        #expect(
            call("1|1", allele: 1, alternates: 1)
                == .init(ploidy: 2, callsAllele: true, callsOnlyAllele: true))
        #expect(
            call("1", allele: 1, alternates: 1) == .init(ploidy: 1, callsAllele: true, callsOnlyAllele: true))
        #expect(
            call("./.", allele: 1, alternates: 1)
                == .init(ploidy: 2, callsAllele: false, callsOnlyAllele: false))
        #expect(call("01/1", allele: 1, alternates: 1) == nil)  // written back as 1/1
        #expect(call("0/2", allele: 1, alternates: 1) == nil)  // allele out of range
        #expect(call("0/x", allele: 1, alternates: 1) == nil)
    }
}
