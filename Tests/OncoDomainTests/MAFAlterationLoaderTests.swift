import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

private func load(
    _ path: String, genes: Set<String>? = nil, options: MAFAlterationLoader.Options = .init()
) throws -> (VariantIndex, MAFLoadStatistics) {
    var index = VariantIndex(samples: [], genesOfInterest: genes)
    let statistics = try MAFAlterationLoader(options: options).load(path: path, into: &index)
    return (index, statistics)
}

private func vcf2maf(_ name: String) -> String { TestData.shared("callers/vcf2maf/tests/\(name)") }

// MARK: vcf2maf files

@Suite(.enabled(if: TestData.hasSharedData)) struct MAFLoaderVcf2mafTests {
    @Test func loadsEveryRowOfTestMAF() throws {
        let (index, statistics) = try load(vcf2maf("test.maf"))
        #expect(statistics.rowsRead == 20)
        #expect(statistics.alterationsAdded == 20)
        #expect(statistics.rowsSkipped == 0)
        #expect(statistics.rowsFiltered == 0)
        #expect(index.samples == ["TUMOR"])
        #expect(index.alterations.count == 20)
        #expect(index.alterations(inGene: "APC").count == 4)
        #expect(index.alterations(inGene: "BAP1").count == 3)
    }

    @Test func readsTheMTORDeletionByHand() throws {
        let (index, _) = try load(vcf2maf("test.maf"))
        let mtor = try #require(index.alterations(inGene: "MTOR").first)
        #expect(mtor.kind == .smallVariant)
        #expect(mtor.allele?.description == "1:11290179:A:-")
        #expect(mtor.depth == 20)
        #expect(mtor.altDepth == 10)
        #expect(mtor.vaf == 0.5)
        #expect(mtor.depthSource == "MAF t_alt_count/t_depth")
        #expect(mtor.filter == "PASS")  // test.maf has no FILTER column
        #expect(mtor.origin == .somatic)  // matched normal NORMAL
        #expect(mtor.zygosity == .heterozygous)  // Tumor_Seq_Allele1 is the reference
        #expect(mtor.sourceLine == 3)
        #expect(mtor.annotationSource == .maf)
        #expect(mtor.principalTranscriptIndex == 0)
        #expect(mtor.principal?.gene == "MTOR")
        #expect(mtor.principal?.transcript == nil)
        #expect(mtor.variantClass == .nonCoding)  // Variant_Classification Intron
    }

    @Test func readsInsertionsAndComplexDeletionsByHand() throws {
        let (index, _) = try load(vcf2maf("test.maf"))
        let inha = try #require(index.alterations(inGene: "INHA").first)
        #expect(inha.allele?.description == "2:220439700:-:CT")
        #expect(inha.vaf == 72.0 / 93.0)
        #expect(inha.variantClass == .truncating)  // Frame_Shift_Ins

        let apc = index.alterations(inGene: "APC")
        // Line 15: AAGA → GA (both tumour alleles written), line 16: AAGA → CA with Allele1 `-`.
        #expect(
            apc.map(\.allele?.description) == [
                "5:112174758:AA:-", "5:112174758:AAG:C", "5:112174758:AAGA:-", "5:112174758:AA:-",
            ])
        #expect(apc.map(\.sourceLine) == [15, 16, 17, 18])
        #expect(apc[1].zygosity == .heterozygous)  // Allele1 `-` is another non-reference allele
        #expect(apc[1].depth == 20)
        #expect(apc[1].altDepth == 8)

        let ccnd3 = try #require(index.alterations(inGene: "CCND3").first)
        #expect(ccnd3.allele?.description == "6:41903782:AG:CA")
        #expect(ccnd3.variantClass == .missense)

        let intergenic = try #require(index.alterations(ofSample: 0).first { $0.sourceLine == 4 })
        #expect(intergenic.gene == "")  // Hugo_Symbol Unknown
        #expect(intergenic.allele?.description == "1:15557977:TG:CA")
        #expect(intergenic.vaf == 5.0 / 16.0)
    }

    @Test func countsTestMAFForTMB() throws {
        let (_, statistics) = try load(vcf2maf("test.maf"))
        let counts = try #require(statistics.mutationCounts(ofSample: "TUMOR"))
        #expect(counts.rows == 20)
        #expect(counts.eligible == 20)
        #expect(counts.eligibleWithoutAlleleFraction == 0)
        // 14 Splice_Site/Frame_Shift/In_Frame/Missense rows; no Silent row; three Missense_Mutation.
        #expect(counts.codingNonSynonymous == 14)
        #expect(counts.coding == 14)
        #expect(counts.missense == 3)
    }

    @Test func readsTheAnnotationColumnsOfVcf2mafOutput() throws {
        let (index, statistics) = try load(vcf2maf("test_b38_output.maf"))
        #expect(statistics.rowsRead == 25)
        #expect(index.alterations.count == 25)
        #expect(index.genes == ["ERG", "ICOSLG", "RUNX1", "SETD4", "SIK1", "TMPRSS2", "U2AF1", "UMODL1"])

        let runx1 = try #require(index.alterations(inGene: "RUNX1").first)
        #expect(runx1.allele?.description == "21:34792292:A:C")
        #expect(runx1.depth == 54)
        #expect(runx1.altDepth == 21)
        #expect(runx1.vaf == 21.0 / 54.0)
        #expect(runx1.filter == ".")
        #expect(runx1.passesFilter)
        let annotation = try #require(runx1.principal)
        #expect(annotation.transcript == "ENST00000675419")
        #expect(annotation.consequences == ["missense_variant"])
        #expect(annotation.hgvsp == "p.Leu429Arg")
        #expect(annotation.hgvsc == "c.1286T>G")
        #expect(annotation.exon == TranscriptAnnotation.Rank(number: 9, total: 9))
        #expect(annotation.biotype == "protein_coding")
        #expect(annotation.isCanonical)
        #expect(annotation.clinicalSignificance == "uncertain_significance")

        // SIK1: t_depth 113 with t_ref_count `.`.
        let sik1 = try #require(index.alterations(inGene: "SIK1").first)
        #expect(sik1.depth == 113)
        #expect(sik1.altDepth == 45)
        // ERG P6L is on a non-canonical transcript.
        let erg = index.alterations(inGene: "ERG")
        #expect(erg.map { $0.principal?.isCanonical } == [true, true, true, true, false, false])
        #expect(erg[0].principal?.consequences == ["synonymous_variant"])
        #expect(erg[0].principal?.hgvsp == "p.Ser406=")
        // SETD4: two terms, comma-separated by vcf2maf.
        let setd4 = try #require(index.alterations(inGene: "SETD4").first)
        #expect(setd4.principal?.consequences == ["missense_variant", "splice_region_variant"])
    }

    @Test func readsIntronRanksAndTheGenotypeColumn() throws {
        let (isoforms, _) = try load(vcf2maf("test_output.vep_isoforms.maf"))
        let mtor = try #require(isoforms.alterations(inGene: "MTOR").first)
        #expect(mtor.principal?.intron == TranscriptAnnotation.Rank(number: 18, total: 57))
        #expect(mtor.principal?.exon == nil)
        #expect(mtor.principal?.hgvsc == "c.2779+803del")
        let map3k1 = try #require(isoforms.alterations(inGene: "MAP3K1").first)
        #expect(map3k1.filter == "common_variant")
        #expect(!map3k1.passesFilter)

        let (more, _) = try load(vcf2maf("test_b38_output.more.maf"))
        #expect(more.alterations.count == 25)
        #expect(more.alterations.allSatisfy { $0.genotype != nil })
    }

    @Test
    func classifiesFromConsequenceTerms() throws {
        let (index, statistics) = try load(vcf2maf("test_b38_output.maf"))
        let classes = index.alterations.map(\.variantClass)
        #expect(classes.filter { $0 == .missense }.count == 15)
        #expect(classes.filter { $0 == .truncating }.count == 5)
        #expect(classes.filter { $0 == .synonymous }.count == 4)
        #expect(classes.filter { $0 == .spliceRegion }.count == 1)
        let counts = try #require(statistics.mutationCounts(ofSample: "TUMOR"))
        #expect(counts.eligible == 25)
        #expect(counts.missense == 15)
        #expect(counts.codingNonSynonymous == 20)
        #expect(counts.coding == 24)
    }

    @Test
    func parsesProteinChanges() throws {
        let (index, _) = try load(vcf2maf("test_output.vep_isoforms.maf"))
        let e545k = try #require(index.alterations(inGene: "PIK3CA").last?.principal?.proteinChange)
        #expect(e545k.kind == .missense)
        #expect(e545k.start == 545)
        #expect(e545k.description == "E545K")
        #expect(index.alterations(inGene: "PIK3CA", residues: 545...545).count == 1)
        // E469delinsDK is filed as protein_altering_variant (In_Frame_Ins); its HGVSp makes it a delins.
        let delins = try #require(index.alterations(inGene: "PIK3CA").first)
        #expect(delins.principal?.consequences == ["protein_altering_variant", "splice_region_variant"])
        #expect(delins.principal?.proteinChange?.kind == .deletionInsertion)
        #expect(delins.variantClass == .inframeDelins)
        // Splice donor rows carry HGVSp_Short `p.X165_splice`.
        #expect(index.alterations(inGene: "CHD1L").first?.variantClass == .truncating)
    }

    @Test func keepsOnlyGenesOfInterest() throws {
        let (index, statistics) = try load(vcf2maf("test.maf"), genes: ["APC", "PIK3CA"])
        #expect(index.alterations.count == 6)
        #expect(statistics.alterationsAdded == 6)
        #expect(statistics.rowsOutsideGenesOfInterest == 14)
        #expect(index.genes == ["APC", "PIK3CA"])
        // TMB counts still see every row.
        #expect(statistics.mutationCounts(ofSample: "TUMOR")?.codingNonSynonymous == 14)
    }

    @Test func readsTheMinimalMAFAsACohort() throws {
        let path = TestData.shared("callers/vcf2maf/data/minimalist_test_maf.tsv")
        let options = MAFAlterationLoader.Options(requiredColumns: MAFReader.minimalColumns)
        let (index, statistics) = try load(path, options: options)
        #expect(statistics.rowsRead == 645)
        #expect(index.alterations.count == 645)
        #expect(index.samples.count == 10)
        #expect(index.samples.first == "TCGA-A1-A0SF-01A-11D-A142-09")
        #expect(
            index.alterations(ofSample: index.samples.firstIndex(of: "TCGA-A1-A0SI-01A-11D-A142-09")!).count
                == 195)
        let first = index.alterations[0]
        #expect(first.allele?.description == "1:3599659:C:T")
        #expect(first.transcripts.isEmpty)
        #expect(first.annotationSource == .none)
        #expect(first.origin == .unknown)  // no matched normal, no Mutation_Status
        #expect(first.vaf == nil)
        let counts = try #require(statistics.mutationCounts(ofSample: "TCGA-A1-A0SB-01A-11D-A142-09"))
        #expect(counts.rows == 19)
        #expect(counts.eligibleWithoutAlleleFraction == 19)
        #expect(counts.coding == 0)  // no annotation: nothing is known to be coding
        #expect(statistics.mutationCounts.map(\.rows).reduce(0, +) == 645)

        // Without relaxed columns, the missing Hugo_Symbol is a header error.
        #expect(throws: FormatError.self) { try load(path) }
    }

    @Test func loadsOneSampleOfTheMinimalMAF() throws {
        let path = TestData.shared("callers/vcf2maf/data/minimalist_test_maf.tsv")
        let options = MAFAlterationLoader.Options(
            sample: "TCGA-A1-A0SI-01A-11D-A142-09", requiredColumns: MAFReader.minimalColumns)
        let (index, statistics) = try load(path, options: options)
        #expect(index.samples == ["TCGA-A1-A0SI-01A-11D-A142-09"])
        #expect(index.alterations.count == 195)
        #expect(statistics.rowsOfOtherSamples == 450)
        #expect(statistics.mutationCounts.map(\.sample) == ["TCGA-A1-A0SI-01A-11D-A142-09"])
    }
}

