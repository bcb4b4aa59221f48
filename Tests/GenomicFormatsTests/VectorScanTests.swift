import CVectorScan
import GenomicFormats
import TestSupport
import Testing

/// The vector separator scanner and byte marker (AVX2 or SSE2) must agree with the
/// byte-at-a-time ones.
@Suite("Vector separator scan")
struct VectorScanTests {
    @Test(
        "Separators and terminator agree with the portable scan on random bytes, offsets and capacities",
        arguments: [(UInt8(ascii: "\t"), UInt8(ascii: "\n")), (UInt8(ascii: "|"), UInt8(ascii: ","))])
    func agreesWithPortableScan(separator: UInt8, terminator: UInt8) {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [UInt8(ascii: "a"), separator, terminator, UInt8(ascii: "\t")]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let offset = Int.random(in: 0..<33, using: &generator)
            // Mostly letters, so vectors without any separator are common too.
            let bytes = (0..<(offset + length)).map { _ in
                Int.random(in: 0..<10, using: &generator) < 8
                    ? alphabet[0] : alphabet[Int.random(in: 1..<4, using: &generator)]
            }
            let capacity = [0, 1, 3, 256][Int.random(in: 0..<4, using: &generator)]
            var expectedPositions = [Int32](repeating: -1, count: max(capacity, 1))
            var foundPositions = expectedPositions
            var expectedCount = 0
            var foundCount = 0
            bytes.withUnsafeBufferPointer { buffer in
                let start = buffer.baseAddress! + offset
                let expectedEnd = oncomatch_scan_separators_portable(
                    start, length, separator, terminator, &expectedPositions, capacity, &expectedCount)
                let foundEnd = oncomatch_scan_separators(
                    start, length, separator, terminator, &foundPositions, capacity, &foundCount)
                #expect(foundEnd == expectedEnd)
            }
            #expect(foundCount == expectedCount)
            #expect(foundPositions == expectedPositions)
        }
    }

    @Test("A line without newline ends at its length; the tabs are offsets in the line")
    func lineWithoutNewline() {
        let line = Array("chr1\t100\t.\tA\tT".utf8)
        var tabs = [Int32](repeating: 0, count: 8)
        var found = 0
        let end = oncomatch_scan_separators(line, line.count, 0x09, 0x0A, &tabs, tabs.count, &found)
        #expect(end == line.count)
        #expect(found == 4)
        #expect(Array(tabs[0..<4]) == [4, 8, 10, 12])
    }

    @Test(
        "Byte masks agree with the portable marker on random bytes, offsets and lengths; no bit past the end")
    func masksAgreeWithPortableMarker() {
        var generator = SeededGenerator(seed: 5)
        let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "|"), UInt8(ascii: ","), 0]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0..<300, using: &generator)
            let offset = Int.random(in: 0..<33, using: &generator)
            // Bytes past the length are separators: a marker that read them would set bits.
            let bytes =
                (0..<(offset + length)).map { _ in
                    Int.random(in: 0..<10, using: &generator) < 7
                        ? alphabet[0] : alphabet[Int.random(in: 1..<4, using: &generator)]
                } + [UInt8](repeating: UInt8(ascii: "|"), count: 64)
            let words = SeparatorMasks.wordCount(forByteCount: length)
            // Start from garbage: every word must be written.
            var expected = [UInt64](repeating: 0xDEAD_BEEF, count: 2 * words)
            var found = [UInt64](repeating: 0xBEEF_DEAD, count: 2 * words)
            var foundBySSE2 = [UInt64](repeating: 0xFEED_FACE, count: 2 * words)
            bytes.withUnsafeBufferPointer { buffer in
                let start = buffer.baseAddress! + offset
                expected.withUnsafeMutableBufferPointer { masks in
                    oncomatch_mark_bytes_portable(
                        start, length, UInt8(ascii: "|"), UInt8(ascii: ","), masks.baseAddress!,
                        masks.baseAddress! + words)
                }
                foundBySSE2.withUnsafeMutableBufferPointer { masks in
                    oncomatch_mark_bytes_sse2(
                        start, length, UInt8(ascii: "|"), UInt8(ascii: ","), masks.baseAddress!,
                        masks.baseAddress! + words)
                }
                found.withUnsafeMutableBufferPointer { masks in
                    SeparatorMasks.mark(
                        UnsafeRawBufferPointer(start: start, count: length), UInt8(ascii: "|"),
                        UInt8(ascii: ","),
                        firstMask: masks.baseAddress!, secondMask: masks.baseAddress! + words)
                }
            }
            #expect(found == expected)
            #expect(foundBySSE2 == expected)
            // The portable marker against the definition.
            let wrong = (0..<length).first { index in
                let byte = bytes[offset + index]
                let bar = expected[index / 64] >> UInt64(index % 64) & 1 == 1
                let comma = expected[words + index / 64] >> UInt64(index % 64) & 1 == 1
                return bar != (byte == UInt8(ascii: "|")) || comma != (byte == UInt8(ascii: ","))
            }
            #expect(wrong == nil)
            if length % 64 != 0 {
                #expect(expected[words - 1] >> UInt64(length % 64) == 0)
                #expect(expected[2 * words - 1] >> UInt64(length % 64) == 0)
            }
            // The first set bit from any position.
            if length > 0 {
                let position = Int.random(in: 0..<length, using: &generator)
                let firstBar = (position..<length).first { bytes[offset + $0] == UInt8(ascii: "|") }
                let located = found.withUnsafeBufferPointer {
                    SeparatorMasks.firstSetBit(in: $0.baseAddress!, wordCount: words, from: position)
                }
                #expect(located == firstBar)
            }
        }
    }

    @Test(
        "Terminated masks stop at the first terminator (AVX2, SSE2, portable) and match the plain marker before it"
    )
    func terminatedMasksStopAtTheTerminator() {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = [
            UInt8(ascii: "a"), UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ";"), 0,
        ]
        for round in 0..<5_000 {
            let length = Int.random(in: 0..<300, using: &generator)
            let offset = Int.random(in: 0..<33, using: &generator)
            // Terminators are rare (often none, sometimes in the first or last vector); bytes past
            // the length are separators and terminators: a marker that read them would differ.
            let terminatorOdds = round % 3 == 0 ? 0 : Int.random(in: 1..<400, using: &generator)
            let bytes =
                (0..<(offset + length)).map { _ -> UInt8 in
                    if Int.random(in: 0..<1_000, using: &generator) < terminatorOdds { return alphabet[3] }
                    return Int.random(in: 0..<10, using: &generator) < 7
                        ? alphabet[0]
                        : [alphabet[1], alphabet[2], alphabet[4]].randomElement(using: &generator)!
                } + Array(repeating: [UInt8(ascii: "|"), UInt8(ascii: ";")], count: 32).joined()
            let body = bytes[offset..<(offset + length)]
            let end = body.firstIndex(of: UInt8(ascii: ";")).map { $0 - offset } ?? length
            let capacity = SeparatorMasks.wordCount(forByteCount: length)
            let words = SeparatorMasks.wordCount(forByteCount: end)
            // What the plain marker gives for the bytes before the terminator.
            var expected = [UInt64](repeating: 0, count: 2 * max(words, 1))
            var ends: [Int] = []
            var results: [[UInt64]] = []
            bytes.withUnsafeBufferPointer { buffer in
                let start = buffer.baseAddress! + offset
                expected.withUnsafeMutableBufferPointer { masks in
                    oncomatch_mark_bytes_portable(
                        start, end, UInt8(ascii: "|"), UInt8(ascii: ","), masks.baseAddress!,
                        masks.baseAddress! + max(words, 1))
                }
                typealias Marker = (
                    UnsafePointer<UInt8>, Int, UInt8, UInt8, UInt8, UnsafeMutablePointer<UInt64>,
                    UnsafeMutablePointer<UInt64>
                ) -> Int
                let markers: [Marker] = [
                    oncomatch_mark_bytes_until_portable, oncomatch_mark_bytes_until_sse2,
                    oncomatch_mark_bytes_until,
                ]
                for marker in markers {
                    // Start from garbage: every word before the end must be written.
                    var masks = [UInt64](repeating: 0xDEAD_BEEF, count: 2 * max(capacity, 1))
                    let found = masks.withUnsafeMutableBufferPointer { masks in
                        marker(
                            start, length, UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ";"),
                            masks.baseAddress!, masks.baseAddress! + max(capacity, 1))
                    }
                    ends.append(found)
                    results.append(
                        Array(masks[0..<words]) + Array(repeating: 0, count: max(words, 1) - words)
                            + Array(masks[max(capacity, 1)..<(max(capacity, 1) + words)])
                            + Array(repeating: 0, count: max(words, 1) - words))
                }
                // And through the Swift entry point.
                var masks = [UInt64](repeating: 0xFEED_FACE, count: 2 * max(capacity, 1))
                let found = masks.withUnsafeMutableBufferPointer { masks in
                    SeparatorMasks.mark(
                        UnsafeRawBufferPointer(start: start, count: length), UInt8(ascii: "|"),
                        UInt8(ascii: ","),
                        until: UInt8(ascii: ";"), firstMask: masks.baseAddress!,
                        secondMask: masks.baseAddress! + max(capacity, 1))
                }
                ends.append(found)
                results.append(
                    Array(masks[0..<words]) + Array(repeating: 0, count: max(words, 1) - words)
                        + Array(masks[max(capacity, 1)..<(max(capacity, 1) + words)])
                        + Array(repeating: 0, count: max(words, 1) - words))
            }
            #expect(ends == Array(repeating: end, count: 4), "round \(round)")
            for result in results { #expect(result == expected, "round \(round)") }
        }
    }

    /// The first field whose key is `key`, by splitting (what the key finders must give).
    private static func splitFind(_ bytes: [UInt8], key: [UInt8]) -> (start: Int, end: Int)? {
        if key.contains(UInt8(ascii: ";")) || key.contains(UInt8(ascii: "=")) { return nil }
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            let field = bytes[start..<end]
            let keyEnd = field.firstIndex(of: UInt8(ascii: "=")) ?? end
            if Array(bytes[start..<keyEnd]) == key { return (start, end) }
            start = end + 1
        }
        return nil
    }

    @Test(
        "The INFO key finder agrees with splitting on random fields, offsets and keys (AVX2 and portable)")
    func keyFinderAgreesWithSplitting() {
        var generator = SeededGenerator(seed: 7)
        // Few letters, so keys recur inside values, at field starts and across vector edges.
        let alphabet = Array("CSQ;=,|".utf8)
        let keys = ["CSQ", "C", "Q", "CSQQ", "SQ", "", "C=", "Q;"].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<150, using: &generator)
            let offset = Int.random(in: 0..<33, using: &generator)
            let bytes = (0..<(offset + length)).map { _ in alphabet.randomElement(using: &generator)! }
            let key = keys.randomElement(using: &generator)!
            let field = Array(bytes[offset...])
            let expected = Self.splitFind(field, key: key)
            bytes.withUnsafeBufferPointer { buffer in
                key.withUnsafeBufferPointer { key in
                    for finder in [oncomatch_find_key, oncomatch_find_key_portable] {
                        var end = -1
                        let start = finder(
                            buffer.baseAddress! + offset, length, key.baseAddress, key.count,
                            UInt8(ascii: ";"),
                            UInt8(ascii: "="), &end)
                        #expect(start == expected?.start ?? -1)
                        if let expected { #expect(end == expected.end) }
                    }
                }
            }
        }
    }

    @Test("The JSON special-byte finder agrees with the byte-at-a-time one on random bytes and offsets")
    func jsonSpecialFinderAgreesWithPortable() {
        var generator = SeededGenerator(seed: 11)
        // Mostly plain text, with each special byte (and its neighbours 0x1F/0x20, 0x7E/0x80,
        // 0xE1/0xE3) rare enough that runs cross the 16-byte blocks.
        let plain = Array("ACGTp.V600E ".utf8)
        let rare: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x22, 0x5C, 0x7E, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<80, using: &generator)
            let offset = Int.random(in: 0..<17, using: &generator)
            let bytes = (0..<(offset + length)).map { _ in
                Int.random(in: 0..<40, using: &generator) == 0
                    ? rare.randomElement(using: &generator)! : plain.randomElement(using: &generator)!
            }
            let expected =
                bytes[offset...].firstIndex { $0 < 0x20 || [0x22, 0x5C, 0x7F, 0xE2].contains($0) }
                .map { $0 - offset } ?? length
            bytes.withUnsafeBufferPointer { buffer in
                #expect(oncomatch_json_special_offset(buffer.baseAddress! + offset, length) == expected)
                #expect(
                    oncomatch_json_special_offset_portable(buffer.baseAddress! + offset, length) == expected)
            }
        }
    }
}
