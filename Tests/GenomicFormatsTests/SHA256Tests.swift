import Foundation
import GenomicFormats
import TestSupport
import Testing

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
}
