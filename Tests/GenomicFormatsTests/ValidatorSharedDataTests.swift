import GenomicFormats
import TestSupport
import Testing

/// The validator on real files: it never crashes, and callers' output is not drowned in errors.
@Suite("VCFValidator on shared data")
struct ValidatorSharedDataTests {
    @Test(.enabled(if: TestData.hasSharedData))
    func everySharedVCFIsValidatedWithoutCrashing() throws {
        let files = ["htslib", "callers", "annotated", "tumours"].flatMap {
            TestData.sharedFiles(under: $0, suffixes: [".vcf", ".vcf.gz"])
        }
        #expect(files.count > 50)
        for file in files {
            var count = 0
            // Compressed files may not be readable by every LineReader version; an I/O error is
            // acceptable there, a crash is not.
            let summary = try? VCFValidator.validate(path: file) { _ in count += 1 }
            if let summary { #expect(summary.errors + summary.warnings == count) }
        }
    }

    /// Caller outputs that follow the specification validate with no error.
    @Test(.enabled(if: TestData.hasSharedData))
    func conformingCallerFilesAreValid() throws {
        for name in [
            "test_mutect", "test_strelka", "test_muse", "test_sniper", "test_radia", "test_delly",
            "test_pindel", "test_merged",
        ] {
            var errors: [String] = []
            let summary = try VCFValidator.validate(
                path: TestData.shared("callers/vcf2maf/tests/\(name).vcf")
            ) {
                if $0.severity == .error { errors.append($0.description) }
            }
            #expect(summary.isValid, "\(name): \(errors.prefix(5))")
            #expect(summary.records > 0)
        }
    }

    /// VarScan declares DP4 as Number=1 but writes four values (one error per sample), and writes
    /// one ALT as `A/T`: real violations, and the only ones.
    @Test(.enabled(if: TestData.hasSharedData))
    func varScanDP4CountViolationIsReported() throws {
        var fields: Set<String> = []
        let summary = try VCFValidator.validate(
            path: TestData.shared("callers/vcf2maf/tests/test_varscan.vcf")
        ) {
            if $0.severity == .error { fields.insert($0.field ?? "") }
        }
        #expect(!summary.isValid)
        #expect(fields == ["FORMAT/DP4", "ALT"])
    }
}
