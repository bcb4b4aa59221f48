import Foundation
import TestSupport
import Testing

@testable import OncoDomain

/// `InputFormat.detect` tells a VCF from a MAF by its first lines, however the file is compressed.
@Suite("Input format detection")
struct InputFormatTests {
    @Test("A VCF is a VCF, plain or BGZF-compressed, and a MAF is a MAF")
    func detectsByContent() throws {
        let vcf = TestData.fixture("examples/melanoma-braf-v600e.vcf")
        #expect(try InputFormat.detect(path: vcf) == .vcf)
        #expect(try InputFormat.detect(path: TestData.fixture("maf/cohort.maf")) == .maf)
    }

    @Test("A BGZF-compressed VCF of many blocks is a VCF", .enabled(if: TestData.hasSharedData))
    func detectsCompressedVCF() throws {
        // Detection reads the first lines only, inflating on the calling thread.
        for name in ["T001-BRCA.grch38", "T001-COAD.grch37"] {
            #expect(try InputFormat.detect(path: TestData.shared("tumours/pcgr/\(name).vcf.gz")) == .vcf)
        }
    }

    @Test("Anything else is refused, naming the file")
    func refusesOtherText() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.txt").path
        try "hello\nworld\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try InputFormat.detect(path: path)
        } throws: { error in
            "\(error)".contains("not a VCF") && "\(error)".contains(path)
        }
    }
}
