import CLibDeflate
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A BGZF stream inflated block by block with libdeflate, on worker threads while the caller
/// consumes earlier output.
///
/// The caller's thread reads compressed bytes with large `read(2)` calls and frames them into
/// batches of whole blocks; each batch is put on offer, and the first thread to take it inflates
/// every block straight to its known offset (ISIZE gives the exact size) and checks its CRC32.
/// The takers are the source's own workers (any free worker takes the next batch), the threads
/// of a caller that inflates ahead through ``CooperativeInflation`` (a parallel VCF pass whose
/// second thread has nothing to parse), and the caller's thread itself, which inflates the batch
/// it needs when nobody has taken it yet instead of waiting. Batches come back in input order.
/// A fixed ring of batches bounds memory whatever the file size. The end-of-file marker (an
/// empty block) must be the last block, otherwise the file is reported truncated.
final class BGZFChunkSource: DecompressedChunkSource {
    /// A block framed inside a batch's compressed buffer.
    struct FramedBlock {
        var offset: Int
        var header: BGZFBlockHeader
        var outputOffset: Int
    }

    /// Compressed bytes and their inflated output for a run of consecutive blocks.
    ///
    /// Safety of `@unchecked Sendable`: a submitted batch is inflated by the one thread that
    /// takes it (``take()``: a worker, a cooperating thread or the reading thread). Meanwhile the
    /// reading thread only reads `compressed[framedEnd..<filled]` (the carry into the next
    /// batch); it touches anything else only after taking the batch itself or, when another
    /// thread took it, after `done.wait()`, which orders it after that thread's writes. `submit` offers the batch only after framing
    /// it, and a batch is framed again only after it was consumed, so a late worker item (one
    /// whose batch the caller took) can only take a later, fully framed submission, whose wait it
    /// then satisfies.
    final class Batch: @unchecked Sendable {
        let compressed: UnsafeMutableRawBufferPointer
        let output: UnsafeMutableRawBufferPointer
        var blocks: [FramedBlock] = []
        var filled = 0
        var framedEnd = 0
        var outputCount = 0
        /// Offset in the input of `compressed[0]`.
        var streamOffset = 0
        var error: FormatError?
        /// Signalled by the thread that took the batch when it is inflated, unless that thread is
        /// the reading thread itself (which then does not wait).
        let done = DispatchSemaphore(value: 0)
        /// Whether the batch is on offer (submitted and not yet taken by any thread).
        private let offered = Atomic<Bool>(false)
        /// The order of the latest offer (lower is older), for ``CooperativeInflation``.
        let offerNumber = Atomic<Int>(0)
        /// Each batch has its own decompressor: the thread that takes the batch uses it.
        let decompressor: OpaquePointer

        init(compressedCapacity: Int, outputCapacity: Int) {
            compressed = .allocate(byteCount: compressedCapacity, alignment: 64)
            output = .allocate(byteCount: outputCapacity, alignment: 64)
            blocks.reserveCapacity(compressedCapacity / 1024)
            decompressor = libdeflate_alloc_decompressor()!
        }

        /// Puts the framed batch on offer.
        func offer(number: Int) {
            offerNumber.store(number, ordering: .relaxed)
            offered.store(true, ordering: .releasing)
        }

        /// Whether the batch is on offer now (it may be taken the next moment).
        var isOffered: Bool { offered.load(ordering: .acquiring) }

        /// Takes the batch if it is on offer: exactly one thread succeeds per offer.
        func take() -> Bool {
            offered.compareExchange(expected: true, desired: false, ordering: .acquiringAndReleasing)
                .exchanged
        }

        deinit {
            compressed.deallocate()
            output.deallocate()
            libdeflate_free_decompressor(decompressor)
        }
    }

