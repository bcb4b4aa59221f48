import Dispatch
import Synchronization

/// A long JSON array rendered while its caller renders the rest of the document: a helper
/// thread starts on it at once, taking chunks of items in order, and the caller takes the
/// chunks left when it asks for the ``value()``. The bytes are those of writing the array whole,
/// whichever thread rendered which chunk.
///
/// The report's near-misses (8,491 on the 1M-record benchmark, four fifths of its JSON) are
/// rendered so beside its matches and biomarker lists, which are written on the caller's thread.
final class BackgroundJSONArray<Item: Sendable>: Sendable {
    private let items: [Item]
    private let indent: Int
    private let write: @Sendable (Item, inout [UInt8], Int) -> Void
    private let chunkSize: Int
    private let chunkCount: Int
    /// The next chunk no thread has taken.
    private let nextChunk = Atomic<Int>(0)
    /// The rendered chunks, in order.
    private let chunks: Mutex<[[UInt8]]>
    private let helperDone = DispatchSemaphore(value: 0)
    private let usesHelper: Bool

    /// Starts rendering `items` as an array placed at `indent`, each item written by `write` at
    /// the indent it is given (what its ``JSONValue`` would write). Fewer than `2 * chunkSize`
    /// items are left to the caller alone.
    init(
        _ items: [Item], indent: Int, chunkSize: Int = 256,
        writing write: @escaping @Sendable (Item, inout [UInt8], Int) -> Void
    ) {
        self.items = items
        self.indent = indent
        self.write = write
        self.chunkSize = chunkSize
        chunkCount = (items.count + chunkSize - 1) / chunkSize
        chunks = Mutex([[UInt8]](repeating: [], count: chunkCount))
        usesHelper = items.count >= 2 * chunkSize
        if usesHelper {
            DispatchQueue.global().async { [self] in
                renderChunks()
                helperDone.signal()
            }
        }
    }

    /// The array, once every chunk is rendered (the caller renders those still untaken).
    func value() -> JSONValue {
        if items.isEmpty { return .array([]) }
        renderChunks()
        if usesHelper { helperDone.wait() }
        var closing: [UInt8] = []
        JSONValue.appendIndent(indent, to: &closing)
        closing.append(0x5D)
        // The chunks are not joined: copying them would hold the list's bytes twice.
        return .serialized([Array("[\n".utf8)] + chunks.withLock { $0 } + [closing])
    }

    /// Takes and renders chunks until none is left.
    private func renderChunks() {
        // Each chunk's buffer sized from the last one this thread rendered (chunks of one list
        // are much alike), so it is rarely grown and copied.
        var capacity = 1 << 15
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            var output: [UInt8] = []
            output.reserveCapacity(capacity)
            for index in chunk * chunkSize..<min(items.count, (chunk + 1) * chunkSize) {
                JSONValue.appendIndent(indent + 1, to: &output)
                write(items[index], &output, indent + 1)
                if index + 1 < items.count { output.append(0x2C) }
                output.append(0x0A)
            }
            capacity = max(capacity, output.count + output.count / 8)
            chunks.withLock { $0[chunk] = output }
        }
    }
}
