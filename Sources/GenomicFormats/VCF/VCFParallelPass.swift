import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One pass over the records of a VCF with the parsing spread over two threads, giving exactly
/// what a serial pass over a ``VCFReader`` gives.
///
/// The caller's thread reads the header, then takes the rest of the decompressed input as runs
/// of whole lines, in place in the decompressed chunks. Each run is cut at newlines into a few
/// slices, which the caller's thread and a helper thread claim one at a time until none is left
/// (the caller first parses the line carried over from the previous chunk); the caller waits for
/// the helper before asking for the next run, so no bytes are copied. Claiming slices rather than
/// taking halves keeps either thread from waiting long for the other when some lines cost more
/// than others (a match builds alterations for the few records in cancer genes).
///
/// BGZF input is inflated ahead by the same two threads: when the helper has no slice left to
/// claim, it inflates batches the reader has framed ahead (``CooperativeInflation``) until the
/// next run is handed to it, and the caller's thread inflates a batch it needs that nobody has
/// started. (With inflation workers beside the two parsing threads, four threads shared two
/// cores and the helper often started a run only after the caller had parsed it all, leaving
/// the caller waiting for it: 15–20% of the cores idle.) On more than two cores the reader
/// adds workers for the others.
///
/// Each thread has its own ``VCFPassWorker``. What depends on order is taken in file order: the
/// number of lines (line numbers in errors are counted from the part's start, then made
/// absolute), the skipped-record examples, each part's output (handed to `take`), and the error
/// that ends the pass (the first in file order wins, as in a serial pass).
///
/// ```swift
/// let (summary, workers) = try VCFParallelPass.run(
///     path: path, options: VCFReaderOptions(),
///     makeWorker: { header in MyWorker(header: header) },
///     take: { output, lineOffset in results.append(contentsOf: output) })
/// ```
public enum VCFParallelPass {
    /// What the pass itself counted.
    public struct Summary: Sendable {
        public var header: VCFHeader
        /// Records that parsed (including those a worker then rejected).
        public var recordsRead: Int
        /// Records skipped in lenient mode: malformed lines and records a worker rejected.
        public var skipped: Int
        /// The first `maximumExamples` skip reasons, in file order.
        public var skippedExamples: [FormatError]
        /// The hex SHA-256 of the stored bytes of the input, when asked for.
        public var inputSHA256: String?
    }

    /// A run of lines and what a thread found in it that depends on order.
    ///
    /// Safety of `@unchecked Sendable`: a part is claimed by one thread (``SliceClaims``), which
    /// alone touches it (and its bytes, valid until the caller asks for the next run) until the
    /// helper signals that it is done with the run; the caller's thread waits for that signal
    /// before reading or reusing any part.
    final class Part<Output>: @unchecked Sendable {
        var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        /// Lines in the part (up to and including the failing line when `failure` is set).
        var lineCount = 0
        var recordCount = 0
        var skipped = 0
        /// Errors of skipped records, with line numbers counted from the part's start.
        var examples: [FormatError] = []
        /// The error that ends the pass, line counted from the part's start.
        var failure: FormatError?
        var output: Output?
    }

    /// How many slices a run is cut into when two threads share it. Measured on the 1M-record
    /// file (medians of 7 interleaved rounds, 2 cores): `match` 1.65 s with halves, 1.47 s with 6
    /// slices, 1.51 s with 12; `stats` 0.66, 0.59 and 0.62 s.
    static let slicesPerRun = 6

    /// The slices of the current run not yet claimed by a thread.
    final class SliceClaims: Sendable {
        private let next = Atomic<Int>(0)
        private let count = Atomic<Int>(0)

        /// Makes slices `0..<count` claimable (before the helper is given the run).
        func reset(count: Int) {
            self.count.store(count, ordering: .relaxed)
            next.store(0, ordering: .releasing)
        }

        /// The next unclaimed slice, or `nil` when all are taken.
        func claim() -> Int? {
            let index = next.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue
            return index < count.load(ordering: .relaxed) ? index : nil
        }
    }

    /// Tells the helper to stop inflating ahead (a run is coming, or the pass is over).
    final class HelperSignal: Sendable {
        private let raised = Atomic<Bool>(false)
        func raise() { raised.store(true, ordering: .releasing) }
        func lower() { raised.store(false, ordering: .relaxed) }
        var isRaised: Bool { raised.load(ordering: .acquiring) }
    }

    /// A thread's worker and scratch.
    ///
    /// Safety of `@unchecked Sendable`: `worker` and `record` are used by one thread at a time:
    /// the helper's by its ``PassHelperThread`` during a run, which the caller's thread waits for
    /// (`helperDone`) before starting another or reading them.
    final class Thread<Worker: VCFPassWorker>: @unchecked Sendable {
        /// Present except while `process` runs.
        var worker: Worker?
        var record: VCFRecord? = VCFRecord()
        /// Scratch for the tab offsets of one line.
        var tabs: [Int32] = [Int32](repeating: 0, count: 64)

        init(worker: Worker) {
            self.worker = worker
        }

