/// Writes a deterministic, realistic-looking tumour–normal VCF 4.2 (Mutect-like FORMAT, VEP CSQ)
/// for benchmarks: ~85% SNVs, ~12% indels, ~3% multi-allelic sites, a FILTER mix, 2–3 CSQ
/// entries per allele, positions sorted along the GRCh38 chromosomes.
///
/// The data is synthetic: variants, identifiers and annotations are made up, except gene
/// symbols, their chromosomes and the listed hotspot protein changes.
public struct SyntheticTumourVCF {
    public var records: Int
    public var seed: UInt64
    /// Share of sites (percent) placed in the catalog's cancer genes; the rest fall in filler
    /// genes. The default, 2%, is generous for a real exome or genome (41 cancer genes against
    /// ~20,000 genes) while still giving the matcher hits; raise it to stress the variant index.
    public var cancerGenePercent: Double

    public init(records: Int, seed: UInt64, cancerGenePercent: Double = 2) {
        self.records = records
        self.seed = seed
        self.cancerGenePercent = cancerGenePercent
    }

    static let csqFormat =
        "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|"
        + "cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|"
        + "FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE_SELECT|ENSP|SIFT|PolyPhen|AF|gnomADe_AF|CLIN_SIG|SOMATIC|PHENO"

    /// Writes the header and all records to `sink`.
    public func write(to sink: ByteSink) throws {
        writeHeader(to: sink)
        var random = SplitMix64(seed: seed)
        let totalLength = GRCh38.chromosomes.reduce(0) { $0 + $1.length }
        var remaining = records
        var remainingLength = totalLength
        let bases: [UInt8] = Array("ACGT".utf8)
        let aminoAcids = [
            "Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu", "Lys", "Met", "Phe",
            "Pro", "Ser", "Thr", "Trp", "Tyr", "Val",
        ]
        let oneLetter = Array("ARNDCQEGHILKMFPSTWYV".utf8)
        for (chromosomeIndex, chromosome) in GRCh38.chromosomes.enumerated() {
            // Share records out in proportion to length; the last chromosome takes the rest.
            let count =
                chromosomeIndex == GRCh38.chromosomes.count - 1
                ? remaining
                : Int((Double(remaining) * Double(chromosome.length) / Double(remainingLength)).rounded())
            remaining -= count
            remainingLength -= chromosome.length
            guard count > 0 else { continue }
            let localGenes = CancerGeneCatalog.genes.enumerated().filter {
                $0.element.chromosome == chromosome.name
            }
            let meanGap = max(1, (chromosome.length - 1_000) / count)
            var position = 1 + random.below(meanGap)
            let name = Array(chromosome.name.utf8)
            for _ in 0..<count {
                // Variant shape.
                let shape = random.below(1000)
                var ref: [UInt8] = [bases[random.below(4)]]
                var alts: [[UInt8]]
                let isIndel: Bool
                if shape < 30 {  // multi-allelic SNV site
                    var a = bases[random.below(4)]
                    while a == ref[0] { a = bases[random.below(4)] }
                    var b = bases[random.below(4)]
                    while b == ref[0] || b == a { b = bases[random.below(4)] }
                    alts = [[a], [b]]
                    isIndel = false
                } else if shape < 880 {  // SNV
                    var a = bases[random.below(4)]
                    while a == ref[0] { a = bases[random.below(4)] }
                    alts = [[a]]
                    isIndel = false
                } else if shape < 940 {  // deletion
                    for _ in 0..<(1 + random.below(8)) { ref.append(bases[random.below(4)]) }
                    alts = [[ref[0]]]
                    isIndel = true
                } else {  // insertion
                    var alt = ref
                    for _ in 0..<(1 + random.below(6)) { alt.append(bases[random.below(4)]) }
                    alts = [alt]
                    isIndel = true
                }

                sink.bytes(name)
                sink.byte(9)
                sink.integer(position)
                sink.byte(9)
                if random.chance(20) {
                    sink.text("rs")
                    sink.integer(1_000 + random.below(900_000_000))
                } else {
                    sink.byte(0x2E)
                }
                sink.byte(9)
                sink.bytes(ref)
                sink.byte(9)
                for (index, alt) in alts.enumerated() {
                    if index > 0 { sink.byte(0x2C) }
                    sink.bytes(alt)
                }
                sink.byte(9)
                sink.decimal(200 + random.below(30_000), decimals: 1)
                sink.byte(9)
                let filter = random.below(100)
                switch filter {
                case 0..<82: sink.text("PASS")
                case 82..<89: sink.text("LowQual")
                case 89..<94: sink.text("germline")
                case 94..<97: sink.text("clustered_events")
                case 97..<99: sink.text("weak_evidence;LowQual")
                default: sink.text("panel_of_normals")
                }
                sink.byte(9)

                // INFO
                let tumourDepth = 20 + random.below(180)
                let normalDepth = 15 + random.below(120)
                sink.text("DP=")
                sink.integer(tumourDepth + normalDepth)
                sink.text(";MQ=")
                sink.decimal(400 + random.below(201), decimals: 1)
                if filter < 82 { sink.text(";SOMATIC") }
                sink.text(";TLOD=")
                for index in alts.indices {
                    if index > 0 { sink.byte(0x2C) }
                    sink.decimal(random.below(50_000), decimals: 2)
                }
                sink.text(";CSQ=")

                // Gene for this site: a cancer gene on this chromosome for `cancerGenePercent` of the
                // sites, else a filler gene.
                let gene: (index: Int, symbol: String, strand: Int, hotspots: [CancerGeneCatalog.Hotspot])
                if !localGenes.isEmpty && random.chance(cancerGenePercent) {
                    let pick = localGenes[random.below(localGenes.count)]
                    gene = (pick.offset, pick.element.symbol, pick.element.strand, pick.element.hotspots)
                } else {
                    let filler = 1_000 + chromosomeIndex * 2_000 + position / 200_000
                    gene = (filler, "SYNG\(filler)", random.chance(50) ? 1 : -1, [])
                }
                let transcriptCount = 2 + random.below(2)
                for (alleleIndex, alt) in alts.enumerated() {
                    let vepAllele: [UInt8] =
                        isIndel ? (alt.count > ref.count ? Array(alt.dropFirst()) : Array("-".utf8)) : alt
                    for transcript in 0..<transcriptCount {
                        if alleleIndex > 0 || transcript > 0 { sink.byte(0x2C) }
                        let canonical = transcript == 0
                        sink.bytes(vepAllele)
                        sink.byte(0x7C)
                        // Consequence and impact.
                        var hotspot: CancerGeneCatalog.Hotspot?
                        if canonical, alleleIndex == 0, !isIndel, !gene.hotspots.isEmpty, random.chance(15) {
                            hotspot = gene.hotspots[random.below(gene.hotspots.count)]
                        }
                        let roll = random.below(100)
                        let coding: Bool
                        var proteinKind = 0  // 0 none, 1 missense, 2 synonymous, 3 stop, 4 frameshift
                        if !canonical {
                            sink.text(
                                roll < 50 ? "intron_variant|MODIFIER|" : "downstream_gene_variant|MODIFIER|")
                            coding = false
                        } else if hotspot != nil || (!isIndel && roll < 45) {
                            sink.text("missense_variant|MODERATE|")
                            coding = true
                            proteinKind = 1
                        } else if !isIndel && roll < 65 {
                            sink.text("synonymous_variant|LOW|")
                            coding = true
                            proteinKind = 2
                        } else if !isIndel && roll < 70 {
                            sink.text("stop_gained|HIGH|")
                            coding = true
                            proteinKind = 3
                        } else if isIndel && roll < 60 {
                            sink.text("frameshift_variant|HIGH|")
                            coding = true
                            proteinKind = 4
                        } else if roll < 80 {
                            sink.text("intron_variant|MODIFIER|")
                            coding = false
                        } else if roll < 90 {
                            sink.text("3_prime_UTR_variant|MODIFIER|")
                            coding = false
                        } else {
                            sink.text("splice_region_variant&intron_variant|LOW|")
                            coding = false
                        }
                        sink.text(gene.symbol)
                        sink.text("|ENSG999")
                        sink.padded(gene.index, width: 8)
                        sink.text("|Transcript|ENST999")
                        sink.padded(gene.index * 4 + transcript, width: 8)
                        sink.text(".1|")
                        sink.text(
                            canonical
                                ? "protein_coding|"
                                : (transcript == 1 ? "protein_coding|" : "retained_intron|"))
                        let exon = 1 + random.below(20)
                        if coding {
                            sink.integer(exon)
                            sink.text("/21||")
                        } else {
                            sink.text("|")
                            sink.integer(exon)
                            sink.text("/20|")
                        }
                        // HGVSc, HGVSp, positions, amino acids, codons.
                        let proteinPosition = hotspot?.proteinPosition ?? (1 + random.below(1_200))
                        let cdsPosition = proteinPosition * 3 - random.below(3)
                        if coding {
                            sink.text("ENST999")
                            sink.padded(gene.index * 4 + transcript, width: 8)
                            sink.text(".1:")
                            if let hotspot {
                                sink.text(hotspot.hgvsc)
                            } else if isIndel {
                                sink.text("c.")
                                sink.integer(cdsPosition)
                                sink.text(alt.count > ref.count ? "dup" : "del")
                            } else {
                                sink.text("c.")
                                sink.integer(cdsPosition)
                                sink.bytes([ref[0], 0x3E, alt[0]])
                            }
                            sink.byte(0x7C)
                            if proteinKind != 2 || hotspot != nil {
                                sink.text("ENSP999")
                                sink.padded(gene.index * 4 + transcript, width: 8)
                                sink.text(".1:")
                                if let hotspot {
                                    sink.text(hotspot.hgvsp)
                                } else {
                                    let from = random.below(20)
                                    var to = random.below(20)
                                    if to == from { to = (to + 1) % 20 }
                                    sink.text("p.")
                                    sink.text(aminoAcids[from])
                                    sink.integer(proteinPosition)
                                    switch proteinKind {
                                    case 3: sink.text("Ter")
                                    case 4:
                                        sink.text(aminoAcids[to])
                                        sink.text("fsTer")
                                        sink.integer(2 + random.below(40))
                                    default: sink.text(aminoAcids[to])
                                    }
                                }
                            }
                            sink.byte(0x7C)
                            sink.integer(cdsPosition + 150)
                            sink.byte(0x7C)
                            sink.integer(cdsPosition)
                            sink.byte(0x7C)
                            sink.integer(proteinPosition)
                            sink.byte(0x7C)
                            if let hotspot {
                                sink.text(hotspot.aminoAcids)
                                sink.byte(0x7C)
                                sink.text(hotspot.codons)
                            } else {
                                sink.bytes([oneLetter[random.below(20)], 0x2F, oneLetter[random.below(20)]])
                                sink.text("|aCg/aTg")
                            }
                        } else {
                            sink.text("||||||")
                        }
                        sink.byte(0x7C)
                        // Existing_variation, DISTANCE, STRAND, FLAGS, SYMBOL_SOURCE, HGNC_ID.
                        let known = hotspot != nil || random.chance(15)
                        if known {
                            sink.text("COSV")
                            sink.integer(50_000_000 + random.below(10_000_000))
                        }
                        sink.byte(0x7C)
                        if !canonical && transcript == 2 { sink.integer(1 + random.below(5_000)) }
                        sink.byte(0x7C)
                        sink.text(gene.strand > 0 ? "1||" : "-1||")
                        sink.text(gene.symbol.hasPrefix("SYNG") ? "|" : "HGNC|")
                        sink.byte(0x7C)
                        // CANONICAL, MANE_SELECT, ENSP.
                        if canonical {
                            sink.text("YES|NM_999")
                            sink.padded(gene.index, width: 6)
                            sink.text(".1|ENSP999")
                            sink.padded(gene.index * 4, width: 8)
                            sink.text(".1|")
                        } else {
                            sink.text("||")
                            if transcript == 1 {
                                sink.text("ENSP999")
                                sink.padded(gene.index * 4 + 1, width: 8)
                                sink.text(".1")
                            }
                            sink.byte(0x7C)
                        }
                        // SIFT, PolyPhen for missense.
                        if proteinKind == 1 {
                            let sift = hotspot != nil ? 0 : random.below(100)
                            sink.text(sift < 5 ? "deleterious(0." : "tolerated(0.")
                            sink.padded(sift, width: 2)
                            let polyphen = hotspot != nil ? 999 : random.below(1_000)
                            sink.text(polyphen > 900 ? ")|probably_damaging(0." : ")|benign(0.")
                            sink.padded(polyphen, width: 3)
                            sink.text(")|")
                        } else {
                            sink.text("||")
                        }
                        // AF, gnomADe_AF, CLIN_SIG, SOMATIC, PHENO.
                        if random.chance(10) {
                            sink.text("0.")
                            sink.padded(random.below(10_000), width: 4)
                        }
                        sink.byte(0x7C)
                        if random.chance(25) {
                            sink.text("0.")
                            sink.padded(random.below(100_000), width: 5)
                        }
                        sink.byte(0x7C)
                        if hotspot != nil { sink.text("pathogenic") }
                        sink.byte(0x7C)
                        if known { sink.text("1") }
                        sink.byte(0x7C)
                        if known { sink.text("1") }
                    }
                }

                // FORMAT and samples.
                sink.text("\tGT:AD:DP:AF\t")
                let germline = filter >= 89 && filter < 94
                var tumourAlt = [Int]()
                var tumourRefCount = tumourDepth
                for _ in alts {
                    let altCount = max(1, random.below(max(2, tumourDepth / (germline ? 2 : 3))))
                    tumourAlt.append(altCount)
                    tumourRefCount -= altCount
                }
                tumourRefCount = max(0, tumourRefCount)
                sink.text(alts.count > 1 ? "1/2:" : "0/1:")
                writeSample(sink, ref: tumourRefCount, alts: tumourAlt)
                sink.byte(9)
                let normalAlt = alts.map { _ in germline ? normalDepth / 2 : (random.chance(10) ? 1 : 0) }
                let normalRef = max(0, normalDepth - normalAlt.reduce(0, +))
                sink.text(germline ? (alts.count > 1 ? "1/2:" : "0/1:") : "0/0:")
                writeSample(sink, ref: normalRef, alts: normalAlt)
                sink.byte(0x0A)
                try sink.flushIfFull()

                let gap = 1 + random.below(2 * meanGap)
                position = min(chromosome.length - 10, position + max(gap, ref.count))
            }
        }
        try sink.flush()
    }

