import OncoDomain
import OncoMatch
import Testing

/// Truncating variants in hereditary cancer genes that are, or may be, germline are stated apart
/// from the matches; somatic ones, other classes, other genes and filtered records are not.
@Suite("Germline considerations")
struct GermlineFindingTests {
    let matcher = MatchFixtures.matcher

    static func brca2Truncation(origin: Origin, vaf: Double = 0.48, filter: String = "PASS") -> Alteration {
        MatchFixtures.variant(
            "BRCA2", "K1691Nfs*15", class: .truncating, consequence: "frameshift_variant",
            allele: "chr13:32339000:GA:G", vaf: vaf, origin: origin, filter: filter)
    }

    @Test func aGermlineTruncationInAHereditaryGeneIsStated() throws {
        let result = matcher.match(
            MatchFixtures.profile([Self.brca2Truncation(origin: .germline)], tumourType: "PRAD"))
        let finding = try #require(result.germlineFindings.first)
        #expect(result.germlineFindings.count == 1)
        #expect(finding.gene == "BRCA2")
        #expect(finding.label == "BRCA2 p.K1691Nfs*15")
        #expect(finding.origin == .germline)
        #expect(finding.transcriptIndex == 0)
        #expect(
            finding.statement
                == "Present in the matched normal: a germline variant in BRCA2, a hereditary cancer gene. "
                + "Confirm it with accredited germline testing and offer genetic counselling; if pathogenic, it "
                + "also matters for the patient's relatives.")
        // The therapy match is made as before.
        #expect(!result.matches.isEmpty)
    }

    @Test func tumourOnlyInputSaysItCannotTell() throws {
        let result = matcher.match(
            MatchFixtures.profile(
                [Self.brca2Truncation(origin: .unknown, vaf: 0.48)], tumourType: "PRAD", normal: nil))
        let finding = try #require(result.germlineFindings.first)
        #expect(finding.origin == .unknown)
        #expect(
            finding.statement
                == "Tumour-only input cannot tell whether this truncating BRCA2 variant (VAF 0.48) is germline. "
                + "A germline one would matter for the patient's relatives: consider germline testing and "
                + "genetic counselling.")
    }

    @Test func somaticOtherClassesOtherGenesAndFilteredRecordsAreNotListedUnknownOriginIs() {
        let missense = MatchFixtures.variant(
            "BRCA2", "N372H", class: .missense, consequence: "missense_variant", allele: "chr13:32316500:A:C",
            origin: .germline)
        let keap1 = MatchFixtures.variant(
            "KEAP1", "R470*", class: .truncating, consequence: "stop_gained", allele: "chr19:10499000:G:A",
            origin: .germline)
        for alteration in [
            Self.brca2Truncation(origin: .somatic), missense, keap1,
            Self.brca2Truncation(origin: .germline, filter: "LowQual"),
        ] {
            let result = matcher.match(MatchFixtures.profile([alteration], tumourType: "PRAD"))
            #expect(result.germlineFindings.isEmpty, "\(alteration.gene) \(alteration.origin)")
        }
        // With a matched normal that could not tell (no reads there), the finding says so.
        let unknownWithNormal = matcher.match(
            MatchFixtures.profile([Self.brca2Truncation(origin: .unknown)], tumourType: "PRAD"))
        #expect(
            unknownWithNormal.germlineFindings.first?.statement.hasPrefix(
                "The matched normal does not show whether this truncating BRCA2 variant (VAF 0.48) is germline."
            )
                == true)
        // `--filter all` admits the filtered record, here too.
        let filteredAll = matcher.match(
            MatchFixtures.profile(
                [Self.brca2Truncation(origin: .germline, filter: "LowQual")], tumourType: "PRAD",
                includeFiltered: true))
        #expect(filteredAll.germlineFindings.map(\.gene) == ["BRCA2"])
    }
}
