/// Computes `VCFStatistics` over the records of a file with the parsing spread over two
/// threads (a ``VCFParallelPass``), giving exactly what the serial pass over a `VCFReader` gives.
///
/// Each thread has its own `StatisticsPass` and partial `VCFStatistics`; counts are sums, so
/// the partials are added up at the end. What depends on order (skipped-record examples, the
/// error that ends the pass) the parallel pass keeps in file order.
enum ParallelStatisticsPass {
    /// One thread's accumulators.
    struct Worker: VCFPassWorker {
        var pass: StatisticsPass
        var partial: VCFStatistics

        mutating func add(_ record: VCFRecord) throws { try pass.add(record, to: &partial) }

        mutating func finishPart() {}
    }

    /// Runs the pass over `path` and stores the results in `statistics`.
    static func run(path: String, options: VCFReaderOptions, into statistics: inout VCFStatistics) throws {
        let (summary, workers) = try VCFParallelPass.run(
            path: path, options: options,
            makeWorker: { header in
                Worker(
                    pass: StatisticsPass(header: header, strict: options.strict),
                    partial: VCFStatistics(partialFor: header, path: path))
            },
            take: { _, _ in })
        statistics = VCFStatistics(partialFor: summary.header, path: path)
        var consequences: [String: Int] = [:]
        for worker in workers {
            statistics.absorb(worker.partial)
            consequences.merge(worker.pass.consequenceCounter.dictionary, uniquingKeysWith: +)
        }
        statistics.consequences = consequences
        statistics.skippedRecords = summary.skipped
        statistics.skippedExamples = summary.skippedExamples
    }
}
