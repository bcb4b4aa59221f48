import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoDomain

struct CopyNumberAndFusionTests {
    @Test func segmentStatesFollowThresholds() {
        func segment(_ major: Int, _ minor: Int) -> CopyNumberSegment {
            CopyNumberSegment(chromosome: "chr1", start: 1, end: 10, majorCopies: major, minorCopies: minor)
        }
        #expect(segment(0, 0).state() == .homozygousDeletion)
        #expect(segment(1, 0).state() == .lossOfHeterozygosity)
        #expect(segment(2, 0).state() == .lossOfHeterozygosity)
        #expect(segment(1, 1).state() == .neutral)
        #expect(segment(5, 1).state() == .amplification)
        #expect(segment(6, 0).state() == .amplification)
        #expect(segment(4, 1).state() == .neutral)
        #expect(segment(4, 1).state(thresholds: .absolute(minimumTotal: 5)) == .amplification)
        #expect(segment(5, 2).state(thresholds: .relativeToPloidy(3.2, excess: 4)) == .neutral)
        #expect(segment(7, 1).state(thresholds: .relativeToPloidy(3.2, excess: 4)) == .amplification)
        #expect(segment(6, 1).state(thresholds: .relativeToPloidy(3.2, excess: 4)) == .neutral)
        #expect(segment(1, 1).chromosome == "1")
        #expect(segment(1, 1).length == 10)
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func readsPCGRSegmentsAndCallsGenes() throws {
        let segments = try CopyNumberReader.read(
            path: TestData.shared("tumours/pcgr/T001-COAD.grch38.cna.tsv"))
        #expect(segments.count == 260)
        let first = try #require(segments.first)
        #expect(
            first
                == CopyNumberSegment(
                    chromosome: "1", start: 809641, end: 37651942, majorCopies: 1, minorCopies: 0))
        #expect(segments.filter { $0.state() == .homozygousDeletion }.count == 6)

        let table = try GeneCoordinateTable.bundled(.grch38)
        let calls = GeneCopyNumber.call(segments: segments, genes: table)
        let byGene = Dictionary(uniqueKeysWithValues: calls.map { ($0.gene, $0) })
        #expect(byGene["NRAS"]?.state == .amplification)
        #expect(byGene["NRAS"]?.maximumTotalCopies == 24)
        #expect(byGene["ERBB2"]?.state == .amplification)
        #expect(byGene["TP53"]?.state == .lossOfHeterozygosity)
        #expect(byGene["BRAF"]?.state == .neutral)
        // EZH2 spans two segments (2+1 and 3+1 copies).
        #expect(byGene["EZH2"]?.segmentCount == 2)
        #expect(byGene["EZH2"]?.minimumTotalCopies == 2)
        #expect(byGene["EZH2"]?.maximumTotalCopies == 3)
        #expect(byGene["EZH2"]?.state == .neutral)
    }

    @Test func geneCallsNeedWholeGeneAmplification() throws {
        let table = try GeneCoordinateTable(
            genes: [GeneCoordinate(gene: "G", chromosome: "1", start: 100, end: 200)], build: nil,
            source: "test")
        let partial = [
            CopyNumberSegment(chromosome: "1", start: 1, end: 150, majorCopies: 8, minorCopies: 1),
            CopyNumberSegment(chromosome: "1", start: 151, end: 300, majorCopies: 1, minorCopies: 1),
        ]
        #expect(GeneCopyNumber.call(segments: partial, genes: table).first?.state == .neutral)
        let deleted = [
            CopyNumberSegment(chromosome: "1", start: 190, end: 300, majorCopies: 0, minorCopies: 0)
        ]
        #expect(GeneCopyNumber.call(segments: deleted, genes: table).first?.state == .homozygousDeletion)
        let elsewhere = [
            CopyNumberSegment(chromosome: "2", start: 1, end: 300, majorCopies: 9, minorCopies: 0)
        ]
        #expect(GeneCopyNumber.call(segments: elsewhere, genes: table).isEmpty)
    }

