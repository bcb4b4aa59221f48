import Benchmark
import BenchmarkData
import Foundation
import OncoDomain
import OncoReports

/// Cohort throughput: `CohortBatch` on 200 small synthetic tumour VCFs and on one 10,000-sample
/// MAF (read once), with 1 and 2 worker threads. Inputs are generated once into `bench-data/`.
var samplesPerSecond: BenchmarkMetric {
    .custom("samples/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// Tumour types given to the synthetic samples, in turn.
let cohortTumourTypes = ["MEL", "LUAD", "COADREAD", "BRCA", "HGSOC", "AML", "PAAD", "PRAD"]

/// A sample sheet over 200 synthetic VCFs of 2,000 records each (seeds 1…200).
func vcfCohortSheet(samples: Int = 200, records: Int = 2_000) throws -> String {
    let sheet = BenchmarkData.directory.appendingPathComponent("cohort-\(samples)x\(records).tsv")
    if FileManager.default.fileExists(atPath: sheet.path) { return sheet.path }
    var text = "sample\tinput\ttumour_type\n"
    for index in 1...samples {
        let path = try BenchmarkData.plainVCF(records: records, seed: UInt64(index))
        text += "S\(index)\t\(path)\t\(cohortTumourTypes[index % cohortTumourTypes.count])\n"
    }
    try text.write(to: sheet, atomically: true, encoding: .utf8)
    return sheet.path
}

/// A MAF of `samples` samples × `rowsPerSample` rows (real hotspots for one row in eight, made-up
/// passengers otherwise) and its cBioPortal clinical table.
func mafCohort(samples: Int = 10_000, rowsPerSample: Int = 30) throws -> (maf: String, clinical: String) {
    try FileManager.default.createDirectory(at: BenchmarkData.directory, withIntermediateDirectories: true)
    let maf = BenchmarkData.directory.appendingPathComponent("cohort-\(samples)-samples.maf")
    let clinical = BenchmarkData.directory.appendingPathComponent("cohort-\(samples)-samples.clinical.tsv")
    if FileManager.default.fileExists(atPath: maf.path)
        && FileManager.default.fileExists(atPath: clinical.path)
    {
        return (maf.path, clinical.path)
    }
    // (gene, chromosome, GRCh37 position, ref, alt, HGVSp_Short, class): hotspots as in the fixtures.
    let hotspots: [(String, String, Int, String, String, String, String)] = [
        ("BRAF", "7", 140_453_136, "A", "T", "p.V600E", "Missense_Mutation"),
        ("PIK3CA", "3", 178_952_085, "A", "G", "p.H1047R", "Missense_Mutation"),
        ("KRAS", "12", 25_398_284, "C", "T", "p.G12D", "Missense_Mutation"),
        ("IDH1", "2", 209_113_112, "C", "T", "p.R132H", "Missense_Mutation"),
    ]
    let passengers = [
        "TTN", "MUC16", "APC", "KMT2D", "ARID1A", "TP53", "PTEN", "BRCA2", "ATM", "NF1", "LRP1B", "CSMD3",
    ]
    let classes = [
        "Missense_Mutation", "Silent", "Nonsense_Mutation", "Frame_Shift_Del", "Missense_Mutation",
    ]
    var state: UInt64 = 42
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    var rows =
        "#version 2.4\nHugo_Symbol\tChromosome\tStart_Position\tEnd_Position\tVariant_Classification\t"
        + "Variant_Type\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\t"
        + "Matched_Norm_Sample_Barcode\tMutation_Status\tHGVSp_Short\tt_ref_count\tt_alt_count\tFILTER\tNCBI_Build\n"
    var table =
        "#Patient Identifier\tSample Identifier\tOncotree Code\n#1\t1\t1\nPATIENT_ID\tSAMPLE_ID\tONCOTREE_CODE\n"
    for sample in 1...samples {
        let barcode = "TCGA-SYN-\(sample)"
        table += "P-\(sample)\t\(barcode)\t\(cohortTumourTypes[sample % cohortTumourTypes.count])\n"
        for row in 0..<rowsPerSample {
            let refCount = 20 + next() % 80
            let altCount = 5 + next() % 60
            if row == 0 && next() % 8 == 0 {
                let spot = hotspots[next() % hotspots.count]
                rows +=
                    "\(spot.0)\t\(spot.1)\t\(spot.2)\t\(spot.2)\t\(spot.6)\tSNP\t\(spot.3)\t\(spot.3)\t\(spot.4)\t"
                    + "\(barcode)\tN-\(sample)\tSomatic\t\(spot.5)\t\(refCount)\t\(altCount)\tPASS\tGRCh37\n"
                continue
            }
            let gene = passengers[next() % passengers.count]
            let position = 1_000_000 + next() % 50_000_000
            let variantClass = classes[next() % classes.count]
            let residue = 10 + next() % 900
            let change = variantClass == "Silent" ? "p.L\(residue)=" : "p.R\(residue)Q"
            rows +=
                "\(gene)\t1\t\(position)\t\(position)\t\(variantClass)\tSNP\tG\tG\tA\t\(barcode)\tN-\(sample)\t"
                + "Somatic\t\(change)\t\(refCount)\t\(altCount)\tPASS\tGRCh37\n"
        }
    }
    try rows.write(to: maf, atomically: true, encoding: .utf8)
    try table.write(to: clinical, atomically: true, encoding: .utf8)
    return (maf.path, clinical.path)
}

let benchmarks: @Sendable () -> Void = {
    let oncoTree = try! OncoTree.bundled()
    let vcfSheet = try! SampleSheet.load(path: try! vcfCohortSheet())
    let (maf, clinical) = try! mafCohort()
    let mafSheet = try! ClinicalSampleTable.load(path: clinical, mafPath: maf)
    let rules = try! CohortBatch(sheet: vcfSheet, options: .init()).compiledRules()

    for (name, sheet) in [("200 VCFs", vcfSheet), ("10,000-sample MAF", mafSheet)] {
        for threads in [1, 2] {
            Benchmark(
                "Cohort batch \(name), \(threads) thread\(threads == 1 ? "" : "s")",
                configuration: .init(
                    metrics: [.wallClock, .peakMemoryResident, samplesPerSecond], maxDuration: .seconds(30),
                    maxIterations: 3)
            ) { benchmark in
                let start = ContinuousClock.now
                let table = try CohortBatch(sheet: sheet, options: .init(threads: threads))
                    .run(rules: rules, oncoTree: oncoTree)
                let elapsed = ContinuousClock.now - start
                let seconds =
                    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                benchmark.measurement(samplesPerSecond, Int(Double(table.results.count) / seconds))
                blackHole(table)
            }
        }
    }
}
