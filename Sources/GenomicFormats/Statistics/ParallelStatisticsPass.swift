import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Computes `VCFStatistics` over the records of a file with the parsing spread over worker
/// threads, giving exactly what the serial pass over a `VCFReader` gives.
///
/// The caller's thread reads the header, then cuts the rest of the decompressed input into
/// batches of whole lines (`LineBatchReader`) and hands them round-robin to the workers. Each
/// worker has its own `StatisticsPass` and partial `VCFStatistics`; counts are sums, so the
/// partials are added up at the end. What depends on order is kept per batch and taken back in
/// batch order: the number of lines (so line numbers in errors, counted from the batch's start,
/// are made absolute), the skipped-record examples, and the error that ends the pass (the first
/// in file order wins, as in the serial pass). A fixed ring of batches bounds memory.
struct ParallelStatisticsPass {
    /// One batch of lines and what a worker found in it that depends on order.
    ///
    /// Safety of `@unchecked Sendable`: after submission only the worker touches the batch,
    /// until it signals `done`; the caller's thread waits on `done` before reading or refilling.
    final class Batch: @unchecked Sendable {
        let lines = LineBatchReader.Batch(capacity: 3 << 20)
        /// Lines in the batch (up to and including the failing line when `failure` is set).
        var lineCount = 0
        var skipped = 0
        /// Errors of skipped records, with line numbers counted from the batch's start.
        var examples: [FormatError] = []
        /// The error that ends the pass, line counted from the batch's start.
        var failure: FormatError?
        let done = DispatchSemaphore(value: 0)
    }

    /// A worker's serial queue and its private accumulators.
    ///
    /// Safety of `@unchecked Sendable`: `pass`, `partial` and `record` are used only by work
    /// run on `queue` (serial), and read by the caller's thread only after waiting for every
    /// batch submitted to it.
    final class Worker: @unchecked Sendable {
        let queue: DispatchQueue
        var pass: StatisticsPass
        var partial: VCFStatistics
        var record = VCFRecord()

        init(index: Int, pass: StatisticsPass, partial: VCFStatistics) {
            queue = DispatchQueue(label: "oncomatch.stats.parse.\(index)", qos: .userInitiated)
            self.pass = pass
            self.partial = partial
        }

        /// Splits `batch` into lines and adds its records to `partial`.
        func process(_ batch: Batch, settings: Settings) {
            batch.lineCount = 0
            batch.skipped = 0
            batch.examples.removeAll(keepingCapacity: true)
            batch.failure = nil
            let bytes = batch.lines.bytes
            guard let base = bytes.baseAddress else { return }
            let end = bytes.count
            var position = 0
            var lineCount = 0
            let header = settings.header
            let path = settings.path
            while position < end {
                let start = base + position
                let length: Int
                if let newline = memchr(start, 0x0A, end - position) {
                    length = start.distance(to: UnsafeRawPointer(newline))
                } else {
                    length = end - position
                }
                position += length + 1
                lineCount += 1
                var count = length
                if count > 0, start.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
                if count > settings.maximumLineLength {
                    batch.lineCount = lineCount
                    batch.failure = FormatError(
                        .lineTooLong, file: path, line: lineCount,
                        message: "line longer than \(settings.maximumLineLength) bytes (the limit; is this a text file?)")
                    return
                }
                if count == 0 { continue }
                let line = UnsafeRawBufferPointer(start: start, count: count)
                let error: FormatError?
                if line[0] == UInt8(ascii: "#") {
                    error = FormatError(
                        .record, file: path, line: lineCount, message: "header line after the '#CHROM' line")
                } else {
                    error = record.load(line, header: header, path: path, lineNumber: lineCount)
                }
                if let error {
                    if settings.strict {
                        batch.lineCount = lineCount
                        batch.failure = error
                        return
                    }
                    batch.skipped += 1
                    if batch.examples.count < settings.maximumExamples { batch.examples.append(error) }
                    continue
                }
                do {
                    try pass.add(record, to: &partial)
                } catch let error as FormatError {
                    batch.lineCount = lineCount
                    batch.failure = error
                    return
                } catch {
                    batch.lineCount = lineCount
                    batch.failure = FormatError(.record, file: path, line: lineCount, message: "\(error)")
                    return
                }
            }
            batch.lineCount = lineCount
        }
    }

