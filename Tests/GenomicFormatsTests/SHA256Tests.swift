import Foundation
import TestSupport
import Testing

@testable import GenomicFormats

@Suite("SHA-256")
struct SHA256Tests {
    private func hex(_ text: String) -> String {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return hash.hexDigest
    }

    @Test func fipsVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func millionAsInUnevenPieces() {
        var hash = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 1_000)
        var fed = 0
        var step = 1
        while fed < 1_000_000 {
            let count = min(step, 1_000_000 - fed, piece.count)
            piece.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            fed += count
            step = step % 997 + 13
        }
        #expect(hash.hexDigest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaries() throws {
        // Lengths around the 55/56/64-byte padding edges, checked against sha256sum.
        for length in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = [UInt8](repeating: 0x78, count: length)
            var hash = SHA256()
            hash.update(bytes)
            let expected = try runTool("/usr/bin/sha256sum", ["-"], input: bytes)
            #expect(
                String(decoding: expected.prefix(64), as: UTF8.self) == hash.hexDigest, "length \(length)")
        }
    }

    @Test func hexDigestDoesNotConsumeTheHasher() {
        var hash = SHA256()
        hash.update(Array("ab".utf8))
        _ = hash.hexDigest
        hash.update(Array("c".utf8))
        #expect(hash.finalize().count == 32)
        #expect(SHA256.hex([0x00, 0x0F, 0xF0, 0xFF]) == "000ff0ff")
    }

    @Test func fileDigestMatchesSha256sum() throws {
        try #require(TestData.hasSharedData)
        let path = TestData.shared("annotated/snpeff/examples/1kg.head_chr1.vcf.gz")
        let output = try runTool("/usr/bin/sha256sum", [path])
        #expect(try SHA256.hexDigest(ofFile: path) == String(decoding: output.prefix(64), as: UTF8.self))
    }

    @Test func missingFileIsAnError() {
        #expect(throws: FormatError.self) { try SHA256.hexDigest(ofFile: "/nonexistent/rules.yaml") }
    }

    /// The CPU-accelerated compression (when this machine has SHA extensions) and the portable one
    /// agree on every message length around the block size and on a long message fed in pieces.
    @Test func hardwareAndPortableAgree() {
        var generator = SystemRandomNumberGenerator()
        let message = (0..<(1 << 20) + 333).map { _ in UInt8.random(in: 0...255, using: &generator) }
        message.withUnsafeBytes { bytes in
            for length in Array(0...200) + [4095, 4096, 4097, bytes.count] {
                var fast = SHA256()
                var portable = SHA256()
                portable.portable = true
                // Pieces of uneven sizes exercise the pending-block path too.
                var offset = 0
                var piece = 1
                while offset < length {
                    let count = min(piece, length - offset)
                    let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
                    fast.update(slice)
                    portable.update(slice)
                    offset += count
                    piece = piece * 3 + 7
                }
                #expect(fast.hexDigest == portable.hexDigest, "length \(length)")
            }
        }
    }
}
