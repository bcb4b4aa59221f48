import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

/// Hostile HGVSp text and positions: `nil` or a bounded value, never a trap or a hang.
@Suite("Hostile protein changes and positions")
struct HostileProteinChangeTests {
    @Test(
        "huge positions are refused rather than overflowing",
        arguments: [
            "p.V99999999999999999999E", "V9223372036854775807E", "p.Val9223372036854775808Glu",
            "E1_A99999999999999999999del", "p.E1156Afs*99999999999999999999",
            "p.Ter110Glnext*99999999999999999999",
        ])
    func hugePositions(text: String) {
        #expect(ProteinChange.parse(text) == nil)
    }

    @Test("the largest accepted position round-trips")
    func largestPosition() throws {
        let change = try #require(ProteinChange.parse("p.V99999999E"))
        #expect(change.start == 99_999_999)
        #expect(ProteinChange.parse(change.threeLetterDescription) == change)
    }

    @Test("a 1 MB string is refused")
    func veryLongString() {
        #expect(ProteinChange.parse("p." + String(repeating: "Val", count: 350_000)) == nil)
        #expect(ProteinChange.parse(String(repeating: "9", count: 1 << 20)) == nil)
        let longInsertion = "p.K745_E746ins" + String(repeating: "A", count: 100_000)
        #expect(ProteinChange.parse(longInsertion)?.alternate.count == 100_000)
    }

    @Test(
        "unicode digits, letters and combining marks are refused",
        arguments: [
            "p.V６００E", "p.V٦٠٠E", "p.Vⅵ00E", "p.V600E\u{301}", "p.Ⅴ600E", "p.V600😀", "p.\u{0}V600E",
            "p.V\u{200B}600E",
        ])
    func unicode(text: String) {
        #expect(ProteinChange.parse(text) == nil)
    }

    @Test("MAF-style normalisation keeps a position near Int.max as written instead of trapping")
    func positionOverflowInMAFStyle() throws {
        let allele = try #require(
            GenomicAllele.mafStyle(chromosome: "1", position: Int.max, reference: "AC", alternate: "AG"))
        #expect(allele.position == Int.max)
        #expect(allele.reference == "AC" && allele.alternate == "AG")
        let normal = try #require(
            GenomicAllele.mafStyle(chromosome: "1", position: 100, reference: "AC", alternate: "AG"))
        #expect(normal.position == 101 && normal.reference == "C" && normal.alternate == "G")
    }
}

/// Inputs the fuzzers found, kept in `Fixtures/fuzz-regressions/`.
@Suite struct ProteinChangeFuzzRegressionTests {
    /// `(0)` (predicted "no protein") printed as `p.0`, which reparsed as a different (not
    /// predicted) change; the three-letter form now keeps the parentheses for every kind.
    @Test func predictedNoProteinRoundTrips() throws {
        let bytes = try #require(
            FileManager.default.contents(
                atPath: TestData.fixture("fuzz-regressions/hgvsp-predicted-no-protein")))
        let text = String(decoding: bytes, as: UTF8.self)
        let change = try #require(ProteinChange.parse(text))
        #expect(change.kind == .unknown)
        #expect(change.isPredicted)
        #expect(change.threeLetterDescription == "p.(0)")
        #expect(ProteinChange.parse(change.threeLetterDescription) == change)
    }
}
