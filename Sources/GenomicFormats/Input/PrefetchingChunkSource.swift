import Dispatch
import Synchronization

/// Runs another chunk source on a worker thread, a few chunks ahead of the caller, so that
/// (for example) zlib inflation of a plain gzip stream overlaps the caller's parsing.
///
/// Chunks are copied into a small ring of buffers; the worker fills free buffers and the
/// caller hands each back when it asks for the next chunk. Memory is bounded by the ring.
final class PrefetchingChunkSource: DecompressedChunkSource {
    /// One buffer of the ring and what it holds.
    ///
    /// Safety of `@unchecked Sendable`: a slot is written only by the worker between a `free`
    /// wait and the matching `filled` signal, and read only by the caller between a `filled`
    /// wait and the next `free` signal; the semaphores order the two.
    final class Slot: @unchecked Sendable {
        enum Content {
            case bytes(Int)
            case end
            case failure(any Error)
        }
        let buffer: UnsafeMutableRawBufferPointer
        var content = Content.end

        init(capacity: Int) { buffer = .allocate(byteCount: capacity, alignment: 64) }
        deinit { buffer.deallocate() }
    }

    /// State shared with the worker. Safety of `@unchecked Sendable`: `inner` is used only by
    /// the worker (after `init`); everything else is a semaphore, an atomic or immutable.
    final class Shared: @unchecked Sendable {
        let inner: any DecompressedChunkSource
        let slots: [Slot]
        let free = DispatchSemaphore(value: 0)
        let filled = DispatchSemaphore(value: 0)
        let workerDone = DispatchSemaphore(value: 0)
        let cancelled = Atomic<Bool>(false)

        init(inner: any DecompressedChunkSource, slots: [Slot]) {
            self.inner = inner
            self.slots = slots
        }
    }

    private let shared: Shared
    private var readIndex = 0
    private var holdingSlot = false
    private var finished = false
    private var failure: (any Error)?

    /// - Parameter chunkCapacity: the largest chunk `inner` returns (larger ones are split).
    init(inner: any DecompressedChunkSource, chunkCapacity: Int, slotCount: Int = 3) {
        shared = Shared(inner: inner, slots: (0..<slotCount).map { _ in Slot(capacity: chunkCapacity) })
        for _ in 0..<slotCount { shared.free.signal() }
        let shared = self.shared
        DispatchQueue(label: "oncomatch.prefetch", qos: .userInitiated).async {
            PrefetchingChunkSource.produce(shared)
        }
    }

    deinit {
        shared.cancelled.store(true, ordering: .releasing)
        shared.free.signal()
        shared.workerDone.wait()
    }

    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if holdingSlot {
            holdingSlot = false
            shared.free.signal()
        }
        if let failure { throw failure }
        if finished { return nil }
        shared.filled.wait()
        let slot = shared.slots[readIndex]
        readIndex = (readIndex + 1) % shared.slots.count
        switch slot.content {
        case .bytes(let count):
            holdingSlot = true
            return UnsafeRawBufferPointer(start: slot.buffer.baseAddress, count: count)
        case .end:
            finished = true
            return nil
        case .failure(let error):
            failure = error
            throw error
        }
    }

    /// The worker loop: fill free slots in order until the end, an error, or cancellation.
    private static func produce(_ shared: Shared) {
        defer { shared.workerDone.signal() }
        var writeIndex = 0
        var pending: UnsafeRawBufferPointer?
        while true {
            shared.free.wait()
            if shared.cancelled.load(ordering: .acquiring) { return }
            let slot = shared.slots[writeIndex]
            writeIndex = (writeIndex + 1) % shared.slots.count
            do {
                if pending == nil || pending!.isEmpty { pending = try shared.inner.nextChunk() }
                if let chunk = pending {
                    let count = min(chunk.count, slot.buffer.count)
                    if count > 0 {
                        slot.buffer.baseAddress!.copyMemory(from: chunk.baseAddress!, byteCount: count)
                    }
                    slot.content = .bytes(count)
                    pending = UnsafeRawBufferPointer(rebasing: chunk[count...])
                } else {
                    slot.content = .end
                }
            } catch {
                slot.content = .failure(error)
            }
            let stop: Bool
            switch slot.content {
            case .bytes: stop = false
            case .end, .failure: stop = true
            }
            shared.filled.signal()
            if stop { return }
        }
    }
}
