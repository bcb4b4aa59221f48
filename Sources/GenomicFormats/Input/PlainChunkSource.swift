/// Uncompressed input, read in large chunks.
final class PlainChunkSource: DecompressedChunkSource {
    private let input: RawInput
    private let buffer: UnsafeMutableRawBufferPointer

    init(input: RawInput, chunkSize: Int = 1 << 20) {
        self.input = input
        buffer = .allocate(byteCount: chunkSize, alignment: 64)
    }

    deinit { buffer.deallocate() }

    func nextChunk() throws -> UnsafeRawBufferPointer? {
        if input.reachedEnd { return nil }
        let count = try input.read(into: buffer.baseAddress!, count: buffer.count)
        if count == 0 { return nil }
        return UnsafeRawBufferPointer(start: buffer.baseAddress, count: count)
    }
}
