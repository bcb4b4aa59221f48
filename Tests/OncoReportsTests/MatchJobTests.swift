import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

@testable import OncoReports

/// `MatchJob` requests that must fail clearly, and leave no report file behind; and the files read
/// beside the variants (fusions, copy number, target regions), which reach the report.
@Suite("MatchJob requests")
struct MatchJobTests {
    private func outputs(in directory: URL) -> [ReportFormat: String] {
        var outputs: [ReportFormat: String] = [:]
        for format in ReportFormat.allCases {
            outputs[format] = directory.appendingPathComponent("out/report.\(format.fileExtension)").path
        }
        return outputs
    }

    private func run(_ request: MatchJob.Request) throws -> MatchReport {
        try MatchJob.run(request, rules: try GoldenMatchCase.bundledRules(), oncoTree: try OncoTree.bundled())
    }

    private func leftovers(in directory: URL) -> [String] {
        (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasSuffix("out") }
    }

    /// A GRCh37 tumour's copy-number segments are mapped with the bundled GRCh37 gene spans: the
    /// PCGR colon tumour's ERBB2 (17:37756263-38156253, 8+1 copies) is an amplification that
    /// matches the HER2 rules off-label, and the report says which genes have no GRCh37 span.
    @Test(.enabled(if: TestData.hasSharedData))
    func grch37CopyNumberIsMappedWithTheGRCh37GeneTable() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = MatchJob.Request(
            inputPath: TestData.shared("tumours/pcgr/T001-COAD.grch37.vcf.gz"), tumourType: "COADREAD",
            copyNumberPath: TestData.shared("tumours/pcgr/T001-COAD.grch37.cna.tsv"),
            outputs: outputs(in: directory))
        let report = try run(request)
        #expect(report.input.build == "GRCh37")
        let erbb2 = try #require(report.matches.first { $0.ruleId == "tgt-erbb2-amplification-breast" })
        #expect(erbb2.matchLevel == "copy-number")
        #expect(erbb2.genes == ["ERBB2"])
        #expect(
            report.warnings.contains(
                "no verifiable GRCh37 coordinates are shipped for KIAA1549, MSH6, PDGFRA, ROS1; their copy "
                    + "number is not called"))
        let withoutSegments = try run(
            MatchJob.Request(
                inputPath: request.inputPath, tumourType: "COADREAD", outputs: outputs(in: directory)))
        #expect(!withoutSegments.matches.contains { $0.ruleId == "tgt-erbb2-amplification-breast" })
    }

    /// Alleles non-coding on every transcript are left out of the index when no rule could take
    /// them (the shipped rules name no `non-coding` class), and kept, and matched, when one does.
    @Test func nonCodingAllelesAreIndexedOnlyWhenARuleNamesTheClass() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vcf = directory.appendingPathComponent("tert.vcf").path
        let csq = "Allele|Consequence|IMPACT|SYMBOL|Feature|HGVSp|CANONICAL"
        try """
        ##fileformat=VCFv4.2
        ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: \(csq)">
        ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
        ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
        chr5\t1295113\t.\tG\tA\t.\tPASS\tCSQ=A|upstream_gene_variant|MODIFIER|TERT|ENST00000310581||YES\tGT:AD\t0/1:30,12
        chr7\t140800000\t.\tC\tT\t.\tPASS\tCSQ=T|intron_variant|MODIFIER|BRAF|ENST00000646891||YES\tGT:AD\t0/1:30,12

        """.write(toFile: vcf, atomically: true, encoding: .utf8)
        #expect(!(try GoldenMatchCase.bundledRules().acceptsNonCodingAlterations))
        let shipped = try run(MatchJob.Request(inputPath: vcf, tumourType: "MEL"))
        #expect(shipped.qc.alterationsIndexed == 0)
        #expect(shipped.nearMisses.isEmpty)

        let request = MatchJob.Request(
            inputPath: vcf, tumourType: "MEL", ruleFiles: [TestData.fixture("rules/non-coding-class.yaml")])
        let rules = try MatchJob.ruleSet(for: request)
        #expect(rules.acceptsNonCodingAlterations)
        let withRule = try MatchJob.run(request, rules: rules, oncoTree: try OncoTree.bundled())
        #expect(withRule.qc.alterationsIndexed == 2)
        #expect(withRule.matches.map(\.ruleId) == ["fixture-tert-promoter"])
        #expect(withRule.matches.first?.matchLevel == "gene-class")
    }

    @Test func unknownTumourTypeListsCloseMatchesAndWritesNothing() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = MatchJob.Request(
            inputPath: TestData.fixture("examples/melanoma-braf-v600e.vcf"), tumourType: "MELL",
            outputs: outputs(in: directory))
        let error = try #require(throws: MatchJob.RequestError.self) { try run(request) }
        #expect(error.description.hasPrefix("unknown OncoTree code 'MELL'; did you mean "))
        #expect(error.description.contains("MEL"))
        #expect(leftovers(in: directory).isEmpty)
    }

    /// `--json tumour.vcf` once replaced the tumour's VCF with the report, and `--json x --tsv x`
    /// kept only the TSV: report paths naming an input (directly, through `..` or a symbolic
    /// link), one another, or a folder are refused before anything is read or written.
    @Test func reportPathsThatWouldDestroySomethingAreRefused() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let original = try Data(
            contentsOf: URL(fileURLWithPath: TestData.fixture("examples/melanoma-braf-v600e.vcf")))
        try original.write(to: URL(fileURLWithPath: file("tumour.vcf")))
        try FileManager.default.createSymbolicLink(
            atPath: file("link.vcf"), withDestinationPath: file("tumour.vcf"))
        try "chrom\tstart\tend\n".write(toFile: file("target.bed"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: file("folder"), withIntermediateDirectories: false)
        let cases: [([ReportFormat: String], String?, String)] = [
            ([.json: file("tumour.vcf")], nil, "--json '\(file("tumour.vcf"))' is the input"),
            ([.html: file("folder/../tumour.vcf")], nil, "is the input"),
            ([.tsv: file("link.vcf")], nil, "is the input"),
            ([.json: file("target.bed")], file("target.bed"), "is the target BED"),
            ([.json: file("r.json"), .tsv: file("./r.json")], nil, "--json and --tsv name the same file"),
            ([.json: file("folder")], nil, "is a folder"),
        ]
        for (outputs, bed, message) in cases {
            let request = MatchJob.Request(
                inputPath: file("tumour.vcf"), tumourType: "MEL", targetBED: bed, outputs: outputs)
            let error = try #require(throws: MatchJob.RequestError.self) { try run(request) }
            #expect(error.description.contains(message), "\(outputs)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file("tumour.vcf"))) == original)
        #expect(!FileManager.default.fileExists(atPath: file("r.json")))
        // Distinct files beside the input are fine.
        let report = try run(
            MatchJob.Request(
                inputPath: file("link.vcf"), tumourType: "MEL",
                outputs: [.json: file("r.json"), .tsv: file("r.tsv"), .html: file("r.html")]))
        #expect(!report.matches.isEmpty)
    }

    @Test func noRulesAtAllIsARequestError() throws {
        let request = MatchJob.Request(inputPath: "x.vcf", tumourType: "MEL", useDefaultRules: false)
        let error = try #require(throws: MatchJob.RequestError.self) { try MatchJob.ruleSet(for: request) }
        #expect(error.description == "no rules: --no-default-rules needs at least one --rules FILE")
    }

    @Test func tmbDenominatorMustBePositiveAndGivenOnce() throws {
        let input = TestData.fixture("examples/melanoma-braf-v600e.vcf")
        #expect(throws: MatchJob.RequestError.self) {
            try run(MatchJob.Request(inputPath: input, tumourType: "MEL", targetMegabases: 0))
        }
        #expect(throws: MatchJob.RequestError.self) {
            try run(
                MatchJob.Request(inputPath: input, tumourType: "MEL", targetMegabases: 1, targetBED: "x.bed"))
        }
    }

    @Test func missingInputIsAnIOError() throws {
        let error = try #require(throws: FormatError.self) {
            try run(MatchJob.Request(inputPath: "/nonexistent/tumour.vcf", tumourType: "MEL"))
        }
        #expect(error.kind == .io)
    }

    @Test(.enabled(if: TestData.hasSharedData))
    func partnerLessFusionsMeetAnyPartnerRules() throws {
        let report = try run(
            MatchJob.Request(
                inputPath: TestData.shared("tumours/pcgr/T001-BRCA.grch37.vcf.gz"), tumourType: "BRCA",
                fusionsPath: TestData.shared("tumours/pcgr/T001-BRCA.grch37.fusions.tsv")))
        // `--ALK`: an ALK rearrangement whose 5′ partner the caller could not name.
        let alk = try #require(report.matches.first { $0.ruleId == "tgt-alk-fusion-nsclc" })
        let unnamed = try #require(alk.alterations.first { $0.fusion == "?::ALK" })
        #expect(unnamed.gene == "ALK")
        #expect(unnamed.altDepth == 50)
        #expect(!report.warnings.contains { $0.contains("partner") })
    }

    /// An Arriba table beside a lung tumour: EML4::ALK and an ALK-free intergenic 5′ side before
    /// ROS1 match; TPM3/NTRK1, whose transcribed strand Arriba could not predict, matches with a
    /// caveat to confirm the orientation; rows that are not fusions are named in the warnings.
    @Test func arribaFusionsMatchAndSayWhatWasNotRead() throws {
        let report = try run(
            MatchJob.Request(
                inputPath: TestData.fixture("examples/lung-egfr-exon19del-t790m.vcf"), tumourType: "LUAD",
                fusionsPath: TestData.fixture("fusions/arriba-fusions.tsv")))
        let alk = try #require(report.matches.first { $0.ruleId == "tgt-alk-fusion-nsclc" })
        #expect(alk.alterations.compactMap(\.fusion) == ["EML4::ALK"])
        #expect(alk.alterations.first?.altDepth == 65)
        let ros1 = try #require(report.matches.first { $0.ruleId == "tgt-ros1-fusion-nsclc" })
        #expect(ros1.alterations.compactMap(\.fusion) == ["?::ROS1"])
        let ntrk = try #require(report.matches.first { $0.ruleId == "tgt-ntrk-fusion-tissue-agnostic" })
        #expect(ntrk.alterations.compactMap(\.fusion) == ["TPM3/NTRK1"])
        #expect(
            ntrk.explanation.contains(
                "The input names the partners of TPM3/NTRK1 without their orientation (5′/3′): matched assuming "
                    + "NTRK1 as the 3′ partner"))
        #expect(
            report.warnings.contains { $0.hasSuffix("1 intragenic Arriba event (EGFR) not read as fusions") })
        #expect(report.warnings.contains { $0.hasSuffix("not read as fusions: no chimeric protein") })
        // The fusion table is part of the report's provenance, with its checksum.
        let fusions = TestData.fixture("fusions/arriba-fusions.tsv")
        #expect(
            report.input.fusions
                == FileProvenance(path: fusions, sha256: try SHA256.hexDigest(ofFile: fusions)))
        #expect(report.input.copyNumber == nil)
    }

    /// A TMB target BED is named in the provenance with its checksum, like the variants.
    @Test func targetRegionsAreInTheProvenance() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bed = directory.appendingPathComponent("panel.bed").path
        try "chr7\t140700000\t140900000\nchr12\t25200000\t25300000\n".write(
            toFile: bed, atomically: true, encoding: .utf8)
        let report = try run(
            MatchJob.Request(
                inputPath: TestData.fixture("examples/melanoma-braf-v600e.vcf"), tumourType: "MEL",
                targetBED: bed))
        #expect(report.input.target == FileProvenance(path: bed, sha256: try SHA256.hexDigest(ofFile: bed)))
        #expect(report.input.fusions == nil)
        let html = try HTMLReportWriter().render(report)
        #expect(html.contains(try SHA256.hexDigest(ofFile: bed)))
    }
}

