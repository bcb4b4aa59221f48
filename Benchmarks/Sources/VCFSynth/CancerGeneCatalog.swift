/// Genes used in generated CSQ annotations: well-known cancer genes on their real GRCh38
/// chromosomes, with a few canonical hotspots, so matcher benchmarks find rule hits.
///
/// Only the symbol, chromosome and hotspot protein/cDNA changes are real; Ensembl, RefSeq and
/// protein identifiers in generated files are placeholders in a `999` range.
public enum CancerGeneCatalog {
    public struct Gene: Sendable {
        public var symbol: String
        public var chromosome: String
        /// Strand of the gene (1 or -1).
        public var strand: Int
        /// Hotspots as (HGVSc, HGVSp, amino acids, protein position, codons).
        public var hotspots: [Hotspot]
    }

    public struct Hotspot: Sendable {
        public var hgvsc: String
        public var hgvsp: String
        public var aminoAcids: String
        public var proteinPosition: Int
        public var codons: String
    }

    public static let genes: [Gene] = [
        Gene(
            symbol: "BRAF", chromosome: "chr7", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.1799T>A", hgvsp: "p.Val600Glu", aminoAcids: "V/E", proteinPosition: 600,
                    codons: "gTg/gAg")
            ]),
        Gene(
            symbol: "KRAS", chromosome: "chr12", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.35G>A", hgvsp: "p.Gly12Asp", aminoAcids: "G/D", proteinPosition: 12,
                    codons: "gGt/gAt"),
                Hotspot(
                    hgvsc: "c.34G>T", hgvsp: "p.Gly12Cys", aminoAcids: "G/C", proteinPosition: 12,
                    codons: "Ggt/Tgt"),
            ]),
        Gene(
            symbol: "EGFR", chromosome: "chr7", strand: 1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.2573T>G", hgvsp: "p.Leu858Arg", aminoAcids: "L/R", proteinPosition: 858,
                    codons: "cTg/cGg")
            ]),
        Gene(
            symbol: "PIK3CA", chromosome: "chr3", strand: 1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.3140A>G", hgvsp: "p.His1047Arg", aminoAcids: "H/R", proteinPosition: 1047,
                    codons: "cAt/cGt")
            ]),
        Gene(
            symbol: "IDH1", chromosome: "chr2", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.395G>A", hgvsp: "p.Arg132His", aminoAcids: "R/H", proteinPosition: 132,
                    codons: "cGt/cAt")
            ]),
        Gene(
            symbol: "IDH2", chromosome: "chr15", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.419G>A", hgvsp: "p.Arg140Gln", aminoAcids: "R/Q", proteinPosition: 140,
                    codons: "cGg/cAg")
            ]),
        Gene(
            symbol: "TP53", chromosome: "chr17", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.818G>A", hgvsp: "p.Arg273His", aminoAcids: "R/H", proteinPosition: 273,
                    codons: "cGt/cAt")
            ]),
        Gene(
            symbol: "NRAS", chromosome: "chr1", strand: -1,
            hotspots: [
                Hotspot(
                    hgvsc: "c.182A>G", hgvsp: "p.Gln61Arg", aminoAcids: "Q/R", proteinPosition: 61,
                    codons: "cAa/cGa")
            ]),
        Gene(symbol: "BRCA1", chromosome: "chr17", strand: -1, hotspots: []),
        Gene(symbol: "BRCA2", chromosome: "chr13", strand: 1, hotspots: []),
        Gene(symbol: "PALB2", chromosome: "chr16", strand: -1, hotspots: []),
        Gene(symbol: "ATM", chromosome: "chr11", strand: 1, hotspots: []),
        Gene(symbol: "CHEK2", chromosome: "chr22", strand: -1, hotspots: []),
        Gene(symbol: "PTEN", chromosome: "chr10", strand: 1, hotspots: []),
        Gene(symbol: "ERBB2", chromosome: "chr17", strand: 1, hotspots: []),
        Gene(symbol: "ALK", chromosome: "chr2", strand: -1, hotspots: []),
        Gene(symbol: "KIT", chromosome: "chr4", strand: 1, hotspots: []),
        Gene(symbol: "MET", chromosome: "chr7", strand: 1, hotspots: []),
        Gene(symbol: "ARID1A", chromosome: "chr1", strand: 1, hotspots: []),
        Gene(symbol: "APC", chromosome: "chr5", strand: 1, hotspots: []),
        Gene(symbol: "CDKN2A", chromosome: "chr9", strand: -1, hotspots: []),
        Gene(symbol: "FGFR3", chromosome: "chr4", strand: 1, hotspots: []),
        Gene(symbol: "NF1", chromosome: "chr17", strand: 1, hotspots: []),
        Gene(symbol: "RB1", chromosome: "chr13", strand: 1, hotspots: []),
        Gene(symbol: "SMAD4", chromosome: "chr18", strand: 1, hotspots: []),
        Gene(symbol: "STK11", chromosome: "chr19", strand: 1, hotspots: []),
        Gene(symbol: "CTNNB1", chromosome: "chr3", strand: 1, hotspots: []),
        Gene(symbol: "POLE", chromosome: "chr12", strand: -1, hotspots: []),
        Gene(symbol: "MLH1", chromosome: "chr3", strand: 1, hotspots: []),
        Gene(symbol: "MSH2", chromosome: "chr2", strand: 1, hotspots: []),
        Gene(symbol: "EZH2", chromosome: "chr7", strand: -1, hotspots: []),
        Gene(symbol: "DNMT3A", chromosome: "chr2", strand: -1, hotspots: []),
        Gene(symbol: "TET2", chromosome: "chr4", strand: 1, hotspots: []),
        Gene(symbol: "JAK2", chromosome: "chr9", strand: 1, hotspots: []),
        Gene(symbol: "ESR1", chromosome: "chr6", strand: 1, hotspots: []),
        Gene(symbol: "AR", chromosome: "chrX", strand: 1, hotspots: []),
        Gene(symbol: "RET", chromosome: "chr10", strand: 1, hotspots: []),
        Gene(symbol: "ROS1", chromosome: "chr6", strand: -1, hotspots: []),
        Gene(symbol: "BAP1", chromosome: "chr3", strand: -1, hotspots: []),
        Gene(symbol: "VHL", chromosome: "chr3", strand: 1, hotspots: []),
    ]
}
