import Benchmark
import BenchmarkData
import OncoDomain
import OncoMatch
import OncoReports
import OncoRules

// The oncology core on the synthetic BGZF VCF (`ONCOMATCH_BENCH_RECORDS`, default 200,000):
// - "index build": one streaming pass of `VCFAlterationLoader` keeping the genes the shipped
//   rules mention (the variant index of `oncomatch match`), with peak memory;
// - "index queries": gene, residue-range, exon, locus and class queries on the built index;
// - "rule set load + compile": the shipped knowledge base, strict load and compilation;
// - "full match": `MatchJob.run` (load, index, match, report model) without writing files.

var matchConfiguration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 5)
}

let benchmarks: @Sendable () -> Void = {
    let path: String
    let rules: CompiledRuleSet
    let oncoTree: OncoTree
    do {
        path = try BenchmarkData.bgzfVCF()
        rules = CompiledRuleSet(try RuleSet.bundled())
        oncoTree = try OncoTree.bundled()
    } catch {
        fatalError("cannot prepare benchmark data: \(error)")
    }
    let options = VCFAlterationLoader.Options(
        genesOfInterest: rules.mentionedGenes, allelesOfInterest: rules.allelesOfInterest)

    Benchmark("Variant index build (genes the rules mention)", configuration: matchConfiguration) { _ in
        let result = try VCFAlterationLoader.load(path: path, options: options)
        blackHole(result.index.alterations.count)
    }

    Benchmark("Variant index queries", configuration: matchConfiguration) { benchmark in
        let index = try VCFAlterationLoader.load(path: path, options: options).index
        let genes = index.genes
        benchmark.startMeasurement()
        var found = 0
        for _ in 0..<100 {
            for gene in genes {
                found &+= index.alterations(inGene: gene).count
                found &+= index.alterations(inGene: gene, residues: 1...600).count
                found &+= index.alterations(inGene: gene, exon: 15).count
            }
            found &+= index.alterations(onChromosome: "chr7", positions: 140_000_000...141_000_000).count
            found &+= index.alterations(ofClass: .truncating, sample: 0).count
        }
        benchmark.stopMeasurement()
        blackHole(found)
    }

    Benchmark("Rule set load + compile (shipped knowledge base, precompiled)", configuration: matchConfiguration) {
        _ in
        blackHole(CompiledRuleSet(try RuleSet.bundled()).rules.count)
    }

    Benchmark("Rule set load + compile (shipped knowledge base, from YAML)", configuration: matchConfiguration) {
        _ in
        blackHole(CompiledRuleSet(try RuleSet.bundled(fromSource: true)).rules.count)
    }

    Benchmark("Full match (parse, index, match, report model)", configuration: matchConfiguration) { _ in
        let report = try MatchJob.run(
            MatchJob.Request(inputPath: path, tumourType: "MEL"), rules: rules, oncoTree: oncoTree)
        blackHole(report.matches.count)
    }
}
