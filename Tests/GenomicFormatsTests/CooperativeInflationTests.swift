import Dispatch
import Synchronization
import TestSupport
import Testing

@testable import GenomicFormats

@Suite("BGZF batches inflated by the reading thread's callers (CooperativeInflation)")
struct CooperativeInflationTests {
    /// About 1 MB of random printable lines: it hardly compresses, so 64 KiB batches make many.
    static let text: [UInt8] = {
        var generator = SeededGenerator(seed: 42)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 20)
        while bytes.count < 1 << 20 {
            for _ in 0..<Int.random(in: 1...300, using: &generator) {
                bytes.append(UInt8.random(in: 0x21...0x7E, using: &generator))
            }
            bytes.append(0x0A)
        }
        return bytes
    }()

    static func source(_ bytes: [UInt8], workers: Int) -> BGZFChunkSource {
        BGZFChunkSource(
            input: RawInput(bytes: bytes, name: "coop.gz"), threads: workers, cooperative: true,
            compressedBatchSize: 64 << 10, outputBatchSize: 64 << 10)
    }

    static func readAll(_ source: BGZFChunkSource, between: () -> Void = {}) throws -> [UInt8] {
        var output: [UInt8] = []
        while let chunk = try source.nextChunk() {
            output.append(contentsOf: chunk)
            between()
        }
        return output
    }

    @Test func batchesInflatedByAnotherCallerComeBackInOrder() throws {
        let source = Self.source(TestCompressor.bgzf(Self.text), workers: 0)
        let inflation = try #require(source.cooperativeInflation)
        // The first call frames the whole ring (5 batches) and inflates the first itself;
        // the other four are on offer until someone takes them.
        var output = Array(try #require(try source.nextChunk()))
        var taken = 0
        while inflation.inflateOne() { taken += 1 }
        #expect(taken == 4)
        // From then on each call offers one more batch; take it before the reader needs it
        // on every other call, and let the reader inflate the rest itself.
        var call = 0
        while let chunk = try source.nextChunk() {
            output.append(contentsOf: chunk)
            call += 1
            if call % 2 == 0 { _ = inflation.inflateOne() }
        }
        #expect(output == Self.text)
    }

    @Test(arguments: [0, 1, 2])
    func concurrentHelpersGiveTheSameBytes(workers: Int) throws {
        let compressed = TestCompressor.bgzf(Self.text)
        for _ in 0..<5 {
            let source = Self.source(compressed, workers: workers)
            let inflation = try #require(source.cooperativeInflation)
            let stop = Atomic<Bool>(false)
            let finished = DispatchSemaphore(value: 0)
            for _ in 0..<2 {
                DispatchQueue.global().async {
                    while !stop.load(ordering: .relaxed) { _ = inflation.inflateOne() }
                    finished.signal()
                }
            }
            let output = try Self.readAll(source)
            stop.store(true, ordering: .relaxed)
            finished.wait()
            finished.wait()
            #expect(output == Self.text)
        }
    }

    @Test func aCorruptBlockInflatedByAHelperFailsAtItsPlace() throws {
        // Blocks of 4 KiB: the 100th has a bad CRC, so it lies in a batch a helper inflates.
        var blocks: [[UInt8]] = stride(from: 0, to: Self.text.count, by: 4096).map { start in
            TestCompressor.bgzfBlock(Array(Self.text[start..<min(start + 4096, Self.text.count)]))
        }
        blocks[100][blocks[100].count - 8] ^= 0xFF
        let offset = blocks[0..<100].reduce(0) { $0 + $1.count }
        let source = Self.source(blocks.flatMap { $0 } + TestCompressor.bgzfEndMarker, workers: 0)
        let inflation = try #require(source.cooperativeInflation)
        var output: [UInt8] = []
        let error = formatError {
            while let chunk = try source.nextChunk() {
                output.append(contentsOf: chunk)
                while inflation.inflateOne() {}
            }
        }
        #expect(error?.kind == .compression)
        #expect(error?.message.contains("CRC32") == true)
        #expect(error?.message.contains("byte offset \(offset)") == true)
        // Everything before the bad block's batch came out, and nothing after it.
        #expect(output.count <= 100 * 4096)
        #expect(output == Array(Self.text[0..<output.count]))
        #expect(formatError { _ = try source.nextChunk() }?.kind == .compression)
    }

    @Test func abandoningTheReaderWhileAHelperInflatesIsSafe() throws {
        let compressed = TestCompressor.bgzf(Self.text)
        for _ in 0..<20 {
            var source: BGZFChunkSource? = Self.source(compressed, workers: 1)
            let inflation = try #require(source?.cooperativeInflation)
            let stop = Atomic<Bool>(false)
            let finished = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                while !stop.load(ordering: .relaxed) { _ = inflation.inflateOne() }
                finished.signal()
            }
            _ = try source?.nextChunk()
            _ = try source?.nextChunk()
            source = nil  // withdraws the offers, waits for batches being inflated
            #expect(!inflation.inflateOne())
            stop.store(true, ordering: .relaxed)
            finished.wait()
        }
    }
}
