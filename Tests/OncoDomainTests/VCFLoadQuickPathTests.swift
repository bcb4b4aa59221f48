import Foundation
import GenomicFormats
import TestSupport
import Testing

@testable import OncoDomain

/// The loader's quick path (records that cannot become alterations) must give exactly the load
/// of the general path: same alterations, TMB counts, FILTER count and skips.
@Suite("VCF loader quick path")
struct VCFLoadQuickPathTests {
    private func expectSameLoad(
        _ path: String, _ options: VCFAlterationLoader.Options,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var general = options
        general.usesQuickPath = false
        var quick = options
        quick.usesQuickPath = true
        let expected = try VCFAlterationLoader.load(path: path, options: general)
        let found = try VCFAlterationLoader.load(path: path, options: quick)
        #expect(found.index.alterations == expected.index.alterations, sourceLocation: sourceLocation)
        #expect(found.tmbCounter == expected.tmbCounter, sourceLocation: sourceLocation)
        #expect(found.recordsFiltered == expected.recordsFiltered, sourceLocation: sourceLocation)
        #expect(found.recordsRead == expected.recordsRead, sourceLocation: sourceLocation)
        #expect(found.recordsSkipped == expected.recordsSkipped, sourceLocation: sourceLocation)
        #expect(
            found.skippedExamples.map(\.description) == expected.skippedExamples.map(\.description),
            sourceLocation: sourceLocation)
    }

    @Test("Shipped example tumours load the same either way")
    func examples() throws {
        let directory = TestData.fixture("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".vcf")
        }
        #expect(names.count >= 10)
        for name in names.sorted() {
            for keepsNonCoding in [true, false] {
                try expectSameLoad(
                    directory + "/" + name,
                    .init(
                        genesOfInterest: ["BRAF", "TP53", "KRAS", "EGFR", "IDH2", "BRCA1"],
                        keepsNonCodingAlterations: keepsNonCoding))
            }
        }
    }

    @Test("The PCGR tumours load the same either way", .enabled(if: TestData.hasSharedData))
    func pcgrTumours() throws {
        for name in ["T001-BRCA.grch38", "T001-COAD.grch37"] {
            try expectSameLoad(
                TestData.shared("tumours/pcgr/\(name).vcf.gz"),
                .init(genesOfInterest: ["BRCA1", "BRCA2", "TP53", "KRAS", "PIK3CA", "APC", "ERBB2"]))
        }
    }

    @Test("Random records with odd sample fields, alleles and filters load the same either way")
    func randomRecords() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for seed in 1...6 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let path = directory.appendingPathComponent("random-\(seed).vcf").path
            try Self.randomVCF(records: 400, using: &generator).write(
                toFile: path, atomically: true, encoding: .utf8)
            let alleles: [GenomicAllele: String] = [
                GenomicAllele(chromosome: "1", position: 1_000 + 40 * seed, reference: "A", alternate: "T"):
                    "SYN1"
            ]
            // (Without non-coding alterations, as the default rules load: the quick path then also
            // takes records whose alleles of genes of interest are non-coding on every entry.)
            for (strict, keepsNonCoding) in [(false, true), (true, true), (false, false), (true, false)] {
                let options = VCFAlterationLoader.Options(
                    genesOfInterest: ["BRAF", "TP53"], allelesOfInterest: alleles, strict: strict,
                    keepsNonCodingAlterations: keepsNonCoding)
                if strict {
                    // Strict loads may stop at a malformed record: both paths must stop at the same one.
                    var general = options
                    general.usesQuickPath = false
                    let expected = Result { try VCFAlterationLoader.load(path: path, options: general) }
                    let found = Result { try VCFAlterationLoader.load(path: path, options: options) }
                    switch (expected, found) {
                    case (.failure(let left), .failure(let right)): #expect("\(left)" == "\(right)")
                    case (.success, .success): try expectSameLoad(path, options)
                    default: Issue.record("seed \(seed): one path failed, the other did not")
                    }
                } else {
                    try expectSameLoad(path, options)
                }
            }
        }
    }

    @Test("The quick sample reader's support, when it gives one, is the general reader's")
    func quickSupportIsReadSupport() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var compared = 0
        for seed in 1...6 {
            var generator = SeededGenerator(seed: UInt64(100 + seed))
            let path = directory.appendingPathComponent("support-\(seed).vcf").path
            try Self.randomVCF(records: 400, using: &generator).write(
                toFile: path, atomically: true, encoding: .utf8)
            let reader = try VCFReader(path: path)
            var layout = SampleFieldLayout(header: reader.header)
            var record = VCFRecord()
            while try reader.read(into: &record) {
                layout.update(record)
                for sample in 0..<2 {
                    for allele in 1...max(1, record.alternateAlleleCount) {
                        guard
                            let quick = layout.support(
                                record, sample: sample, allele: allele,
                                alternates: record.alternateAlleleCount)
                        else { continue }
                        let general = try ReadSupport.read(record, sample: sample, allele: allele)
                        #expect(quick.readSupport == general, "line \(record.lineNumber), sample \(sample)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1_000)
    }

    /// A tumour/normal VCF whose records mix what the quick path takes and what it leaves.
    static func randomVCF(records: Int, using generator: inout SeededGenerator) -> String {
        var text = """
            ##fileformat=VCFv4.2
            ##contig=<ID=chr1,length=248956422>
            ##FILTER=<ID=LowQual,Description="Low quality">
            ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSp|CANONICAL|MANE_SELECT">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
            ##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\tNORMAL

            """
        func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
        let bases = ["A", "C", "G", "T"]
        for record in 0..<records {
            let position = 1_000 + 20 * record
            let reference = pick(bases)
            let alternateCount = pick([1, 1, 1, 2, 3])
            var alternates: [String] = []
            for _ in 0..<alternateCount {
                alternates.append(pick(["C", "G", "T", "A", "TA", "*", "<DEL>", "n", reference + "GG"]))
            }
            var entries: [String] = []
            for alternate in alternates {
                for _ in 0..<pick([0, 1, 2, 3]) {
                    let consequence = pick([
                        "missense_variant", "synonymous_variant", "intron_variant", "stop_gained",
                        "frameshift_variant&splice_region_variant", "upstream_gene_variant",
                    ])
                    let fields = [
                        alternate == "*" ? "-" : alternate, consequence, "MODERATE",
                        pick(["BRAF", "TP53", "SYN1", "SYN2", "SYN2", ""]), "ENSG1", "Transcript",
                        pick(["ENST1", "ENST2"]), pick(["protein_coding", "lncRNA", ""]),
                        pick(["", "p.Val600Glu"]), pick(["YES", ""]), pick(["", "NM_1.1"]),
                    ]
                    entries.append(fields.joined(separator: "|"))
                }
            }
            let info = entries.isEmpty ? "DP=10" : "DP=10;CSQ=" + entries.joined(separator: ",")
            let filter = pick(["PASS", "PASS", ".", "LowQual"])
            let format = pick([
                "GT:AD:DP:AF", "GT:AD:DP:AF", "GT:AD:DP", "GT", "AD:DP", "GT:DP:AD:AF", "DP:GT",
            ])
            func sample() -> String {
                // Now and then an empty column (one empty piece).
                if pick(Array(0..<40)) == 0 { return "" }
                let keys = format.split(separator: ":")
                var values: [String] = []
                for key in keys {
                    switch key {
                    case "GT":
                        values.append(pick(["0/1", "0/1", "1/1", "0/0", "./.", ".", "0|2", "1/3", "0/x"]))
                    case "AD":
                        let counts = (0...alternateCount).map { _ in
                            pick([
                                "0", "3", "12", "40", "40", "12", "+7", "-2", ".", "", "1234567890123456789",
                            ])
                        }
                        values.append(
                            pick([counts.joined(separator: ","), counts.joined(separator: ","), ".", "5"]))
                    case "DP": values.append(pick(["50", "8", ".", "x", "+9", "50,3", "0050"]))
                    default:
                        let fractions = (0..<alternateCount).map { _ in
                            pick(["0.3", "0.01", ".", "1e-2", ""])
                        }
                        values.append(
                            pick([
                                fractions.joined(separator: ","), fractions.joined(separator: ","), ".",
                                "0.5,0.5",
                            ]))
                    }
                }
                // Trailing fields may be dropped.
                let kept = pick([values.count, values.count, max(1, values.count - 1)])
                return values.prefix(kept).joined(separator: ":")
            }
            let columns = [
                "chr1", String(position), ".", reference, alternates.joined(separator: ","), "50", filter,
                info,
                format, sample(), sample(),
            ]
            text += columns.joined(separator: "\t") + "\n"
        }
        return text
    }
}