// MARK: Fixtures

@Suite struct MAFLoaderCohortTests {
    private let cohort = TestData.fixture("maf/cohort.maf")

    @Test func makesOneSamplePerBarcodeInOrderOfAppearance() throws {
        let (index, statistics) = try load(cohort)
        #expect(index.samples == ["TUMOUR-A", "TUMOUR-B", "TUMOUR-C"])
        #expect(statistics.rowsRead == 13)
        #expect(index.alterations(ofSample: 0).count == 7)  // the APC row comes back after TUMOUR-C
        #expect(index.alterations(ofSample: 1).count == 4)
        #expect(index.alterations(ofSample: 2).count == 2)
        #expect(index.alterations(inGene: "BRAF").map(\.sampleIndex) == [0, 2])
    }

    @Test func readsDepthFromReferenceAndAlternateCounts() throws {
        let (index, _) = try load(cohort)
        let braf = index.alterations(inGene: "BRAF")
        #expect(braf[0].depth == 100)
        #expect(braf[0].altDepth == 40)
        #expect(braf[0].vaf == 0.4)
        #expect(braf[0].depthSource == "MAF t_alt_count/(t_ref_count+t_alt_count)")
        #expect(braf[0].allele?.description == "7:140453136:A:T")
        #expect(braf[0].principal?.exon == TranscriptAnnotation.Rank(number: 15, total: 18))
        #expect(braf[0].principal?.hgvsp == "p.V600E")
        // The tumour-only row has no read counts.
        #expect(braf[1].depth == nil)
        #expect(braf[1].vaf == nil)
        #expect(braf[1].depthSource == nil)
        #expect(braf[1].filter == ".")
    }

