import OncoDomain
import Testing

@testable import OncoMatch

/// A finding holds its alteration by reference (so that the reasoner moves small values); it must
/// still behave as a value: equal and hashed by content, and changed only through its own setter.
@Suite("Near-miss finding")
struct NearMissFindingTests {
    private static let braf = MatchFixtures.variant(
        "BRAF", "V600A", class: .missense, consequence: "missense_variant", allele: "7:140753336:A:G")

    private static func finding(_ alteration: Alteration) -> NearMissFinding {
        NearMissFinding(
            gene: "BRAF", label: "BRAF p.V600A", reason: "missense; rules need V600E", ruleIDs: ["r1", "r2"],
            alteration: alteration)
    }

    @Test func findingsWithTheSameContentAreEqualAndHashAlike() {
        let first = Self.finding(Self.braf)
        let second = Self.finding(Self.braf)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }

    @Test func changingACopysAlterationLeavesTheOriginalAlone() {
        let original = Self.finding(Self.braf)
        var copy = original
        let vaf = (original.alteration.vaf ?? 0) + 0.125
        copy.alteration.vaf = vaf
        #expect(copy.alteration.vaf == vaf)
        #expect(original.alteration == Self.braf)
        #expect(copy != original)
        var other = Self.braf
        other.filter = "LowQual"
        #expect(Self.finding(other) != original)
    }
}
