import GenomicFormats
import TestSupport
import Testing

@Suite("VCF statistics")
struct StatsTests {
    /// `Fixtures/vcf/stats-small.vcf`: four hand-written records whose counts are worked out in
    /// the comments below.
    @Test func countsTheSmallFixture() throws {
        let statistics = try VCFStatistics(path: TestData.fixture("vcf/stats-small.vcf"), options: .strict)
        #expect(statistics.records == 4)
        #expect(statistics.snvs == 2)  // A>T; C>G (with C>CT)
        #expect(statistics.indels == 1)  // C>CT
        #expect(statistics.others == 1)  // <DEL>
        #expect(statistics.breakends == 1)  // T]chr7:500]
        #expect(statistics.multiallelic == 2)
        #expect(statistics.symbolic == 1)
        #expect(statistics.filtered == 1)  // LowQual
        #expect(statistics.build == .grch38)
        #expect(statistics.samples == ["NORMAL", "TUMOR"])
        #expect(statistics.annotationKey == "CSQ")
        #expect(statistics.annotationEntries == 2)
        #expect(statistics.consequences == ["missense_variant": 2, "NMD_transcript_variant": 1])
        let normal = statistics.genotypes[0]
        #expect(
            [normal.homozygousReference, normal.heterozygous, normal.homozygousAlternate, normal.missing]
                == [1, 1, 2, 0])
        #expect(normal.depthSum == 97)
        let tumour = statistics.genotypes[1]
        #expect(
            [tumour.homozygousReference, tumour.heterozygous, tumour.homozygousAlternate, tumour.missing]
                == [1, 2, 0, 1])
        #expect(tumour.depthSum == 60)
        #expect(statistics.invalidValues == 0)
        // INFO items: 5 (DP, AF, SOMATIC, CSQ×2) + 4 (DP, AF×2, NOTE) + 3 (DP, SVTYPE, END) + 0.
        #expect(statistics.infoValues == 12)
    }

    @Test func jsonIsDeterministicWithSortedKeys() throws {
        let statistics = try VCFStatistics(path: TestData.fixture("vcf/stats-small.vcf"))
        let json = statistics.jsonText()
        #expect(json == statistics.jsonText())
        #expect(
            json.contains(
                "\"consequences\": {\n    \"NMD_transcript_variant\": 1,\n    \"missense_variant\": 2\n  }"))
        #expect(json.contains("\"TUMOR\": {\n      \"dp_sum\": 60,\n      \"het\": 2,"))
        #expect(json.contains("\"build\": \"GRCh38\""))
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            $0.dropFirst(3).prefix { $0 != "\"" }
        }
        #expect(keys == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(keys.contains("annotation_entries") && keys.contains("genotypes") && keys.contains("records"))
    }

    @Test func invalidValuesAreCountedLenientlyAndThrownStrictly() throws {
        let path = try VCFTestSupport.write(
            "##fileformat=VCFv4.2\n##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t5\t.\tA\tC\t.\t.\tDP=x\n")
        #expect(try VCFStatistics(path: path).invalidValues == 1)
        #expect {
            _ = try VCFStatistics(path: path, options: .strict)
        } throws: { error in
            (error as? FormatError)?.field == "INFO/DP"
        }
    }

    @Test func annFieldOneIsTheConsequence() throws {
        let path = try VCFTestSupport.write(
            "##fileformat=VCFv4.2\n##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations: 'Allele | Annotation | Impact'\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t5\t.\tA\tC\t.\t.\tANN=C|stop_gained&stop_gained|HIGH,C|intron_variant|MODIFIER\n")
        let statistics = try VCFStatistics(path: path)
        #expect(statistics.annotationKey == "ANN")
        #expect(statistics.annotationEntries == 2)
        #expect(statistics.consequences == ["stop_gained": 1, "intron_variant": 1])
    }
}
