import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

@Suite struct VCFAlterationLoaderTests {
    private func load(_ name: String, _ options: VCFAlterationLoader.Options = .init()) throws
        -> VCFAlterationLoader.Result
    {
        try VCFAlterationLoader.load(path: TestData.fixture("examples/\(name)"), options: options)
    }

    @Test func melanomaBRAFV600EIsSomaticHeterozygousOnTheMANETranscript() throws {
        let result = try load("melanoma-braf-v600e.vcf")
        #expect(result.samples.tumourName == "TUMOR")
        #expect(result.samples.normalName == "NORMAL")
        #expect(result.build == .grch38)
        #expect(result.annotationSource == .vep)
        let braf = try #require(result.index.alterations(inGene: "BRAF").first)
        #expect(braf.allele?.description == "7:140753336:A:T")
        #expect(braf.principal?.transcript == "ENST00000646891.2")
        #expect(braf.principal?.proteinChange?.description == "V600E")
        #expect(braf.principal?.hgvsp == "p.Val600Glu")
        #expect(braf.transcripts.count == 2)
        #expect(braf.variantClass == .missense)
        #expect(braf.origin == .somatic)
        #expect(braf.zygosity == .heterozygous)
        #expect(braf.depth == 55)
        #expect(braf.altDepth == 24)
        #expect(abs((braf.vaf ?? 0) - 0.436) < 0.001)
        #expect(braf.depthSource == "FORMAT/AD,DP,AF")
        #expect(braf.passesFilter)
        #expect(result.recordsRead == 4)
        #expect(result.recordsSkipped == 0)
    }

    @Test func genesOfInterestLimitWhatIsKept() throws {
        let result = try load("melanoma-braf-v600e.vcf", .init(genesOfInterest: ["BRAF"]))
        #expect(result.index.alterations.map(\.gene) == ["BRAF"])
        // TMB still counts every coding variant: BRAF and TP53 missense (TTN is synonymous).
        #expect(result.tmbCounter?.count(for: .codingNonsynonymous) == 2)
        #expect(result.tmbCounter?.count(for: .allCoding) == 3)
    }

    @Test func alleleOnlyInTheNormalIsNotATumourAlteration() throws {
        let result = try load("negative-normal-only.vcf")
        #expect(result.index.alterations.isEmpty)
    }

    @Test func multiAllelicSiteKeepsOnlyTheAlleleTheTumourCarries() throws {
        let result = try load("negative-multiallelic-absent-allele.vcf")
        let alterations = result.index.alterations(inGene: "BRAF")
        #expect(alterations.count == 1)
        #expect(alterations.first?.principal?.proteinChange?.description == "V600A")
        #expect(alterations.first?.allele?.alternate == "C")
        #expect(alterations.first?.altDepth == 14)
    }

    @Test func filteredRecordIsKeptWithItsFilter() throws {
        let result = try load("negative-filtered.vcf")
        let braf = try #require(result.index.alterations(inGene: "BRAF").first)
        #expect(braf.filter == "LowQual")
        #expect(!braf.passesFilter)
        #expect(result.recordsFiltered == 1)
    }

    @Test func germlineWhenTheNormalCarriesTheAllele() throws {
        let result = try load("ovarian-brca1-frameshift.vcf")
        let brca1 = try #require(result.index.alterations(inGene: "BRCA1").first)
        #expect(brca1.origin == .germline)
        #expect(brca1.variantClass == .truncating)
        #expect(brca1.principal?.proteinChange?.kind == .frameshift)
        #expect(brca1.allele?.description == "17:43124027:ACT:A")
    }

    @Test func tumourOnlyOriginIsUnknown() throws {
        let result = try load("aml-idh2-r140q-npm1.vcf")
        #expect(result.samples.normalName == nil)
        let idh2 = try #require(result.index.alterations(inGene: "IDH2").first)
        #expect(idh2.origin == .unknown)
        #expect(idh2.principal?.proteinChange?.description == "R140Q")
        let npm1 = try #require(result.index.alterations(inGene: "NPM1").first)
        #expect(npm1.variantClass == .truncating)
    }