        /// Processes the slices it can claim until none is left.
        func processClaimed(_ slices: [Part<Worker.PartOutput>], claims: SliceClaims, settings: Settings) {
            while let index = claims.claim() { process(slices[index], settings: settings) }
        }

        /// Splits `part` into lines and feeds its records to the worker.
        func process(_ part: Part<Worker.PartOutput>, settings: Settings) {
            // Work on local copies made unique (the stored ones are emptied meanwhile): a stored
            // property of a class costs a run-time exclusivity check and retains per access.
            var worker = self.worker.take()!
            var record = self.record.take()!
            var tabs: [Int32] = []
            swap(&tabs, &self.tabs)
            Self.split(part, settings: settings, worker: &worker, record: &record, tabs: &tabs)
            part.output = worker.finishPart()
            self.worker = worker
            self.record = record
            swap(&tabs, &self.tabs)
        }

        private static func split(
            _ part: Part<Worker.PartOutput>, settings: Settings, worker: inout Worker,
            record: inout VCFRecord,
            tabs: inout [Int32]
        ) {
            part.lineCount = 0
            part.recordCount = 0
            part.skipped = 0
            part.examples.removeAll(keepingCapacity: true)
            part.failure = nil
            let bytes = part.bytes
            guard let base = bytes.baseAddress else { return }
            let end = bytes.count
            var position = 0
            var lineCount = 0
            var recordCount = 0
            let header = settings.header
            let sampleCount = header.sampleNames.count
            let path = settings.path
            defer {
                part.lineCount = lineCount
                part.recordCount = recordCount
            }
            while position < end {
                let start = base + position
                // The line's end and its tabs in one pass.
                let (length, lineTabCount) = VCFTabScan.scanLine(start, count: end - position, tabs: &tabs)
                position += length + 1
                lineCount += 1
                var count = length
                if count > 0, start.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
                if count > settings.maximumLineLength {
                    part.failure = FormatError(
                        .lineTooLong, file: path, line: lineCount,
                        message:
                            "line longer than \(settings.maximumLineLength) bytes (the limit; is this a text file?)"
                    )
                    return
                }
                if count == 0 { continue }
                let line = UnsafeRawBufferPointer(start: start, count: count)
                var error: FormatError?
                if line[0] == UInt8(ascii: "#") {
                    error = FormatError(
                        .record, file: path, line: lineCount, message: "header line after the '#CHROM' line")
                } else if offer(
                    start, count: count, tabs: tabs, tabCount: lineTabCount, sampleCount: sampleCount,
                    to: &worker)
                {
                    recordCount += 1
                } else {
                    error = tabs.withUnsafeBufferPointer { tabs in
                        record.load(
                            line, tabs: UnsafeBufferPointer(rebasing: tabs[0..<lineTabCount]), header: header,
                            path: path, lineNumber: lineCount)
                    }
                    if error == nil {
                        recordCount += 1
                        do {
                            try worker.add(record)
                        } catch let thrown as FormatError {
                            error = thrown
                        } catch {
                            part.failure = FormatError(
                                .record, file: path, line: lineCount, message: "\(error)")
                            return
                        }
                    }
                }
                if let error {
                    if settings.strict {
                        part.failure = error
                        return
                    }
                    part.skipped += 1
                    if part.examples.count < settings.maximumExamples { part.examples.append(error) }
                }
            }
        }
    }

    /// Offers a line to `worker` in place (``VCFPassWorker/add(line:position:)``) when its columns
    /// pass the checks a record makes; whether the worker took it (if not, the line is copied into
    /// a record, which also produces the error of a line that fails them).
    @inline(__always)
    private static func offer<Worker: VCFPassWorker>(
        _ bytes: UnsafeRawPointer, count: Int, tabs: [Int32], tabCount: Int, sampleCount: Int,
        to worker: inout Worker
    ) -> Bool {
        tabs.withUnsafeBufferPointer { tabs in
            let line = VCFRawLine(
                bytes: bytes.assumingMemoryBound(to: UInt8.self), count: count, tabs: tabs.baseAddress!,
                columnCount: tabCount + 1)
            guard case .success(let position) = VCFRecord.checkColumns(line, sampleCount: sampleCount) else {
                return false
            }
            return worker.add(line: line, position: position)
        }
    }

    /// What every thread needs to know, shared read-only.
    struct Settings: @unchecked Sendable {
        // `VCFHeader` is immutable once built; the threads only read it.
        let header: VCFHeader
        let path: String
        let strict: Bool
        let maximumExamples: Int
        let maximumLineLength: Int
    }

