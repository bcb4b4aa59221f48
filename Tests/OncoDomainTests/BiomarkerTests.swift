import Foundation
import GenomicFormats
import Testing

@testable import OncoDomain

struct BiomarkerTests {
    @Test func countsPerNumerator() throws {
        var counter = TMBCounter()
        let classes: [VariantClass] = [
            .missense, .missense, .truncating, .inframeDeletion, .synonymous, .spliceRegion, .nonCoding,
            .otherCoding,
        ]
        for variantClass in classes { counter.record(variantClass, passesFilters: true) }
        counter.record(.missense, passesFilters: false)
        #expect(counter.count(for: .codingNonsynonymous) == 5)
        #expect(counter.count(for: .allCoding) == 6)
        #expect(counter.count(for: .missenseOnly) == 2)
        #expect(counter.variantsPassingFilters == 8)
        #expect(counter.variantsFailingFilters == 1)

        let tmb = try counter.result(territory: CallableTerritory(megabases: 2.5), isTumourOnly: false)
        #expect(tmb.numerator == .codingNonsynonymous)
        #expect(tmb.value == 2.0)
        #expect(tmb.cautions.isEmpty)
        #expect(tmb.formula == "5 coding non-synonymous variants / 2.50 Mb = 2.00 variants/Mb")
    }

    @Test func cautions() throws {
        let panel = try TumourMutationalBurden(
            numerator: .missenseOnly, count: 3, territory: CallableTerritory(megabases: 0.8),
            isTumourOnly: true)
        #expect(panel.cautions == [.smallPanel, .tumourOnly])
        #expect(panel.value == 3.75)
        let exome = try TumourMutationalBurden(
            numerator: .allCoding, count: 300, territory: .assumedExome, isTumourOnly: false)
        #expect(exome.cautions == [.assumedTerritory])
        #expect(exome.value == 10)
        #expect(exome.territory.megabases == CallableTerritory.assumedExomeMegabases)
        #expect(throws: TumourMutationalBurden.InvalidTerritory.self) {
            try TumourMutationalBurden(
                numerator: .allCoding, count: 1, territory: CallableTerritory(bases: 0, source: .stated),
                isTumourOnly: false)
        }
        #expect(TumourMutationalBurden.format(0.125) == "0.13")
        #expect(TumourMutationalBurden.format(12) == "12.00")
    }

    @Test func bedSizesMergeOverlaps() throws {
        let bed = """
            track name=targets
            # comment
            chr1\t100\t200\tA
            chr1\t150\t250
            1\t240\t300
            chr2\t0\t10

            chr1\t400\t400
            """
        let territory = try CallableTerritory.parse(bedText: bed, name: "t.bed")
        #expect(territory.bases == 210)
        #expect(territory.source == .bed(path: "t.bed"))
        #expect {
            try CallableTerritory.parse(bedText: "chr1\t200\t100\n", name: "t.bed")
        } throws: { error in
            (error as? FormatError)?.line == 1 && (error as? FormatError)?.field == "chromEnd"
        }
        #expect(throws: FormatError.self) {
            try CallableTerritory.parse(bedText: "chr1\t10\n", name: "t.bed")
        }
        #expect(throws: FormatError.self) {
            try CallableTerritory.parse(bedText: "chr1\tx\t10\n", name: "t.bed")
        }
    }

    @Test func parsesStatuses() {
        #expect(MSIStatus(parsing: "MSI-H") == .high)
        #expect(MSIStatus(parsing: "msi-high") == .high)
        #expect(MSIStatus(parsing: "MSS") == .stable)
        #expect(MSIStatus(parsing: "Stable") == .stable)
        #expect(MSIStatus(parsing: "unknown") == .unknown)
        #expect(MSIStatus(parsing: "MSI-L") == nil)
        #expect(MSIStatus(parsing: "maybe") == nil)
        #expect(HRDStatus(parsing: "HRD") == .positive)
        #expect(HRDStatus(parsing: "positive") == .positive)
        #expect(HRDStatus(parsing: "HRP") == .negative)
        #expect(HRDStatus(parsing: "neg") == .negative)
        #expect(HRDStatus(parsing: "NA") == .unknown)
        #expect(HRDStatus(parsing: "yes") == nil)
    }
}