    @Test func namedSamplesMustExist() throws {
        #expect(throws: FormatError.self) {
            try load("melanoma-braf-v600e.vcf", .init(tumourSample: "NOPE"))
        }
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func unannotatedTumourKeepsRuleAllelesWithTheirGene() throws {
        let braf = GenomicAllele(chromosome: "7", position: 140_453_136, reference: "A", alternate: "T")
        let result = try VCFAlterationLoader.load(
            path: TestData.shared("tumours/pcgr/T001-COAD.grch37.vcf.gz"),
            options: .init(genesOfInterest: ["BRAF"], allelesOfInterest: [braf: "BRAF"]))
        #expect(result.annotationSource == .none)
        #expect(result.tmbCounter == nil)
        #expect(result.build == .grch37)
        let alteration = try #require(result.index.alterations(inGene: "BRAF").first)
        #expect(alteration.allele == braf)
        #expect(alteration.transcripts.isEmpty)
        #expect(result.index.alterations.count == 1)
        // PCGR's tumour tags (INFO TDP=54;TVAF=0.314814814815): the sample column has neither AD nor DP.
        #expect(alteration.depth == 54)
        #expect(abs((alteration.vaf ?? 0) - 0.314814814815) < 1e-12)
        #expect(alteration.altDepth == nil)
        #expect(alteration.depthSource == "INFO/TDP,INFO/TVAF")
    }

