import CVectorScan

/// Where two separator bytes lie in a byte string, as bit masks: bit `i % 64` of word `i / 64` is
/// set when byte `i` is the separator.
///
/// An annotation value (VEP CSQ, SnpEff ANN) is cut at `,` into entries and at `|` into fields.
/// Marking both in one vector pass (`CVectorScan`: AVX2 or SSE2, chosen at run time) and then
/// walking the set bits finds every field boundary with a few bit operations each, instead of
/// looking at every byte.
public enum SeparatorMasks {
    /// The number of 64-bit words that hold the masks of `count` bytes.
    @inlinable
    public static func wordCount(forByteCount count: Int) -> Int { (count + 63) >> 6 }

    /// Fills `firstMask` with the positions of `first` in `bytes` and `secondMask` with those of
    /// `second`. Each mask must have room for ``wordCount(forByteCount:)`` words; the bits past
    /// the last byte are zero.
    public static func mark(
        _ bytes: UnsafeRawBufferPointer, _ first: UInt8, _ second: UInt8,
        firstMask: UnsafeMutablePointer<UInt64>, secondMask: UnsafeMutablePointer<UInt64>
    ) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        oncomatch_mark_bytes(
            base.assumingMemoryBound(to: UInt8.self), bytes.count, first, second, firstMask, secondMask)
    }

    /// ``mark(_:_:_:firstMask:secondMask:)`` up to the first `terminator` of `bytes`, whose
    /// offset it returns (`bytes.count` when there is none): the masks then describe the bytes
    /// before it (``wordCount(forByteCount:)`` of that offset words), found in the same pass that
    /// finds the end. Each mask must have room for ``wordCount(forByteCount:)`` of `bytes.count`
    /// words.
    public static func mark(
        _ bytes: UnsafeRawBufferPointer, _ first: UInt8, _ second: UInt8, until terminator: UInt8,
        firstMask: UnsafeMutablePointer<UInt64>, secondMask: UnsafeMutablePointer<UInt64>
    ) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return oncomatch_mark_bytes_until(
            base.assumingMemoryBound(to: UInt8.self), bytes.count, first, second, terminator, firstMask,
            secondMask)
    }

    /// The position of the first set bit at or after `position` in `mask` (`wordCount` words), or
    /// `nil` when there is none.
    @inlinable @inline(__always)
    public static func firstSetBit(
        in mask: UnsafePointer<UInt64>, wordCount: Int, from position: Int
    ) -> Int? {
        var word = position >> 6
        guard word < wordCount else { return nil }
        var bits = mask[word] & (~0 &<< UInt64(position & 63))
        while bits == 0 {
            word += 1
            if word == wordCount { return nil }
            bits = mask[word]
        }
        return word << 6 | bits.trailingZeroBitCount
    }
}