    private func writeSample(_ sink: ByteSink, ref: Int, alts: [Int]) {
        sink.integer(ref)
        for alt in alts {
            sink.byte(0x2C)
            sink.integer(alt)
        }
        let depth = ref + alts.reduce(0, +)
        sink.byte(0x3A)
        sink.integer(depth)
        sink.byte(0x3A)
        for (index, alt) in alts.enumerated() {
            if index > 0 { sink.byte(0x2C) }
            sink.decimal(depth == 0 ? 0 : (alt * 1_000 + depth / 2) / depth, decimals: 3)
        }
    }

    private func writeHeader(to sink: ByteSink) {
        sink.text("##fileformat=VCFv4.2\n")
        sink.text("##source=oncomatch generate-vcf (synthetic benchmark data, not a real tumour)\n")
        sink.text("##oncomatch_synthetic=records:\(records);seed:\(seed);cancer_gene_percent:\(cancerGenePercent)\n")
        sink.text("##reference=GRCh38\n")
        for chromosome in GRCh38.chromosomes {
            sink.text("##contig=<ID=\(chromosome.name),length=\(chromosome.length),assembly=GRCh38>\n")
        }
        sink.text(
            """
            ##FILTER=<ID=PASS,Description="All filters passed">
            ##FILTER=<ID=LowQual,Description="Low quality">
            ##FILTER=<ID=germline,Description="Evidence indicates this site is germline, not somatic">
            ##FILTER=<ID=clustered_events,Description="Clustered events observed in the tumor">
            ##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">
            ##FILTER=<ID=panel_of_normals,Description="Blacklisted site in panel of normals">
            ##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">
            ##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS mapping quality">
            ##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">
            ##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">
            ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: \(SyntheticTumourVCF.csqFormat)">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">
            ##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">
            ##tumor_sample=TUMOR
            ##normal_sample=NORMAL
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\tNORMAL

            """)
    }
}
