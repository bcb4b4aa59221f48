import CZlib
import Foundation
import GenomicFormats

/// Builds gzip and BGZF streams in memory with zlib, so input tests control every byte.
enum TestCompressor {
    /// A single gzip member holding `bytes`.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        deflate(bytes, windowBits: 15 + 16)
    }

    /// Raw deflate data (no header), as in a BGZF block's payload.
    static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
        deflate(bytes, windowBits: -15)
    }

    /// BGZF with blocks of at most `blockSize` uncompressed bytes, ending with the EOF marker
    /// block unless `endMarker` is false.
    static func bgzf(_ bytes: [UInt8], blockSize: Int = 65_280, endMarker: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + blockSize)
            out += bgzfBlock(Array(bytes[start..<end]))
            start = end
        }
        if endMarker { out += bgzfEndMarker }
        return out
    }

    /// One BGZF block holding `bytes` (at most 64 KiB).
    static func bgzfBlock(_ bytes: [UInt8]) -> [UInt8] {
        let payload = rawDeflate(bytes)
        let blockSize = 18 + payload.count + 8
        var block: [UInt8] = [0x1F, 0x8B, 8, 4, 0, 0, 0, 0, 0, 0xFF, 6, 0, 0x42, 0x43, 2, 0]
        block += littleEndian16(UInt16(blockSize - 1))
        block += payload
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        block += littleEndian32(crc)
        block += littleEndian32(UInt32(bytes.count))
        return block
    }

    /// The 28-byte empty block that ends every BGZF file.
    static let bgzfEndMarker: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1B, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]

    static func littleEndian16(_ value: UInt16) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    static func littleEndian32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func deflate(_ bytes: [UInt8], windowBits: Int32) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        precondition(oncomatch_deflateInit2(stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK)
        defer { deflateEnd(stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(bytes.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outBuffer.count)
                precondition(CZlib.deflate(stream, Z_FINISH) == Z_STREAM_END)
                return outBuffer.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output[0..<produced])
    }
}

/// Reads every line of `reader` as a string.
func readAllLines(_ reader: LineReader) throws -> [String] {
    var lines: [String] = []
    while let line = try reader.nextLine() {
        lines.append(String(decoding: line, as: UTF8.self))
    }
    return lines
}

/// Reads every decompressed byte of `reader`.
func readAllBytes(_ reader: DecompressingReader) throws -> [UInt8] {
    var bytes: [UInt8] = []
    while let chunk = try reader.nextChunk() { bytes += chunk }
    return bytes
}

/// The error `body` throws, as a `FormatError`, or nil if it throws none.
func formatError(_ body: () throws -> Void) -> FormatError? {
    do {
        try body()
        return nil
    } catch let error as FormatError {
        return error
    } catch {
        return FormatError(.io, file: "?", message: "unexpected error type: \(error)")
    }
}

/// Deterministic VCF-like text: `count` lines of varying length.
func sampleText(lines count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed
    var text: [UInt8] = []
    for index in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let width = Int(state >> 57)  // 0...127
        text += Array("chr1\t\(index + 1)\t.\tA\tG\t50\tPASS\tDP=\(width);CSQ=".utf8)
        for offset in 0..<width { text.append(UInt8(97 + (offset + index) % 26)) }
        text.append(0x0A)
    }
    return text
}

/// Runs a tool and returns its standard output.
func runTool(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    try process.run()
    if let input {
        let writer = inputPipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(Data(input))
            try? writer.close()
        }
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}
