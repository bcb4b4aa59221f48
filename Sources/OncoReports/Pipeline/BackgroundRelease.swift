import Dispatch
import Synchronization

/// Frees large values on another thread: a match job's profile and result (every kept
/// alteration with its transcripts, every near-miss finding) are let go of once the reports are
/// rendered, and taken apart while the files are written and flushed to disk, when the cores are
/// otherwise idle. On the calling thread that took ~6 ms of the 1M-record benchmark.
///
/// The values are moved into a box that only the other thread empties, so their memory is freed
/// there whichever thread lets go of the box last.
enum BackgroundRelease {
    /// Takes ownership of `values` and frees them on a global queue's thread.
    static func release<Value>(_ values: sending Value) {
        let box = Box(values)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Holds the values until the other thread empties it; they are reached only through the
    /// lock, by that thread.
    private final class Box<Value>: Sendable {
        private let values: Mutex<Value?>

        init(_ values: sending Value) { self.values = Mutex(Optional(values)) }

        func empty() { values.withLock { $0 = nil } }
    }
}
