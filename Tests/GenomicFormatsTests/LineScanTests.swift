import CLineScan
import TestSupport
import Testing

/// The vector line scanner (AVX2 or SSE2) must agree with the byte-at-a-time one.
@Suite("Line scanner")
struct LineScanTests {
    @Test("Tabs and line end agree with the portable scan on random lines, offsets and capacities")
    func agreesWithPortableScan() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [
            UInt8(ascii: "a"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "x"),
        ]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let offset = Int.random(in: 0..<33, using: &generator)
            // Mostly letters, so vectors without any separator are common too.
            let bytes = (0..<(offset + length)).map { _ in
                Int.random(in: 0..<10, using: &generator) < 8
                    ? alphabet[0] : alphabet[Int.random(in: 1..<4, using: &generator)]
            }
            let capacity = [0, 1, 3, 256][Int.random(in: 0..<4, using: &generator)]
            var expectedTabs = [Int32](repeating: -1, count: max(capacity, 1))
            var foundTabs = expectedTabs
            var expectedCount = 0
            var foundCount = 0
            bytes.withUnsafeBufferPointer { buffer in
                let start = buffer.baseAddress! + offset
                let expectedEnd = oncomatch_scan_line_portable(
                    start, length, &expectedTabs, capacity, &expectedCount)
                let foundEnd = oncomatch_scan_line(start, length, &foundTabs, capacity, &foundCount)
                #expect(foundEnd == expectedEnd)
            }
            #expect(foundCount == expectedCount)
            #expect(foundTabs == expectedTabs)
        }
    }

    @Test("A line without newline ends at its length; the tabs are offsets in the line")
    func lineWithoutNewline() {
        let line = Array("chr1\t100\t.\tA\tT".utf8)
        var tabs = [Int32](repeating: 0, count: 8)
        var found = 0
        let end = oncomatch_scan_line(line, line.count, &tabs, tabs.count, &found)
        #expect(end == line.count)
        #expect(found == 4)
        #expect(Array(tabs[0..<4]) == [4, 8, 10, 12])
    }
}