    /// A header declaring only an annotation the loader does not read (SnpEff classic EFF,
    /// bcftools BCSQ) is named in a warning; a readable CSQ/ANN beside it silences it.
    @Test(arguments: [
        (["EFF"], ["INFO/EFF (SnpEff's classic annotation) is not read"]),
        (["BCSQ"], ["INFO/BCSQ (bcftools csq's annotation) is not read"]),
        (["EFF", "ANN"], []),
        ([], []),
    ])
    func unreadAnnotationsAreNamed(tags: [String], expected: [String]) throws {
        var header = ["##fileformat=VCFv4.2"]
        for tag in tags {
            let description =
                tag == "ANN"
                ? "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID' "
                : "effects"
            header.append("##INFO=<ID=\(tag),Number=.,Type=String,Description=\"\(description)\">")
        }
        header.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unread-\(UUID()).vcf")
        try (header + ["1\t100\t.\tA\tC\t.\tPASS\t."]).joined(separator: "\n").appending("\n").write(
            to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try VCFAlterationLoader.load(path: url.path, options: .init(genesOfInterest: nil))
        #expect(result.warnings.count == expected.count)
        for (warning, prefix) in zip(result.warnings, expected) { #expect(warning.hasPrefix(prefix)) }
    }

    /// PCGR's TDP/TVAF are read only when declared, one TVAF per ALT allele; FORMAT fields and a
    /// sites-only INFO DP/AF keep their precedence rules.
    @Test func pcgrTumourTagsGiveDepthAndFractionWhenDeclared() throws {
        let header = [
            "##fileformat=VCFv4.2",
            "##INFO=<ID=TVAF,Number=.,Type=Float,Description=\"Allelic fraction of alternative allele in tumor\">",
            "##INFO=<ID=TDP,Number=.,Type=Integer,Description=\"Read depth across variant site in tumor\">",
            "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
            "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOUR",
        ]
        let records = [
            "7\t140753336\t.\tA\tT\t.\tPASS\tTVAF=0.25;TDP=80;DP=200\tGT\t0/1",
            "7\t140753400\t.\tA\tC,G\t.\tPASS\tTVAF=0.1,0.3;TDP=50\tGT\t1/2",
            "7\t140753500\t.\tA\tC,G\t.\tPASS\tTVAF=0.1;TDP=50\tGT\t1/2",
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pcgr-tags-\(UUID()).vcf")
        try (header + records).joined(separator: "\n").appending("\n").write(
            to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try VCFAlterationLoader.load(path: url.path, options: .init(genesOfInterest: nil))
        let byPosition = Dictionary(grouping: result.index.alterations) { $0.allele?.position ?? 0 }
        let single = try #require(byPosition[140_753_336]?.first)
        #expect(single.depth == 80)
        #expect(single.vaf == 0.25)
        #expect(single.depthSource == "INFO/TDP,INFO/TVAF")
        let perAllele = (byPosition[140_753_400] ?? []).sorted { $0.allele!.alternate < $1.allele!.alternate }
        #expect(perAllele.map(\.vaf) == [0.1, 0.3])
        #expect(perAllele.map(\.depth) == [50, 50])
        // One TVAF for two ALT alleles says nothing about either.
        let ambiguous = byPosition[140_753_500] ?? []
        #expect(ambiguous.count == 2)
        #expect(ambiguous.allSatisfy { $0.vaf == nil && $0.depth == 50 && $0.depthSource == "INFO/TDP" })
    }

    /// Depth and VAF from each caller's own fields (vcf2maf test VCFs; values read off the files).
    @Test(
        .enabled(if: TestData.hasSharedData),
        arguments: [
            ("test_strelka.vcf", "FORMAT/AU,CU,GU,TU"),
            ("test_varscan.vcf", "FORMAT/RD,AD,FREQ"),
            ("test_mutect.vcf", "FORMAT/AD,DP,AF"),
            ("test_muse.vcf", "FORMAT/AD,DP"),
            ("test_sniper.vcf", "FORMAT/DP4"),
            ("test_delly.vcf", "FORMAT/DR,DV,RR,RV"),
        ])
    func readsDepthFromEachCaller(file: String, expectedSource: String) throws {
        let result = try VCFAlterationLoader.load(
            path: TestData.shared("callers/vcf2maf/tests/\(file)"), options: .init(genesOfInterest: nil))
        #expect(result.recordsSkipped == 0)
        let sources = Set(result.index.alterations.compactMap(\.depthSource))
        #expect(sources.contains(expectedSource), "\(file): \(sources)")
        for alteration in result.index.alterations {
            if let vaf = alteration.vaf { #expect((0...1).contains(vaf)) }
        }
    }
}

@Suite(.enabled(if: TestData.hasSharedData)) struct SharedTumourAlterationTests {
    /// PCGR's breast tumour carries PIK3CA H1047R (GRCh37 3:178952085 A>G, GRCh38 3:179234297 A>G);
    /// the VCF is unannotated, so it is kept through the exact allele a rule names.
    @Test(arguments: [
        (
            "T001-BRCA.grch37.vcf.gz",
            GenomicAllele(chromosome: "3", position: 178_952_085, reference: "A", alternate: "G")
        ),
        (
            "T001-BRCA.grch38.vcf.gz",
            GenomicAllele(chromosome: "3", position: 179_234_297, reference: "A", alternate: "G")
        ),
    ])
    func breastTumourPIK3CAH1047R(file: String, allele: GenomicAllele) throws {
        let result = try VCFAlterationLoader.load(
            path: TestData.shared("tumours/pcgr/\(file)"),
            options: .init(genesOfInterest: ["PIK3CA"], allelesOfInterest: [allele: "PIK3CA"]))
        let pik3ca = try #require(result.index.alterations(inGene: "PIK3CA").first)
        #expect(pik3ca.allele == allele)
        #expect(pik3ca.origin == .unknown)
        #expect(result.samples.normal == nil)
        #expect(result.build == (file.contains("grch37") ? .grch37 : .grch38))
        // The tumour's own record: GT 0/1 with ADT alt reads.
        #expect(pik3ca.zygosity == .heterozygous)
    }

    /// SnpEff cancer mode: `G-C` entries compare the somatic allele with the germline one; the
    /// tumour column is recognised from its name (`Patient_01_Somatic`).
    @Test func snpEffCancerModeAlterations() throws {
        let result = try VCFAlterationLoader.load(
            path: TestData.shared("annotated/snpeff/examples/cancer.ann.vcf"),
            options: .init(genesOfInterest: nil))
        #expect(result.samples.tumourName == "Patient_01_Somatic")
        #expect(result.samples.normalName == "Patient_01_Germline")
        #expect(result.annotationSource == .snpEff)
        // Somatic GT 2/1: both ALTs present in the tumour; the normal (1/0) carries ALT 1 only.
        let alterations = result.index.alterations(inGene: "OR4F5")
        #expect(alterations.count == 2)
        let altG = try #require(alterations.first { $0.allele?.alternate == "G" })
        #expect(altG.origin == .somatic)
        #expect(altG.principal?.proteinChange?.kind == .startLoss)
        #expect(altG.variantClass == .truncating)
        let altC = try #require(alterations.first { $0.allele?.alternate == "C" })
        #expect(altC.origin == .germline)
    }
}

@Suite struct CopyNumberRecordTests {
    /// `<DEL>`/`<DUP>` records with a tumour copy number become copy-number alterations of the
    /// genes their span covers (GRCh38 gene table, as the file is unannotated); a one-copy loss is
    /// not an actionable state and yields nothing.
    @Test func symbolicCopyNumberRecordsBecomeGeneEvents() throws {
        let result = try VCFAlterationLoader.load(
            path: TestData.fixture("vcf/cnv-events.vcf"),
            options: .init(genesOfInterest: ["ERBB2", "PTEN", "CDKN2A"]))
        #expect(result.build == .grch38)
        let erbb2 = try #require(result.index.alterations(inGene: "ERBB2").first)
        #expect(erbb2.kind == .copyNumber(.amplification))
        #expect(erbb2.depthSource == "FORMAT/CN = 9 copies")
        let pten = try #require(result.index.alterations(inGene: "PTEN").first)
        #expect(pten.kind == .copyNumber(.homozygousDeletion))
        #expect(result.index.alterations(inGene: "CDKN2A").isEmpty)
        #expect(result.index.alterations.count == 2)
    }

    /// The same on a GRCh37 file (told by its GRCh37 contig lengths): unannotated records are
    /// placed with the GRCh37 gene table, so GRCh37 spans over ERBB2 (17:37844167-37886679) and
    /// PTEN (10:89622870-89731687) name those genes, and the GRCh38 ERBB2 span names nothing.
    /// SnpEff's `gene_fusion` on a breakend names both genes (`ALK&EML4`) without saying which is
    /// 5′: the fusion is kept unoriented, named in the annotation's order with `/`.
    @Test func snpEffGeneFusionOnABreakendIsAnUnorientedFusion() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bnd.vcf").path
        let text = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">
            ##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' ">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##contig=<ID=2,length=242193529>
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
            2\t29223528\tbnd1\tG\tG]2:42295554]\t.\tPASS\tSVTYPE=BND;ANN=G]2:42295554]|gene_fusion|HIGH|ALK&EML4|ENSG00000171094&ENSG00000143924|gene_variant|ENSG00000171094|||||||||\tGT\t0/1

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try VCFAlterationLoader.load(path: path, options: .init(genesOfInterest: ["ALK"]))
        let alterations = result.index.alterations(inGene: "ALK")
        #expect(alterations.map(\.kind) == [.fusion(fivePrime: "ALK", threePrime: "EML4", oriented: false)])
        #expect(alterations.first?.fusionName == "ALK/EML4")
    }

