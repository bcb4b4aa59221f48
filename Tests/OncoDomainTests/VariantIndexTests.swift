import OncoDomain
import Testing

@Suite struct GenomicAlleleTests {
    @Test(arguments: [
        ("chr7", 140_453_136, "A", "T", "7:140453136:A:T"),
        ("chrM", 100, "A", "G", "MT:100:A:G"),
        // Shared trailing base trimmed, anchor kept.
        ("1", 100, "CTT", "CT", "1:100:CT:C"),
        // Shared leading bases trimmed beyond the anchor.
        ("1", 100, "ACGT", "ACCT", "1:102:G:C"),
        // Multi-allelic split leftovers: REF GTT, ALT GT → deletion of one T.
        ("2", 50, "GTT", "GT", "2:50:GT:G"),
        // Symbolic alleles untouched.
        ("3", 10, "N", "<DEL>", "3:10:N:<DEL>"),
        // Lower case raised; non-ASCII (only in malformed input) by Unicode's mapping.
        ("chr2", 7, "acg", "aTg", "2:8:C:T"),
        ("Chr2", 7, "a", "é", "2:7:A:É"),
    ])
    func normalises(chrom: String, pos: Int, ref: String, alt: String, expected: String) {
        let allele = GenomicAllele.normalised(
            chromosome: chrom, position: pos, reference: ref, alternate: alt)
        #expect(allele.description == expected)
    }

    /// The normalisation as it was written on characters before it moved to bytes: the
    /// reference the byte version must agree with on ASCII.
    private static func characterNormalised(
        chromosome: String, position: Int, reference: String, alternate: String
    ) -> GenomicAllele {
        var chrom = Substring(chromosome)
        if chrom.lowercased().hasPrefix("chr") { chrom = chrom.dropFirst(3) }
        var name = String(chrom)
        if name == "M" { name = "MT" }
        var ref = Array(reference.utf8)
        var alt = Array(alternate.utf8)
        var pos = position
        let isSequence = { (bytes: [UInt8]) in
            !bytes.isEmpty && bytes.allSatisfy { "ACGTNacgtn".utf8.contains($0) }
        }
        if isSequence(ref) && isSequence(alt) {
            while ref.count > 1 && alt.count > 1 && ref.last == alt.last {
                ref.removeLast()
                alt.removeLast()
            }
            var lead = 0
            while lead < ref.count - 1 && lead < alt.count - 1 && ref[lead] == alt[lead] { lead += 1 }
            if lead > 0 {
                ref.removeFirst(lead)
                alt.removeFirst(lead)
                pos += lead
            }
        }
        return GenomicAllele(
            chromosome: name, position: pos, reference: String(decoding: ref, as: UTF8.self).uppercased(),
            alternate: String(decoding: alt, as: UTF8.self).uppercased())
    }

    @Test("The byte normalisation agrees with the character one on ASCII")
    func asciiPathMatchesCharacterPath() {
        var generator = SystemRandomNumberGenerator()
        let chromosomes = ["chr1", "CHR7", "Chr", "chrM", "M", "MT", "cHrX", "ch", "", "chrUn_gl000220"]
        let alphabet = Array("ACGTNacgtn<>*.[]:DELx")
        func allele() -> String {
            let length = Int.random(in: 0...6, using: &generator)
            let pool = Bool.random(using: &generator) ? Array("ACGTacgtNn") : alphabet
            return String((0..<length).map { _ in pool.randomElement(using: &generator)! })
        }
        for _ in 0..<5_000 {
            let chromosome = chromosomes.randomElement(using: &generator)!
            let position = Int.random(in: 1...1_000_000, using: &generator)
            let (reference, alternate) = (allele(), allele())
            let fast = GenomicAllele.normalised(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate)
            let slow = Self.characterNormalised(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate)
            #expect(fast == slow, "\(chromosome):\(position):\(reference):\(alternate)")
        }
    }
}

