import GenomicFormats
import TestSupport
import Testing

@Suite("VCF byte parsing")
struct VCFByteParsingTests {
    func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [
        ("0", 0 as Int?), ("42", 42), ("-7", -7), ("+3", 3), ("", nil), ("-", nil), ("1.0", nil),
        ("12a", nil),
        ("9223372036854775807", Int.max), ("9223372036854775808", nil),
    ])
    func integers(text: String, expected: Int?) {
        #expect(withBytes(text) { VCFByteParsing.integer($0) } == expected)
    }

    @Test(arguments: [
        ("0.1", 0.1 as Double?), ("13.75", 13.75), ("-2.5", -2.5), ("1e-3", 0.001), ("2.5E+2", 250), ("7", 7),
        ("0.123456789012345", 0.123456789012345), ("1.00000000000000000001", 1), ("", nil), (".", nil),
        ("1.2.3", nil), ("abc", nil), (" 1", nil), ("0x10", nil), ("Inf", Double.infinity),
        ("-Inf", -Double.infinity),
    ])
    func floats(text: String, expected: Double?) {
        #expect(withBytes(text) { VCFByteParsing.float($0) } == expected)
    }

    @Test func notANumber() {
        #expect(withBytes("NaN") { VCFByteParsing.float($0) }?.isNaN == true)
    }

    @Test func piecesAndPercentDecoding() {
        var pieces: [String] = []
        withBytes("a,,b") { bytes in
            VCFByteParsing.forEachPiece(of: bytes, separatedBy: 44) {
                pieces.append(String(decoding: $0, as: UTF8.self))
            }
        }
        #expect(pieces == ["a", "", "b"])
        #expect(withBytes("x:y:z") { VCFByteParsing.piece(2, of: $0, separatedBy: 58).map { $0.count } } == 1)
        #expect(withBytes("x:y:z") { VCFByteParsing.piece(3, of: $0, separatedBy: 58) == nil })
        #expect(withBytes("50%25%2C%zz%4") { VCFByteParsing.string($0, percentDecode: true) } == "50%,%zz%4")
        #expect(withBytes("a%3B") { VCFByteParsing.string($0, percentDecode: false) } == "a%3B")
    }

    @Test("Byte-string equality agrees with comparing arrays, at every length and differing byte")
    func equality() {
        var generator = SeededGenerator(seed: 13)
        for length in 0...40 {
            let left = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var variants = [left]
            for index in 0..<length {
                var changed = left
                changed[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
                variants.append(changed)
            }
            if length > 0 { variants.append(Array(left.dropLast())) }
            for right in variants {
                let equal = left.withUnsafeBytes { leftBytes in
                    right.withUnsafeBytes { VCFByteParsing.equals(leftBytes, $0) }
                }
                #expect(equal == (left == right), "length \(length)")
            }
        }
        #expect(withBytes("PASS") { VCFByteParsing.equals($0, "PASS") })
        #expect(!withBytes("PASs") { VCFByteParsing.equals($0, "PASS") })
        #expect(withBytes("") { VCFByteParsing.equals($0, "") })
    }
}
