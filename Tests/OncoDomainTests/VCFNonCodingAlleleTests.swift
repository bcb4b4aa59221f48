import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoDomain

/// A caller whose rules cannot match non-coding alleles (no criterion names the `non-coding`
/// class) has them left out of the index: an allele of a gene of interest annotated as
/// non-coding on every entry, without an HGVSp. Anything coding on some entry, with an HGVSp, or
/// named by a rule is kept; and everything is kept by default.
@Suite struct VCFNonCodingAlleleTests {
    private static let csqHeader =
        "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
        + "Format: Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSp|CANONICAL\">"

    /// POS → (ALT, CSQ); every record `0/1` with alt reads.
    private static let records: [(position: Int, alternate: String, csq: String)] = [
        // Intronic on both transcripts of GENEA: left out when asked.
        (100, "T", "T|intron_variant|MODIFIER|GENEA|TX1||YES,T|intron_variant|MODIFIER|GENEA|TX2||"),
        // Intronic on the canonical transcript, missense on another: kept.
        (200, "T", "T|intron_variant|MODIFIER|GENEA|TX1||YES,T|missense_variant|MODERATE|GENEA|TX2|p.V12E|"),
        // Non-coding terms but an HGVSp (a protein criterion could take it): kept.
        (300, "T", "T|3_prime_UTR_variant|MODIFIER|GENEA|TX1|p.V13E|YES"),
        // Upstream of GENEA, intronic in GENEB: left out.
        (400, "T", "T|upstream_gene_variant|MODIFIER|GENEA|TX1||YES,T|intron_variant|MODIFIER|GENEB|TX3||"),
        // Synonymous: not non-coding, kept.
        (500, "T", "T|synonymous_variant|LOW|GENEA|TX1|p.V14%3D|YES"),
        // Intronic, but a rule names the allele: kept.
        (600, "T", "T|intron_variant|MODIFIER|GENEA|TX1||YES"),
    ]

    private func load(keepsNonCoding: Bool) throws -> VCFAlterationLoader.Result {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("noncoding.vcf").path
        var lines = [
            "##fileformat=VCFv4.2", Self.csqHeader,
            "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
            "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR",
        ]
        for record in Self.records {
            lines.append(
                "chr1\t\(record.position)\t.\tC\t\(record.alternate)\t.\tPASS\tCSQ=\(record.csq)\tGT:AD\t0/1:20,10"
            )
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var options = VCFAlterationLoader.Options(
            genesOfInterest: ["GENEA"],
            allelesOfInterest: [
                GenomicAllele(chromosome: "1", position: 600, reference: "C", alternate: "T"): "GENEA"
            ])
        options.keepsNonCodingAlterations = keepsNonCoding
        return try VCFAlterationLoader.load(path: path, options: options)
    }

    @Test func nonCodingAllelesAreLeftOutOnlyWhenAsked() throws {
        let kept = try load(keepsNonCoding: true).index.alterations.compactMap { $0.allele?.position }
        #expect(kept.sorted() == [100, 200, 300, 400, 500, 600])
        let result = try load(keepsNonCoding: false)
        #expect(result.index.alterations.compactMap { $0.allele?.position }.sorted() == [200, 300, 500, 600])
        // TMB counts every allele either way.
        #expect(result.recordsRead == Self.records.count)
    }
}