    @Test func readsOriginFilterAndZygosity() throws {
        let (index, _) = try load(cohort)
        #expect(index.alterations(inGene: "BRCA2").first?.origin == .germline)  // Mutation_Status Germline
        #expect(index.alterations(inGene: "ARID1A").first?.origin == .germline)  // LOH
        #expect(index.alterations(inGene: "PIK3CA").first?.origin == .somatic)
        #expect(index.alterations(inGene: "NRAS").first?.origin == .unknown)  // tumour-only
        #expect(index.alterations(inGene: "PIK3CA").first?.zygosity == .homozygous)
        #expect(index.alterations(inGene: "KMT2D").first?.zygosity == .heterozygous)
        let egfr = try #require(index.alterations(inGene: "EGFR").first)
        #expect(egfr.filter == "panel_of_normals")
        #expect(!egfr.passesFilter)
        #expect(index.alterations(inGene: "APC").first?.filter == ".")
        #expect(index.alterations(inGene: "PTEN").first?.allele?.description == "10:89700000:AAG:-")

        let somaticByDefault = MAFAlterationLoader.Options(tumourOnlyOrigin: .somatic)
        let (assumed, _) = try load(cohort, options: somaticByDefault)
        #expect(assumed.alterations(inGene: "NRAS").first?.origin == .somatic)
        #expect(assumed.alterations(inGene: "BRCA2").first?.origin == .germline)
    }

