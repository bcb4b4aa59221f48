import Foundation
import GenomicFormats
import TestSupport
import Testing

@Suite("LineReader over plain, gzip and BGZF input")
struct InputTests {
    // MARK: Plain text

    @Test func plainLinesAreReturnedWithoutTerminators() throws {
        let reader = try LineReader(bytes: Array("a\nbb\n\nccc".utf8), name: "mem.txt")
        #expect(reader.compression == .plain)
        #expect(try reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "a")
        #expect(reader.lineNumber == 1)
        #expect(try readAllLines(reader) == ["bb", "", "ccc"])
        #expect(reader.lineNumber == 4)
        #expect(try reader.nextLine() == nil)
        #expect(reader.lineNumber == 4)
    }

    @Test func crlfEndingsAreStripped() throws {
        let reader = try LineReader(bytes: Array("##x\r\na\tb\r\n\r\nlast\r".utf8), name: "crlf.vcf")
        #expect(try readAllLines(reader) == ["##x", "a\tb", "", "last"])
    }

    @Test func crlfFromSharedDataMatchesLF() throws {
        try #require(TestData.hasSharedData)
        let path = TestData.shared("callers/ensembl-vep-inputs/t/testdata/input/windows.vcf")
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(raw.contains(0x0D))
        let expected = String(decoding: raw, as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines = try readAllLines(try LineReader(path: path))
        if expected.last == "" { lines.append("") }
        #expect(lines == expected)
    }

    @Test func emptyInputsHaveNoLines() throws {
        for (name, bytes) in [
            ("empty.txt", [UInt8]()), ("empty.gz", TestCompressor.gzip([])),
            ("empty.bgz", TestCompressor.bgzf([])),
        ] {
            let reader = try LineReader(bytes: bytes, name: name)
            #expect(try reader.nextLine() == nil, "\(name)")
            #expect(reader.lineNumber == 0)
        }
    }

    @Test func headerOnlyFileYieldsItsHeaderLines() throws {
        let header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
        for bytes in [Array(header.utf8), TestCompressor.bgzf(Array(header.utf8))] {
            let lines = try readAllLines(try LineReader(bytes: bytes, name: "header.vcf"))
            #expect(lines == ["##fileformat=VCFv4.2", "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"])
        }
    }

    @Test func namedPipeDeliversShortReadsCorrectly() throws {
        // Pipes (like standard input) return at most a pipe buffer per read; BGZF framing must
        // still see whole blocks.
        let directory = try TestData.temporaryDirectory()
        let fifo = directory.appendingPathComponent("input.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = sampleText(lines: 20_000)
        let compressed = TestCompressor.bgzf(text, blockSize: 5_000)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            var offset = 0
            while offset < compressed.count {
                let end = min(compressed.count, offset + 3_000)
                handle.write(Data(compressed[offset..<end]))
                offset = end
            }
            try? handle.close()
        }
        writer.start()
        let reader = try LineReader(path: fifo)
        #expect(reader.compression == .bgzf)
        let lines = try readAllLines(reader)
        #expect(lines.count == 20_000)
        #expect(lines.joined(separator: "\n") + "\n" == String(decoding: text, as: UTF8.self))
    }

    // MARK: gzip

    @Test func singleMemberGzip() throws {
        let text = sampleText(lines: 5_000)
        let reader = try LineReader(bytes: TestCompressor.gzip(text), name: "x.vcf.gz")
        #expect(reader.compression == .gzip)
        #expect(
            try readAllLines(reader).joined(separator: "\n") + "\n" == String(decoding: text, as: UTF8.self))
    }

    @Test func multiMemberGzipReadsEveryMember() throws {
        let first = Array("line 1\nline 2 is spl".utf8)
        let second = Array("it across members\nline 3\n".utf8)
        let bytes = TestCompressor.gzip(first) + TestCompressor.gzip(second) + TestCompressor.gzip([])
        let reader = try LineReader(bytes: bytes, name: "multi.gz")
        #expect(reader.compression == .gzip)
        #expect(try readAllLines(reader) == ["line 1", "line 2 is split across members", "line 3"])
    }

    @Test(arguments: [0, 1])
    func largeMultiMemberGzipFromGzipTool(threads: Int) throws {
        let text = sampleText(lines: 40_000, seed: 9)
        let half = text.count / 2
        let bytes =
            try runTool("/usr/bin/gzip", ["-c"], input: Array(text[..<half]))
            + runTool("/usr/bin/gzip", ["-c"], input: Array(text[half...]))
        let reader = try DecompressingReader(bytes: bytes, name: "tool.gz", inflateThreads: threads)
        #expect(reader.compression == .gzip)
        #expect(try readAllBytes(reader) == text)
    }