    /// The genotype text is the GT as ``VCFGenotype`` writes it back (the bytes themselves when
    /// so written, else the parsed genotype's text) and the zygosity is of the allele kept.
    @Test func genotypeTextAndZygosityOfEachKeptAllele() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("genotypes.vcf").path
        let genotypes = ["0/1", "1/1", "1", "01/1", "0|1", "|0/1", "./1", "1/2", "0/0/1"]
        var text = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|HGVSp">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
            ##contig=<ID=7,length=159345973>
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR

            """
        for (index, genotype) in genotypes.enumerated() {
            let twoAlternates = genotype.contains("2")
            let alternates = twoAlternates ? "T,G" : "T"
            let annotation =
                "T|missense_variant|BRAF|p.Val600Glu"
                + (twoAlternates ? ",G|missense_variant|BRAF|p.Val600Gly" : "")
            let depths = twoAlternates ? "10,5,5" : "10,5"
            text +=
                "7\t\(140_753_300 + index)\t.\tA\t\(alternates)\t.\tPASS\tCSQ=\(annotation)\tGT:AD\t\(genotype):\(depths)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try VCFAlterationLoader.load(path: path, options: .init(genesOfInterest: ["BRAF"]))
        let found = result.index.alterations.map { "\($0.genotype ?? "-") \($0.zygosity)" }
        #expect(
            found == [
                "0/1 heterozygous", "1/1 homozygous", "1 hemizygous", "1/1 homozygous", "0|1 heterozygous",
                "|0/1 heterozygous", "./1 heterozygous", "1/2 heterozygous", "1/2 heterozygous",
                "0/0/1 heterozygous",
            ])
    }

    @Test func symbolicCopyNumberRecordsOnGRCh37UseTheGRCh37Table() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("grch37-cnv.vcf").path
        let text = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">
            ##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">
            ##contig=<ID=10,length=135534747>
            ##contig=<ID=17,length=81195210>
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
            10\t89700000\tcnv1\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=89710000\tGT:CN\t1/1:0
            17\t37850000\tcnv2\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=37860000\tGT:CN\t0/1:9
            17\t39600000\tcnv3\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39800000\tGT:CN\t0/1:9

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try VCFAlterationLoader.load(
            path: path, options: .init(genesOfInterest: ["ERBB2", "PTEN"]))
        #expect(result.build == .grch37)
        #expect(result.index.alterations(inGene: "ERBB2").map(\.kind) == [.copyNumber(.amplification)])
        #expect(result.index.alterations(inGene: "PTEN").map(\.kind) == [.copyNumber(.homozygousDeletion)])
        #expect(result.index.alterations.count == 2)
    }
}