    private let input: RawInput
    /// The workers' queue (concurrent: any free worker takes the next item), or `nil` when the
    /// source has no workers of its own.
    private let workers: DispatchQueue?
    /// Whether batches are put on offer and inflated ahead (by workers or a cooperating caller);
    /// otherwise the single batch is inflated on the caller's thread when it is framed.
    private let threaded: Bool
    /// Set when the caller inflates ahead on its own threads.
    let cooperativeInflation: CooperativeInflation?
    private var offersMade = 0
    private var idle: [Batch]
    private var inFlight: [Batch] = []
    private var inFlightHead = 0
    private var current: Batch?
    /// The batch most recently framed; its unframed tail starts the next batch.
    private var lastFramed: Batch?
    private var nextStreamOffset = 0
    private var lastBlockWasEmpty = false
    private var framingFinished = false
    /// An error met while framing, raised after the output of all earlier blocks.
    private var framingError: FormatError?
    /// The first error raised; raised again by later calls.
    private var raisedError: FormatError?

    /// - Parameters:
    ///   - threads: worker threads inflating blocks; 0 inflates on the caller's thread unless
    ///     `cooperative`.
    ///   - cooperative: offer batches to the caller's other threads through
    ///     ``cooperativeInflation`` (inflating ahead with or without workers).
    ///   - compressedBatchSize: compressed bytes read per batch (at least 64 KiB).
    ///   - outputBatchSize: the most uncompressed bytes per batch (at least 64 KiB).
    init(
        input: RawInput, threads: Int, cooperative: Bool = false, compressedBatchSize: Int = 256 << 10,
        outputBatchSize: Int = 2 << 20
    ) {
        self.input = input
        let workerCount = max(0, threads)
        threaded = workerCount > 0 || cooperative
        workers =
            workerCount > 0
            ? DispatchQueue(label: "oncomatch.bgzf.inflate", qos: .userInitiated, attributes: .concurrent)
            : nil
        // Up to two batches ahead per inflating thread (at least two threads when cooperating).
        let batchCount = threaded ? 2 * max(workerCount, cooperative ? 2 : 1) + 1 : 1
        let compressedCapacity = max(compressedBatchSize, BGZFBlockHeader.maximumBlockSize)
        let outputCapacity = max(outputBatchSize, BGZFBlockHeader.maximumUncompressedSize)
        idle = (0..<batchCount).map { _ in
            Batch(compressedCapacity: compressedCapacity, outputCapacity: outputCapacity)
        }
        cooperativeInflation = cooperative ? CooperativeInflation(batches: idle, name: input.name) : nil
    }

