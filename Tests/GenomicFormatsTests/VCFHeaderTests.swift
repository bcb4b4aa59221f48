import GenomicFormats
import Testing

@Suite("VCF header")
struct VCFHeaderTests {
    @Test func parsesStructuredLinesInOrder() throws {
        let header = try VCFTestSupport.header(
            [
                "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total depth\",Source=\"caller\",Version=\"1\">",
                "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
                "##FILTER=<ID=q10,Description=\"Quality below 10\">",
                "##ALT=<ID=DEL,Description=\"Deletion\">",
                "##contig=<ID=20,length=62435964,assembly=B36,md5=f126cdf8a6e0c7f379d618ff66beb2da>",
                "##tumor_sample=TUMOUR",
            ], samples: ["NORMAL", "TUMOUR"])
        #expect(header.version == .v4_2)
        #expect(
            header.metaLines.map(\.key) == [
                "fileformat", "INFO", "FORMAT", "FILTER", "ALT", "contig", "tumor_sample",
            ])
        let depth = try #require(header.info("DP"))
        #expect(depth.number == .count(1))
        #expect(depth.type == .integer)
        #expect(depth.description == "Total depth")
        #expect(depth.fields["Source"] == "caller")
        #expect(header.format("AD")?.number == .perAllele)
        #expect(header.filter("q10")?.description == "Quality below 10")
        #expect(header.alternateAllele("DEL")?.description == "Deletion")
        let contig = try #require(header.contig("20"))
        #expect(contig.length == 62_435_964)
        #expect(contig.assembly == "B36")
        #expect(contig.fields["md5"] == "f126cdf8a6e0c7f379d618ff66beb2da")
        #expect(header.sampleNames == ["NORMAL", "TUMOUR"])
        #expect(header.sampleIndex("TUMOUR") == 1)
        #expect(header.sampleIndex("nobody") == nil)
        #expect(header.metaValue(forKey: "tumor_sample") == "TUMOUR")
        #expect(header.info("XX") == nil)
    }

    @Test func resolvesQuotesAndEscapesInDescription() throws {
        let header = try VCFTestSupport.header([
            #"##INFO=<ID=N,Number=.,Type=String,Description="A \"quoted\" word, a comma, a back\\slash">"#
        ])
        #expect(header.info("N")?.description == #"A "quoted" word, a comma, a back\slash"#)
        #expect(header.info("N")?.number == .unknown)
    }

    @Test(arguments: [
        ("1", VCFNumber.count(1)), ("0", .count(0)), ("A", .perAlternateAllele), ("R", .perAllele),
        ("G", .perGenotype), (".", .unknown), ("P", .perPloidy),
    ])
    func numberKinds(text: String, expected: VCFNumber) throws {
        let header = try VCFTestSupport.header(["##INFO=<ID=X,Number=\(text),Type=Float,Description=\"x\">"])
        #expect(header.info("X")?.number == expected)
    }

    @Test func valueTypes() throws {
        let header = try VCFTestSupport.header(
            ["Integer", "Float", "Flag", "Character", "String"].map {
                "##INFO=<ID=\($0),Number=1,Type=\($0),Description=\"t\">"
            })
        #expect(header.infoDefinitions.map(\.type) == [.integer, .float, .flag, .character, .string])
    }

    @Test func strictRejectsBadNumberLenientKeepsIt() throws {
        let text =
            "##fileformat=VCFv4.2\n##INFO=<ID=X,Number=many,Type=Integer,Description=\"x\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
        #expect(throws: FormatError.self) { try VCFHeader(parsing: text) }
        let lenient = try VCFHeader(parsing: text, strict: false)
        #expect(lenient.info("X")?.number == .unknown)
    }

    @Test(arguments: [
        ("##contig=<ID=chr1,length=249250621>", GenomeBuild.grch37),
        ("##contig=<ID=1,length=249250621>", .grch37),
        ("##contig=<ID=chr1,length=248956422>", .grch38),
        ("##contig=<ID=1,length=248956422>", .grch38),
        ("##contig=<ID=X,length=156040895>", .grch38),
        ("##contig=<ID=1,length=123456>", .unknown),
        ("##contig=<ID=1,assembly=b37>", .grch37),
        ("##reference=file:///data/hg38.fa", .grch38),
        ("##reference=human_g1k_v37.fasta", .grch37),
        ("##source=nothing", .unknown),
        ("##new_reference_genome=/data/hg19/ucsc.hg19.fa", .grch37),
        ("##liftOverChainFile=/db/chainFiles/hg19Tohg38.over.chain.gz", .grch38),
    ])
    func detectsGenomeBuild(line: String, expected: GenomeBuild) throws {
        #expect(try VCFTestSupport.header([line]).genomeBuild == expected)
    }

    @Test func conflictingLengthsAreUnknown() throws {
        let header = try VCFTestSupport.header([
            "##contig=<ID=1,length=249250621>", "##contig=<ID=2,length=242193529>",
        ])
        #expect(header.genomeBuild == .unknown)
    }

    @Test func toleratesBlankLinesAndCRLF() throws {
        let text =
            "##fileformat=VCFv4.1\r\n\r\n##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">\r\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\r\n"
        let header = try VCFHeader(parsing: text)
        #expect(header.version == .v4_1)
        #expect(header.info("DP")?.description == "d")
    }

    @Test func missingChromLineIsAnError() throws {
        let path = try VCFTestSupport.write("##fileformat=VCFv4.2\n##source=x\n")
        #expect {
            _ = try VCFReader(path: path)
        } throws: { error in
            (error as? FormatError)?.kind == .header && (error as? FormatError)?.field == "#CHROM"
        }
    }

    @Test func logLineBeforeHeaderIsSkippedLenientlyAndRejectedStrictly() throws {
        let path = try VCFTestSupport.write(
            "00:00:01\tReading pedigree\n##fileformat=VCFv4.1\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t5\t.\tA\tC\t.\t.\t.\n")
        let reader = try VCFReader(path: path)
        #expect(reader.header.skippedLines == 1)
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        #expect(record.position == 5)
        #expect(throws: FormatError.self) { _ = try VCFReader(path: path, options: .strict) }
    }
}
