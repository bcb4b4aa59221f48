#!/usr/bin/env python3
"""Writes the synthetic example tumours in Fixtures/examples/ (deterministic; ours, CC0).

The variants are illustrative: gene, consequence and HGVS annotations follow VEP's conventions.
Coordinates that are real (GRCh38): BRAF V600E 7:140753336 A>T, IDH2 R140Q 15:90088702 C>T and
PIK3CA H1047R 3:179234297 A>G (the alleles the shipped rules name), and EGFR T790M 7:55181378 C>T.
Every other position is illustrative only -- the BRCA1 c.68_69del, BRCA2 c.5946del, NPM1
c.860_863dup, EGFR exon 19 deletion, MLH1 and ATM records sit near their gene but were not checked
against the reference sequence -- and every passenger variant (GENEnnn, TTN, CDKN2A, TP53 R248Q
placement) is made up. The matcher reads their CSQ annotation, not their coordinates, so the
examples stay valid for protein-, exon- and gene-level rules; do not use them as reference data.
Run: python3 scripts/make-example-fixtures.py
"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "examples")
GRCH38 = [("chr%s" % c, n) for c, n in [
    ("1", 248956422), ("2", 242193529), ("3", 198295559), ("4", 190214555), ("5", 181538259),
    ("6", 170805979), ("7", 159345973), ("8", 145138636), ("9", 138394717), ("10", 133797422),
    ("11", 135086622), ("12", 133275309), ("13", 114364328), ("14", 107043718), ("15", 101991189),
    ("16", 90338345), ("17", 83257441), ("18", 80373285), ("19", 58617616), ("20", 64444167),
    ("21", 46709983), ("22", 50818468), ("X", 156040895), ("Y", 57227415), ("M", 16569)]]
CSQ_FIELDS = ("Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|"
              "HGVSc|HGVSp|Protein_position|Amino_acids|CANONICAL|MANE_SELECT|CLIN_SIG")

def header(samples, tumour="TUMOR", normal="NORMAL", extra=()):
    lines = ["##fileformat=VCFv4.2",
             '##FILTER=<ID=PASS,Description="All filters passed">',
             '##FILTER=<ID=LowQual,Description="Low quality">',
             '##FILTER=<ID=germline,Description="Evidence indicates this site is germline, not somatic">',
             '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
             '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles">',
             '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles">',
             '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
             '##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: %s">' % CSQ_FIELDS]
    lines += ["##contig=<ID=%s,length=%d,assembly=GRCh38>" % c for c in GRCH38]
    lines += ["##reference=GRCh38"]
    if len(samples) == 2:
        lines += ["##tumor_sample=%s" % tumour, "##normal_sample=%s" % normal]
    lines += list(extra)
    lines.append("\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT"] + samples))
    return lines

def csq(allele, consequence, impact, symbol, gene_id, transcript, exon, hgvsc, hgvsp, protein_pos, aa,
        canonical=True, mane=None, biotype="protein_coding", intron="", clin_sig=""):
    return "|".join([allele, consequence, impact, symbol, gene_id, "Transcript", transcript, biotype, exon,
                     intron, hgvsc, hgvsp, protein_pos, aa, "YES" if canonical else "", mane or "",
                     clin_sig])

def fmt(gt, ref_reads, alt_reads):
    alts = alt_reads if isinstance(alt_reads, list) else [alt_reads]
    depth = ref_reads + sum(alts)
    afs = ",".join("%.3f" % (a / depth if depth else 0) for a in alts)
    return "%s:%s:%s:%d" % (gt, ",".join(str(x) for x in [ref_reads] + alts), afs, depth)

def record(chrom, pos, ref, alt, filt, csqs, *samples):
    return "\t".join([chrom, str(pos), ".", ref, alt, ".", filt, "CSQ=" + ",".join(csqs), "GT:AD:AF:DP"]
                     + list(samples))

BRAF_V600E = csq("T", "missense_variant", "MODERATE", "BRAF", "ENSG00000157764", "ENST00000646891.2", "15/18",
                 "ENST00000646891.2:c.1799T>A", "ENSP00000493543.1:p.Val600Glu", "600", "V/E",
                 mane="NM_004333.6")
BRAF_V600E_ALT = csq("T", "missense_variant", "MODERATE", "BRAF", "ENSG00000157764", "ENST00000288602.11",
                     "15/18", "ENST00000288602.11:c.1799T>A", "ENSP00000288602.7:p.Val600Glu", "600", "V/E",
                     canonical=False)
TP53_R248Q = csq("T", "missense_variant", "MODERATE", "TP53", "ENSG00000141510", "ENST00000269305.9", "7/11",
                 "ENST00000269305.9:c.743G>A", "ENSP00000269305.4:p.Arg248Gln", "248", "R/Q",
                 mane="NM_000546.6")
PASSENGER_SYN = csq("A", "synonymous_variant", "LOW", "TTN", "ENSG00000155657", "ENST00000589042.5", "300/363",
                    "ENST00000589042.5:c.90123G>A", "ENSP00000467141.1:p.Lys30041%3D", "30041", "K",
                    canonical=True)
INTRONIC = csq("G", "intron_variant", "MODIFIER", "CDKN2A", "ENSG00000147889", "ENST00000304494.10", "",
               "ENST00000304494.10:c.151-20A>C", "", "", "", intron="1/2", mane="NM_000077.5")

def write(name, lines):
    with open(os.path.join(OUT, name), "w") as handle:
        handle.write("\n".join(lines) + "\n")

def melanoma():
    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr7", 140753336, "A", "T", "PASS", [BRAF_V600E, BRAF_V600E_ALT],
                        fmt("0/1", 31, 24), fmt("0/0", 40, 0)))
    lines.append(record("chr9", 21970917, "T", "G", "PASS", [INTRONIC], fmt("0/1", 30, 12), fmt("0/0", 35, 0)))
    lines.append(record("chr17", 7674220, "C", "T", "PASS", [TP53_R248Q], fmt("0/1", 22, 19), fmt("0/0", 38, 0)))
    lines.append(record("chr2", 178527000, "G", "A", "PASS", [PASSENGER_SYN], fmt("0/1", 40, 9), fmt("0/0", 41, 0)))
    write("melanoma-braf-v600e.vcf", lines)

def ovarian():
    brca1 = csq("-", "frameshift_variant", "HIGH", "BRCA1", "ENSG00000012048", "ENST00000357654.9", "2/23",
                "ENST00000357654.9:c.68_69del", "ENSP00000350283.3:p.Glu23ValfsTer17", "23", "E/X",
                mane="NM_007294.4", clin_sig="pathogenic")
    brca2_vus = csq("C", "missense_variant", "MODERATE", "BRCA2", "ENSG00000139618", "ENST00000380152.8", "10/27",
                    "ENST00000380152.8:c.1114A>C", "ENSP00000369497.3:p.Asn372His", "372", "N/H",
                    mane="NM_000059.4", clin_sig="benign")
    lines = header(["TUMOR", "NORMAL"])
    # Germline BRCA1 frameshift: in tumour (LOH raises the VAF) and normal.
    lines.append(record("chr17", 43124027, "ACT", "A", "PASS", [brca1], fmt("0/1", 12, 44), fmt("0/1", 21, 19)))
    lines.append(record("chr13", 32337469, "A", "C", "PASS", [brca2_vus], fmt("0/1", 25, 23), fmt("0/1", 20, 22)))
    lines.append(record("chr17", 7674220, "C", "T", "PASS", [TP53_R248Q], fmt("0/1", 20, 30), fmt("0/0", 33, 0)))
    write("ovarian-brca1-frameshift.vcf", lines)

def aml():
    idh2 = csq("T", "missense_variant", "MODERATE", "IDH2", "ENSG00000182054", "ENST00000330062.8", "4/11",
               "ENST00000330062.8:c.419G>A", "ENSP00000331897.4:p.Arg140Gln", "140", "R/Q",
               mane="NM_002168.4")
    npm1 = csq("TCTG", "frameshift_variant", "HIGH", "NPM1", "ENSG00000181163", "ENST00000296930.10", "11/11",
               "ENST00000296930.10:c.860_863dup", "ENSP00000296930.5:p.Trp288CysfsTer12", "288", "W/CX",
               mane="NM_002520.7")
    lines = header(["AML01"])
    lines.append(record("chr15", 90088702, "C", "T", "PASS", [idh2], fmt("0/1", 55, 41)))
    lines.append(record("chr5", 171410539, "C", "CTCTG", "PASS", [npm1], fmt("0/1", 60, 35)))
    write("aml-idh2-r140q-npm1.vcf", lines)

def hypermutated_colorectal():
    rng = random.Random(20261130)
    lines = header(["TUMOR", "NORMAL"])
    mlh1 = csq("T", "stop_gained", "HIGH", "MLH1", "ENSG00000076242", "ENST00000231790.8", "12/19",
               "ENST00000231790.8:c.1036C>T", "ENSP00000231790.3:p.Gln346Ter", "346", "Q/*",
               mane="NM_000249.4")
    records = [("chr3", 37028000, "C", "T", "PASS", [mlh1], fmt("0/1", 30, 28), fmt("0/0", 40, 0))]
    bases = "ACGT"
    for i in range(420):
        chrom, length = GRCH38[rng.randrange(22)]
        pos = rng.randrange(1_000_000, length - 1_000_000)
        ref = rng.choice(bases)
        alt = rng.choice([b for b in bases if b != ref])
        gene = "GENE%03d" % i
        consequence = rng.choice(["missense_variant"] * 7 + ["synonymous_variant"] * 2 + ["stop_gained"])
        residue = rng.randrange(20, 900)
        if consequence == "synonymous_variant":
            hgvsp, aa = "ENSP%011d.1:p.Leu%d%%3D" % (i, residue), "L"
        elif consequence == "stop_gained":
            hgvsp, aa = "ENSP%011d.1:p.Arg%dTer" % (i, residue), "R/*"
        else:
            hgvsp, aa = "ENSP%011d.1:p.Ala%dThr" % (i, residue), "A/T"
        entry = csq(alt, consequence, "MODERATE", gene, "ENSG%011d" % i, "ENST%011d.1" % i, "3/9",
                    "ENST%011d.1:c.%d%s>%s" % (i, residue * 3, ref, alt), hgvsp, str(residue), aa)
        records.append((chrom, pos, ref, alt, "PASS", [entry], fmt("0/1", rng.randrange(20, 60),
                        rng.randrange(8, 30)), fmt("0/0", rng.randrange(25, 50), 0)))
    order = {c: i for i, (c, _) in enumerate(GRCH38)}
    records.sort(key=lambda r: (order[r[0]], r[1]))
    lines += [record(*r) for r in records]
    write("colorectal-hypermutated-mlh1.vcf", lines)

def negatives():
    syn = csq("G", "synonymous_variant", "LOW", "BRAF", "ENSG00000157764", "ENST00000646891.2", "15/18",
              "ENST00000646891.2:c.1800G>C", "ENSP00000493543.1:p.Val600%3D", "600", "V",
              mane="NM_004333.6")
    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr7", 140753335, "C", "G", "PASS", [syn], fmt("0/1", 30, 20), fmt("0/0", 40, 0)))
    write("negative-synonymous-hotspot.vcf", lines)

    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr7", 140753336, "A", "T", "LowQual", [BRAF_V600E], fmt("0/1", 30, 3), fmt("0/0", 40, 0)))
    write("negative-filtered.vcf", lines)

    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr7", 140753336, "A", "T", "PASS", [BRAF_V600E], fmt("0/0", 45, 0), fmt("0/1", 20, 18)))
    write("negative-normal-only.vcf", lines)

    v600a = csq("C", "missense_variant", "MODERATE", "BRAF", "ENSG00000157764", "ENST00000646891.2", "15/18",
                "ENST00000646891.2:c.1799T>G", "ENSP00000493543.1:p.Val600Ala", "600", "V/A",
                mane="NM_004333.6")
    lines = header(["TUMOR", "NORMAL"])
    # ALT 1 (T) is V600E, ALT 2 (C) is V600A; the tumour carries only ALT 2.
    lines.append(record("chr7", 140753336, "A", "T,C", "PASS", [BRAF_V600E, v600a],
                        fmt("0/2", 30, [0, 14]), fmt("0/0", 40, [0, 0])))
    write("negative-multiallelic-absent-allele.vcf", lines)

def lung_egfr():
    # EGFR exon 19 deletion (E746_A750del) with an acquired T790M: a tumour that progressed on an
    # earlier-generation EGFR inhibitor.
    exon19 = csq("-", "inframe_deletion", "MODERATE", "EGFR", "ENSG00000146648", "ENST00000275493.7", "19/28",
                 "ENST00000275493.7:c.2235_2249del", "ENSP00000275493.2:p.Glu746_Ala750del", "746-750",
                 "ELREA/-", mane="NM_005228.5")
    t790m = csq("T", "missense_variant", "MODERATE", "EGFR", "ENSG00000146648", "ENST00000275493.7", "20/28",
                "ENST00000275493.7:c.2369C>T", "ENSP00000275493.2:p.Thr790Met", "790", "T/M",
                mane="NM_005228.5")
    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr7", 55174771, "AGGAATTAAGAGAAGC", "A", "PASS", [exon19],
                        fmt("0/1", 48, 37), fmt("0/0", 52, 0)))
    lines.append(record("chr7", 55181378, "C", "T", "PASS", [t790m], fmt("0/1", 70, 16), fmt("0/0", 49, 0)))
    lines.append(record("chr17", 7674220, "C", "T", "PASS", [TP53_R248Q], fmt("0/1", 35, 30), fmt("0/0", 44, 0)))
    write("lung-egfr-exon19del-t790m.vcf", lines)

def breast_pik3ca():
    pik3ca = csq("G", "missense_variant", "MODERATE", "PIK3CA", "ENSG00000121879", "ENST00000263967.4", "21/21",
                 "ENST00000263967.4:c.3140A>G", "ENSP00000263967.3:p.His1047Arg", "1047", "H/R",
                 mane="NM_006218.4")
    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr3", 179234297, "A", "G", "PASS", [pik3ca], fmt("0/1", 61, 27), fmt("0/0", 47, 0)))
    lines.append(record("chr17", 7674220, "C", "T", "PASS", [TP53_R248Q], fmt("0/1", 40, 21), fmt("0/0", 39, 0)))
    write("breast-pik3ca-h1047r.vcf", lines)

def prostate_brca2_atm():
    brca2 = csq("-", "frameshift_variant", "HIGH", "BRCA2", "ENSG00000139618", "ENST00000380152.8", "11/27",
                "ENST00000380152.8:c.5946del", "ENSP00000369497.3:p.Ser1982ArgfsTer22", "1982", "S/X",
                mane="NM_000059.4", clin_sig="pathogenic")
    atm = csq("T", "stop_gained", "HIGH", "ATM", "ENSG00000149311", "ENST00000675843.1", "39/63",
              "ENST00000675843.1:c.5932G>T", "ENSP00000501606.1:p.Glu1978Ter", "1978", "E/*",
              mane="NM_000051.4", clin_sig="pathogenic")
    lines = header(["TUMOR", "NORMAL"])
    lines.append(record("chr11", 108304735, "G", "T", "PASS", [atm], fmt("0/1", 41, 19), fmt("0/0", 38, 0)))
    lines.append(record("chr13", 32340300, "GT", "G", "PASS", [brca2], fmt("0/1", 33, 29), fmt("0/0", 45, 0)))
    write("prostate-brca2-atm.vcf", lines)

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    melanoma()
    ovarian()
    aml()
    hypermutated_colorectal()
    negatives()
    lung_egfr()
    breast_pik3ca()
    prostate_brca2_atm()