    deinit {
        // Withdraw the offers still open; wait for the batches workers are inflating.
        if threaded {
            for batch in inFlight[inFlightHead...] where !batch.take() { batch.done.wait() }
        }
    }

    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if let raisedError { throw raisedError }
        if let current {
            idle.append(current)
            self.current = nil
        }
        while !framingFinished, let batch = idle.popLast() {
            if frame(batch) {
                submit(batch)
            } else {
                idle.append(batch)
                break
            }
        }
        guard inFlightHead < inFlight.count else {
            if let framingError {
                raisedError = framingError
                throw framingError
            }
            return nil
        }
        let batch = inFlight[inFlightHead]
        inFlightHead += 1
        if inFlightHead == inFlight.count {
            inFlight.removeAll(keepingCapacity: true)
            inFlightHead = 0
        }
        if threaded {
            // Nobody has started it: inflate it here rather than wait.
            if batch.take() {
                BGZFChunkSource.inflate(batch, name: input.name)
            } else {
                batch.done.wait()
            }
        }
        current = batch
        if let error = batch.error {
            raisedError = error
            framingFinished = true
            throw error
        }
        return UnsafeRawBufferPointer(start: batch.output.baseAddress, count: batch.outputCount)
    }

    /// Fills `batch` with the previous batch's unframed tail plus fresh input and frames its
    /// whole blocks. Returns whether it holds blocks to inflate.
    private func frame(_ batch: Batch) -> Bool {
        // The previous batch may be this very one (a single batch when inflating inline), so
        // move its tail before resetting anything; memmove allows the overlap.
        var carry = 0
        if let previous = lastFramed, previous.framedEnd < previous.filled {
            carry = previous.filled - previous.framedEnd
            memmove(
                batch.compressed.baseAddress!, previous.compressed.baseAddress! + previous.framedEnd, carry)
        }
        batch.filled = carry
        batch.blocks.removeAll(keepingCapacity: true)
        batch.error = nil
        batch.streamOffset = nextStreamOffset
        lastFramed = batch
        if !input.reachedEnd {
            do {
                batch.filled += try input.read(
                    into: batch.compressed.baseAddress! + batch.filled,
                    count: batch.compressed.count - batch.filled)
            } catch let error as FormatError {
                framingError = error
            } catch {
                framingError = FormatError(.io, file: input.name, message: "\(error)")
            }
        }
        let bytes = UnsafeRawBufferPointer(start: batch.compressed.baseAddress, count: batch.filled)
        var position = 0
        var outputCount = 0
        var needMoreBytes = false
        framing: while framingError == nil {
            switch BGZFBlockHeader.parse(bytes, at: position) {
            case .block(let header):
                if outputCount + header.uncompressedSize > batch.output.count { break framing }
                batch.blocks.append(FramedBlock(offset: position, header: header, outputOffset: outputCount))
                outputCount += header.uncompressedSize
                position += header.blockSize
                lastBlockWasEmpty = header.uncompressedSize == 0
            case .needMoreBytes:
                needMoreBytes = true
                break framing
            case .invalid(let why):
                framingError = FormatError(
                    .compression, file: input.name,
                    message: "corrupt BGZF data at byte offset \(batch.streamOffset + position): \(why)")
            }
        }
        batch.framedEnd = position
        batch.outputCount = outputCount
        nextStreamOffset = batch.streamOffset + position
        if framingError != nil {
            framingFinished = true
        } else if needMoreBytes && input.reachedEnd {
            framingFinished = true
            if position < batch.filled {
                framingError = FormatError(
                    .compression, file: input.name,
                    message: "BGZF file is truncated: it ends inside the block at byte offset "
                        + "\(nextStreamOffset) (\(batch.filled - position) bytes of it present)")
            } else if !lastBlockWasEmpty {
                framingError = FormatError(
                    .compression, file: input.name,
                    message: "BGZF file is truncated: it lacks the end-of-file marker block "
                        + "(the input ends after byte offset \(nextStreamOffset))")
            }
        }
        return !batch.blocks.isEmpty
    }

    private func submit(_ batch: Batch) {
        inFlight.append(batch)
        let name = input.name
        guard threaded else {
            BGZFChunkSource.inflate(batch, name: name)
            return
        }
        batch.offer(number: offersMade)
        offersMade += 1
        workers?.async {
            // Items run in submission order as workers free up; one whose batch was taken
            // by the caller's thread does nothing (or takes a later offer of the same batch).
            if batch.take() {
                BGZFChunkSource.inflate(batch, name: name)
                batch.done.signal()
            }
        }
    }

    /// Inflates every block of `batch` to its offset and checks sizes and CRC32s.
    static func inflate(_ batch: Batch, name: String) {
        let compressed = UnsafeRawPointer(batch.compressed.baseAddress!)
        let output = batch.output.baseAddress!
        for block in batch.blocks {
            let header = block.header
            let destination = output + block.outputOffset
            var produced = 0
            let result = libdeflate_deflate_decompress(
                batch.decompressor, compressed + block.offset + header.headerLength, header.payloadLength,
                destination, header.uncompressedSize, &produced)
            let where_ = "BGZF block at byte offset \(batch.streamOffset + block.offset)"
            if result != LIBDEFLATE_SUCCESS {
                let why: String
                switch result {
                case LIBDEFLATE_INSUFFICIENT_SPACE:
                    why = "inflates to more than the \(header.uncompressedSize) bytes its ISIZE field states"
                case LIBDEFLATE_BAD_DATA: why = "has corrupt deflate data"
                default: why = "cannot be inflated (libdeflate status \(result.rawValue))"
                }
                batch.error = FormatError(.compression, file: name, message: "\(where_) \(why)")
                return
            }
            if produced != header.uncompressedSize {
                batch.error = FormatError(
                    .compression, file: name,
                    message: "\(where_) inflates to \(produced) bytes but its ISIZE field states "
                        + "\(header.uncompressedSize)")
                return
            }
            let crc = UInt32(libdeflate_crc32(0, destination, header.uncompressedSize))
            if crc != header.crc32 {
                batch.error = FormatError(
                    .compression, file: name,
                    message:
                        "\(where_) fails its CRC32 check (stored \(hex(header.crc32)), computed \(hex(crc)))")
                return
            }
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
