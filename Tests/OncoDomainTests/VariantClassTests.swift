import Foundation
import TestSupport
import Testing

@testable import OncoDomain

struct VariantClassTests {
    @Test(arguments: [
        ("stop_gained", VariantClass.truncating), ("frameshift_variant", .truncating),
        ("splice_donor_variant", .truncating), ("splice_acceptor_variant", .truncating),
        ("start_lost", .truncating), ("transcript_ablation", .truncating), ("exon_loss_variant", .truncating),
        ("missense_variant", .missense), ("inframe_deletion", .inframeDeletion),
        ("disruptive_inframe_deletion", .inframeDeletion),
        ("conservative_inframe_insertion", .inframeInsertion),
        ("inframe_insertion", .inframeInsertion), ("splice_region_variant", .spliceRegion),
        ("splice_donor_5th_base_variant", .spliceRegion), ("splice_donor_region_variant", .spliceRegion),
        ("splice_polypyrimidine_tract_variant", .spliceRegion), ("synonymous_variant", .synonymous),
        ("stop_retained_variant", .synonymous), ("start_retained_variant", .synonymous),
        ("protein_altering_variant", .otherCoding), ("coding_sequence_variant", .otherCoding),
        ("incomplete_terminal_codon_variant", .otherCoding), ("feature_elongation", .structural),
        ("feature_truncation", .structural), ("transcript_amplification", .structural),
        ("gene_fusion", .structural), ("bidirectional_gene_fusion", .structural),
        ("5_prime_UTR_premature_start_codon_gain_variant", .nonCoding), ("3_prime_UTR_variant", .nonCoding),
        ("intron_variant", .nonCoding), ("upstream_gene_variant", .nonCoding),
        ("intergenic_variant", .nonCoding), ("NMD_transcript_variant", .nonCoding),
        ("non_coding_transcript_exon_variant", .nonCoding), ("Missense_Variant", .missense),
    ])
    func classifiesOneTerm(_ term: String, _ expected: VariantClass) {
        #expect(VariantClass.classify(consequences: [term]) == expected)
    }

    @Test func stopLostFollowsTheSetting() {
        #expect(VariantClass.classify(consequences: ["stop_lost"]) == .truncating)
        #expect(
            VariantClass.classify(consequences: ["stop_lost"], stopLostIsTruncating: false) == .otherCoding)
    }

    @Test func mostSevereTermWins() {
        #expect(
            VariantClass.classify(consequences: ["intron_variant", "splice_region_variant"]) == .spliceRegion)
        #expect(VariantClass.classify(consequences: ["missense_variant&splice_region_variant"]) == .missense)
        #expect(VariantClass.classify(consequences: ["synonymous_variant", "stop_gained"]) == .truncating)
        #expect(VariantClass.classify(consequences: ["gene_fusion", "intron_variant"]) == .structural)
        #expect(VariantClass.classify(consequences: [String]()) == .nonCoding)
        #expect([VariantClass.synonymous, .missense, .nonCoding].min() == .missense)
    }

    @Test func proteinChangeRefinesDelins() throws {
        let delins = try #require(ProteinChange.parse("p.Leu747_Pro753delinsSer"))
        #expect(
            VariantClass.classify(consequences: ["inframe_deletion"], proteinChange: delins) == .inframeDelins
        )
        #expect(
            VariantClass.classify(consequences: ["protein_altering_variant"], proteinChange: delins)
                == .inframeDelins)
        let sameLength = try #require(ProteinChange.parse("p.Val600_Lys601delinsGluGlu"))
        #expect(
            VariantClass.classify(consequences: ["missense_variant"], proteinChange: sameLength) == .missense)
        let deletion = try #require(ProteinChange.parse("E746_A750del"))
        #expect(
            VariantClass.classify(consequences: ["protein_altering_variant"], proteinChange: deletion)
                == .inframeDeletion)
        let duplication = try #require(ProteinChange.parse("p.Ala767_Val769dup"))
        #expect(
            VariantClass.classify(consequences: ["coding_sequence_variant"], proteinChange: duplication)
                == .inframeInsertion)
        // A truncating term is never downgraded.
        #expect(VariantClass.classify(consequences: ["stop_gained"], proteinChange: delins) == .truncating)
        #expect(VariantClass.classify(consequences: ["missense_variant"], proteinChange: nil) == .missense)
    }

    @Test(arguments: [
        ("Missense_Mutation", VariantClass?.some(.missense)), ("Nonsense_Mutation", .truncating),
        ("Frame_Shift_Del", .truncating), ("Frame_Shift_Ins", .truncating), ("Splice_Site", .truncating),
        ("Translation_Start_Site", .truncating), ("Nonstop_Mutation", .truncating),
        ("In_Frame_Del", .inframeDeletion), ("In_Frame_Ins", .inframeInsertion),
        ("Silent", .synonymous), ("Splice_Region", .spliceRegion), ("3'UTR", .nonCoding),
        ("5'Flank", .nonCoding), ("Intron", .nonCoding), ("IGR", .nonCoding), ("RNA", .nonCoding),
        ("Unknown", nil), ("missense", nil),
    ])
    func classifiesMAFValues(_ value: String, _ expected: VariantClass?) {
        #expect(VariantClass.classify(mafVariantClassification: value) == expected)
    }

    @Test func mafNonstopAndDelins() throws {
        #expect(
            VariantClass.classify(mafVariantClassification: "Nonstop_Mutation", stopLostIsTruncating: false)
                == .otherCoding)
        let delins = try #require(ProteinChange.parse("p.E469delinsDK"))
        #expect(
            VariantClass.classify(mafVariantClassification: "In_Frame_Ins", proteinChange: delins)
                == .inframeDelins)
    }

    /// The vcf2maf MAFs: every `Variant_Classification` is known, and the class from the MAF column
    /// agrees with the class from the VEP `Consequence` column of the same row.
    @Test(.enabled(if: TestData.hasSharedData))
    func mafColumnsAgreeWithConsequences() throws {
        let files = TestData.sharedFiles(under: "callers/vcf2maf/tests", suffixes: [".maf"])
        var compared = 0
        for file in files {
            let lines = try String(contentsOfFile: file, encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") }
            guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false),
                let classification = header.firstIndex(of: "Variant_Classification")
            else { continue }
            let consequence = header.firstIndex(of: "Consequence")
            for line in lines.dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                let mafClass = VariantClass.classify(mafVariantClassification: fields[classification])
                #expect(mafClass != nil, "unknown \(fields[classification])")
                guard let consequence, consequence < fields.count, let mafClass else { continue }
                let terms = fields[consequence].split(separator: ",")
                let soClass = VariantClass.classify(consequences: terms)
                // vcf2maf files a delins as In_Frame_Ins; VEP may call it protein_altering.
                if mafClass == .inframeInsertion && soClass == .otherCoding { continue }
                #expect(mafClass == soClass, "\(fields[classification]) vs \(fields[consequence])")
                compared += 1
            }
        }
        #expect(compared > 20)
    }
}