    /// What every worker needs to know, shared read-only.
    struct Settings: @unchecked Sendable {
        // `VCFHeader` is immutable once built; the workers only read it.
        let header: VCFHeader
        let path: String
        let strict: Bool
        let maximumExamples: Int
        let maximumLineLength: Int
    }

    /// Runs the pass over `path` and stores the results in `statistics`.
    static func run(path: String, options: VCFReaderOptions, into statistics: inout VCFStatistics) throws {
        let input = try LineBatchReader(path: path, maximumLineLength: options.maximumLineLength)
        var builder = VCFHeaderBuilder(path: path, strict: options.strict)
        var header: VCFHeader?
        while let line = try input.nextLine() {
            if try builder.consume(line, lineNumber: input.lineNumber) {
                header = try builder.finish(lineNumber: input.lineNumber)
                break
            }
        }
        let finished = try header ?? builder.finish(lineNumber: input.lineNumber)
        statistics = VCFStatistics(partialFor: finished, path: path)
        let settings = Settings(
            header: finished, path: path, strict: options.strict,
            maximumExamples: options.maximumExamples, maximumLineLength: input.maximumLineLength)

        let workerCount = DecompressingReader.defaultInflateThreads
        let workers = (0..<workerCount).map { index in
            Worker(
                index: index, pass: StatisticsPass(header: finished, strict: options.strict),
                partial: VCFStatistics(partialFor: finished, path: path))
        }
        var idle = (0..<(2 * workerCount + 1)).map { _ in Batch() }
        var inFlight: [Batch] = []
        var inFlightHead = 0
        var submitted = 0
        /// Lines before the oldest batch still in flight.
        var linesBefore = input.lineNumber
        var skipped = 0
        var examples: [FormatError] = []

        /// Waits for the oldest batch in flight and takes its order-dependent results.
        func reclaimOldest() throws -> Batch {
            let batch = inFlight[inFlightHead]
            inFlightHead += 1
            if inFlightHead == inFlight.count {
                inFlight.removeAll(keepingCapacity: true)
                inFlightHead = 0
            }
            batch.done.wait()
            if var failure = batch.failure {
                failure.line = failure.line.map { $0 + linesBefore }
                // Let the other batches finish before their buffers go away.
                while inFlightHead < inFlight.count {
                    inFlight[inFlightHead].done.wait()
                    inFlightHead += 1
                }
                throw failure
            }
            skipped += batch.skipped
            for var example in batch.examples where examples.count < options.maximumExamples {
                example.line = example.line.map { $0 + linesBefore }
                examples.append(example)
            }
            linesBefore += batch.lineCount
            return batch
        }

        while true {
            let batch = try idle.popLast() ?? reclaimOldest()
            let more: Bool
            do {
                more = try input.nextBatch(into: batch.lines)
            } catch var error as FormatError {
                // Errors of earlier lines come first, as in the serial pass.
                while inFlightHead < inFlight.count { idle.append(try reclaimOldest()) }
                if error.kind == .lineTooLong && error.line == nil { error.line = linesBefore + 1 }
                throw error
            }
            if !more { break }
            let worker = workers[submitted % workerCount]
            submitted += 1
            inFlight.append(batch)
            worker.queue.async {
                worker.process(batch, settings: settings)
                batch.done.signal()
            }
        }
        while inFlightHead < inFlight.count { _ = try reclaimOldest() }

        var consequences: [String: Int] = [:]
        for worker in workers {
            statistics.absorb(worker.partial)
            consequences.merge(worker.pass.consequenceCounter.dictionary, uniquingKeysWith: +)
        }
        statistics.consequences = consequences
        statistics.skippedRecords = skipped
        statistics.skippedExamples = examples
    }
}