    /// Reads `path` (plain, gzip or BGZF; `-` for standard input) once, feeding every record to a
    /// worker made by `makeWorker` (called once per thread, after the header), and handing each
    /// part's output to `take` in file order with the number of lines before the part (add it to
    /// a line number counted from the part's start to make it absolute). The output is handed
    /// over: `take` may move what it holds rather than copy it.
    ///
    /// Returns the summary and the workers, whose unordered results the caller combines.
    /// With `computesChecksum`, the stored (compressed) bytes are hashed as they are read and the
    /// summary carries their SHA-256, sparing a second read of the file.
    ///
    /// With `twoThreads` false (e.g. when the caller already runs one pass per core), every
    /// record is parsed, and the input inflated, on the caller's thread: no inflation workers
    /// beside passes that already fill the cores (`batch`, 16 BGZF tumours of 60,000 records on 2
    /// cores: the same time as with two workers per pass, 1.24–1.25 s, and peak RSS 68 → 54 MB).
    public static func run<Worker: VCFPassWorker & SendableMetatype>(
        path: String, options: VCFReaderOptions, computesChecksum: Bool = false, twoThreads: Bool = true,
        makeWorker: (VCFHeader) throws -> Worker,
        take: (consuming Worker.PartOutput, _ linesBefore: Int) throws -> Void
    ) throws -> (summary: Summary, workers: [Worker]) {
        let splitting = twoThreads && DecompressingReader.defaultInflateThreads >= 2
        // Two threads inflate BGZF input between their parsing; one thread inflates it too (its
        // caller keeps the other cores busy).
        let input = try LineBatchReader(
            path: path, maximumLineLength: options.maximumLineLength,
            inflateThreads: splitting ? DecompressingReader.defaultInflateThreads : 0,
            cooperativeInflation: splitting, computesChecksum: computesChecksum)
        var builder = VCFHeaderBuilder(path: path, strict: options.strict)
        var header: VCFHeader?
        while let line = try input.nextLine() {
            if try builder.consume(line, lineNumber: input.lineNumber) {
                header = try builder.finish(lineNumber: input.lineNumber)
                break
            }
        }
        let finished = try header ?? builder.finish(lineNumber: input.lineNumber)
        let settings = Settings(
            header: finished, path: path, strict: options.strict,
            maximumExamples: options.maximumExamples, maximumLineLength: input.maximumLineLength)

        var threads = [Thread(worker: try makeWorker(finished))]
        if splitting { threads.append(Thread(worker: try makeWorker(finished))) }
        let caller = threads[0]
        let helper = threads[threads.count - 1]
        let head = Part<Worker.PartOutput>()
        let slices = (0..<(splitting ? slicesPerRun : 1)).map { _ in Part<Worker.PartOutput>() }
        let claims = SliceClaims()
        let helperDone = DispatchSemaphore(value: 0)
        let inflation = input.cooperativeInflation
        /// Set when a run is about to be handed to the helper, or the pass ends: the helper stops
        /// inflating ahead.
        let helperWanted = HelperSignal()
        // The helper's job, the same for every run: claim slices until none is left, say so,
        // then inflate input ahead until the next run is handed over. Without a thread (none
        // could be created) the caller claims every slice itself.
        let helperThread =
            splitting
            ? PassHelperThread {
                helperWanted.lower()
                helper.processClaimed(slices, claims: claims, settings: settings)
                helperDone.signal()
                if let inflation {
                    while !helperWanted.isRaised && inflation.inflateOne() {}
                }
            } : nil
        defer {
            // Return only once the helper has exited: no thread works on this pass after it ends.
            helperWanted.raise()
            helperThread?.stop()
        }
        var summary = Summary(
            header: finished, recordsRead: 0, skipped: 0, skippedExamples: [],
            inputSHA256: nil)
        /// Lines before the part being taken.
        var linesBefore = input.lineNumber

        /// Takes the order-dependent results of the next part in file order.
        func takePart(_ part: Part<Worker.PartOutput>) throws {
            if var failure = part.failure {
                failure.line = failure.line.map { $0 + linesBefore }
                throw failure
            }
            summary.recordsRead += part.recordCount
            summary.skipped += part.skipped
            for var example in part.examples where summary.skippedExamples.count < options.maximumExamples {
                example.line = example.line.map { $0 + linesBefore }
                summary.skippedExamples.append(example)
            }
            if let output = part.output.take() { try take(output, linesBefore) }
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
            // Cut the body into slices at newlines; both threads claim slices in order until none
            // is left, so neither waits long for the other whatever each slice costs.
            let body = run.body
            var sliceCount = 0
            var start = 0
            while start < body.count {
                let remainingSlices = slices.count - sliceCount
                var end = body.count
                if remainingSlices > 1 {
                    let target = start + (body.count - start) / remainingSlices
                    if let newline = memchr(body.baseAddress! + target, 0x0A, body.count - target) {
                        end = body.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
                    }
                }
                slices[sliceCount].bytes = UnsafeRawBufferPointer(rebasing: body[start..<end])
                sliceCount += 1
                start = end
            }
            head.bytes = run.head
            claims.reset(count: sliceCount)
            let shared = sliceCount > 1 && helperThread != nil
            if shared {
                helperWanted.raise()
                helperThread?.run()
            }
            caller.process(head, settings: settings)
            caller.processClaimed(slices, claims: claims, settings: settings)
            if shared { helperDone.wait() }
            try takePart(head)
            for slice in slices[0..<sliceCount] { try takePart(slice) }
        }
        summary.inputSHA256 = try input.checksum()
        return (summary, threads.map { $0.worker! })
    }
}
