import GenomicFormats
import Testing

/// One check at a time, on small inline VCFs.
@Suite("VCFValidator")
struct ValidatorTests {
    static let header = """
        ##fileformat=VCFv4.2
        ##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">
        ##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">
        ##INFO=<ID=RS,Number=R,Type=Integer,Description="Per-allele counts">
        ##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP">
        ##INFO=<ID=CH,Number=1,Type=Character,Description="A character">
        ##FILTER=<ID=q10,Description="Quality below 10">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
        ##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred likelihoods">
        ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
        ##contig=<ID=1,length=1000>
        ##contig=<ID=2,length=1000>
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2

        """

    static let goodRecord =
        "1\t100\trs1\tA\tC,G\t50\tPASS\tDP=10;AF=0.5,0.1;RS=1,2,3;DB\tGT:AD:PL\t0/1:5,5,0:0,1,2,3,4,5\t1|2:.:."

    /// Validates `records` under the shared header (or `text` as a whole file).
    static func check(records: [String] = [], text: String? = nil) -> [VCFDiagnostic] {
        let input = text ?? header + records.joined(separator: "\n") + "\n"
        return VCFValidator.validate(text: input, path: "t.vcf").diagnostics
    }

    static func errors(_ diagnostics: [VCFDiagnostic]) -> [VCFDiagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    /// Expects exactly the errors whose field is `field` and whose message contains `fragment`.
    static func expectError(_ records: [String], field: String?, _ fragment: String, line: Int? = 15) {
        let found = errors(check(records: records))
        #expect(
            found.contains {
                $0.field == field && $0.message.contains(fragment) && (line == nil || $0.line == line)
            },
            "expected \(field ?? "-"): \(fragment); got \(found.map(\.description))")
    }

