import GenomicFormats
import OncoDomain
import OncoMatch
import OncoRules
import TestSupport
import Testing

@Suite("Matcher on the shipped knowledge base")
struct MatcherTests {
    let matcher = MatchFixtures.matcher

    @Test func melanomaBRAFV600EIsTierIAOnLabelAtTheExactAllele() throws {
        let result = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "SKCM"))
        let match = try #require(result.match(supportedBy: "tgt-braf-v600-melanoma"))
        #expect(match.rule.id == "tgt-braf-v600-melanoma")
        #expect(match.tier == .iA)
        #expect(match.isOnLabel)
        #expect(match.effect == .sensitivity)
        #expect(match.level == .exactAllele)
        #expect(match.therapies.map(\.description).contains("dabrafenib + trametinib"))
        // The tumour-agnostic rule reaches a subset of the same options: merged, not repeated.
        #expect(match.supportingRuleIDs.contains("tgt-braf-v600e-tissue-agnostic"))
        #expect(
            result.matches.filter { $0.therapies.map(\.description).contains("dabrafenib + trametinib") }
                .count == 1)
        #expect(match.explanation.contains("BRAF p.V600E (missense, VAF 0.44, somatic)"))
        #expect(match.explanation.contains("MANE Select transcript ENST00000646891"))
        #expect(match.explanation.contains("cutaneous melanoma (SKCM)"))
        #expect(match.explanation.contains("on-label, FDA label"))
        #expect(match.isPrincipalTranscript)
        #expect(
            result.warnings == [
                "TMB not computed (no count was available): TMB rules were not evaluated",
                "MSI status not given: MSI-high rules were evaluated on their genomic criteria only",
            ])
    }

    /// A rearrangement whose partner the caller could not name (`--ALK`, `FGFR3--`) meets the
    /// rules for its gene on its side with any partner, not those naming both partners.
    @Test func aFusionWithAnUnnamedPartnerMeetsOnlyAnyPartnerRules() throws {
        let alk = Alteration(sampleIndex: 0, gene: "ALK", kind: .fusion(fivePrime: "", threePrime: "ALK"))
        let lung = matcher.match(MatchFixtures.profile([alk], tumourType: "LUAD"))
        let match = try #require(lung.match(supportedBy: "tgt-alk-fusion-nsclc"))
        #expect(match.isOnLabel)
        #expect(match.genes == ["ALK"])
        #expect(match.explanation.hasPrefix("?::ALK fusion matches ALK (3′ partner) fusion"))

        let fgfr3 = Alteration(
            sampleIndex: 0, gene: "FGFR3", kind: .fusion(fivePrime: "FGFR3", threePrime: ""))
        let bladder = matcher.match(MatchFixtures.profile([fgfr3], tumourType: "BLCA"))
        #expect(!bladder.allSupportingRuleIDs.contains("tgt-fgfr3-urothelial-erdafitinib"))
        let miss = try #require(bladder.nearMisses.first)
        #expect(miss.label == "FGFR3::? fusion")
        #expect(miss.ruleIDs.contains("tgt-fgfr3-urothelial-erdafitinib"))
    }

    /// A matched ALK fusion is no near-miss for the resistance rule it half meets (ALK G1202R is
    /// absent: no option was lost); a lone G1202R, matching nothing, is one.
    @Test func aResistanceRuleNotReachedIsNoNearMissOfAMatchedAlteration() throws {
        let fusion = Alteration(
            sampleIndex: 0, gene: "EML4", kind: .fusion(fivePrime: "EML4", threePrime: "ALK"))
        let result = matcher.match(MatchFixtures.profile([fusion], tumourType: "LUAD"))
        #expect(result.match(supportedBy: "tgt-alk-fusion-nsclc") != nil)
        #expect(!result.nearMisses.contains { $0.ruleIDs.contains("tgt-alk-g1202r-nsclc-resistance") })

        let g1202r = MatchFixtures.variant(
            "ALK", "G1202R", class: .missense, consequence: "missense_variant", allele: "chr2:29220765:C:G")
        let alone = matcher.match(MatchFixtures.profile([g1202r], tumourType: "LUAD"))
        let miss = try #require(
            alone.nearMisses.first { $0.ruleIDs.contains("tgt-alk-g1202r-nsclc-resistance") })
        #expect(
            miss.reason
                == "meets ALK G1202R but tgt-alk-g1202r-nsclc-resistance also needs ALK (3′ partner) fusion")
    }

    /// Kinase fusions count in their oncogenic orientation only: TPM3::NTRK1 gets the TRK
    /// inhibitors, the reverse NTRK1::TPM3 (no NTRK1 kinase domain) is a near-miss naming the
    /// orientation to look for; likewise BCR::ABL1 and ABL1::BCR, KMT2A::MLLT3 and MLLT3::KMT2A.
    @Test(arguments: [
        ("TPM3", "NTRK1", "NTRK1", "COADREAD", "tgt-ntrk-fusion-tissue-agnostic"),
        ("BCR", "ABL1", "BCR", "CML", "tgt-bcr-abl1-cml"),
        ("KMT2A", "MLLT3", "KMT2A", "AML", "epi-kmt2a-rearranged-leukaemia-revumenib"),
    ])
    func fusionsMatchInTheirOncogenicOrientationOnly(
        fivePrime: String, threePrime: String, gene: String, tumourType: String, rule: String
    ) throws {
        let oncogenic = Alteration(
            sampleIndex: 0, gene: fivePrime, kind: .fusion(fivePrime: fivePrime, threePrime: threePrime))
        let matched = matcher.match(MatchFixtures.profile([oncogenic], tumourType: tumourType))
        let match = try #require(matched.match(supportedBy: rule))
        #expect(match.isOnLabel)
        #expect(match.genes == [gene])
        #expect(match.caveats.allSatisfy { !$0.contains("orientation") })

        let reverse = Alteration(
            sampleIndex: 0, gene: threePrime, kind: .fusion(fivePrime: threePrime, threePrime: fivePrime))
        let result = matcher.match(MatchFixtures.profile([reverse], tumourType: tumourType))
        #expect(!result.allSupportingRuleIDs.contains(rule))
        let miss = try #require(result.nearMisses.first { $0.ruleIDs.contains(rule) })
        #expect(miss.label == "\(threePrime)::\(fivePrime) fusion")
        let expected =
            rule == "tgt-bcr-abl1-cml"
            ? "ABL1::BCR is the reverse of the oncogenic BCR::ABL1"
            : "the oncogenic orientation would be \(fivePrime)::\(threePrime)"
        #expect(miss.reason.contains(expected), "\(miss.reason)")
    }

    /// A fusion whose input names the genes without their orientation (SnpEff `gene_fusion`) is
    /// named `A/B` and still matches, with a caveat asking to confirm the orientation.
    @Test func aFusionWithoutOrientationMatchesWithACaveat() throws {
        let fusion = Alteration(
            sampleIndex: 0, gene: "ALK", kind: .fusion(fivePrime: "ALK", threePrime: "EML4", oriented: false))
        #expect(fusion.fusionName == "ALK/EML4")
        let result = matcher.match(MatchFixtures.profile([fusion], tumourType: "LUAD"))
        let match = try #require(result.match(supportedBy: "tgt-alk-fusion-nsclc"))
        #expect(match.genes == ["ALK"])
        #expect(
            match.caveats.contains(
                "The input names the partners of ALK/EML4 without their orientation (5′/3′): matched assuming "
                    + "ALK as the 3′ partner; confirm the orientation, e.g. with an RNA fusion caller."))
    }

    /// KIAA1549::BRAF in a pilocytic astrocytoma (a paediatric low-grade glioma): tovorafenib
    /// on-label; a BRAF V600E glioma is not offered tovorafenib by this rule.
    @Test func brafFusionInPilocyticAstrocytomaGetsTovorafenib() throws {
        let fusion = Alteration(
            sampleIndex: 0, gene: "KIAA1549", kind: .fusion(fivePrime: "KIAA1549", threePrime: "BRAF"))
        let result = matcher.match(MatchFixtures.profile([fusion], tumourType: "PAST"))
        let match = try #require(result.match(supportedBy: "tgt-braf-fusion-paediatric-lgg-tovorafenib"))
        #expect(match.isOnLabel)
        #expect(match.tier == .iA)
        #expect(match.genes == ["BRAF"])
        #expect(match.therapies.map(\.description) == ["tovorafenib"])
        let v600e = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "PAST"))
        #expect(!v600e.allSupportingRuleIDs.contains("tgt-braf-fusion-paediatric-lgg-tovorafenib"))
        #expect(v600e.allSupportingRuleIDs.contains("tgt-braf-v600e-tissue-agnostic"))
    }

    /// H3 K27M, annotated in HGVS numbering as p.K28M under a current or previous symbol (or as
    /// K27M in legacy-numbered input), in a diffuse midline glioma: dordaviprone on-label; a
    /// neighbouring change is not.
    @Test(arguments: ["H3-3A", "H3F3A", "H3C2", "HIST1H3B"])
    func h3K27MInDiffuseMidlineGliomaGetsDordaviprone(gene: String) throws {
        let k28m = MatchFixtures.variant(
            gene, "K28M", class: .missense, consequence: "missense_variant", allele: "chr1:226064434:A:T")
        let result = matcher.match(MatchFixtures.profile([k28m], tumourType: "DMG"))
        let match = try #require(result.match(supportedBy: "tgt-h3-k27m-diffuse-midline-glioma-dordaviprone"))
        #expect(match.isOnLabel)
        #expect(match.tier == .iA)
        #expect(match.therapies.map(\.description) == ["dordaviprone"])
        #expect(match.genes == [gene])
        let legacy = MatchFixtures.variant(
            gene, "K27M", class: .missense, consequence: "missense_variant", allele: "chr1:226064434:A:T")
        let legacyResult = matcher.match(MatchFixtures.profile([legacy], tumourType: "DMG"))
        #expect(legacyResult.allSupportingRuleIDs.contains("tgt-h3-k27m-diffuse-midline-glioma-dordaviprone"))
        let g35r = MatchFixtures.variant(
            gene, "G35R", class: .missense, consequence: "missense_variant", allele: "chr1:226064413:C:G")
        let miss = matcher.match(MatchFixtures.profile([g35r], tumourType: "DMG"))
        #expect(!miss.allSupportingRuleIDs.contains("tgt-h3-k27m-diffuse-midline-glioma-dordaviprone"))
    }

    /// An NRG1 fusion (named partner or not) in lung or pancreatic adenocarcinoma: zenocutuzumab.
    @Test(arguments: [("CD74", "LUAD"), ("", "PAAD")])
    func nrg1FusionGetsZenocutuzumab(fivePrime: String, tumourType: String) throws {
        let fusion = Alteration(
            sampleIndex: 0, gene: fivePrime.isEmpty ? "NRG1" : fivePrime,
            kind: .fusion(fivePrime: fivePrime, threePrime: "NRG1"))
        let result = matcher.match(MatchFixtures.profile([fusion], tumourType: tumourType))
        let match = try #require(result.match(supportedBy: "tgt-nrg1-fusion-zenocutuzumab"))
        #expect(match.isOnLabel)
        #expect(match.genes == ["NRG1"])
        #expect(match.therapies.map(\.description) == ["zenocutuzumab"])
    }

    /// The breast rules labelled for HER2-negative disease (PIK3CA, AKT pathway, ESR1, germline
    /// BRCA) do not fire beside an ERBB2 amplification, which makes the tumour HER2-positive by DNA.
    @Test func her2NegativeBreastRulesStepBackForAnERBB2Amplification() throws {
        let h1047r = MatchFixtures.variant(
            "PIK3CA", "H1047R", class: .missense, consequence: "missense_variant", allele: "3:179234297:A:G",
            exon: 21)
        let brca1 = MatchFixtures.variant(
            "BRCA1", "E23Vfs*17", class: .truncating, consequence: "frameshift_variant",
            allele: "17:43124027:ACT:A", exon: 2, origin: .germline)
        let erbb2 = Alteration(sampleIndex: 0, gene: "ERBB2", kind: .copyNumber(.amplification))
        let her2Negative = matcher.match(MatchFixtures.profile([h1047r, brca1], tumourType: "BRCA"))
        for rule in [
            "tgt-pik3ca-breast-alpelisib", "tgt-akt-pathway-breast-capivasertib", "parp-germline-brca-breast",
        ] {
            #expect(her2Negative.allSupportingRuleIDs.contains(rule), "\(rule)")
        }
        let her2Positive = matcher.match(MatchFixtures.profile([h1047r, brca1, erbb2], tumourType: "BRCA"))
        for rule in [
            "tgt-pik3ca-breast-alpelisib", "tgt-akt-pathway-breast-capivasertib", "parp-germline-brca-breast",
        ] {
            #expect(!her2Positive.allSupportingRuleIDs.contains(rule), "\(rule)")
        }
        #expect(her2Positive.allSupportingRuleIDs.contains("tgt-erbb2-amplification-breast"))
        let miss = try #require(her2Positive.nearMisses.first { $0.gene == "PIK3CA" })
        #expect(miss.reason.contains("also need no ERBB2 amplification"))
    }

    /// A KRAS hotspot in low-grade serous ovarian cancer: avutometinib + defactinib on-label; the
    /// combination is not extrapolated to high-grade serous carcinoma.
    @Test func krasHotspotInLowGradeSerousOvarianCancer() throws {
        let g12v = MatchFixtures.variant(
            "KRAS", "G12V", class: .missense, consequence: "missense_variant", allele: "12:25245350:C:A",
            exon: 2)
        let lgsoc = matcher.match(MatchFixtures.profile([g12v], tumourType: "LGSOC"))
        let match = try #require(lgsoc.match(supportedBy: "tgt-kras-lgsoc-avutometinib-defactinib"))
        #expect(match.isOnLabel)
        #expect(match.therapies.map(\.description) == ["avutometinib + defactinib"])
        let hgsoc = matcher.match(MatchFixtures.profile([g12v], tumourType: "HGSOC"))
        #expect(!hgsoc.allSupportingRuleIDs.contains("tgt-kras-lgsoc-avutometinib-defactinib"))
    }

    @Test func lungAdenocarcinomaUsesTheNSCLCRule() throws {
        let result = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "LUAD"))
        let match = try #require(result.match(supportedBy: "tgt-braf-v600e-nsclc"))
        #expect(match.rule.id == "tgt-braf-v600e-nsclc")
        #expect(match.tier == .iA)
        #expect(match.escat == .iB)
        #expect(
            Set(match.therapies.map(\.description)) == [
                "dabrafenib + trametinib", "encorafenib + binimetinib",
            ])
    }

    @Test func colorectalGetsEncorafenibCetuximabAndNotTheTumourAgnosticRule() throws {
        let result = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "COAD"))
        let encorafenib = try #require(
            result.match(supportedBy: "tgt-braf-v600e-colorectal-encorafenib-cetuximab"))
        #expect(encorafenib.tier == .iA)
        #expect(encorafenib.therapies.map(\.description).contains("encorafenib + cetuximab"))
        #expect(!result.allSupportingRuleIDs.contains("tgt-braf-v600e-tissue-agnostic"))
        // No match suggests dabrafenib + trametinib: the tumour-agnostic label excludes COADREAD.
        #expect(
            !result.matches.contains { $0.therapies.map(\.description).contains("dabrafenib + trametinib") })
        let excluded = try #require(
            result.nearMisses.first { $0.ruleIDs.contains("tgt-braf-v600e-tissue-agnostic") })
        #expect(excluded.reason.contains("COADREAD is excluded by tgt-braf-v600e-tissue-agnostic"))
        // Reduced sensitivity is listed beside sensitivity.
        let monotherapy = try #require(
            result.match(supportedBy: "tgt-braf-v600e-colorectal-braf-monotherapy"))
        #expect(monotherapy.effect == .reducedSensitivity)
        #expect(monotherapy.tier == .iB)
    }

    @Test func hairyCellLeukaemiaGetsItsOwnRuleAndNothingFromSolidTumours() throws {
        let result = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "HCL"))
        // The HCL rule (vemurafenib ± rituximab, guideline level) is on-label; the solid-tumour
        // BRAF rules are neither reported nor merged: evidence does not cross from solid tumours.
        #expect(result.matches.count == 1)
        let match = try #require(result.matches.first)
        #expect(match.rule.id == "tgt-braf-v600e-hairy-cell-leukaemia")
        #expect(match.isOnLabel)
        #expect(match.tier == .iA)
        #expect(match.therapies.map(\.description) == ["vemurafenib", "vemurafenib + rituximab"])
        #expect(match.supportingRules.map(\.id) == ["tgt-braf-v600e-hairy-cell-leukaemia"])
        #expect(
            !result.matches.contains { $0.therapies.contains { $0.description == "dabrafenib + trametinib" } }
        )
    }

    @Test func solidTumourEvidenceIsNotExtrapolatedToLeukaemiaNorTheReverse() throws {
        // BRAF V600E in AML: HCL is haematological too, so its single agent is suggested off-label;
        // the solid-tumour rules are not.
        let aml = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "AML"))
        #expect(aml.matches.count == 1)
        for match in aml.matches {
            #expect(match.rule.id == "tgt-braf-v600e-hairy-cell-leukaemia")
            #expect(match.tier == .iiC)
            #expect(match.therapies.map(\.description) == ["vemurafenib"])
        }
        // BRAF V600E in melanoma: the HCL rule's vemurafenib is not suggested off-label.
        let melanoma = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "MEL"))
        #expect(!melanoma.matches.contains { $0.rule.id == "tgt-braf-v600e-hairy-cell-leukaemia" })
        #expect(
            !melanoma.matches.contains {
                $0.supportingRules.contains { $0.id == "tgt-braf-v600e-hairy-cell-leukaemia" }
            })
    }

    @Test func ovarianBRCA1FrameshiftGermlinePointsToPARPInhibitors() throws {
        let brca1 = MatchFixtures.variant(
            "BRCA1", "E1836Gfs*4", class: .truncating, consequence: "frameshift_variant",
            allele: "17:43045712:TC:T", exon: 20, vaf: 0.52, origin: .germline)
        let result = matcher.match(MatchFixtures.profile([brca1], tumourType: "HGSOC"))
        let match = try #require(result.match(supportedBy: "parp-brca-ovarian"))
        #expect(match.tier == .iA)
        #expect(match.level == .geneClass)
        #expect(match.therapies.map(\.description).contains("olaparib"))
        #expect(match.explanation.contains("germline"))
    }

    @Test func brca2MissenseIsANearMissWithAReason() throws {
        let brca2 = MatchFixtures.variant(
            "BRCA2", "N372H", class: .missense, consequence: "missense_variant", allele: "13:32332592:A:C",
            exon: 10)
        let result = matcher.match(MatchFixtures.profile([brca2], tumourType: "HGSOC"))
        #expect(result.matches.isEmpty)
        let miss = try #require(result.nearMisses.first)
        #expect(miss.label == "BRCA2 p.N372H")
        #expect(miss.reason == "missense; rules need a loss-of-function alteration")
        #expect(miss.ruleIDs.contains("parp-brca-ovarian"))
    }

    @Test func amlIDH2R140QGetsEnasidenibAtCodonLevel() throws {
        let idh2 = MatchFixtures.variant(
            "IDH2", "R140Q", class: .missense, consequence: "missense_variant", allele: "15:90088702:C:T",
            exon: 4)
        let result = matcher.match(MatchFixtures.profile([idh2], tumourType: "AML"))
        let match = try #require(result.match(supportedBy: "epi-idh2-aml-enasidenib"))
        #expect(match.tier == .iA)
        #expect(match.level == .codon)
        #expect(match.therapies.map(\.description) == ["enasidenib"])
    }

    @Test func npm1FrameshiftGetsMeninInhibitors() throws {
        let npm1 = MatchFixtures.variant(
            "NPM1", "W288Cfs*12", class: .truncating, consequence: "frameshift_variant",
            allele: "5:171410539:C:CTCTG", exon: 11)
        let result = matcher.match(MatchFixtures.profile([npm1], tumourType: "AML"))
        let match = try #require(result.match(supportedBy: "epi-npm1-aml-menin-inhibitors"))
        #expect(match.level == .residueRange)
        #expect(Set(match.therapies.map(\.description)) == ["revumenib", "ziftomenib"])
    }

    @Test func tmbHighMatchesPembrolizumabTissueAgnostically() throws {
        let result = matcher.match(MatchFixtures.profile([], tumourType: "BLCA", tmb: 15))
        let match = try #require(result.match(supportedBy: "io-tmb-high-pembrolizumab-solid"))
        #expect(match.tier == .iA)
        #expect(match.level == .biomarker)
        #expect(match.alterations.isEmpty)
        #expect(match.explanation.contains("TMB 15.00 mut/Mb matches TMB ≥ 10 mut/Mb"))
        let low = matcher.match(MatchFixtures.profile([], tumourType: "BLCA", tmb: 9.9))
        #expect(low.match(supportedBy: "io-tmb-high-pembrolizumab-solid") == nil)
        let none = matcher.match(MatchFixtures.profile([], tumourType: "BLCA"))
        #expect(
            none.warnings.contains("TMB not computed (no count was available): TMB rules were not evaluated"))
    }

    @Test func msiHighAndTMBHighPembrolizumabRulesMerge() throws {
        let result = matcher.match(MatchFixtures.profile([], tumourType: "BLCA", tmb: 40, msi: .high))
        let pembrolizumab = result.matches.filter { $0.therapies.map(\.description) == ["pembrolizumab"] }
        #expect(pembrolizumab.count == 1)
        let match = try #require(pembrolizumab.first)
        #expect(match.isOnLabel)
        #expect(match.tier == .iA)
        #expect(match.supportingRuleIDs.contains("io-tmb-high-pembrolizumab-solid"))
        #expect(match.supportingRuleIDs.contains("io-msi-dmmr-pembrolizumab-solid"))
        // The colorectal first-line rule is off-label in bladder cancer: folded in, not a separate match.
        #expect(match.supportingRuleIDs.contains("io-msi-colorectal-pembrolizumab-first-line"))
        #expect(match.explanation.contains("Also supported by"))
        #expect(result.match(supportedBy: "io-dmmr-dostarlimab-solid") != nil)
    }

    @Test func egfrResistanceIsListedBesideSensitivity() throws {
        let deletion = MatchFixtures.variant(
            "EGFR", "E746_A750del", class: .inframeDeletion, consequence: "inframe_deletion",
            allele: "7:55174772:GGAATTAAGAGAAGCA:G", exon: 19)
        let c797s = MatchFixtures.variant(
            "EGFR", "C797S", class: .missense, consequence: "missense_variant", allele: "7:55181378:T:A",
            exon: 20,
            vaf: 0.1)
        let result = matcher.match(MatchFixtures.profile([deletion, c797s], tumourType: "LUAD"))
        let sensitivity = try #require(result.match(supportedBy: "tgt-egfr-sensitising-nsclc-osimertinib"))
        #expect(sensitivity.level == .exonClass)
        #expect(sensitivity.tier == .iA)
        let resistance = try #require(
            result.match(supportedBy: "tgt-egfr-c797s-nsclc-osimertinib-resistance"))
        #expect(resistance.effect == .resistance)
        #expect(resistance.tier == .iiC)
        #expect(resistance.therapies.map(\.description) == ["osimertinib"])
        #expect(resistance.explanation.contains("predicts resistance to osimertinib"))
        // The sensitivity match offering osimertinib says that this tumour's C797S contradicts it.
        #expect(sensitivity.conflictingRuleIDs == ["tgt-egfr-c797s-nsclc-osimertinib-resistance"])
        #expect(
            sensitivity.explanation.contains(
                "Conflicting evidence in this tumour: EGFR p.C797S predicts resistance to osimertinib "
                    + "(tgt-egfr-c797s-nsclc-osimertinib-resistance)."))
        #expect(sensitivity.caveats.contains { $0.hasPrefix("Conflicting evidence") })
        #expect(resistance.conflictingRuleIDs.isEmpty)
        // Options the resistance does not name are not flagged.
        let amivantamab = try #require(
            result.match(supportedBy: "tgt-egfr-sensitising-nsclc-amivantamab-lazertinib"))
        #expect(amivantamab.conflictingRuleIDs.isEmpty)
    }

    /// BRAF V600E beside RAS wild type in colorectal cancer: the anti-EGFR antibodies are offered
    /// for RAS wild type and predicted to help little with BRAF V600E; both are shown, linked.
    @Test func rasWildTypeAntiEGFRIsFlaggedByBRAFV600E() throws {
        let result = matcher.match(MatchFixtures.profile([MatchFixtures.brafV600E()], tumourType: "COADREAD"))
        let wildType = try #require(result.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr"))
        #expect(wildType.conflictingRuleIDs == ["tgt-braf-v600e-colorectal-anti-egfr-reduced"])
        #expect(
            wildType.explanation.contains(
                "BRAF p.V600E predicts reduced sensitivity to cetuximab and panitumumab"))
        // Encorafenib + cetuximab is a different option: not flagged.
        let encorafenib = try #require(
            result.match(supportedBy: "tgt-braf-v600e-colorectal-encorafenib-cetuximab"))
        #expect(encorafenib.conflictingRuleIDs.isEmpty)
    }

    @Test func krasG12DInColorectalPredictsAntiEGFRResistance() throws {
        let kras = MatchFixtures.variant(
            "KRAS", "G12D", class: .missense, consequence: "missense_variant", allele: "12:25245350:C:T",
            exon: 2)
        let result = matcher.match(MatchFixtures.profile([kras], tumourType: "COADREAD"))
        let resistance = try #require(result.match(supportedBy: "tgt-ras-colorectal-anti-egfr-resistance"))
        #expect(resistance.effect == .resistance)
        #expect(resistance.tier == .iA)
        #expect(resistance.level == .geneClass)
        #expect(result.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr") == nil)
        #expect(result.match(supportedBy: "tgt-kras-g12c-colorectal") == nil)
    }

    @Test func rasWildTypeRuleNeedsAnnotation() throws {
        let tp53 = MatchFixtures.variant(
            "BRAF", "K601E", class: .missense, consequence: "missense_variant", allele: "7:140753334:T:C",
            exon: 15)
        let annotated = matcher.match(MatchFixtures.profile([tp53], tumourType: "COAD"))
        let match = try #require(annotated.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr"))
        #expect(match.level == .wildType)
        #expect(match.tier == .iA)
        #expect(match.explanation.contains("adequate coverage"))

        let unannotated = matcher.match(
            MatchFixtures.profile(
                [
                    MatchFixtures.variant(
                        "BRAF", "K601E", class: .missense, consequence: "missense_variant",
                        allele: "7:140753334:T:C", annotated: false)
                ],
                tumourType: "COAD", annotation: .none))
        #expect(unannotated.match(supportedBy: "tgt-ras-wildtype-colorectal-anti-egfr") == nil)
        #expect(unannotated.warnings.contains { $0.hasPrefix("protein-level rules not evaluated") })
    }

    @Test func filteredV600EIsANearMissUnlessFilteredRecordsAreIncluded() throws {
        let filtered = MatchFixtures.brafV600E(filter: "LowQual")
        let result = matcher.match(MatchFixtures.profile([filtered], tumourType: "MEL"))
        #expect(result.matches.isEmpty)
        let miss = try #require(result.nearMisses.first)
        #expect(miss.label == "BRAF p.V600E")
        #expect(miss.reason == "FILTER=LowQual: excluded by FILTER policy (use --filter all)")
        let included = matcher.match(
            MatchFixtures.profile([filtered], tumourType: "MEL", includeFiltered: true))
        #expect(included.match(supportedBy: "tgt-braf-v600-melanoma") != nil)
    }

    @Test func synonymousV600DoesNotMatch() throws {
        let synonymous = MatchFixtures.variant(
            "BRAF", "V600=", class: .synonymous, consequence: "synonymous_variant", allele: "7:140753335:C:T",
            exon: 15)
        let result = matcher.match(MatchFixtures.profile([synonymous], tumourType: "MEL"))
        #expect(result.matches.isEmpty)
        let miss = try #require(result.nearMisses.first)
        #expect(miss.reason.hasPrefix("synonymous; rules need V600E, V600K or a BRAF (3′ partner) fusion"))
    }

    @Test func brafV600AIsANearMissNamingTheChangesNeeded() throws {
        let v600a = MatchFixtures.variant(
            "BRAF", "V600A", class: .missense, consequence: "missense_variant", allele: "7:140753336:A:G",
            exon: 15)
        let result = matcher.match(MatchFixtures.profile([v600a], tumourType: "MEL"))
        #expect(result.matches.isEmpty)
        #expect(
            result.nearMisses.first?.reason
                == "missense; rules need V600E, V600K or a BRAF (3′ partner) fusion")
    }

    @Test func unannotatedProfileMatchesTheExactAlleleAndWarns() throws {
        let result = matcher.match(
            MatchFixtures.profile(
                [MatchFixtures.brafV600E(annotated: false)], tumourType: "MEL", annotation: .none))
        let match = try #require(result.match(supportedBy: "tgt-braf-v600-melanoma"))
        #expect(match.level == .exactAllele)
        #expect(match.explanation.contains("BRAF 7:140753336:A:T"))
        #expect(
            result.warnings.first?.hasPrefix(
                "protein-level rules not evaluated: the input has no CSQ/ANN annotation") == true)
    }

    @Test func unknownBuildComparesBothBuildsAndWarns() throws {
        let result = matcher.match(
            MatchFixtures.profile(
                [MatchFixtures.brafV600E(annotated: false)], tumourType: "MEL", build: .unknown,
                annotation: .none))
        #expect(result.match(supportedBy: "tgt-braf-v600-melanoma")?.level == .exactAllele)
        #expect(result.warnings.contains { $0.hasPrefix("genome build unknown") })
    }

    @Test func tumourOnlyOriginIsAcceptedWithACaveatNeverClaimedGermline() throws {
        let brca1 = MatchFixtures.variant(
            "BRCA1", "E1836Gfs*4", class: .truncating, consequence: "frameshift_variant",
            allele: "17:43045712:TC:T", exon: 20, vaf: 0.5, origin: .unknown)
        let result = matcher.match(MatchFixtures.profile([brca1], tumourType: "IDC", normal: nil))
        let match = try #require(result.match(supportedBy: "parp-germline-brca-breast"))
        #expect(match.tier == .iA)
        #expect(match.caveats.contains { $0.contains("germline testing must confirm") })
        #expect(match.explanation.contains("origin unknown"))
        #expect(match.alterations.allSatisfy { $0.alteration.origin == .unknown })
        #expect(result.warnings.contains { $0.hasPrefix("tumour-only input") })
        // A somatic call does not satisfy the germline rule.
        var somatic = brca1
        somatic.origin = .somatic
        let somaticResult = matcher.match(MatchFixtures.profile([somatic], tumourType: "IDC"))
        #expect(somaticResult.match(supportedBy: "parp-germline-brca-breast") == nil)
        #expect(somaticResult.match(supportedBy: "parp-somatic-brca-breast-olaparib")?.tier == .iiC)
    }

    @Test func biallelicMMRLossNeedsTwoHits() throws {
        let first = MatchFixtures.variant(
            "MSH6", "R248Tfs*8", class: .truncating, consequence: "frameshift_variant",
            allele: "2:47783082:TG:T", exon: 4)
        let single = matcher.match(MatchFixtures.profile([first], tumourType: "UCEC", msi: .stable))
        #expect(single.matches.isEmpty)
        let miss = try #require(single.nearMisses.first { $0.gene == "MSH6" })
        #expect(
            miss.reason
                == "one hit in MSH6 without a second hit, LOH or homozygosity; rules need biallelic loss")
        let second = MatchFixtures.variant(
            "MSH6", "Q731*", class: .truncating, consequence: "stop_gained", allele: "2:47800000:C:T", exon: 4
        )
        let double = matcher.match(MatchFixtures.profile([first, second], tumourType: "UCEC", msi: .stable))
        let match = try #require(double.match(supportedBy: "io-msi-endometrial-pembrolizumab"))
        #expect(match.alterations.count == 2)
        var homozygous = first
        homozygous.zygosity = .homozygous
        let oneHomozygous = matcher.match(
            MatchFixtures.profile([homozygous], tumourType: "UCEC", msi: .stable))
        #expect(oneHomozygous.match(supportedBy: "io-msi-endometrial-pembrolizumab") != nil)
    }

    @Test func mlh1LossInEndometrialCancerDoesNotGetTheProstateCombinationOffLabel() throws {
        let mlh1 = MatchFixtures.variant(
            "MLH1", "R226*", class: .truncating, consequence: "stop_gained", allele: "3:37025636:C:T", exon: 8
        )
        let result = matcher.match(MatchFixtures.profile([mlh1], tumourType: "UCEC", msi: .stable))
        #expect(result.match(supportedBy: "io-msi-endometrial-pembrolizumab") == nil)
        // The TALAPRO-2 rule holds, but its only option is a prostate combination (with an
        // anti-androgen): off-label, only single agents are suggested.
        #expect(result.match(supportedBy: "parp-hrr-prostate-talazoparib-enzalutamide") == nil)
        #expect(result.matches.isEmpty)
        // The near-miss says so, and why the dMMR rules did not fire: one hit, MSS.
        let miss = try #require(result.nearMisses.first { $0.label == "MLH1 p.R226*" })
        #expect(
            miss.reason
                == "off-label use withheld: talazoparib + enzalutamide (combination regimens are not "
                + "extrapolated beyond PRAD); one hit in MLH1 without a second hit, LOH or homozygosity; "
                + "rules need biallelic loss")
        #expect(miss.ruleIDs.contains("parp-hrr-prostate-talazoparib-enzalutamide"))
        #expect(miss.ruleIDs.contains("io-msi-endometrial-pembrolizumab"))
        // With MSI-high the dMMR rules hold: no second hit is asked for.
        let msiHigh = matcher.match(MatchFixtures.profile([mlh1], tumourType: "UCEC", msi: .high))
        let withMSI = try #require(msiHigh.nearMisses.first { $0.label == "MLH1 p.R226*" })
        #expect(!withMSI.reason.contains("second hit"))
    }

    @Test func resultsAreDeterministicWhateverTheInsertionOrder() {
        let alterations = [
            MatchFixtures.brafV600E(),
            MatchFixtures.variant(
                "KRAS", "G12D", class: .missense, consequence: "missense_variant", allele: "12:25245350:C:T"),
            MatchFixtures.variant(
                "BRCA2", "N372H", class: .missense, consequence: "missense_variant", allele: "13:32332592:A:C"
            ),
            MatchFixtures.variant(
                "NRAS", "Q61K", class: .missense, consequence: "missense_variant", allele: "1:114713909:G:T"),
            MatchFixtures.variant(
                "PIK3CA", "H1047R", class: .missense, consequence: "missense_variant",
                allele: "3:179234297:A:G"),
        ]
        let reference = matcher.match(MatchFixtures.profile(alterations, tumourType: "COAD", tmb: 12))
        #expect(reference == matcher.match(MatchFixtures.profile(alterations, tumourType: "COAD", tmb: 12)))
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            let shuffled = alterations.shuffled(using: &generator)
            #expect(reference == matcher.match(MatchFixtures.profile(shuffled, tumourType: "COAD", tmb: 12)))
        }
        #expect(!reference.matches.isEmpty)
        #expect(!reference.nearMisses.isEmpty)
    }
}
