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

    @Test func findingsSharingTheMatchersListReadTheirOwnAlteration() {
        var kras = Self.braf
        kras.gene = "KRAS"
        let list = AlterationList([Self.braf, kras])
        let onBRAF = NearMissFinding(
            gene: "BRAF", label: "BRAF p.V600A", reason: "r", ruleIDs: [], alterationAt: 0, in: list)
        let onKRAS = NearMissFinding(
            gene: "BRAF", label: "BRAF p.V600A", reason: "r", ruleIDs: [], alterationAt: 1, in: list)
        #expect(onBRAF.alteration == Self.braf)
        #expect(onKRAS.alteration == kras)
        #expect(onBRAF != onKRAS)
        // Equal by content to a finding holding its own copy.
        let alone = NearMissFinding(
            gene: "BRAF", label: "BRAF p.V600A", reason: "r", ruleIDs: [], alteration: kras)
        #expect(alone == onKRAS)
        #expect(alone.hashValue == onKRAS.hashValue)
        // A change to one finding's alteration touches neither the list nor the other findings.
        var changed = onKRAS
        changed.alteration.filter = "LowQual"
        #expect(changed.alteration.filter == "LowQual")
        #expect(list.alterations[1] == kras)
        #expect(onKRAS.alteration == kras)
        #expect(changed != onKRAS)
    }
}