    @Test func reportsBadCopyNumberLines() {
        let header = "Chromosome\tStart\tEnd\tnMajor\tnMinor\n"
        #expect {
            try CopyNumberReader.read(text: header + "1\t100\tx\t1\t1\n", name: "cna.tsv")
        } throws: { error in
            let error = error as? FormatError
            return error?.line == 2 && error?.field == "End" && error?.file == "cna.tsv"
        }
        #expect {
            try CopyNumberReader.read(text: "Chromosome\tStart\tEnd\tnMajor\n", name: "cna.tsv")
        } throws: { error in
            (error as? FormatError)?.field == "nMinor"
        }
        #expect(throws: FormatError.self) {
            try CopyNumberReader.read(text: header + "1\t200\t100\t1\t1\n", name: "cna.tsv")
        }
        #expect(throws: FormatError.self) {
            try CopyNumberReader.read(text: header + "1\t100\t200\t-1\t1\n", name: "cna.tsv")
        }
        #expect(throws: FormatError.self) { try CopyNumberReader.read(text: "", name: "cna.tsv") }
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func readsPCGRFusions() throws {
        let fusions = try FusionReader.read(
            path: TestData.shared("tumours/pcgr/T001-BRCA.grch37.fusions.tsv"))
        #expect(fusions.count == 13)
        let first = try #require(fusions.first)
        #expect(first.fivePrimeGene == "EML4")
        #expect(first.threePrimeGene == "ALK")
        #expect(first.fivePrimeBreakpoint == GenomicPosition(chromosome: "2", position: 42522694))
        #expect(first.threePrimeBreakpoint == GenomicPosition(chromosome: "2", position: 29446394))
        #expect(first.splitReads == 100)
        #expect(first.description == "EML4--ALK")
        #expect(fusions.contains { $0.description == "BCR--ABL1" && $0.involves("abl1") })

        // Every example file has partner-less fusions (`--ALK`, `FGFR2--`) somewhere.
        var unnamed: [FusionEvent] = []
        for file in TestData.sharedFiles(under: "tumours/pcgr", suffixes: [".fusions.tsv"]) {
            unnamed += try FusionReader.read(path: file).filter { $0.genes.count == 1 }
        }
        #expect(unnamed.contains { $0.fivePrimeGene == nil && $0.threePrimeGene == "ALK" })
        #expect(unnamed.contains { $0.fivePrimeGene == "FGFR2" && $0.threePrimeGene == nil })
    }

    @Test func reportsBadFusionLines() {
        let header = "FusionGene\tLeftBreakpoint\tRightBreakpoint\tSplitReads\n"
        #expect {
            try FusionReader.read(text: header + "EML4-ALK\t2:1\t2:2\t5\n", name: "f.tsv")
        } throws: { error in
            (error as? FormatError)?.field == "FusionGene" && (error as? FormatError)?.line == 2
        }
        #expect(throws: FormatError.self) {
            try FusionReader.read(text: header + "--\t2:1\t2:2\t5\n", name: "f.tsv")
        }
        #expect(throws: FormatError.self) {
            try FusionReader.read(text: header + "A--B\t2-1\t2:2\t5\n", name: "f.tsv")
        }
        #expect(throws: FormatError.self) {
            try FusionReader.read(text: header + "A--B\t2:1\t2:2\tmany\n", name: "f.tsv")
        }
        #expect((try? FusionReader.read(text: "FusionGene\nA--B\n", name: "f.tsv"))?.first?.splitReads == nil)
        // A gene fused with itself is an intragenic rearrangement: noted, not read as a fusion.
        let table = try? FusionReader.readTable(
            text: "FusionGene\nEGFR--EGFR\nA--B\nMET--MET\n", name: "f.tsv")
        #expect(table?.events.map(\.description) == ["A--B"])
        #expect(table?.notes == ["f.tsv: 2 intragenic events (EGFR, MET) not read as fusions"])
    }

    /// Arriba's fusions.tsv: gene1 5′, gene2 3′; no orientation without a predicted transcribed
    /// strand; an intergenic side names no partner; intragenic, head-to-head and doubly
    /// intergenic events are counted in the notes, not read as fusions.
    @Test func readsArribaFusions() throws {
        let path = TestData.fixture("fusions/arriba-fusions.tsv")
        let table = try FusionReader.readTable(path: path)
        #expect(table.events.map(\.description) == ["EML4--ALK", "TPM3--NTRK1", "--ROS1"])
        #expect(table.events.map(\.oriented) == [true, false, true])
        #expect(table.events.map(\.splitReads) == [65, 5, 18])
        #expect(
            table.events.first?.fivePrimeBreakpoint == GenomicPosition(chromosome: "2", position: 42_295_554))
        #expect(
            table.events.first?.threePrimeBreakpoint == GenomicPosition(chromosome: "2", position: 29_223_528)
        )
        #expect(
            table.notes == [
                "\(path): 1 intragenic Arriba event (EGFR) not read as fusions",
                "\(path): 1 Arriba event fusing genes head-to-head or tail-to-tail (GENEA/GENEB) not read as "
                    + "fusions: no chimeric protein",
                "\(path): 1 Arriba event intergenic on both sides not read as fusions",
            ])
        let header =
            "#gene1\tgene2\tstrand1(gene/fusion)\tstrand2(gene/fusion)\tbreakpoint1\tbreakpoint2\tsplit_reads1\tsplit_reads2\n"
        #expect {
            try FusionReader.read(text: header + "A\tB\t+\t+/+\t1:1\t2:2\t1\t1\n", name: "a.tsv")
        } throws: { error in
            (error as? FormatError)?.field == "strand1(gene/fusion)" && (error as? FormatError)?.line == 2
        }
        #expect(throws: FormatError.self) {
            try FusionReader.read(text: header + "A\tB\t+/+\t+/+\t1:1\t2:2\tmany\t1\n", name: "a.tsv")
        }
    }

    /// STAR-Fusion's predictions (`#FusionName` LEFT--RIGHT, 5′ first; `JunctionReadCount`;
    /// breakpoints with their strand, `chr2:29223528:-`) read as PCGR's table does.
    @Test func readsStarFusionPredictions() throws {
        let text = """
            #FusionName\tJunctionReadCount\tSpanningFragCount\tSpliceType\tLeftGene\tLeftBreakpoint\tRightGene\tRightBreakpoint
            EML4--ALK\t42\t17\tONLY_REF_SPLICE\tEML4^ENSG00000143924.20\tchr2:42295554:+\tALK^ENSG00000171094.19\tchr2:29223528:-

            """
        let fusions = try FusionReader.read(text: text, name: "star-fusion.fusion_predictions.abridged.tsv")
        #expect(fusions.count == 1)
        #expect(fusions.first?.description == "EML4--ALK")
        #expect(fusions.first?.splitReads == 42)
        #expect(
            fusions.first?.fivePrimeBreakpoint == GenomicPosition(chromosome: "chr2", position: 42_295_554))
        #expect(fusions.first?.threePrimeBreakpoint == GenomicPosition(chromosome: "2", position: 29_223_528))
        #expect(GenomicPosition(parsing: "chr2:5:*") == nil)
        #expect(GenomicPosition(parsing: ":+") == nil)
        #expect(GenomicPosition(parsing: "2:0:+") == nil)
    }

    @Test func bundledGeneTable() throws {
        let table = try GeneCoordinateTable.bundled(.grch38)
        #expect(table.genes.count == 75)
        let required = """
            BRAF KRAS NRAS EGFR ERBB2 MET ALK ROS1 RET NTRK1 NTRK2 NTRK3 BRCA1 BRCA2 PALB2 ATM BARD1 BRIP1 \
            CDK12 CHEK1 CHEK2 FANCL RAD51B RAD51C RAD51D RAD54L IDH1 IDH2 EZH2 KMT2A NPM1 SMARCB1 PIK3CA AKT1 \
            PTEN ESR1 FGFR1 FGFR2 FGFR3 KIT PDGFRA FLT3 ABL1 BCR MLH1 MSH2 MSH6 PMS2 EPCAM POLE POLD1 STK11 \
            KEAP1 B2M JAK1 JAK2 TP53 CDKN2A MDM2 CCND1 MYC
            """.split(separator: " ")
        for gene in required { #expect(table.coordinate(of: String(gene)) != nil, "\(gene) missing") }
        #expect(
            table.coordinate(of: "braf")
                == GeneCoordinate(gene: "BRAF", chromosome: "7", start: 140_719_327, end: 140_924_929))
        // The BRAF V600E position of the PCGR colon tumour on GRCh38 (7:140753336) lies in BRAF.
        #expect(
            table.genes(overlapping: "chr7", start: 140_753_336, end: 140_753_336).map(\.gene) == ["BRAF"])
        #expect(table.genes(overlapping: "7", start: 1, end: 2).isEmpty)
        #expect(table.unsourcedGenes.isEmpty)
        #expect(GeneCoordinateTable.isBundled(.grch38) && GeneCoordinateTable.isBundled(.grch37))
        #expect(!GeneCoordinateTable.isBundled(.unknown))
        let unknown = try #require(throws: FormatError.self) { try GeneCoordinateTable.bundled(.unknown) }
        #expect(unknown.message.hasPrefix("gene coordinates are shipped for GRCh37 and GRCh38 only"))
        for gene in table.genes { #expect(gene.start < gene.end) }
    }

    /// The GRCh37 table: the same genes as GRCh38 except the four no verifiable GRCh37 source
    /// was found for, with spot values equal to the sourced Ensembl GRCh37 spans (README.md).
    @Test func bundledGRCh37GeneTable() throws {
        let table = try GeneCoordinateTable.bundled(.grch37)
        let grch38 = try GeneCoordinateTable.bundled(.grch38)
        #expect(table.build == .grch37)
        #expect(table.genes.count == 71)
        #expect(table.unsourcedGenes == ["KIAA1549", "MSH6", "PDGFRA", "ROS1"])
        #expect(table.isUnsourced("ros1") && !table.isUnsourced("BRAF"))
        #expect(table.coordinate(of: "ROS1") == nil)
        #expect(
            Set(table.genes.map(\.gene)).union(table.unsourcedGenes) == Set(grch38.genes.map(\.gene)))
        // A gene sits on the same chromosome in both builds (catches a mistyped chromosome).
        for gene in table.genes {
            #expect(gene.chromosome == grch38.coordinate(of: gene.gene)?.chromosome, "\(gene.gene)")
            #expect(gene.start < gene.end)
        }
        let expected: [GeneCoordinate] = [
            .init(gene: "BRAF", chromosome: "7", start: 140_419_127, end: 140_624_564),
            .init(gene: "KRAS", chromosome: "12", start: 25_357_723, end: 25_403_870),
            .init(gene: "PTEN", chromosome: "10", start: 89_622_870, end: 89_731_687),
            .init(gene: "BRCA2", chromosome: "13", start: 32_889_611, end: 32_973_805),
            .init(gene: "TP53", chromosome: "17", start: 7_565_097, end: 7_590_856),
            .init(gene: "EGFR", chromosome: "7", start: 55_086_714, end: 55_324_313),
            .init(gene: "ALK", chromosome: "2", start: 29_415_640, end: 30_144_432),
            .init(gene: "TPM3", chromosome: "1", start: 154_127_784, end: 154_167_124),
        ]
        for coordinate in expected { #expect(table.coordinate(of: coordinate.gene) == coordinate) }
        // GRCh37 hotspots of the PCGR tumours: BRAF V600E (7:140453136), PIK3CA H1047R (3:178952085).
        #expect(
            table.genes(overlapping: "chr7", start: 140_453_136, end: 140_453_136).map(\.gene) == ["BRAF"])
        #expect(table.genes(overlapping: "3", start: 178_952_085, end: 178_952_085).map(\.gene) == ["PIK3CA"])
        // A GRCh38 position means nothing on GRCh37: BRAF V600E's GRCh38 position is past GRCh37 BRAF.
        #expect(table.genes(overlapping: "7", start: 140_753_336, end: 140_753_336).isEmpty)
        #expect(
            table.genes(overlapping: "9", start: 5_400_000, end: 5_600_000).map(\.gene) == [
                "CD274", "PDCD1LG2",
            ])
    }

    /// The PCGR GRCh37 tumours' segments (both tumours ship the same GRCh37 segment table) now
    /// call genes: NRAS on 1:114972833-116740195 (23+1 copies), ERBB2 on 17:37756263-38156253
    /// (8+1), TP53 on 17:1948601-8604495 (2+0), EZH2 across 7:148394595-148542822 (1+1) and
    /// 7:148552456-156599770 (2+1), MYC on 8:128307605-128818308 (3+2, below the 6-copy threshold).
    @Test(.enabled(if: TestData.hasSharedData))
    func callsGenesFromPCGRGRCh37Segments() throws {
        let segments = try CopyNumberReader.read(
            path: TestData.shared("tumours/pcgr/T001-COAD.grch37.cna.tsv"))
        #expect(segments.count == 252)
        let calls = GeneCopyNumber.call(segments: segments, genes: try GeneCoordinateTable.bundled(.grch37))
        let byGene = Dictionary(uniqueKeysWithValues: calls.map { ($0.gene, $0) })
        #expect(byGene["NRAS"]?.state == .amplification)
        #expect(byGene["NRAS"]?.maximumTotalCopies == 24)
        #expect(byGene["ERBB2"]?.state == .amplification)
        #expect(byGene["ERBB2"]?.minimumTotalCopies == 9)
        #expect(byGene["TP53"]?.state == .lossOfHeterozygosity)
        #expect(byGene["TP53"]?.maximumTotalCopies == 2)
        #expect(byGene["EZH2"]?.segmentCount == 2)
        #expect(byGene["EZH2"]?.minimumTotalCopies == 2)
        #expect(byGene["EZH2"]?.maximumTotalCopies == 3)
        #expect(byGene["EZH2"]?.state == .neutral)
        #expect(byGene["MYC"]?.state == .neutral)
        #expect(byGene["MYC"]?.maximumTotalCopies == 5)
        #expect(calls.filter { $0.state == .amplification }.map(\.gene) == ["ERBB2", "NRAS"])
    }

    @Test func geneTableFromFileAndErrors() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("genes.tsv").path
        try "# comment\ngene\tchrom\tstart\tend\nAAA\tchr1\t10\t20\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let table = try GeneCoordinateTable(path: path, build: .grch37)
        #expect(table.coordinate(of: "AAA")?.chromosome == "1")
        #expect(table.build == .grch37)
        #expect(table.unsourcedGenes.isEmpty)
        try "# unsourced: ccc, BBB\ngene\tchrom\tstart\tend\nAAA\tchr1\t10\t20\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(try GeneCoordinateTable(path: path, build: nil).unsourcedGenes == ["BBB", "CCC"])
        try "#unsourced: AAA\ngene\tchrom\tstart\tend\nAAA\tchr1\t10\t20\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let conflict = try #require(throws: FormatError.self) {
            try GeneCoordinateTable(path: path, build: nil)
        }
        #expect(conflict.message == "AAA has coordinates but is also listed as unsourced")
        try "gene\tchrom\tstart\tend\nAAA\t1\t10\t20\nAAA\t1\t30\t40\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FormatError.self) { try GeneCoordinateTable(path: path, build: nil) }
        try "gene\tchrom\tstart\nAAA\t1\t10\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FormatError.self) { try GeneCoordinateTable(path: path, build: nil) }
        #expect(throws: FormatError.self) {
            try GeneCoordinateTable(path: directory.appendingPathComponent("none").path, build: nil)
        }
    }
}
