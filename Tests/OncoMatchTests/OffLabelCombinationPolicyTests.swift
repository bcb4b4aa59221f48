import OncoDomain
import OncoMatch
import OncoRules
import Testing

/// Off-label suggestions are single agents only (`docs/matching.md`, "Tumour type and tiers"):
/// a combination regimen from another tumour type's rule is withheld, unless the same option is
/// already offered on-label for sensitivity here, where it only adds support.
///
/// Each case matches a hand-built profile against a few rules taken unchanged from the shipped
/// knowledge base, so that no other rule (a veto, a merge) interferes with the policy.
@Suite("Off-label policy: single agents only")
struct OffLabelCombinationPolicyTests {
    /// A matcher over the shipped rules with these ids only.
    private func matcher(_ ruleIDs: Set<String>) throws -> Matcher {
        let shipped = MatchFixtures.ruleSet.ruleSet
        let rules = shipped.rules.filter { ruleIDs.contains($0.id) }
        try #require(rules.count == ruleIDs.count, "missing shipped rules among \(ruleIDs.sorted())")
        let subset = RuleSet(
            metadata: shipped.metadata, rules: rules, hotspots: shipped.hotspots, checksum: shipped.checksum)
        return Matcher(ruleSet: CompiledRuleSet(subset), oncoTree: MatchFixtures.oncoTree)
    }

    private static let brca2Frameshift = MatchFixtures.variant(
        "BRCA2", "S1982Rfs*22", class: .truncating, consequence: "frameshift_variant",
        allele: "13:32340300:GT:G", exon: 11)

    @Test func singleAgentsAreSuggestedAtIICAndTheCombinationIsWithheld() throws {
        // The ovarian rule offers olaparib, niraparib, rucaparib and olaparib + bevacizumab.
        let result = try matcher(["parp-brca-ovarian"]).match(
            MatchFixtures.profile([Self.brca2Frameshift], tumourType: "PRAD"))
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(match.rule.id == "parp-brca-ovarian")
        #expect(!match.isOnLabel)
        #expect(match.tier == .iiC)
        #expect(match.escat == .iiiA)
        #expect(match.therapies.map(\.description) == ["olaparib", "niraparib", "rucaparib"])
        #expect(match.therapies.allSatisfy { !$0.isCombination })
        #expect(match.explanation.contains("(off-label, tier II-C: the evidence is in OVT"))
        // Not a near-miss: the alteration matched.
        #expect(result.nearMisses.isEmpty)
        #expect(match.caveats.contains { $0.contains("olaparib + bevacizumab") })
        #expect(match.explanation.contains("olaparib + bevacizumab"))
    }

    @Test func aRuleOfCombinationsOnlyIsWithheldWithANearMiss() throws {
        let atm = MatchFixtures.variant(
            "ATM", "E1978*", class: .truncating, consequence: "stop_gained", allele: "11:108304735:G:T",
            exon: 39)
        let matcher = try matcher(["parp-hrr-prostate-talazoparib-enzalutamide"])
        // Pancreatic adenocarcinoma: talazoparib + enzalutamide is a prostate regimen.
        let result = matcher.match(MatchFixtures.profile([atm], tumourType: "PAAD"))
        #expect(result.matches.isEmpty)
        let miss = try #require(result.nearMisses.first)
        #expect(result.nearMisses.count == 1)
        #expect(miss.label == "ATM p.E1978*")
        #expect(
            miss.reason
                == "off-label use withheld: talazoparib + enzalutamide (combination regimens are not "
                + "extrapolated beyond PRAD)")
        #expect(miss.ruleIDs == ["parp-hrr-prostate-talazoparib-enzalutamide"])
        // On-label, the same rule still matches.
        let prostate = matcher.match(MatchFixtures.profile([atm], tumourType: "PRAD"))
        #expect(prostate.matches.map(\.tier) == [.iA])
        #expect(prostate.matches.first?.therapies.map(\.description) == ["talazoparib + enzalutamide"])
        #expect(prostate.nearMisses.isEmpty)
    }

    @Test func aCombinationAlsoOfferedOnLabelOnlyAddsSupport() throws {
        // In melanoma the NSCLC rule's dabrafenib + trametinib and encorafenib + binimetinib are
        // offered on-label by the melanoma rule; encorafenib + cetuximab is not.
        let result = try matcher([
            "tgt-braf-v600-melanoma", "tgt-braf-v600e-nsclc",
            "tgt-braf-v600e-colorectal-encorafenib-cetuximab",
        ]).match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "MEL"))
        let match = try #require(result.matches.first)
        #expect(result.matches.count == 1)
        #expect(match.rule.id == "tgt-braf-v600-melanoma")
        #expect(match.isOnLabel)
        #expect(match.tier == .iA)
        #expect(match.supportingRuleIDs == ["tgt-braf-v600-melanoma", "tgt-braf-v600e-nsclc"])
        #expect(
            match.therapies.map(\.description) == [
                "dabrafenib + trametinib", "vemurafenib + cobimetinib", "encorafenib + binimetinib",
            ])
        #expect(match.explanation.hasSuffix("Also supported by tgt-braf-v600e-nsclc (off-label, tier II-C)."))
        #expect(!result.matches.contains { $0.therapies.contains { $0.drugs.contains("cetuximab") } })
    }
}
