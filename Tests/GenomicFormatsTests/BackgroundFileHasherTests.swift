import Foundation
import GenomicFormats
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The input checksum computed on a thread of its own must be the file's SHA-256, pauses or not,
/// and never a checksum of a file that changed while it was read.
@Suite("Background file hasher")
struct BackgroundFileHasherTests {
    private func file(_ bytes: [UInt8], in directory: URL, name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("The file's SHA-256 whatever its size (empty, one byte, several read blocks), paused or not")
    func sameDigestAsReadingInline() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededGenerator(seed: 19)
        for size in [0, 1, 64, (1 << 20) + 17, 3 << 20] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = try file(bytes, in: directory, name: "input-\(size)")
            let expected = try SHA256.hexDigest(ofFile: path)
            let plain = try #require(BackgroundFileHasher(path: path))
            #expect(try plain.result() == expected)
            // Paused at once, resumed later; and paused when the result is asked for.
            let resumed = try #require(BackgroundFileHasher(path: path))
            resumed.pause()
            resumed.resume()
            #expect(try resumed.result() == expected)
            let paused = try #require(BackgroundFileHasher(path: path))
            paused.pause()
            #expect(try paused.result() == expected)
        }
        // The empty file's digest is SHA-256 of nothing.
        let empty = try #require(BackgroundFileHasher(path: try file([], in: directory, name: "empty")))
        #expect(try empty.result() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("No hasher for standard input, a directory, a pipe or a missing file (they are hashed inline)")
    func onlyRegularFiles() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(BackgroundFileHasher(path: "-") == nil)
        #expect(BackgroundFileHasher(path: directory.path) == nil)
        #expect(BackgroundFileHasher(path: directory.appendingPathComponent("missing").path) == nil)
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Not even opened (that would block for a writer here).
        #expect(BackgroundFileHasher(path: fifo) == nil)
    }

    @Test("A file that grows, or is replaced, after the hasher opened it is an error, not a checksum")
    func changedFileIsAnError() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try file(Array(repeating: 65, count: 4096), in: directory, name: "growing")
        let grown = try #require(BackgroundFileHasher(path: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([66]))
        try handle.close()
        #expect(throws: FormatError.self) { try grown.result() }

        let replaced = try #require(BackgroundFileHasher(path: path))
        _ = try file(Array(repeating: 67, count: 4097), in: directory, name: "other")
        #expect(rename(directory.appendingPathComponent("other").path, path) == 0)
        #expect(throws: FormatError.self) { try replaced.result() }
    }

    @Test(
        "Cancelling ends the thread, paused or not; afterwards the outcome is the digest or the cancellation")
    func cancel() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try file(Array(repeating: 1, count: 8 << 20), in: directory, name: "input")
        let expected = try SHA256.hexDigest(ofFile: path)
        let running = try #require(BackgroundFileHasher(path: path))
        running.cancel()
        let paused = try #require(BackgroundFileHasher(path: path))
        paused.pause()
        paused.cancel()
        paused.cancel()
        for hasher in [running, paused] {
            // The thread may have finished before the cancel: then the digest, never another one.
            do {
                #expect(try hasher.result() == expected)
            } catch let error as FormatError {
                #expect(error.message == "hashing cancelled")
            }
        }
    }
}