    @Test func countsMutationsPerSample() throws {
        let (_, statistics) = try load(cohort)
        #expect(statistics.mutationCounts.map(\.sample) == ["TUMOUR-A", "TUMOUR-B", "TUMOUR-C"])
        let a = try #require(statistics.mutationCounts(ofSample: "TUMOUR-A"))
        // 7 rows: low-VAF TTN, germline BRCA2 and filtered EGFR are not eligible.
        #expect(a.rows == 7)
        #expect(a.eligible == 4)
        #expect(a.codingNonSynonymous == 3)  // BRAF, KMT2D, APC
        #expect(a.coding == 4)  // + silent TTN
        #expect(a.missense == 1)
        let b = try #require(statistics.mutationCounts(ofSample: "TUMOUR-B"))
        #expect(b.rows == 4)
        #expect(b.eligible == 3)  // the LOH row is germline
        #expect(b.codingNonSynonymous == 2)  // PIK3CA, PTEN in-frame deletion
        #expect(b.missense == 1)
        #expect(!a.isTumourOnly)
        #expect(a.count(for: .codingNonsynonymous) == 3)
        #expect(a.count(for: .allCoding) == 4)
        #expect(a.count(for: .missenseOnly) == 1)
        let c = try #require(statistics.mutationCounts(ofSample: "TUMOUR-C"))
        #expect(c.isTumourOnly)
        #expect(c.eligible == 2)
        #expect(c.eligibleWithoutAlleleFraction == 1)
        #expect(c.codingNonSynonymous == 1)  // the splice-region row is not coding
        #expect(c.coding == 1)

        // A stricter VAF threshold drops TUMOUR-A's KMT2D and APC rows (VAF 0.25).
        let strict = MAFAlterationLoader.Options(minimumAlleleFractionForCounts: 0.3)
        let (_, stricter) = try load(cohort, options: strict)
        #expect(stricter.mutationCounts(ofSample: "TUMOUR-A")?.codingNonSynonymous == 1)
    }

