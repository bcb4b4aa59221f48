import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Computes `VCFStatistics` over the records of a file with the parsing spread over two
/// threads, giving exactly what the serial pass over a `VCFReader` gives.
///
/// The caller's thread reads the header, then takes the rest of the decompressed input as runs
/// of whole lines, in place in the decompressed chunks (`LineBatchReader.nextLines()`). Each run
/// is cut at a newline near its middle: a helper thread parses the first half while the
/// caller's thread parses the line carried over from the previous chunk and the second half;
/// the caller waits for the helper before asking for the next run, so no bytes are copied.
/// Meanwhile the input layer inflates the next BGZF blocks on its own workers.
///
/// Each thread has its own `StatisticsPass` and partial `VCFStatistics`; counts are sums, so
/// the partials are added up at the end. What depends on order is kept per part and taken in
/// file order: the number of lines (line numbers in errors are counted from the part's start,
/// then made absolute), the skipped-record examples, and the error that ends the pass (the
/// first in file order wins, as in the serial pass).
struct ParallelStatisticsPass {
    /// A run of lines and what a thread found in it that depends on order.
    ///
    /// Safety of `@unchecked Sendable`: after submission only the helper touches the part (and
    /// the bytes, which stay valid until the caller asks for the next run), until it signals
    /// `done`; the caller's thread waits on `done` before reading or reusing it.
    final class Part: @unchecked Sendable {
        var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        /// Lines in the part (up to and including the failing line when `failure` is set).
        var lineCount = 0
        var skipped = 0
        /// Errors of skipped records, with line numbers counted from the part's start.
        var examples: [FormatError] = []
        /// The error that ends the pass, line counted from the part's start.
        var failure: FormatError?
        let done = DispatchSemaphore(value: 0)
    }

    /// A thread's private accumulators (and, for the helper, its serial queue).
    ///
    /// Safety of `@unchecked Sendable`: `pass`, `partial` and `record` are used by one thread
    /// at a time: the helper's work on `queue`, which the caller's thread waits for before
    /// submitting more or reading them.
    final class Worker: @unchecked Sendable {
        let queue: DispatchQueue
        /// Present except while `process` runs.
        var pass: StatisticsPass?
        var partial: VCFStatistics?
        var record: VCFRecord? = VCFRecord()

        init(index: Int, pass: StatisticsPass, partial: VCFStatistics) {
            queue = DispatchQueue(label: "oncomatch.stats.parse.\(index)", qos: .userInitiated)
            self.pass = pass
            self.partial = partial
        }

        /// Splits `part` into lines and adds its records to `partial`.
        func process(_ part: Part, settings: Settings) {
            // Work on local copies made unique (the stored ones are emptied meanwhile): a stored
            // property of a class costs a run-time exclusivity check and retains per access.
            var pass = self.pass.take()!
            var partial = self.partial.take()!
            var record = self.record.take()!
            Self.split(part, settings: settings, pass: &pass, partial: &partial, record: &record)
            self.pass = pass
            self.partial = partial
            self.record = record
        }

        private static func split(
            _ part: Part, settings: Settings, pass: inout StatisticsPass, partial: inout VCFStatistics,
            record: inout VCFRecord
        ) {
            part.lineCount = 0
            part.skipped = 0
            part.examples.removeAll(keepingCapacity: true)
            part.failure = nil
            let bytes = part.bytes
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
                    part.lineCount = lineCount
                    part.failure = FormatError(
                        .lineTooLong, file: path, line: lineCount,
                        message:
                            "line longer than \(settings.maximumLineLength) bytes (the limit; is this a text file?)"
                    )
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
                        part.lineCount = lineCount
                        part.failure = error
                        return
                    }
                    part.skipped += 1
                    if part.examples.count < settings.maximumExamples { part.examples.append(error) }
                    continue
                }
                do {
                    try pass.add(record, to: &partial)
                } catch let error as FormatError {
                    part.lineCount = lineCount
                    part.failure = error
                    return
                } catch {
                    part.lineCount = lineCount
                    part.failure = FormatError(.record, file: path, line: lineCount, message: "\(error)")
                    return
                }
            }
            part.lineCount = lineCount
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

        let splitting = DecompressingReader.defaultInflateThreads >= 2
        let workers = (0..<(splitting ? 2 : 1)).map { index in
            Worker(
                index: index, pass: StatisticsPass(header: finished, strict: options.strict),
                partial: VCFStatistics(partialFor: finished, path: path))
        }
        let caller = workers[0]
        let helper = workers[workers.count - 1]
        let head = Part()
        let first = Part()
        let second = Part()
        /// Lines before the part being taken.
        var linesBefore = input.lineNumber
        var skipped = 0
        var examples: [FormatError] = []

        /// Takes the order-dependent results of the next part in file order.
        func take(_ part: Part) throws {
            if var failure = part.failure {
                failure.line = failure.line.map { $0 + linesBefore }
                throw failure
            }
            skipped += part.skipped
            for var example in part.examples where examples.count < options.maximumExamples {
                example.line = example.line.map { $0 + linesBefore }
                examples.append(example)
            }
            linesBefore += part.lineCount
        }

        while true {
            let run: (head: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer)?
            do {
                run = try input.nextLines()
            } catch var error as FormatError {
                if error.kind == .lineTooLong && error.line == nil { error.line = linesBefore + 1 }
                throw error
            }
            guard let run else { break }
            let body = run.body
            // Cut the body after a newline near its middle (the helper gets the first half).
            var cut = 0
            if splitting && body.count >= 2 {
                let middle = body.count / 2
                if let newline = memchr(body.baseAddress! + middle, 0x0A, body.count - middle) {
                    cut = body.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
                }
            }
            first.bytes = UnsafeRawBufferPointer(rebasing: body[0..<cut])
            second.bytes = UnsafeRawBufferPointer(rebasing: body[cut...])
            head.bytes = run.head
            if cut > 0 {
                helper.queue.async {
                    helper.process(first, settings: settings)
                    first.done.signal()
                }
            }
            caller.process(head, settings: settings)
            caller.process(second, settings: settings)
            if cut > 0 { first.done.wait() } else { first.lineCount = 0 }
            try take(head)
            if cut > 0 { try take(first) }
            try take(second)
        }

        var consequences: [String: Int] = [:]
        for worker in workers {
            statistics.absorb(worker.partial!)
            consequences.merge(worker.pass!.consequenceCounter.dictionary, uniquingKeysWith: +)
        }
        statistics.consequences = consequences
        statistics.skippedRecords = skipped
        statistics.skippedExamples = examples
    }
}
