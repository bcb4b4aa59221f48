import GenomicFormats
import Testing

@Suite("VCF records")
struct VCFRecordTests {
    static let meta = [
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">",
        "##INFO=<ID=RC,Number=R,Type=Integer,Description=\"Read counts per allele\">",
        "##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">",
        "##INFO=<ID=NOTE,Number=1,Type=String,Description=\"Note\">",
        "##INFO=<ID=C,Number=1,Type=Character,Description=\"Char\">",
        "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">",
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
        "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fractions\">",
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
        "##FORMAT=<ID=FT,Number=1,Type=String,Description=\"Filter\">",
    ]

    func record(_ line: String, version: String = "4.2", samples: [String] = ["N", "T"]) throws -> VCFRecord {
        try VCFRecord(
            line: line, header: VCFTestSupport.header(Self.meta, samples: samples, version: version))
    }

    @Test func fixedFieldsAndTypedInfo() throws {
        let record = try record(
            "chr7\t140453136\trs113488022;COSM476\tA\tT\t45.5\tPASS\tDP=12;AF=0.5;DB;NOTE=hello;C=x\tGT\t0/1\t1/1"
        )
        #expect(record.chromosome == "chr7")
        #expect(record.position == 140_453_136)
        #expect(record.identifiers == ["rs113488022", "COSM476"])
        #expect(record.reference == "A")
        #expect(record.alternateAlleleCount == 1)
        #expect(record.alternateAlleles.map(\.text) == ["T"])
        #expect(try record.quality() == 45.5)
        #expect(record.isPass && !record.isFiltered)
        #expect(try record.infoInteger("DP") == 12)
        #expect(try record.infoFloat("AF") == 0.5)
        #expect(record.infoFlag("DB"))
        #expect(!record.infoFlag("SOMATIC"))
        #expect(record.infoString("NOTE") == "hello")
        #expect(try record.infoValues("C") == [.character("x")])
        #expect(try record.infoValues("DB") == [.flag])
        #expect(try record.infoInteger("MISSING") == nil)
        #expect(record.withInfoValue(forKey: "NOTE") { $0.count } == 5)
        #expect(try record.endPosition() == 140_453_136)
    }

    @Test func missingValues() throws {
        let record = try record("1\t10\t.\tA\t.\t.\t.\tDP=.;AF=.\tGT:DP\t./.:.\t.")
        #expect(record.alternateAlleleCount == 0)
        #expect(record.identifiers.isEmpty)
        #expect(try record.quality() == nil)
        #expect(!record.isPass && !record.isFiltered)
        #expect(record.filters.isEmpty)
        #expect(try record.infoInteger("DP") == nil)
        #expect(record.hasInfo("DP"))
        #expect(try record.infoValues("AF") == [.missing])
        #expect(try record.sampleInteger(sample: 0, key: "DP") == nil)
        // Sample 1 dropped trailing fields: DP is absent, GT is missing.
        #expect(try record.sampleInteger(sample: 1, key: "DP") == nil)
        #expect(try record.genotype(sample: 1)?.alleles == [nil])
        #expect(try record.genotype(sample: 0)?.zygosity == .missing)
    }

    @Test(
        "filterText is filters joined with ';', read in place",
        arguments: [
            ".", "PASS", "LowQual", "LowQual;germline", ";LowQual", "LowQual;", ";;", "a;;b", "a;;;b;", "",
        ])
    func filterText(_ filter: String) throws {
        let record = try record("1\t10\t.\tA\tC\t.\t\(filter)\tDP=1\tGT\t0/1\t0/0")
        #expect(record.filterText == record.filters.joined(separator: ";"))
    }

