import OncoDomain
import Testing

@Suite struct MAFAlleleTests {
    @Test(arguments: [
        // VCF insertion with anchor → MAF insertion placed on the base before it (vcf2maf INHA row).
        ("2", 220_439_700, "T", "TCT", "2:220439700:-:CT"),
        // VCF deletion with anchor → MAF deletion on its first deleted base.
        ("1", 11_290_178, "GA", "G", "1:11290179:A:-"),
        // Already MAF-style: unchanged.
        ("2", 220_439_700, "-", "CT", "2:220439700:-:CT"),
        ("1", 11_290_179, "A", "-", "1:11290179:A:-"),
        // SNV and MNV as in VCF, `chr` dropped, lower case raised.
        ("chr7", 140_453_136, "a", "t", "7:140453136:A:T"),
        ("6", 41_903_782, "AG", "CA", "6:41903782:AG:CA"),
        // vcf2maf writes a complex deletion with shared trailing bases: AAGA → GA deletes AA.
        ("5", 112_174_758, "AAGA", "GA", "5:112174758:AA:-"),
        // Shared leading and trailing bases around a delins.
        ("5", 112_174_758, "AAGA", "CA", "5:112174758:AAG:C"),
        // An insertion found only by trimming the suffix sits after the base before it.
        ("3", 100, "A", "TA", "3:99:-:T"),
        ("chrM", 10, "A", "G", "MT:10:A:G"),
        // Symbolic alleles are kept as written.
        ("3", 10, "N", "<DEL>", "3:10:N:<DEL>"),
    ])
    func convertsToMAFStyle(
        chromosome: String, position: Int, reference: String, alternate: String, expected: String
    )
        throws
    {
        let allele = try #require(
            GenomicAllele.mafStyle(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate))
        #expect(allele.description == expected)
        // Converting again changes nothing.
        #expect(allele.mafStyle == allele)
    }

    @Test func identicalAllelesAreNoVariant() {
        #expect(
            GenomicAllele.mafStyle(chromosome: "1", position: 5, reference: "ACG", alternate: "acg") == nil)
        #expect(GenomicAllele.mafStyle(chromosome: "1", position: 5, reference: "-", alternate: "-") == nil)
    }

    @Test func vcfNormalisedAlleleMatchesTheMAFRowOfTheSameIndel() throws {
        // test_b38 VCF-style TMPRSS2 deletion 21:41479182 CT>C against its MAF row 41479183 T>-.
        let fromVCF = GenomicAllele.normalised(
            chromosome: "chr21", position: 41_479_182, reference: "CT", alternate: "C")
        let fromMAF = try #require(
            GenomicAllele.mafStyle(chromosome: "21", position: 41_479_183, reference: "T", alternate: "-"))
        #expect(fromVCF != fromMAF)
        #expect(fromVCF.mafStyle == fromMAF)
        #expect(fromMAF.isMAFStyleIndel)
        #expect(!fromVCF.isMAFStyleIndel)
    }
}
