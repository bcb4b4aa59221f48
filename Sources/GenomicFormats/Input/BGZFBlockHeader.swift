/// The framing of one BGZF block: where its deflate payload lies and what its trailer claims.
///
/// Layout (SAM/BAM specification §4.1): a gzip header with FLG.FEXTRA whose extra field holds a
/// `BC` subfield giving the total block size minus one, then raw deflate data, then CRC32 and
/// ISIZE (little-endian) of the uncompressed data.
struct BGZFBlockHeader: Sendable, Equatable {
    /// Bytes before the deflate payload (12 + XLEN).
    var headerLength: Int
    /// Total bytes of the block, header and trailer included.
    var blockSize: Int
    /// The CRC32 of the uncompressed data, from the trailer.
    var crc32: UInt32
    /// The uncompressed size, from the trailer (at most 65,536).
    var uncompressedSize: Int

    /// Bytes of raw deflate data.
    var payloadLength: Int { blockSize - headerLength - 8 }

    /// The largest uncompressed size a BGZF block may have.
    static let maximumUncompressedSize = 65_536
    /// The largest total size of a BGZF block (BSIZE is 16 bits and holds size − 1).
    static let maximumBlockSize = 65_536

    /// What the bytes at an offset hold, as far as a header is concerned.
    enum Inspection: Equatable {
        /// Too few bytes to tell.
        case needMoreBytes
        /// A BGZF header of `headerLength` bytes announcing a block of `blockSize` bytes.
        case header(headerLength: Int, blockSize: Int)
        /// Not a BGZF block header; the text says why.
        case invalid(String)
    }

    /// Outcome of parsing a whole block.
    enum Parse: Equatable {
        case needMoreBytes
        case block(BGZFBlockHeader)
        case invalid(String)
    }

    /// Checks the header at `offset` of `bytes` without needing the rest of the block.
    static func inspect(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Inspection {
        let available = bytes.count - offset
        guard available >= 12 else {
            // Reject early what cannot be a gzip header, so garbage is not mistaken for a cut block.
            if available >= 1, bytes[offset] != 0x1F { return .invalid(notGzip(bytes, offset)) }
            if available >= 2, bytes[offset + 1] != 0x8B { return .invalid(notGzip(bytes, offset)) }
            return .needMoreBytes
        }
        guard bytes[offset] == 0x1F, bytes[offset + 1] == 0x8B else {
            return .invalid(notGzip(bytes, offset))
        }
        guard bytes[offset + 2] == 8 else {
            return .invalid("gzip compression method \(bytes[offset + 2]) is not deflate (8)")
        }
        let flags = bytes[offset + 3]
        guard flags & 0x04 != 0 else {
            return .invalid("gzip member without an extra field, so not a BGZF block (plain gzip appended?)")
        }
        guard flags & ~0x04 == 0 else {
            return .invalid(
                "gzip flags 0x\(String(flags, radix: 16)) are not allowed in a BGZF block (expected 0x04)")
        }
        let extraLength = Int(bytes[offset + 10]) | Int(bytes[offset + 11]) << 8
        guard available >= 12 + extraLength else { return .needMoreBytes }
        var position = offset + 12
        let extraEnd = position + extraLength
        while position + 4 <= extraEnd {
            let subfieldLength = Int(bytes[position + 2]) | Int(bytes[position + 3]) << 8
            if bytes[position] == 0x42, bytes[position + 1] == 0x43, subfieldLength == 2,
                position + 6 <= extraEnd
            {
                let blockSize = (Int(bytes[position + 4]) | Int(bytes[position + 5]) << 8) + 1
                guard blockSize >= 12 + extraLength + 8 else {
                    return .invalid("BGZF block size \(blockSize) is smaller than its own header and trailer")
                }
                return .header(headerLength: 12 + extraLength, blockSize: blockSize)
            }
            position += 4 + subfieldLength
        }
        return .invalid("gzip member without the BGZF 'BC' extra subfield (plain gzip appended to BGZF?)")
    }

    /// Parses the block at `offset` when all of it is present.
    static func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Parse {
        switch inspect(bytes, at: offset) {
        case .needMoreBytes: return .needMoreBytes
        case .invalid(let why): return .invalid(why)
        case .header(let headerLength, let blockSize):
            guard bytes.count - offset >= blockSize else { return .needMoreBytes }
            let trailer = offset + blockSize - 8
            let crc = bytes.loadUnaligned(fromByteOffset: trailer, as: UInt32.self).littleEndian
            let size = Int(bytes.loadUnaligned(fromByteOffset: trailer + 4, as: UInt32.self).littleEndian)
            guard size <= maximumUncompressedSize else {
                return .invalid("BGZF block claims \(size) uncompressed bytes (ISIZE); the maximum is 65536")
            }
            return .block(
                BGZFBlockHeader(
                    headerLength: headerLength, blockSize: blockSize, crc32: crc, uncompressedSize: size))
        }
    }

    private static func notGzip(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> String {
        let shown = bytes[offset..<min(bytes.count, offset + 4)].map { hex($0) }.joined(separator: " ")
        return "expected a BGZF block header (1f 8b ...), found bytes \(shown)"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