@Suite struct VariantIndexTests {
    private func missense(_ gene: String, _ change: String, start: Int, sample: Int, exon: Int? = nil)
        -> Alteration
    {
        let annotation = TranscriptAnnotation(
            gene: gene, transcript: "T-\(gene)", consequences: ["missense_variant"], variantClass: .missense,
            proteinChange: ProteinChange(
                kind: .missense, referenceStart: "V", start: start, alternate: String(change.last!)),
            exon: exon.map { .init(number: $0, total: 20) })
        return Alteration(
            sampleIndex: sample, gene: gene, kind: .smallVariant,
            allele: GenomicAllele(chromosome: "7", position: 1000 + start, reference: "A", alternate: "T"),
            transcripts: [annotation], principalTranscriptIndex: 0)
    }

    @Test func keepsOnlyGenesOfInterest() {
        var index = VariantIndex(samples: ["T1"], genesOfInterest: ["BRAF"])
        let keptBRAF = index.add(missense("BRAF", "V600E", start: 600, sample: 0))
        let keptTTN = index.add(missense("TTN", "V10E", start: 10, sample: 0))
        #expect(keptBRAF)
        #expect(!keptTTN)
        #expect(index.alterations.count == 1)
        #expect(index.genes == ["BRAF"])
    }

    @Test func queriesByGeneResidueExonLocusClassAndSample() {
        var index = VariantIndex(samples: ["T1", "T2"], genesOfInterest: nil)
        index.add(missense("BRAF", "V600E", start: 600, sample: 0, exon: 15))
        index.add(missense("BRAF", "K601E", start: 601, sample: 1, exon: 15))
        index.add(missense("KRAS", "G12D", start: 12, sample: 1, exon: 2))
        #expect(index.alterations(inGene: "BRAF").count == 2)
        #expect(index.alterations(inGene: "BRAF", sample: 1).count == 1)
        #expect(index.alterations(inGene: "BRAF", residues: 600...600).count == 1)
        #expect(index.alterations(inGene: "BRAF", residues: 590...610).count == 2)
        #expect(index.alterations(inGene: "KRAS", exon: 2).count == 1)
        #expect(index.alterations(inGene: "KRAS", exon: 3).isEmpty)
        #expect(index.alterations(onChromosome: "chr7", positions: 1600...1601).count == 2)
        #expect(index.alterations(ofClass: .missense, sample: 1).count == 2)
        #expect(index.alterations(ofSample: 0).map(\.gene) == ["BRAF"])
        #expect(index.keepsAllGenes)
    }

    @Test func addsSamplesWhileStreaming() {
        var index = VariantIndex(samples: [], genesOfInterest: nil)
        let first = index.addSample("A")
        let second = index.addSample("B")
        let again = index.addSample("A")
        #expect(again == first)
        #expect(second == 1)
        #expect(index.samples == ["A", "B"])
    }

    @Test func principalTranscriptPrefersMANEThenCanonicalThenCoding() {
        let plain = TranscriptAnnotation(
            gene: "G", transcript: "a", biotype: "retained_intron", variantClass: .nonCoding)
        let coding = TranscriptAnnotation(
            gene: "G", transcript: "b", biotype: "protein_coding", variantClass: .missense)
        let canonical = TranscriptAnnotation(
            gene: "G", transcript: "c", variantClass: .missense, isCanonical: true)
        let mane = TranscriptAnnotation(
            gene: "G", transcript: "d", variantClass: .missense, maneSelect: "NM_1.1")
        #expect(TranscriptAnnotation.principalIndex(in: [plain, coding, canonical, mane]) == 3)
        #expect(TranscriptAnnotation.principalIndex(in: [plain, coding, canonical]) == 2)
        #expect(TranscriptAnnotation.principalIndex(in: [plain, coding]) == 1)
        #expect(TranscriptAnnotation.principalIndex(in: [plain]) == 0)
        #expect(TranscriptAnnotation.principalIndex(in: []) == nil)
    }
}
