/// Lets the threads of a caller inflate BGZF batches that a ``BGZFChunkSource`` has framed
/// ahead, so a thread with nothing else to do inflates input instead of idling.
///
/// A parallel VCF pass on two cores uses it instead of inflation workers: two parsing threads
/// plus two inflating threads on two cores made the parsing threads wait for each other behind
/// the workers; two threads that parse and, when they run out of lines, inflate keep both cores
/// busy. Each batch is inflated by exactly one thread (whoever takes its offer first: a caller
/// thread here, a worker, or the reading thread when it needs the batch).
final class CooperativeInflation: Sendable {
    private let batches: [BGZFChunkSource.Batch]
    private let name: String

    init(batches: [BGZFChunkSource.Batch], name: String) {
        self.batches = batches
        self.name = name
    }

    /// Inflates the oldest batch on offer, if any, on the calling thread. Returns whether it
    /// inflated one (false: nothing was on offer). Safe to call from any thread.
    func inflateOne() -> Bool {
        while true {
            var oldest: BGZFChunkSource.Batch?
            var oldestNumber = Int.max
            for batch in batches where batch.isOffered {
                let number = batch.offerNumber.load(ordering: .relaxed)
                if number < oldestNumber {
                    oldest = batch
                    oldestNumber = number
                }
            }
            guard let oldest else { return false }
            // Another thread may take it first: then look again.
            if oldest.take() {
                BGZFChunkSource.inflate(oldest, name: name)
                oldest.done.signal()
                return true
            }
        }
    }
}
