import OncoDomain
import OncoRules
import TestSupport
import Testing

@testable import OncoMatch

/// Near-miss reasons are worked out once per gene (rules, leaves, requirement texts) and shared by
/// the gene's alterations; these tests check that what is shared never carries one alteration's
/// state over to another, and that the order of near-misses depends on content only.
@Suite("Near-miss reasoning")
struct NearMissReasoningTests {
    let matcher = MatchFixtures.matcher

    private static let v600a = MatchFixtures.variant(
        "BRAF", "V600A", class: .missense, consequence: "missense_variant", allele: "7:140753336:A:G",
        exon: 15)
    private static let v600Synonymous = MatchFixtures.variant(
        "BRAF", "V600=", class: .synonymous, consequence: "synonymous_variant", allele: "7:140753335:C:T",
        exon: 15)
    private static let brca2N372H = MatchFixtures.variant(
        "BRCA2", "N372H", class: .missense, consequence: "missense_variant", allele: "13:32332592:A:C",
        exon: 10)

    @Test("Near-misses and hits worked out on two threads are those of one thread, in the same order")
    func twoThreadsGiveTheSameResult() {
        let kinds: [(String, String, VariantClass, String)] = [
            ("BRAF", "V600E", .missense, "missense_variant"),
            ("BRAF", "V600=", .synonymous, "synonymous_variant"),
            ("BRAF", "G469A", .missense, "missense_variant"),
            ("BRCA2", "N372H", .missense, "missense_variant"),
            ("BRCA2", "E1493Vfs*10", .truncating, "frameshift_variant"),
            ("KRAS", "G12C", .missense, "missense_variant"), ("KRAS", "A146T", .missense, "missense_variant"),
            ("EGFR", "L858R", .missense, "missense_variant"),
            ("EGFR", "T790M", .missense, "missense_variant"),
            ("MLH1", "Q346*", .truncating, "stop_gained"), ("IDH1", "R132H", .missense, "missense_variant"),
            ("ALK", "G1202=", .synonymous, "synonymous_variant"),
            ("PIK3CA", "H1047R", .missense, "missense_variant"),
        ]
        var generator = SeededGenerator(seed: 31)
        let alterations = (0..<300).map { index -> Alteration in
            let (gene, change, variantClass, consequence) = kinds.randomElement(using: &generator)!
            return MatchFixtures.variant(
                gene, change, class: variantClass, consequence: consequence,
                allele:
                    "\(index % 22 + 1):\(1_000 + index * 7):A:\(["C", "G", "T"].randomElement(using: &generator)!)",
                vaf: [0.02, 0.3, 0.5].randomElement(using: &generator)!,
                origin: Bool.random(using: &generator) ? .somatic : .unknown,
                filter: Int.random(in: 0..<5, using: &generator) == 0 ? "LowQual" : "PASS")
        }
        for tumourType in ["MEL", "COADREAD", "NSCLC"] {
            let profile = MatchFixtures.profile(alterations, tumourType: tumourType)
            let oneThread = matcher.match(profile, nearMissThreadsFrom: .max, hitThreadsFrom: .max)
            let twoThreads = matcher.match(profile, nearMissThreadsFrom: 2, hitThreadsFrom: 2)
            #expect(oneThread.nearMisses.count > 100)
            #expect(oneThread.matches.contains { $0.alterations.count > 10 })
            #expect(twoThreads == oneThread)
        }
    }

    @Test func alterationsOfOneGeneKeepTheirOwnReasons() throws {
        let filteredV600E = MatchFixtures.brafV600E(filter: "LowQual")
        let result = matcher.match(
            MatchFixtures.profile([filteredV600E, Self.v600a, Self.v600Synonymous], tumourType: "MEL"))
        #expect(result.matches.isEmpty)
        #expect(result.nearMisses.map(\.label) == ["BRAF p.V600=", "BRAF p.V600A", "BRAF p.V600E"])
        let byLabel = Dictionary(uniqueKeysWithValues: result.nearMisses.map { ($0.label, $0) })
        let synonymous = try #require(byLabel["BRAF p.V600="])
        let missense = try #require(byLabel["BRAF p.V600A"])
        let filtered = try #require(byLabel["BRAF p.V600E"])
        #expect(
            synonymous.reason.hasPrefix("synonymous; rules need V600E, V600K or a BRAF (3′ partner) fusion"))
        #expect(missense.reason == "missense; rules need V600E, V600K or a BRAF (3′ partner) fusion")
        #expect(filtered.reason == "FILTER=LowQual: excluded by FILTER policy (use --filter all)")
        // The same rules were tried for each alteration of the gene.
        #expect(missense.ruleIDs.contains("tgt-braf-v600-melanoma"))
        #expect(synonymous.ruleIDs == missense.ruleIDs)
        #expect(filtered.ruleIDs == missense.ruleIDs)

