import Foundation
import GenomicFormats
import TestSupport
import Testing

/// A pass offers each well-formed line to its worker in place before copying it into a record:
/// what the worker takes there and what it declines must together be every record, in file
/// order, exactly as a serial read gives them; malformed lines are never offered.
@Suite("VCF parallel pass: records taken in place")
struct VCFParallelPassTests {
    /// Takes in place the lines whose POS is even; keeps (POS, CHROM…ALT text, taken in place)
    /// for every record it sees.
    struct EvenPositionWorker: VCFPassWorker {
        var seen: [(position: Int, text: String, inPlace: Bool)] = []

        mutating func add(line: VCFRawLine, position: Int) -> Bool {
            guard position % 2 == 0 else { return false }
            let end = line.bounds(4).upperBound
            seen.append((position, String(decoding: line.buffer(0..<end), as: UTF8.self), true))
            return true
        }

        mutating func add(_ record: VCFRecord) throws {
            let text = record.withRawLine { line in
                String(decoding: line.buffer(0..<line.bounds(4).upperBound), as: UTF8.self)
            }
            seen.append((record.position, text, false))
        }

        mutating func finishPart() -> [(position: Int, text: String, inPlace: Bool)] {
            defer { seen = [] }
            return seen
        }
    }

    @Test func everyRecordOnceInFileOrderWhetherTakenInPlaceOrCopied() throws {
        let text =
            (ParallelStatisticsTests.header + ParallelStatisticsTests.records(count: 14_000)).joined(
                separator: "\n") + "\n"
        for path in try ParallelStatisticsTests.write(text, name: "in-place") {
            let options = VCFReaderOptions(strict: false, maximumExamples: 5)
            var expected: [String] = []
            let reader = try VCFReader(path: path, options: options)
            var record = VCFRecord()
            while try reader.read(into: &record) {
                let columns = record.line.split(separator: "\t", omittingEmptySubsequences: false)
                expected.append(columns[0..<5].joined(separator: "\t"))
            }
            var found: [(position: Int, text: String, inPlace: Bool)] = []
            let (summary, _) = try VCFParallelPass.run(
                path: path, options: options, makeWorker: { _ in EvenPositionWorker() },
                take: { output, _ in found.append(contentsOf: output) })
            #expect(found.map(\.text) == expected)
            #expect(summary.recordsRead == expected.count)
            #expect(summary.skipped == reader.skipped && reader.skipped > 0)
            #expect(found.contains { $0.inPlace } && found.contains { !$0.inPlace })
            #expect(found.allSatisfy { $0.inPlace == ($0.position % 2 == 0) })
        }
    }
}