    @Test(arguments: [0, 1])
    func truncatedGzipIsAnError(threads: Int) throws {
        let bytes = TestCompressor.gzip(sampleText(lines: 2_000))
        let cut = Array(bytes[..<(bytes.count - 100)])
        let error = formatError {
            _ = try readAllLines(try LineReader(bytes: cut, name: "cut.gz", inflateThreads: threads))
        }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("truncated") == true)
        #expect(error?.file == "cut.gz")
    }

    @Test func gzipMissingOnlyItsTrailerIsTruncated() throws {
        let bytes = TestCompressor.gzip(Array("a\nb\n".utf8))
        let error = formatError {
            _ = try readAllLines(try LineReader(bytes: Array(bytes.dropLast(8)), name: "t.gz"))
        }
        #expect(error?.kind == .compression)
    }

    @Test func garbageAfterGzipMemberIsAnError() throws {
        let bytes = TestCompressor.gzip(Array("a\nb\n".utf8)) + Array("this is not gzip".utf8)
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bytes, name: "g.gz")) }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("after the gzip member") == true)
    }

    @Test func corruptGzipDataIsAnError() throws {
        var bytes = TestCompressor.gzip(sampleText(lines: 3_000))
        for index in stride(from: 40, to: 240, by: 7) { bytes[index] ^= 0x5A }
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bytes, name: "bad.gz")) }
        #expect(error?.kind == .compression)
    }

    // MARK: BGZF

    @Test(arguments: [0, 1, 2])
    func bgzfLinesSpanningBlocksAndBatches(threads: Int) throws {
        // 1,000-byte blocks: most lines straddle a block; the input spans many batches.
        let text = sampleText(lines: 60_000, seed: UInt64(threads + 3))
        let bytes = TestCompressor.bgzf(text, blockSize: 1_000)
        let reader = try LineReader(bytes: bytes, name: "span.vcf.gz", inflateThreads: threads)
        #expect(reader.compression == .bgzf)
        let lines = try readAllLines(reader)
        #expect(lines.count == 60_000)
        #expect(reader.lineNumber == 60_000)
        #expect(lines.joined(separator: "\n") + "\n" == String(decoding: text, as: UTF8.self))
    }

    @Test(arguments: [0, 2])
    func bgzfChunksReassembleTheInput(threads: Int) throws {
        let text = sampleText(lines: 100_000, seed: 42)
        let reader = try DecompressingReader(
            bytes: TestCompressor.bgzf(text), name: "chunks.gz", inflateThreads: threads)
        #expect(try readAllBytes(reader) == text)
    }

    @Test func highlyCompressibleBlocksOverflowNoBuffer() throws {
        // Blocks compress ~1000:1, so a compressed batch holds far more output than a batch
        // buffer; framing must stop at the output limit and carry the rest.
        let text = [UInt8](repeating: 0x41, count: 6 << 20) + [0x0A]
        let reader = try LineReader(bytes: TestCompressor.bgzf(text), name: "aaaa.gz")
        let line = try #require(try reader.nextLine())
        #expect(line.count == 6 << 20)
        #expect(line.allSatisfy { $0 == 0x41 })
        #expect(try reader.nextLine() == nil)
    }

    @Test func linesLongerThanABlockFromBgzipTool() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("long.vcf").path
        var text: [UInt8] = []
        for index in 0..<12 {
            text += Array("record\(index)\t".utf8)
            text += (0..<(150_000 + index * 7_919)).map { UInt8(65 + ($0 * 31 + index) % 26) }
            text.append(0x0A)
        }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text)))
        _ = try runTool("/usr/bin/bgzip", ["-f", path])
        let reader = try LineReader(path: path + ".gz")
        #expect(reader.compression == .bgzf)
        let lines = try readAllLines(reader)
        #expect(lines.count == 12)
        #expect(lines.joined(separator: "\n") + "\n" == String(decoding: text, as: UTF8.self))
    }

    @Test func htslibBgzipTestFileMatchesItsText() throws {
        try #require(TestData.hasSharedData)
        let compressed = TestData.shared("htslib/test/bgziptest.txt.gz")
        let reader = try DecompressingReader(path: compressed)
        #expect(reader.compression == .bgzf)
        let expected = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: TestData.shared("htslib/test/bgziptest.txt"))))
        #expect(try readAllBytes(reader) == expected)
    }

    @Test func ensemblVepInputsAreSniffedFromContentNotName() throws {
        try #require(TestData.hasSharedData)
        let base = "callers/ensembl-vep-inputs/t/testdata/input/"
        let cases: [(String, InputCompression)] = [
            ("test.vcf.gz", .gzip), ("test2.vcf.gz", .bgzf), ("test3.vcf.gz", .bgzf), ("test.vcf", .plain),
        ]
        for (file, compression) in cases {
            let path = TestData.shared(base + file)
            let reader = try LineReader(path: path)
            #expect(reader.compression == compression, "\(file)")
            let lines = try readAllLines(reader)
            let expectedBytes =
                compression == .plain
                ? try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                : try runTool("/usr/bin/gzip", ["-dc", path])
            var expected = String(decoding: expectedBytes, as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if expected.last == "" { expected.removeLast() }
            #expect(lines == expected, "\(file)")
            #expect(lines.first?.hasPrefix("##fileformat=VCF") == true, "\(file)")
        }
    }

    @Test func plainFileNamedGzIsReadAsPlain() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory.appendingPathComponent("actually-plain.vcf.gz").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("##fileformat=VCFv4.2\n".utf8)))
        let reader = try LineReader(path: path)
        #expect(reader.compression == .plain)
        #expect(try readAllLines(reader) == ["##fileformat=VCFv4.2"])
    }

    @Test(arguments: [0, 2])
    func bgzfWithoutEndMarkerIsTruncated(threads: Int) throws {
        let text = sampleText(lines: 10_000)
        let bytes = TestCompressor.bgzf(text, blockSize: 4_000, endMarker: false)
        let reader = try LineReader(bytes: bytes, name: "noeof.vcf.gz", inflateThreads: threads)
        var count = 0
        let error = formatError { while try reader.nextLine() != nil { count += 1 } }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("truncated") == true)
        #expect(error?.message.contains("end-of-file marker") == true)
        // Every complete line before the cut was delivered first.
        #expect(count == 10_000)
    }

    @Test func bgzfCutInsideABlockIsTruncated() throws {
        let bytes = TestCompressor.bgzf(sampleText(lines: 10_000), blockSize: 4_000)
        let cut = Array(bytes[..<(bytes.count / 2)])
        let error = formatError { _ = try readAllLines(try LineReader(bytes: cut, name: "cut.bgz")) }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("ends inside the block") == true)
    }

    @Test(arguments: [0, 1])
    func bgzfCorruptCRCIsAnError(threads: Int) throws {
        let first = TestCompressor.bgzfBlock(Array("good line\n".utf8))
        var second = TestCompressor.bgzfBlock(Array("bad line\n".utf8))
        second[second.count - 8] ^= 0xFF  // first CRC byte
        let bytes = first + second + TestCompressor.bgzfEndMarker
        let reader = try LineReader(bytes: bytes, name: "crc.gz", inflateThreads: threads)
        let error = formatError { _ = try readAllLines(reader) }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("CRC32") == true)
        #expect(error?.message.contains("byte offset \(first.count)") == true)
        // A later call raises the error again rather than yielding bytes.
        #expect(formatError { _ = try reader.nextLine() }?.kind == .compression)
    }

    @Test func bgzfLyingISIZEIsAnError() throws {
        for delta in [-1, 1] {
            var block = TestCompressor.bgzfBlock(Array("0123456789\n".utf8))
            block[block.count - 4] = UInt8(11 + delta)
            let error = formatError {
                _ = try readAllLines(
                    try LineReader(bytes: block + TestCompressor.bgzfEndMarker, name: "isize.gz"))
            }
            #expect(error?.kind == .compression)
            #expect(error?.message.contains("ISIZE") == true)
        }
    }

    @Test func bgzfISIZEAbove64KiBIsAnError() throws {
        var block = TestCompressor.bgzfBlock(Array("x\n".utf8))
        let size = TestCompressor.littleEndian32(70_000)
        block.replaceSubrange((block.count - 4)..., with: size)
        let error = formatError {
            _ = try readAllLines(try LineReader(bytes: block + TestCompressor.bgzfEndMarker, name: "big.gz"))
        }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("65536") == true)
    }

    @Test func bgzfCorruptDeflateDataIsAnError() throws {
        var block = TestCompressor.bgzfBlock(sampleText(lines: 300))
        for index in stride(from: 18, to: 60, by: 3) { block[index] = 0xFF }
        let error = formatError {
            _ = try readAllLines(try LineReader(bytes: block + TestCompressor.bgzfEndMarker, name: "d.gz"))
        }
        #expect(error?.kind == .compression)
    }

    @Test func garbageBetweenBgzfBlocksIsAnError() throws {
        let first = TestCompressor.bgzfBlock(Array("one\n".utf8))
        let bytes = first + Array("GARBAGE!".utf8) + TestCompressor.bgzfBlock(Array("two\n".utf8))
        let reader = try LineReader(bytes: bytes + TestCompressor.bgzfEndMarker, name: "junk.gz")
        #expect(try reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "one")
        let error = formatError { _ = try reader.nextLine() }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("byte offset \(first.count)") == true)
    }

    @Test func garbageAfterBgzfEndMarkerIsAnError() throws {
        let bytes = TestCompressor.bgzf(Array("a\n".utf8)) + [0x00, 0x01, 0x02]
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bytes, name: "tail.gz")) }
        #expect(error?.kind == .compression)
    }

    @Test func plainGzipAppendedToBgzfIsAnError() throws {
        let bytes = TestCompressor.bgzf(Array("a\n".utf8)) + TestCompressor.gzip(Array("b\n".utf8))
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bytes, name: "mixed.gz")) }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("BGZF") == true)
    }

    // MARK: Limits and binary input

    @Test func lineOverTheLimitIsAnErrorWithItsNumber() throws {
        let text =
            Array("short\nshort\n".utf8) + [UInt8](repeating: 0x43, count: 5_000) + Array("\nnext\n".utf8)
        for bytes in [text, TestCompressor.bgzf(text, blockSize: 700)] {
            let reader = try LineReader(bytes: bytes, name: "long.txt", maximumLineLength: 1_000)
            let error = formatError { _ = try readAllLines(reader) }
            #expect(error?.kind == .lineTooLong)
            #expect(error?.line == 3)
        }
    }

    @Test func lineAtTheLimitIsAccepted() throws {
        let text = [UInt8](repeating: 0x43, count: 1_000) + Array("\r\nok\n".utf8)
        let reader = try LineReader(
            bytes: TestCompressor.bgzf(text, blockSize: 300), name: "x", maximumLineLength: 1_000)
        #expect(try reader.nextLine()?.count == 1_000)
        #expect(try readAllLines(reader) == ["ok"])
    }

    @Test func binaryFileIsRejected() throws {
        var bytes = [UInt8](repeating: 0, count: 4_096)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bytes, name: "blob.bin")) }
        #expect(error?.kind == .io)
        #expect(error?.message.contains("not a text file") == true)
    }

    @Test func bcfIsRejectedByName() throws {
        let bcf = TestCompressor.bgzf(Array("BCF".utf8) + [2, 2, 10, 0, 0, 0] + Array("##fileformat".utf8))
        let error = formatError { _ = try readAllLines(try LineReader(bytes: bcf, name: "x.bcf")) }
        #expect(error?.message.contains("BCF") == true)
    }

    @Test func missingFileIsAnIOError() {
        let error = formatError { _ = try LineReader(path: "/nonexistent/oncomatch/input.vcf") }
        #expect(error?.kind == .io)
        #expect(error?.file == "/nonexistent/oncomatch/input.vcf")
    }

    @Test func directoryIsAnIOError() throws {
        let directory = try TestData.temporaryDirectory()
        let error = formatError { _ = try LineReader(path: directory.path) }
        #expect(error?.kind == .io)
        #expect(error?.message.contains("directory") == true)
    }

    @Test(arguments: [1, 2])
    func abandoningABgzfReaderMidFileIsSafe(threads: Int) throws {
        // Workers may still be inflating batches when the reader goes away; deinit must wait
        // for them rather than free their buffers underneath.
        let bytes = TestCompressor.bgzf(sampleText(lines: 50_000), blockSize: 2_000)
        for _ in 0..<20 {
            let reader = try LineReader(bytes: bytes, name: "abandon.gz", inflateThreads: threads)
            #expect(try reader.nextLine() != nil)
        }
        let reader = try LineReader(bytes: bytes, name: "abandon.gz", inflateThreads: threads)
        #expect(try readAllLines(reader).count == 50_000)
    }

    @Test func abandoningAPrefetchingGzipReaderMidFileIsSafe() throws {
        let bytes = TestCompressor.gzip(sampleText(lines: 80_000))
        for _ in 0..<10 {
            let reader = try LineReader(bytes: bytes, name: "abandon.gz", inflateThreads: 1)
            #expect(try reader.nextLine() != nil)
        }
        let reader = try LineReader(bytes: bytes, name: "abandon.gz", inflateThreads: 1)
        #expect(try readAllLines(reader).count == 80_000)
        #expect(try reader.nextLine() == nil)
    }

    @Test func compressionIsDetectedFromFirstBytes() {
        let cases: [([UInt8], InputCompression)] = [
            (Array("##fileformat".utf8), .plain), ([0x1F], .plain), ([0x1F, 0x8B], .gzip),
            (TestCompressor.gzip(Array("x".utf8)), .gzip), (TestCompressor.bgzf(Array("x".utf8)), .bgzf),
            (TestCompressor.bgzfEndMarker, .bgzf),
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBytes { InputCompression.detect(prefix: $0) } == expected)
        }
    }
}