    @Test func validFileHasNoDiagnostics() {
        let diagnostics = Self.check(records: [Self.goodRecord, "2\t5\t.\tAT\tA\t.\tq10\t.\tGT\t./.\t0"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let summary = VCFValidator.validate(text: Self.header + Self.goodRecord + "\n").summary
        #expect(summary.isValid && summary.records == 1 && summary.version == .v4_2)
    }

    @Test func diagnosticDescriptionFormat() {
        let diagnostic = VCFDiagnostic(
            .error, file: "a.vcf", line: 12, field: "INFO/DP", message: "expected an Integer, found 'abc'")
        #expect(diagnostic.description == "a.vcf:12: error: INFO/DP: expected an Integer, found 'abc'")
    }

    // MARK: Header

    @Test func fileformatMustComeFirstAndBeWellFormed() {
        let missing = Self.errors(
            Self.check(text: "##source=x\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"))
        #expect(missing.contains { $0.field == "fileformat" && $0.line == 1 })
        let spaced = Self.errors(
            Self.check(text: "##fileformat=VCF v4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"))
        #expect(spaced.contains { $0.message.contains("VCF v4.2") })
        let ok = Self.check(text: "##fileformat=VCFv4.5\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        #expect(ok.isEmpty)
    }

    @Test func metaLineSyntax() {
        let text = """
            ##fileformat=VCFv4.2
            ##plain text without equals
            ##reference=
            ##INFO=<ID=X,Number=1,Type=Integer,Description="unterminated>
            ##INFO=<ID=Y,Number=1,Type=Integer,Description="ok"
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO

            """
        let found = Self.errors(Self.check(text: text))
        #expect(found.map(\.line) == [2, 3, 4, 5])
    }

    @Test func infoDeclarationRules() {
        let text = """
            ##fileformat=VCFv4.1
            ##INFO=<ID=A1,Number=X,Type=Integer,Description="bad number">
            ##INFO=<ID=A2,Number=1,Type=Int,Description="bad type">
            ##INFO=<ID=A3,Number=1,Type=Integer,Description=unquoted>
            ##INFO=<Number=1,Type=Integer,Description="order",ID=A4>
            ##INFO=<ID=A5,Number=R,Type=Integer,Description="R needs 4.2">
            ##FORMAT=<ID=F1,Number=1,Type=Flag,Description="no Flag in FORMAT">
            ##INFO=<ID=A6,Number=1,Type=Integer,Description="first">
            ##INFO=<ID=A6,Number=2,Type=Integer,Description="conflicting">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO

            """
        let found = Self.errors(Self.check(text: text))
        #expect(Set(found.compactMap(\.line)) == Set(2...7).union([9]))
    }

    @Test func reservedDefinitionsThatContradictTheSpecificationAreWarnings() {
        let text = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=END,Number=1,Type=String,Description="End">
            ##FORMAT=<ID=DP,Number=2,Type=Integer,Description="Depth">
            ##INFO=<ID=F,Number=1,Type=Flag,Description="flag with a number">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO

            """
        let found = Self.check(text: text)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.field) == ["INFO/END", "FORMAT/DP", "INFO/F"])
    }

    @Test func filterAltContigSamplePedigreeDeclarations() {
        let text = """
            ##fileformat=VCFv4.2
            ##FILTER=<ID=0,Description="reserved">
            ##ALT=<ID=DEL1,Description="not a reserved type">
            ##ALT=<ID=DEL:ME,Description=unquoted>
            ##contig=<ID=1 A>
            ##contig=<length=5>
            ##SAMPLE=<ID=S,Mixture=0.5;0.5,Description="no genomes">
            ##PEDIGREE=<Name_0=A:B>
            ##assembly=ftp://8080:8080/x.fa
            ##ALT=<ID=NON_REF,Description="GATK reference model">
            ##contig=<ID=2>
            ##contig=<ID=2>
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO

            """
        let found = Self.check(text: text)
        #expect(Self.errors(found).compactMap(\.line) == Array(2...9))
        #expect(found.filter { $0.severity == .warning }.compactMap(\.line) == [10, 12])
    }

    @Test func columnLine() {
        let wrongName = Self.errors(
            Self.check(text: "##fileformat=VCFv4.2\n#CHROM\tPOSITION\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"))
        #expect(wrongName.contains { $0.message.contains("'POS'") })
        let formatOnly = Self.errors(
            Self.check(text: "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\n"))
        #expect(formatOnly.contains { $0.message.contains("at least one sample") })
        let duplicate = Self.errors(
            Self.check(
                text: "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tA\n"))
        #expect(duplicate.contains { $0.message.contains("duplicate sample name 'A'") })
        let missing = Self.errors(Self.check(text: "##fileformat=VCFv4.2\n"))
        #expect(missing.contains { $0.field == "#CHROM" })
    }

    @Test func headerlessFileStopsAtTheFirstRecord() {
        let found = Self.check(text: "1\t5\t.\tA\tC\t.\t.\t.\n1\t6\t.\tA\tC\t.\t.\t.\n")
        #expect(found.count == 2)
        #expect(found.last?.message.contains("before the '#CHROM'") == true)
    }

    // MARK: Fixed columns

    @Test func columnCount() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t."], field: nil, "columns")
    }

    @Test func chromosome() {
        Self.expectError(["chr 1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "CHROM", "whitespace")
        Self.expectError(["<1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "CHROM", "angle brackets")
        Self.expectError(["chr:1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "CHROM", "':'")
        Self.expectError(["*1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "CHROM", "'*'")
        let bracketed = Self.check(records: ["<1>\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"])
        #expect(Self.errors(bracketed).isEmpty)
        #expect(
            bracketed.contains {
                $0.severity == .warning && $0.message.contains("not declared in a ##contig")
            })
    }

    @Test func position() {
        Self.expectError(["1\t-1\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "POS", "non-negative")
        Self.expectError(["1\t12x\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "POS", "non-negative")
    }

    @Test func orderAndDuplicatesAreWarnings() {
        let found = Self.check(records: [
            "1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0",
            "1\t50\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0",
            "2\t10\t.\tTAT\tTGT\t.\tPASS\t.\tGT\t0\t0",
            "2\t11\t.\tA\tG\t.\tPASS\t.\tGT\t0\t0",
            "1\t200\t.\tA\tC\t.\tPASS\t.\tGT\t0\t0",
        ])
        #expect(Self.errors(found).isEmpty)
        #expect(found.map(\.line) == [16, 18, 19])
        #expect(found[0].message.contains("not sorted"))
        #expect(found[1].message.contains("duplicate"))
        #expect(found[2].message.contains("not contiguous"))
    }

    @Test func identifiers() {
        Self.expectError(["1\t100\t;rs1\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "ID", "empty identifier")
        Self.expectError(["1\t100\trs 1\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "ID", "whitespace")
        Self.expectError(["1\t100\t\tA\tC\t.\tPASS\t.\tGT\t0\t0"], field: "ID", "empty column")
    }

    @Test func referenceAndAlternateAlleles() {
        Self.expectError(["1\t100\t.\tB\tC\t.\tPASS\t.\tGT\t0\t0"], field: "REF", "bases")
        Self.expectError(["1\t100\t.\t.\tC\t.\tPASS\t.\tGT\t0\t0"], field: "REF", "missing")
        Self.expectError(["1\t100\t.\tA,C\tG\t.\tPASS\t.\tGT\t0\t0"], field: "REF", "one allele")
        Self.expectError(["1\t100\t.\tA\tR\t.\tPASS\t.\tGT\t0\t0"], field: "ALT", "bases")
        Self.expectError(["1\t100\t.\tA\tC,,G\t.\tPASS\t.\tGT\t0\t0"], field: "ALT", "empty allele")
        Self.expectError(["1\t100\t.\tA\t<INS>X>\t.\tPASS\t.\tGT\t0\t0"], field: "ALT", "symbolic")
        Self.expectError(["1\t100\t.\tA\t[1:50[\t.\tPASS\t.\tGT\t0\t0"], field: "ALT", "bases on one side")
        Self.expectError(["1\t100\t.\tA\tA[1:x[\t.\tPASS\t.\tGT\t0\t0"], field: "ALT", "chrom:pos")
        let fine = Self.check(records: [
            "1\t100\t.\tA\tG]2:30],]2:30]T,.A,A.,*,<DEL:ME:ALU>,<DUP>\t.\tPASS\t.\tGT\t0\t0"
        ])
        #expect(fine.isEmpty, "\(fine.map(\.description))")
        let undeclared = Self.check(records: ["1\t100\t.\tA\t<FOO>\t.\tPASS\t.\tGT\t0\t0"])
        #expect(undeclared.count == 1 && undeclared[0].severity == .warning)
    }

    @Test func quality() {
        Self.expectError(["1\t100\t.\tA\tC\tq\tPASS\t.\tGT\t0\t0"], field: "QUAL", "number")
        Self.expectError(["1\t100\t.\tA\tC\t-3\tPASS\t.\tGT\t0\t0"], field: "QUAL", "negative")
        #expect(Self.check(records: ["1\t100\t.\tA\tC\t5.3e-10\tPASS\t.\tGT\t0\t0"]).isEmpty)
    }

    @Test func filters() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tq10;\t.\tGT\t0\t0"], field: "FILTER", "empty filter code")
        Self.expectError(["1\t100\t.\tA\tC\t.\tq10;.\t.\tGT\t0\t0"], field: "FILTER", "'.'")
        Self.expectError(["1\t100\t.\tA\tC\t.\t0\t.\tGT\t0\t0"], field: "FILTER", "reserved")
        Self.expectError(["1\t100\t.\tA\tC\t.\tmy filter\t.\tGT\t0\t0"], field: "FILTER", "whitespace")
        let undeclared = Self.check(records: [
            "1\t100\t.\tA\tC\t.\tlowQ\t.\tGT\t0\t0", "1\t101\t.\tA\tC\t.\tlowQ\t.\tGT\t0\t0",
        ])
        #expect(undeclared.count == 1 && undeclared[0].severity == .warning)
    }

    // MARK: INFO

    @Test func infoTypes() {
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\tDP=abc\tGT\t0\t0"], field: "INFO/DP",
            "expected an Integer, found 'abc'")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tAF=x\tGT\t0\t0"], field: "INFO/AF", "Float")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tCH=ab\tGT\t0\t0"], field: "INFO/CH", "Character")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tDB=yes\tGT\t0\t0"], field: "INFO/DB", "Flag")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tDP\tGT\t0\t0"], field: "INFO/DP", "bare key")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tDP=-4\tGT\t0\t0"], field: "INFO/DP", "non-negative")
    }

    @Test func infoCounts() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tDP=1,2\tGT\t0\t0"], field: "INFO/DP", "expected 1 value")
        Self.expectError(
            ["1\t100\t.\tA\tC,G\t.\tPASS\tAF=0.1\tGT\t0\t0"], field: "INFO/AF", "expected 2 values")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tRS=1\tGT\t0\t0"], field: "INFO/RS", "expected 2 values")
        #expect(Self.check(records: ["1\t100\t.\tA\tC\t.\tPASS\tAF=.;RS=.,3\tGT\t0\t0"]).isEmpty)
    }

    @Test func infoSyntax() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tDP=1;;DB\tGT\t0\t0"], field: "INFO", "empty entry")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tR S=1\tGT\t0\t0"], field: "INFO", "whitespace")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\tX=a b\tGT\t0\t0"], field: "INFO/X", "whitespace")
    }

    @Test func undeclaredInfoKeysWarnOnceAndReservedOnesAreTyped() {
        let found = Self.check(records: [
            "1\t100\t.\tA\tC\t.\tPASS\tFOO=1;NS=2\tGT\t0\t0",
            "1\t101\t.\tA\tC\t.\tPASS\tFOO=2;NS=x\tGT\t0\t0",
        ])
        #expect(found.filter { $0.severity == .warning }.map(\.field) == ["INFO/FOO", "INFO/NS"])
        #expect(Self.errors(found).map(\.field) == ["INFO/NS"])
    }

    @Test func version43Rules() {
        let text = """
            ##fileformat=VCFv4.3
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
            chr:1\t5\t.\tA\tC\t.\t.\tX=a=b;9K=1

            """
        let found = Self.errors(Self.check(text: text))
        #expect(found.map(\.field) == ["INFO/X", "INFO"])
    }

    // MARK: FORMAT and samples

    @Test func formatKeys() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT::DP\t0\t0"], field: "FORMAT", "empty key")
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\t.\tDP:GT\t1:0\t1:0"], field: "FORMAT", "GT must be the first key")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:G_S\t0:1\t0:1"], field: "FORMAT", "alphanumeric")
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:DP:DP\t0:1:1\t0:1:1"], field: "FORMAT", "more than once")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0:1\t0"], field: "FORMAT", "more fields")
    }

    @Test func genotypes() {
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0/2\t0"], field: "FORMAT/GT", "out of range")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0/|1\t0"], field: "FORMAT/GT", "genotype")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t1/C\t0"], field: "FORMAT/GT", "genotype")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t|0/1\t0"], field: "FORMAT/GT", "4.4")
        #expect(Self.check(records: ["1\t100\t.\tA\tC\t.\tPASS\t.\tGT\t0|0|1\t."]).isEmpty)
    }

    @Test func sampleValueCountsFollowPloidy() {
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:PL\t0/1:1,2\t0:1,2"], field: "FORMAT/PL", "expected 3 values")
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:PL\t0:1,2,3\t0/1:1,2,3"], field: "FORMAT/PL", "ploidy 1")
        Self.expectError(
            ["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:AD\t0/1:5\t0/1:5,5"], field: "FORMAT/AD", "expected 2 values")
        Self.expectError(["1\t100\t.\tA\tC\t.\tPASS\t.\tGT:DP\t0/1:x\t0/1:5"], field: "FORMAT/DP", "Integer")
        let triploid = Self.check(records: [
            "1\t100\t.\tA\tC,G\t.\tPASS\t.\tGT:PL\t0|1|1:1,2,3,4,5,6,7,8,9,10\t0:1,2,3"
        ])
        #expect(triploid.isEmpty, "\(triploid.map(\.description))")
    }

    @Test func strictModePromotesWarnings() {
        let input = Self.header + "1\t100\t.\tA\tC\t.\tlowQ\t.\tGT\t0\t0\n"
        let lenient = VCFValidator.validate(text: input)
        #expect(lenient.summary.isValid && lenient.summary.warnings == 1)
        let strict = VCFValidator.validate(text: input, options: VCFValidationOptions(warningsAsErrors: true))
        #expect(!strict.summary.isValid && strict.summary.errors == 1 && strict.summary.warnings == 0)
        #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func missingFileThrows() {
        #expect(throws: FormatError.self) {
            _ = try VCFValidator.validate(path: "/nonexistent/x.vcf") { _ in }
        }
    }
}