    @Test func filtersGenesWithoutBuildingOtherRows() throws {
        let (index, statistics) = try load(cohort, genes: ["BRAF", "PIK3CA"])
        #expect(index.alterations.count == 3)
        #expect(statistics.rowsOutsideGenesOfInterest == 10)
        // Every sample is registered even when none of its rows is kept.
        #expect(index.samples == ["TUMOUR-A", "TUMOUR-B", "TUMOUR-C"])
        #expect(statistics.mutationCounts(ofSample: "TUMOUR-A")?.eligible == 4)
    }

    @Test func loadsOneNamedSample() throws {
        let options = MAFAlterationLoader.Options(sample: "TUMOUR-B")
        let (index, statistics) = try load(cohort, options: options)
        #expect(index.samples == ["TUMOUR-B"])
        #expect(index.alterations.count == 4)
        #expect(index.alterations.allSatisfy { $0.sampleIndex == 0 })
        #expect(statistics.rowsOfOtherSamples == 9)
        #expect(statistics.rowsFiltered == 9)

        let missing = MAFAlterationLoader.Options(sample: "TUMOUR-Z")
        let error = try #require(throws: FormatError.self) { try load(cohort, options: missing) }
        #expect(error.field == "Tumor_Sample_Barcode")
        #expect(error.message.contains("TUMOUR-Z"))
    }

    @Test func appendsToAnIndexThatAlreadyHasSamples() throws {
        var index = VariantIndex(samples: ["TUMOUR-B", "OTHER"], genesOfInterest: nil)
        _ = try MAFAlterationLoader().load(path: cohort, into: &index)
        #expect(index.samples == ["TUMOUR-B", "OTHER", "TUMOUR-A", "TUMOUR-C"])
        #expect(index.alterations(inGene: "PIK3CA").first?.sampleIndex == 0)
        #expect(index.alterations(ofSample: 1).isEmpty)
    }

    @Test
    func parsesShortProteinChanges() throws {
        let (index, _) = try load(cohort)
        #expect(index.alterations(inGene: "BRAF").first?.principal?.proteinChange?.description == "V600E")
        #expect(index.alterations(inGene: "BRAF", residues: 600...600).count == 2)
    }
}

@Suite struct MAFLoaderErrorTests {
    private let broken = TestData.fixture("maf/broken.maf")

    @Test func failsOnTheFirstMalformedRow() throws {
        let error = try #require(throws: FormatError.self) { try load(broken) }
        #expect(error.kind == .record)
        #expect(error.line == 4)
        #expect(error.file == broken)
    }

