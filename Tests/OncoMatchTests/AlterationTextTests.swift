import OncoDomain
import Testing

@testable import OncoMatch

@Suite("Alteration text")
struct AlterationTextTests {
    /// `sortKey` as it was first written, a `String` appended part by part: the byte-built key
    /// must be the same text.
    static func referenceSortKey(_ alteration: Alteration) -> String {
        let separator: Character = "\u{1}"
        var key = ""
        key += alteration.gene
        key.append(separator)
        switch alteration.kind {
        case .smallVariant: key += "1"
        case .copyNumber(let state): key += "2\(state.rawValue)"
        case .fusion(let five, let three, let oriented): key += "3\(five)\(oriented ? "::" : "/")\(three)"
        case .structural: key += "4"
        }
        key.append(separator)
        if let allele = alteration.allele {
            key += allele.chromosome
            key.append(separator)
            let digits = String(allele.position)
            for _ in 0..<max(0, 12 - digits.count) { key += "0" }
            key += digits
            key.append(separator)
            key += allele.reference
            key.append(separator)
            key += allele.alternate
        } else {
            key.append(separator)
            key.append(separator)
            key.append(separator)
        }
        key.append(separator)
        if let change = alteration.principal?.proteinChange { key += change.description }
        key.append(separator)
        key += alteration.filter
        key.append(separator)
        if let transcript = alteration.transcripts.first?.transcript { key += transcript }
        key.append(separator)
        key += String(alteration.sampleIndex)
        key.append(separator)
        key += String(alteration.sourceLine ?? 0)
        return key
    }

    @Test func sortKeysAreTheReferenceText() {
        var alterations = [
            MatchFixtures.variant(
                "BRAF", "V600E", class: .missense, consequence: "missense_variant", allele: "7:140453136:A:T"),
            MatchFixtures.variant(
                "EGFR", "E746_A750del", class: .inframeDeletion, consequence: "inframe_deletion",
                allele: "chr7:55242465:GGAATTAAGAGAAGCA:G", filter: "LowQual;résumé\u{301}"),
            Alteration(sampleIndex: 3, gene: "ALK", kind: .fusion(fivePrime: "EML4", threePrime: "ALK")),
            Alteration(
                sampleIndex: 0, gene: "ERBB2",
                kind: .fusion(fivePrime: "", threePrime: "ERBB2", oriented: false)),
            Alteration(sampleIndex: 1, gene: "CDKN2A", kind: .copyNumber(.homozygousDeletion)),
            Alteration(sampleIndex: 0, gene: "MET", kind: .structural),
        ]
        alterations[0].sourceLine = 1_234_567
        alterations.append(
            Alteration(
                sampleIndex: 12, gene: "KRAS", kind: .smallVariant,
                allele: GenomicAllele(chromosome: "12", position: -5, reference: "C", alternate: "A"),
                sourceLine: 9))
        alterations.append(
            Alteration(
                sampleIndex: 0, gene: "TP53", kind: .smallVariant,
                allele: GenomicAllele(
                    chromosome: "17", position: 1_234_567_890_123, reference: "N", alternate: "<DEL>")))
        for alteration in alterations {
            #expect(AlterationText.sortKey(alteration) == Self.referenceSortKey(alteration))
            #expect(
                Array(AlterationText.sortKey(alteration).utf8)
                    == Array(Self.referenceSortKey(alteration).utf8))
        }
    }
}