    @Test func malformedValuesNameTheField() throws {
        let record = try record("1\t10\t.\tA\tC\t.\t.\tDP=ten\tGT:DP\t0/1:x\t0/0:3")
        #expect {
            _ = try record.infoInteger("DP")
        } throws: { error in
            let error = error as? FormatError
            return error?.field == "INFO/DP" && error?.line == 1 && error?.kind == .value
        }
        #expect {
            _ = try record.sampleInteger(sample: 0, key: "DP")
        } throws: { error in
            (error as? FormatError)?.field == "FORMAT/DP"
        }
        #expect(try record.sampleInteger(sample: 1, key: "DP") == 3)
    }

    @Test func percentDecodingFromVersion43() throws {
        let line = "1\t10\t.\tA\tC\t.\t.\tNOTE=a%3Bb%25c%3D\tGT:FT\t0/1:x%3Ay\t0/0:."
        #expect(try record(line, version: "4.3").infoString("NOTE") == "a;b%c=")
        #expect(try record(line, version: "4.3").sampleString(sample: 0, key: "FT") == "x:y")
        #expect(try record(line, version: "4.2").infoString("NOTE") == "a%3Bb%25c%3D")
    }

    @Test func multiallelicAlleleSpecificAccess() throws {
        let record = try record(
            "1\t100\t.\tC\tG,CT\t.\t.\tAF=0.1,0.2;RC=5,6,7\tGT:AD:AF\t1/2:3,10,20:0.3,0.6\t0/0:30,0,0:0,0")
        #expect(try record.infoValue("AF", allele: 1) == .float(0.1))
        #expect(try record.infoValue("AF", allele: 2) == .float(0.2))
        #expect(try record.infoValue("AF", allele: 0) == nil)
        #expect(try record.infoValue("RC", allele: 0) == .integer(5))
        #expect(try record.infoValue("RC", allele: 2) == .integer(7))
        #expect(try record.infoValue("DP", allele: 1) == nil)
        #expect(try record.sampleValue(sample: 0, key: "AD", allele: 0) == .integer(3))
        #expect(try record.sampleValue(sample: 0, key: "AD", allele: 2) == .integer(20))
        #expect(try record.sampleValue(sample: 0, key: "AF", allele: 2) == .float(0.6))
        #expect(try record.sampleIntegers(sample: 1, key: "AD") == [30, 0, 0])
        #expect(try record.sampleValues(sample: 0, key: "AF") == [.float(0.3), .float(0.6)])
    }

    @Test func alleleSpecificLengthMismatchIsAnError() throws {
        let record = try record("1\t100\t.\tC\tG,CT\t.\t.\tAF=0.1\tGT:AD\t1/2:3,10\t0/0:30,0,0")
        #expect(throws: FormatError.self) { _ = try record.infoValue("AF", allele: 1) }
        #expect(throws: FormatError.self) { _ = try record.sampleValue(sample: 0, key: "AD", allele: 1) }
    }

    @Test func allelesOfEveryKindAreRepresented() throws {
        let record = try record(
            "1\t100\t.\tG\t<DEL>,G]17:198982],*,.A,<*>,<NON_REF>,ACGT\t.\t.\tEND=300\tGT\t0/1\t0/0",
            samples: ["N", "T"])
        let kinds = (0..<record.alternateAlleleCount).map { record.alternateAlleleKind($0) }
        #expect(kinds == [.symbolic, .breakend, .spanningDeletion, .breakend, .symbolic, .symbolic, .base])
        #expect(record.alternateAlleles.first?.symbolicID == "DEL")
        #expect(try record.endPosition() == 300)
        #expect(record.alternateAlleleKind(7) == nil)
        #expect(VCFAllele(text: "A.").kind == .breakend)
        #expect(VCFAllele(text: "]13:123456]T").kind == .breakend)
        #expect(VCFAllele(text: ".").kind == .missing)
    }

    @Test(arguments: [
        ("A", "C", VCFVariantType.snv), ("A", "AT", .indel), ("AT", "A", .indel), ("AC", "GT", .mnv),
        ("A", "<DEL>", .other), ("A", "<*>", .reference), ("A", "<NON_REF>", .reference),
        ("A", ".", .reference),
        ("A", "*", .overlap), ("G", "G]17:198982]", .breakend), ("ACG", "ATG", .snv), ("A", "a", .reference),
        ("ACG", "AG", .indel), ("C", "TGA", .other),
    ])
    func variantTypes(reference: String, alternate: String, expected: VCFVariantType) {
        var reference = reference
        var alternate = alternate
        let type = reference.withUTF8 { ref in
            alternate.withUTF8 { alt in
                VCFVariantType.classify(
                    reference: UnsafeRawBufferPointer(ref), alternate: UnsafeRawBufferPointer(alt))
            }
        }
        #expect(type == expected)
    }

    @Test func recordsAreValues() throws {
        let path = try VCFTestSupport.write(
            "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t5\t.\tA\tC\t.\t.\tX=1\n1\t9\t.\tG\tT\t.\t.\tX=2\n"
        )
        let reader = try VCFReader(path: path)
        var record = VCFRecord()
        #expect(try reader.read(into: &record))
        let first = record
        #expect(try reader.read(into: &record))
        #expect(first.position == 5 && first.reference == "A" && first.infoString("X") == "1")
        #expect(record.position == 9 && record.reference == "G" && record.infoString("X") == "2")
        #expect(try !reader.read(into: &record))
    }

    @Test func lenientSkipsMalformedRecordsStrictStops() throws {
        let text =
            "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
            + "1\t5\t.\tA\tC\t.\t.\t.\n"
            + "1\tfive\t.\tA\tC\t.\t.\t.\n"
            + "1\t6\t.\tA\n"
            + "\n"
            + "1\t7\t.\tA\tC\t.\t.\t.\n"
        let path = try VCFTestSupport.write(text)
        let lenient = try VCFReader(path: path)
        var record = VCFRecord()
        var positions: [Int] = []
        while try lenient.read(into: &record) { positions.append(record.position) }
        #expect(positions == [5, 7])
        #expect(lenient.skipped == 2)
        #expect(lenient.skippedExamples.map(\.field) == ["POS", nil])
        #expect(lenient.skippedExamples.map(\.line) == [4, 5])
        #expect(lenient.skippedExamples[0].description.contains("expected a non-negative integer"))

        let strict = try VCFReader(path: path, options: .strict)
        #expect(try strict.read(into: &record))
        #expect {
            _ = try strict.read(into: &record)
        } throws: { error in
            (error as? FormatError)?.field == "POS" && (error as? FormatError)?.line == 4
        }
    }

    @Test func wrongSampleColumnCountIsAnError() throws {
        let header = try VCFTestSupport.header(Self.meta, samples: ["N", "T"])
        #expect(throws: FormatError.self) {
            _ = try VCFRecord(line: "1\t5\t.\tA\tC\t.\t.\t.\tGT\t0/1", header: header)
        }
    }

    @Test("INFO values by key: first entry wins, flags are empty, keys inside values are not keys")
    func infoValueBounds() throws {
        let record = try record(
            "chr1\t5\t.\tA\tT\t.\tPASS\tXCSQ=1;NOTE=CSQ=2;SOMATIC;CSQ=T|a,T|b;CSQ=again\tGT\t0/1\t0/1")
        #expect(record.infoString("CSQ") == "T|a,T|b")
        #expect(record.hasInfo("SOMATIC"))
        #expect(!record.hasInfo("SQ"))
        #expect(!record.hasInfo("NOTE=CSQ"))
        #expect(record.infoString("NOTE") == "CSQ=2")
    }

    @Test("An INFO value's start runs to the column's end; the value is the part before the first ';'")
    func infoValueStart() throws {
        let record = try record(
            "chr1\t5\t.\tA\tT\t.\tPASS\tXCSQ=1;SOMATIC;CSQ=T|a,T|b;CSQ=again;E=\tGT\t0/1\t0/1")
        func rest(_ key: String) -> String? {
            record.withRawLine { line in
                Array(key.utf8).withUnsafeBytes { key in
                    line.infoValueStart(forKey: key).map { String(decoding: line.buffer($0), as: UTF8.self) }
                }
            }
        }
        #expect(rest("CSQ") == "T|a,T|b;CSQ=again;E=")
        #expect(rest("XCSQ") == "1;SOMATIC;CSQ=T|a,T|b;CSQ=again;E=")
        #expect(rest("SOMATIC") == "")
        #expect(rest("E") == "")
        #expect(rest("SQ") == nil)
        // Each value is what `infoValueBounds` gives: the rest up to its first `;`.
        for key in ["CSQ", "XCSQ", "SOMATIC", "E"] {
            let value = rest(key).map { String($0.prefix { $0 != ";" }) }
            let bounded = record.withRawLine { line in
                Array(key.utf8).withUnsafeBytes { key in
                    line.infoValueBounds(forKey: key).map { String(decoding: line.buffer($0), as: UTF8.self) }
                }
            }
            #expect(value == bounded, "\(key)")
        }
        let missing = try self.record("chr1\t5\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/1")
        #expect(
            missing.withRawLine { line in
                Array("CSQ".utf8).withUnsafeBytes { line.infoValueStart(forKey: $0) }
            } == nil)
    }
}
