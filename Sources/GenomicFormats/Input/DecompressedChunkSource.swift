/// A producer of an input's decompressed bytes, in order, in chunks of any size.
protocol DecompressedChunkSource: AnyObject {
    /// The next decompressed bytes (possibly empty), or `nil` at the end of the input.
    /// The bytes stay valid until the next call.
    func nextChunk() throws -> UnsafeRawBufferPointer?
}