/// The input checksum of a report: the SHA-256 of the file's stored bytes, whether it was hashed
/// on a thread of its own (a single run) or while it was read (a batch run with compiled rules).
@Suite("MatchJob input checksum")
struct MatchJobChecksumTests {
    @Test(arguments: ["examples/melanoma-braf-v600e.vcf", "maf/cohort.maf"])
    func theReportCarriesTheFileSHA256(fixture: String) throws {
        let path = TestData.fixture(fixture)
        let expected = try SHA256.hexDigest(ofFile: path)
        var request = MatchJob.Request(inputPath: path, tumourType: "MEL")
        if fixture.hasSuffix(".maf") { request.sample = "TUMOUR-A" }
        let single = try MatchJob.run(request, oncoTree: try OncoTree.bundled())
        #expect(single.input.sha256 == expected)
        let compiled = try MatchJob.run(
            request, rules: try GoldenMatchCase.bundledRules(), oncoTree: try OncoTree.bundled())
        #expect(compiled.input.sha256 == expected)
        #expect(single.matches == compiled.matches)
        // The CLI's entry: the bundled tree, loaded after the hasher started.
        let bundled = try MatchJob.run(request)
        #expect(bundled.input.sha256 == expected && bundled.matches == single.matches)
        // The MAF's Matched_Norm_Sample_Barcode names the normal, as the VCF's column does.
        #expect(single.sample.normal == (fixture.hasSuffix(".maf") ? "NORMAL-A" : "NORMAL"))
    }

