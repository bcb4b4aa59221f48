import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

/// Loading a MAF in parts (on any number of threads) gives what one serial load gives.
@Suite struct MAFPartLoadTests {
    /// Rows of `cohort.maf` repeated for 40 samples, interleaved so that every sample has rows in
    /// every part, with a few malformed rows from `broken.maf` among them.
    static func interleavedCohort() throws -> String {
        let cohort = try String(contentsOfFile: TestData.fixture("maf/cohort.maf"), encoding: .utf8)
        let broken = try String(contentsOfFile: TestData.fixture("maf/broken.maf"), encoding: .utf8)
        let lines = cohort.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        let header = lines.prefix { $0.hasPrefix("#") || $0.hasPrefix("Hugo_Symbol") }
        let rows = lines.dropFirst(header.count)
        let badRows = broken.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("Hugo") }
        var text = header.joined(separator: "\n") + "\n"
        for (rowNumber, row) in rows.enumerated() {
            for copy in 1...40 {
                text += row.replacingOccurrences(of: "TUMOUR-", with: "T\(copy)-") + "\n"
                if copy % 13 == 0 { text += badRows[(rowNumber + copy) % badRows.count] + "\n" }
            }
        }
        let path = try TestData.temporaryDirectory().appendingPathComponent("interleaved.maf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func serial(
        _ path: String, genes: Set<String>?, options: MAFAlterationLoader.Options
    ) throws -> (VariantIndex, MAFLoadStatistics) {
        var index = VariantIndex(samples: [], genesOfInterest: genes)
        let statistics = try MAFAlterationLoader(options: options).load(path: path, into: &index)
        return (index, statistics)
    }

    static func inParts(
        _ path: String, count: Int, genes: Set<String>?, options: MAFAlterationLoader.Options
    ) throws -> [MAFPartLoad] {
        let file = try #require(try MAFFileParts(path: path, count: count, minimumPartSize: 1))
        #expect(file.parts.count == count)
        let loader = MAFAlterationLoader(options: options)
        return try file.parts.indices.map { try loader.load(part: $0, of: file, genesOfInterest: genes) }
    }

    /// A sample's alterations gathered from the parts in order, with sample index 0.
    static func alterations(of sample: String, in parts: [MAFPartLoad]) -> [Alteration] {
        parts.flatMap { part -> [Alteration] in
            guard let index = part.index.samples.firstIndex(of: sample) else { return [] }
            return part.index.alterations(ofSample: index).map { alteration in
                var copy = alteration
                copy.sampleIndex = 0
                return copy
            }
        }
    }

    static func expectSameLoad(_ path: String, genes: Set<String>?, lenient: Bool) throws {
        let options = MAFAlterationLoader.Options(isLenient: lenient, maximumSkippedExamples: 3)
        let (index, statistics) = try serial(path, genes: genes, options: options)
        for count in [1, 2, 3, 7] {
            let parts = try inParts(path, count: count, genes: genes, options: options)
            let merged = try MAFPartLoad.mergedStatistics(parts, file: path, options: options)
            #expect(merged.rowsRead == statistics.rowsRead)
            #expect(merged.alterationsAdded == statistics.alterationsAdded)
            #expect(merged.rowsOutsideGenesOfInterest == statistics.rowsOutsideGenesOfInterest)
            #expect(merged.rowsSkipped == statistics.rowsSkipped)
            #expect(merged.rowsFailingFilter == statistics.rowsFailingFilter)
            #expect(merged.build == statistics.build)
            #expect(
                merged.skippedExamples.map(\.description) == statistics.skippedExamples.map(\.description))
            #expect(merged.mutationCounts == statistics.mutationCounts, "\(count) parts")
            for (sampleIndex, sample) in index.samples.enumerated() {
                let expected = index.alterations(ofSample: sampleIndex).map { alteration in
                    var copy = alteration
                    copy.sampleIndex = 0
                    return copy
                }
                #expect(alterations(of: sample, in: parts) == expected, "\(sample) in \(count) parts")
            }
        }
    }

    @Test func interleavedCohortLenient() throws {
        let path = try Self.interleavedCohort()
        try Self.expectSameLoad(path, genes: ["BRAF", "PIK3CA", "KRAS", "EGFR", "TP53"], lenient: true)
        let (_, statistics) = try Self.serial(path, genes: nil, options: .init(isLenient: true))
        let samples = Set(statistics.mutationCounts.map(\.sample))
        #expect(samples.isSuperset(of: (1...40).flatMap { ["T\($0)-A", "T\($0)-B", "T\($0)-C"] }))
        #expect(statistics.rowsSkipped > 0)
    }

    @Test func interleavedCohortAllGenes() throws {
        try Self.expectSameLoad(try Self.interleavedCohort(), genes: nil, lenient: true)
    }

    @Test(.enabled(if: TestData.hasSharedData)) func vcf2mafFiles() throws {
        for file in TestData.sharedFiles(under: "callers/vcf2maf/tests", suffixes: [".maf"]) {
            try Self.expectSameLoad(file, genes: nil, lenient: true)
        }
    }

    @Test func strictLoadThrowsTheFirstErrorInFileOrder() throws {
        let path = try Self.interleavedCohort()
        let options = MAFAlterationLoader.Options(isLenient: false)
        var serialError: FormatError?
        do { _ = try Self.serial(path, genes: nil, options: options) } catch let error as FormatError {
            serialError = error
        }
        let expected = try #require(serialError)
        for count in [2, 5] {
            let file = try #require(try MAFFileParts(path: path, count: count, minimumPartSize: 1))
            let loader = MAFAlterationLoader(options: options)
            let firstFailure = file.parts.indices.lazy.compactMap { part -> FormatError? in
                do {
                    _ = try loader.load(part: part, of: file, genesOfInterest: nil)
                    return nil
                } catch { return error as? FormatError }
            }.first
            #expect(firstFailure?.description == expected.description)
        }
    }

    @Test func requestedSampleMissingFromEveryPartFails() throws {
        let path = try Self.interleavedCohort()
        let options = MAFAlterationLoader.Options(sample: "NO-SUCH", isLenient: true)
        let parts = try Self.inParts(path, count: 3, genes: nil, options: options)
        #expect(throws: FormatError.self) {
            try MAFPartLoad.mergedStatistics(parts, file: path, options: options)
        }
        let present = MAFAlterationLoader.Options(sample: "T7-A", isLenient: true)
        let merged = try MAFPartLoad.mergedStatistics(
            try Self.inParts(path, count: 3, genes: nil, options: present), file: path, options: present)
        #expect(merged.mutationCounts.map(\.sample) == ["T7-A"])
    }
}