    @Test func skipsAndCountsMalformedRowsWhenLenient() throws {
        let (index, statistics) = try load(broken, options: .init(isLenient: true))
        #expect(statistics.rowsRead == 10)
        #expect(statistics.rowsSkipped == 8)
        #expect(statistics.alterationsAdded == 2)
        #expect(index.alterations.map(\.sourceLine) == [3, 12])
        #expect(statistics.skippedExamples.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 11])
        #expect(
            statistics.skippedExamples.map(\.field) == [
                nil, "t_alt_count", "Reference_Allele", "Tumor_Sample_Barcode", "t_ref_count",
                "Variant_Classification", "Exon_Number", "Tumor_Seq_Allele2",
            ])
        #expect(
            statistics.skippedExamples[1].description
                == "\(broken):5: t_alt_count: expected an integer, found 'ten'")
        // Skipped rows count for nothing.
        #expect(statistics.mutationCounts.map(\.rows) == [1, 1])
    }

    @Test func keepsOnlyTheFirstExamples() throws {
        let options = MAFAlterationLoader.Options(isLenient: true, maximumSkippedExamples: 3)
        let (_, statistics) = try load(broken, options: options)
        #expect(statistics.rowsSkipped == 8)
        #expect(statistics.skippedExamples.map(\.line) == [4, 5, 6])
    }

    @Test func reportsValueErrorsWithFileLineAndColumn() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("counts.maf").path
        let text = """
            Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_depth\tt_alt_count
            KRAS\t12\t25398284\tC\tT\tS1\t10\t12

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: FormatError.self) { try load(path) }
        #expect(error.kind == .value)
        #expect(error.line == 2)
        #expect(error.field == "t_alt_count")
        #expect(error.message == "12 ALT reads exceed t_depth 10")
    }
}

/// A missense row is reclassified only by a delins protein change; rows whose HGVSp has none keep
/// their class without being parsed for it, whether or not they become alterations.
@Suite struct MAFLoaderClassRefinementTests {
    static let rows = [
        ("EGFR", "Missense_Mutation", "p.L747_P753delinsS"),
        ("BRAF", "Missense_Mutation", "p.V600E"),
        ("BRAF", "Missense_Mutation", "p.V600_K601delinsEN"),
        ("TTN", "Missense_Mutation", "p.L10_P16delinsS"),
        ("TTN", "Missense_Mutation", "p.R10Q"),
        ("TTN", "In_Frame_Del", "p.E746_A750del"),
    ]

    static func write() throws -> String {
        var text =
            "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\t"
            + "Tumor_Sample_Barcode\tVariant_Classification\tHGVSp_Short\n"
        for (offset, row) in rows.enumerated() {
            text += "\(row.0)\t7\t\(1000 + offset)\tA\tT\tS1\t\(row.1)\t\(row.2)\n"
        }
        let path = try TestData.temporaryDirectory().appendingPathComponent("refine.maf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func onlyADelinsChangesAMissenseRow() throws {
        let (index, statistics) = try load(try Self.write(), genes: ["EGFR", "BRAF"])
        #expect(index.alterations.map(\.variantClass) == [.inframeDelins, .missense, .missense])
        #expect(
            index.alterations.map { $0.principal?.proteinChange?.kind } == [
                .deletionInsertion, .missense, .deletionInsertion,
            ])
        let counts = try #require(statistics.mutationCounts(ofSample: "S1"))
        // Missense: V600E, the same-length delins, R10Q; the two longer delins are not.
        #expect(counts.missense == 3)
        #expect(counts.codingNonSynonymous == 6)
        let (_, allGenes) = try load(try Self.write(), genes: nil)
        #expect(allGenes.mutationCounts == statistics.mutationCounts)
    }
}

/// The matched normal of each sample comes from `Matched_Norm_Sample_Barcode`, so that a report of
/// a tumour–normal MAF does not say "matched normal: none".
@Suite struct MAFMatchedNormalTests {
    @Test func eachSampleNamesItsMatchedNormal() throws {
        let (_, statistics) = try load(TestData.fixture("maf/cohort.maf"))
        #expect(statistics.mutationCounts(ofSample: "TUMOUR-A")?.matchedNormalName == "NORMAL-A")
        #expect(statistics.mutationCounts(ofSample: "TUMOUR-B")?.matchedNormalName == "NORMAL-B")
        let tumourOnly = try #require(statistics.mutationCounts(ofSample: "TUMOUR-C"))
        #expect(tumourOnly.matchedNormalName == nil)
        #expect(tumourOnly.isTumourOnly)
    }

    @Test func severalNormalsAreAllNamedOnce() throws {
        let header =
            "Hugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tVariant_Classification\t"
            + "Variant_Type\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\t"
            + "Matched_Norm_Sample_Barcode"
        let rows = ["N1", "N2", "N1", "N2"].enumerated().map { index, normal in
            "TP53\t17\t\(7_675_000 + index)\t\(7_675_000 + index)\tMissense_Mutation\tSNP\tC\tC\tT\tT1\t\(normal)"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("normals-\(UUID()).maf")
        try ([header] + rows).joined(separator: "\n").appending("\n").write(
            to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let (_, statistics) = try load(url.path)
        #expect(statistics.mutationCounts(ofSample: "T1")?.matchedNormalName == "N1, N2")
    }
}