    @Test("Reports rendered while the input was still being hashed carry its checksum, byte for byte")
    func writtenReportsCarryTheChecksum() throws {
        let path = TestData.fixture("examples/melanoma-braf-v600e.vcf")
        let expected = try SHA256.hexDigest(ofFile: path)
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Hashed beside the run and rendered with a stand-in, hashed beside the run (done before
        // the rendering, as a small file is), and hashed while read on one thread.
        let ways = ["stand-in", "hashed", "one thread"]
        var documents: [String: [ReportFormat: String]] = [:]
        for way in ways {
            var request = MatchJob.Request(inputPath: path, tumourType: "MEL")
            request.parsesOnTwoThreads = way != "one thread"
            request.rendersWithChecksumStandIn = way == "stand-in"
            request.reportDate = "2026-01-01"
            for format in ReportFormat.allCases {
                request.outputs[format] =
                    directory.appendingPathComponent("\(way)-report.\(format.rawValue)").path
            }
            _ = try MatchJob.run(request, oncoTree: try OncoTree.bundled())
            for format in ReportFormat.allCases {
                documents[way, default: [:]][format] = try String(
                    contentsOfFile: request.outputs[format]!, encoding: .utf8)
            }
        }
        #expect(documents["stand-in"]![.json]!.contains("\"sha256\": \"\(expected)\""))
        #expect(documents["stand-in"]![.html]!.contains(expected))
        #expect(documents["stand-in"] == documents["one thread"])
        #expect(documents["hashed"] == documents["one thread"])
    }

    @Test func aFailingRunEndsItsHasher() throws {
        // The rules fail to load after the hasher started: the error comes out, nothing hangs.
        var request = MatchJob.Request(
            inputPath: TestData.fixture("examples/melanoma-braf-v600e.vcf"), tumourType: "MEL")
        request.useDefaultRules = false
        #expect(throws: MatchJob.RequestError.self) {
            try MatchJob.run(request, oncoTree: try OncoTree.bundled())
        }
        request.useDefaultRules = true
        request.tumourType = "NOT-A-CODE"
        #expect(throws: MatchJob.RequestError.self) {
            try MatchJob.run(request, oncoTree: try OncoTree.bundled())
        }
    }
}

/// A report read from standard input has no input checksum; the schema must still accept it.
@Suite("Standard-input reports against the schema")
struct StandardInputReportSchemaTests {
    @Test func aReportReadFromStandardInputSatisfiesTheSchema() throws {
        var report = try GoldenMatchCase.melanoma.run()
        report.input.path = "-"
        report.input.sha256 = ""
        let validator = SchemaValidator(root: try SchemaValidationTests.schema())
        let document = try OrderedJSONParser.parse(try JSONReportWriter().render(report))
        #expect(validator.errors(in: document).isEmpty, "\(validator.errors(in: document))")
        // Anything else than 64 hex digits or nothing is still rejected.
        report.input.sha256 = "abc"
        let broken = try OrderedJSONParser.parse(try JSONReportWriter().render(report))
        #expect(validator.errors(in: broken) == ["$.input.sha256: does not match ^([0-9a-f]{64})?$"])
    }
}