        // Each reason is the one the alteration gets alone.
        for alteration in [filteredV600E, Self.v600a, Self.v600Synonymous] {
            let alone = matcher.match(MatchFixtures.profile([alteration], tumourType: "MEL"))
            let miss = try #require(alone.nearMisses.first)
            #expect(byLabel[miss.label] == miss)
        }
    }

    /// A matched alteration that meets part of an on-label rule which does not hold is listed
    /// with what that rule still needs; part of an off-label rule is not worth a line.
    @Test func aMatchedAlterationMeetingPartOfAnOnLabelRuleIsListed() throws {
        let erbb2 = Alteration(sampleIndex: 0, gene: "ERBB2", kind: .copyNumber(.amplification))
        let krasG12D = MatchFixtures.variant(
            "KRAS", "G12D", class: .missense, consequence: "missense_variant", allele: "12:25245350:C:T",
            exon: 2)
        let colorectal = matcher.match(MatchFixtures.profile([erbb2, krasG12D], tumourType: "COADREAD"))
        #expect(colorectal.allSupportingRuleIDs.contains("tgt-erbb2-amplification-breast"))
        #expect(!colorectal.allSupportingRuleIDs.contains("tgt-erbb2-amplification-colorectal"))
        let miss = try #require(colorectal.nearMisses.first { $0.label == "ERBB2 amplification" })
        #expect(
            miss.reason
                == "meets ERBB2 amplification but tgt-erbb2-amplification-colorectal also needs "
                + "KRAS/NRAS wild-type")
        #expect(miss.ruleIDs == ["tgt-erbb2-amplification-colorectal"])
        // In breast cancer the colorectal rule is off-label: nothing to add to the match.
        let breast = matcher.match(MatchFixtures.profile([erbb2, krasG12D], tumourType: "BRCA"))
        #expect(breast.allSupportingRuleIDs.contains("tgt-erbb2-amplification-breast"))
        #expect(!breast.nearMisses.contains { $0.label == "ERBB2 amplification" })
    }

    @Test func anAlterationOfTwoGenesIsWeighedAgainstTheRulesOfBoth() throws {
        // One allele annotated on a BRAF and a BRCA2 transcript (as overlapping genes would be).
        var both = Self.v600a
        both.transcripts += Self.brca2N372H.transcripts
        let result = matcher.match(MatchFixtures.profile([both], tumourType: "MEL"))
        let miss = try #require(result.nearMisses.first)
        #expect(miss.gene == "BRAF")
        let brafAlone = try #require(
            matcher.match(MatchFixtures.profile([Self.v600a], tumourType: "MEL")).nearMisses.first)
        let brca2Alone = try #require(
            matcher.match(MatchFixtures.profile([Self.brca2N372H], tumourType: "MEL")).nearMisses.first)
        #expect(Set(miss.ruleIDs) == Set(brafAlone.ruleIDs).union(brca2Alone.ruleIDs))
        #expect(miss.ruleIDs.count == Set(miss.ruleIDs).count)
        #expect(
            miss.reason
                == "missense; rules need V600E, V600K, a loss-of-function alteration or a BRAF (3′ partner) fusion"
        )
    }

    @Test func aRuleNeedingTheWildTypeIsNamedByTheAlterationThatRulesItOut() throws {
        // KRAS V14I is protein-altering: RAS is not wild type.
        let kras = MatchFixtures.variant(
            "KRAS", "V14I", class: .missense, consequence: "missense_variant", allele: "12:25245384:C:T",
            exon: 2)
        let result = matcher.match(MatchFixtures.profile([kras], tumourType: "COADREAD"))
        #expect(result.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr") == nil)
        let miss = try #require(result.nearMisses.first { $0.gene == "KRAS" })
        #expect(miss.ruleIDs.contains("tgt-ras-wildtype-colorectal-anti-egfr"))
        #expect(miss.reason.contains("it rules out the wild type that tgt-ras-wildtype-colorectal-anti-egfr"))

        // A synonymous KRAS variant leaves RAS wild type: the same gene, no such note.
        let synonymous = MatchFixtures.variant(
            "KRAS", "V14=", class: .synonymous, consequence: "synonymous_variant", allele: "12:25245383:C:T",
            exon: 2)
        let wildType = matcher.match(MatchFixtures.profile([synonymous], tumourType: "COADREAD"))
        #expect(wildType.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr") != nil)
        for miss in wildType.nearMisses { #expect(!miss.reason.contains("rules out the wild type")) }
    }

    @Test func nearMissesTiedOnLabelAndReasonAreOrderedByContentWhateverTheInsertionOrder() throws {
        // Two alleles with the same protein change: same gene, label and reason.
        var first = Self.v600a
        first.sourceLine = 8
        var second = MatchFixtures.variant(
            "BRAF", "V600A", class: .missense, consequence: "missense_variant", allele: "7:140753336:AC:GT",
            exon: 15)
        second.sourceLine = 40
        var third = Self.v600a
        third.sourceLine = 7
        let alterations = [first, second, third]
        var generator = SeededGenerator(seed: 11)
        var orders: Set<[Int?]> = []
        for _ in 0..<6 {
            let result = matcher.match(
                MatchFixtures.profile(alterations.shuffled(using: &generator), tumourType: "MEL"))
            #expect(result.nearMisses.count == 3)
            #expect(Set(result.nearMisses.map(\.reason)).count == 1)
            orders.insert(result.nearMisses.map(\.alteration.sourceLine))
        }
        // Same position: by allele (AC>GT after A>G), then by source line.
        #expect(orders == [[7, 8, 40]])
    }
}
