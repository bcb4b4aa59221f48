import GenomicFormats
import Testing

@testable import OncoDomain

/// The loader's sample-column reader cuts `:`-separated pieces from a mask of the column's colons
/// (columns of up to 64 bytes) or byte by byte (longer ones); either way it must find exactly the
/// pieces `VCFByteParsing.piece` finds.
@Suite("Sample field layout")
struct SampleFieldLayoutTests {
    /// Bytes that look like `:` to a careless word trick: neighbours, the same low bits with the
    /// high bit set, zero.
    static let alphabet: [UInt8] = Array("::0123456789,./|".utf8) + [0x3B, 0x39, 0xBA, 0x00, 0xFF, 0x80]

    /// `count` random bytes after a nine-byte prefix (a sample column follows nine columns of its
    /// line, whose bytes the mask may read), then a tab.
    static func line(count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        Array("#########".utf8) + (0..<count).map { _ in alphabet.randomElement(using: &generator)! } + [0x09]
    }

    @Test func colonMaskMarksExactlyTheColons() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...64, using: &generator)
            let bytes = Self.line(count: count, using: &generator)
            bytes.withUnsafeBytes { buffer in
                let mask = SampleFieldLayout.colonMask(buffer.baseAddress! + 9, count: count)
                var expected: UInt64 = 0
                for index in 0..<count where bytes[9 + index] == UInt8(ascii: ":") {
                    expected |= 1 << UInt64(index)
                }
                #expect(mask == expected, "column \(bytes[9..<(9 + count)])")
            }
        }
    }

    @Test func locateFindsThePiecesOfEveryLength() throws {
        var generator = SystemRandomNumberGenerator()
        // Keys in FORMAT order; `XX` is read by nobody, so the last read piece is not the last one.
        let formats = ["GT:AD:DP:AF:FA", "GT:XX:AD:DP", "AF:GT", "DP", "GT:AD:DP:AF:XX:XX:FA"]
        for format in formats {
            var layout = SampleFieldLayout(header: VCFHeader())
            Array(format.utf8).withUnsafeBytes { layout.update(format: $0) }
            let keys = format.split(separator: ":").map(String.init)
            func index(_ key: String) -> Int? { keys.firstIndex(of: key) }
            for _ in 0..<3000 {
                let count = Int.random(in: 0...(Bool.random(using: &generator) ? 64 : 100), using: &generator)
                let bytes = Self.line(count: count, using: &generator)
                bytes.withUnsafeBytes { buffer in
                    let column = UnsafeRawBufferPointer(rebasing: buffer[9..<(9 + count)])
                    let located = layout.locate(column)
                    func expected(_ key: String) -> [UInt8]? {
                        guard let position = index(key) else { return nil }
                        return VCFByteParsing.piece(position, of: column, separatedBy: 58).map { Array($0) }
                    }
                    func found(_ range: Range<Int>?) -> [UInt8]? { range.map { Array(column[$0]) } }
                    let context = "format \(format), column \(Array(column))"
                    #expect(found(located.genotype) == expected("GT"), "\(context)")
                    #expect(found(located.alleleDepths) == expected("AD"), "\(context)")
                    #expect(found(located.depth) == expected("DP"), "\(context)")
                    #expect(found(located.fraction) == expected("AF"), "\(context)")
                    #expect(found(located.mutectFraction) == expected("FA"), "\(context)")
                }
            }
        }
    }
}
