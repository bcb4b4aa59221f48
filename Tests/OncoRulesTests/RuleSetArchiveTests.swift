import Foundation
import GenomicFormats
import OncoDomain
import TestSupport
import Testing

@testable import OncoRules

/// The precompiled knowledge base must be the YAML's rule set exactly, be used only while the
/// YAML is unchanged, and never be read as another rule set when damaged.
@Suite("Rule-set archive")
struct RuleSetArchiveTests {
    static var isReady: Bool { RuleSet.bundledPath != nil && TestVocabulary.domainIsComplete }

    /// The archive committed beside the knowledge base's YAML.
    static let shippedArchive = TestData.packageRoot.appendingPathComponent(
        "Sources/OncoRules/Resources/KnowledgeBase/\(RuleSetArchive.fileName)")

    static func bundleDirectory() throws -> String {
        (try #require(RuleSet.bundledPath) as NSString).deletingLastPathComponent
    }

    /// Rewritten with `ONCOMATCH_UPDATE_GOLDEN=1` (`scripts/update-golden.sh`).
    @Test(.enabled(if: RuleSetArchiveTests.isReady))
    func shippedArchiveIsCurrent() throws {
        let source = try RuleSet.bundled(fromSource: true)
        let fresh = RuleSetArchive.encode(source, directory: try Self.bundleDirectory())
        if ProcessInfo.processInfo.environment["ONCOMATCH_UPDATE_GOLDEN"] == "1" {
            try Data(fresh).write(to: Self.shippedArchive)
        }
        let shipped = try #require(
            FileManager.default.contents(atPath: Self.shippedArchive.path),
            "no \(RuleSetArchive.fileName): run scripts/update-golden.sh")
        #expect(
            [UInt8](shipped) == fresh,
            "the knowledge base or its parser changed: regenerate the archive with scripts/update-golden.sh")
        #expect(try RuleSetArchive.decode(fresh, directory: try Self.bundleDirectory()) == source)
    }

    @Test(.enabled(if: RuleSetArchiveTests.isReady))
    func bundledSetComesFromTheArchiveUnchanged() throws {
        let path = try #require(RuleSet.bundledPath)
        let compiled = try #require(RuleSetArchive.load(besideTopFile: path), "the archive is not used")
        let source = try RuleSet.bundled(fromSource: true)
        #expect(compiled == source)
        #expect(try RuleSet.bundled() == source)
        // Rule locations point at the YAML as installed, for diagnostics and listings.
        #expect(
            compiled.rules.allSatisfy { $0.location?.file.hasPrefix(try! Self.bundleDirectory()) ?? false })
    }

    /// A copy of the knowledge base with its archive: used while the YAML is unchanged, with
    /// paths under the copy; ignored once any file changes or the archive is damaged.
    @Test(.enabled(if: RuleSetArchiveTests.isReady))
    func archiveIsUsedOnlyWhileTheYAMLIsUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oncomatch-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: try Self.bundleDirectory(), toPath: directory.path)
        let top = directory.appendingPathComponent("ruleset.yaml").path
        let source = try RuleSet.load(paths: [top])
        let archive = directory.appendingPathComponent(RuleSetArchive.fileName)
        try Data(RuleSetArchive.encode(source, directory: directory.path)).write(to: archive)
        #expect(RuleSetArchive.load(besideTopFile: top) == source)

        // An included file edited (a comment appended): the YAML is loaded instead.
        let included = try #require(source.sourceFiles.last)
        var text = try String(contentsOfFile: included, encoding: .utf8)
        text += "\n# edited\n"
        try text.write(toFile: included, atomically: true, encoding: .utf8)
        #expect(RuleSetArchive.load(besideTopFile: top) == nil)

        // Restored YAML, damaged archive: not used either.
        try FileManager.default.removeItem(atPath: directory.path)
        try FileManager.default.copyItem(atPath: try Self.bundleDirectory(), toPath: directory.path)
        var bytes = RuleSetArchive.encode(source, directory: directory.path)
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: archive)
        #expect(RuleSetArchive.load(besideTopFile: top) == nil)
        try FileManager.default.removeItem(at: archive)
        #expect(RuleSetArchive.load(besideTopFile: top) == nil)
    }

    /// Every criterion, reference and optional, with values the knowledge base does not use.
    static let everyShape: RuleSet = {
        let qualifiers = AlterationQualifiers(
            origin: .germline, zygosity: .biallelic, minVAF: 0.05, minDepth: 20, filter: .any)
        let criteria: [Criterion] = [
            .allele(
                Criterion.Allele(
                    gene: "BRAF",
                    alleles: [
                        .grch37: GenomicAllele(
                            chromosome: "7", position: 140_453_136, reference: "A", alternate: "T"),
                        .grch38: GenomicAllele(
                            chromosome: "chr7", position: 140_753_336, reference: "A", alternate: "T"),
                    ], qualifiers: qualifiers)),
            .protein(
                Criterion.Protein(
                    gene: "KRAS",
                    changes: [
                        ProteinChange(kind: .missense, referenceStart: "G", start: 12, alternate: "C"),
                        ProteinChange(
                            kind: .frameshift, referenceStart: "Q", start: 61, alternate: "R",
                            newStopDistance: 7, isPredicted: true),
                        ProteinChange(
                            kind: .inframeDeletion, referenceStart: "E", start: 746, referenceEnd: "A",
                            end: 750),
                    ], notations: ["G12C", "p.(Gln61ArgfsTer7)", "E746_A750del"])),
            .codon(Criterion.Codon(gene: "IDH1", residue: CodonPosition(residue: "R", position: 132))),
            .codon(
                Criterion.Codon(
                    gene: "X", residue: CodonPosition(residue: nil, position: 1),
                    classes: [.missense, .truncating])),
            .range(
                Criterion.ResidueRange(
                    gene: "KIT", from: 550, to: 592, classes: [.inframeDeletion, .inframeDelins])),
            .exon(
                Criterion.Exon(
                    gene: "EGFR", exon: 19, flankingSplice: true, classes: [.inframeDeletion, .inframeDelins])
            ),
            .gene(Criterion.Gene(gene: "BRCA2", alterationClass: .lossOfFunction, qualifiers: qualifiers)),
            .gene(Criterion.Gene(gene: "ATM", alterationClass: .variantClass(.truncating))),
            .gene(Criterion.Gene(gene: "PIK3CA", alterationClass: .activatingHotspot)),
            .gene(Criterion.Gene(gene: "TP53", alterationClass: .any)),
            .copyNumber(gene: "ERBB2", state: .amplification),
            .fusion(.ordered(fivePrime: "EML4", threePrime: "ALK")),
            .fusion(.anyPartner("NTRK1")),
            .fusion(.eitherOrientation("BCR", "ABL1")),
            .fusion(.fivePrime("FGFR2")), .fusion(.threePrime("RET")),
            .tmb(min: 10),
            .msi(.high), .mmr(.deficient), .hrd(.positive),
            .wildType(genes: ["KRAS", "NRAS"]),
            .all([.any([.tmb(min: -0.5)]), .not(.msi(.stable))]),
        ]
        let references: [Reference] = [
            .label(agency: .fda, drug: "vemurafenib", year: 2011, indication: "BRAF V600E melanoma"),
            .label(agency: .ema, drug: "x", year: nil, indication: nil),
            .guideline(name: "NCCN", year: 2024), .guideline(name: "ESMO", year: nil),
            .trial(name: "BRIM-3", nct: "NCT01006980"), .trial(name: nil, nct: nil),
            .pmid("21639808"), .civic(eid: "EID1", aid: nil), .other(text: "Zürich — ünïcode ✓"),
        ]
        let rules = criteria.enumerated().map { index, criterion in
            Rule(
                id: "R\(index)", title: "Rule \(index)", reviewed: "2026-11-30", biomarker: criterion,
                tumourTypes: TumourTypeSelector(
                    include: index % 2 == 0 ? ["MEL"] : [], bucket: index % 3 == 0 ? .allSolid : nil,
                    exclude: index % 4 == 0 ? ["UM"] : []),
                therapies: [
                    TherapyOption(drugs: ["dabrafenib", "trametinib"]), TherapyOption(drugs: ["x"]),
                ],
                category: .targeted, effect: index % 2 == 0 ? .sensitivity : .resistance,
                evidence: Evidence(
                    ampLevel: .b, escat: index % 2 == 0 ? .iiB : nil, source: .regulatory,
                    references: references,
                    statement: "Statement \(index)", uncertain: index % 2 == 1),
                notes: index % 2 == 0 ? nil : "note",
                location: index % 3 == 0
                    ? nil : RuleFileLocation(file: "/kb/rules.yaml", line: index, column: 3))
        }
        let metadata = RuleSetMetadata(id: "shapes", version: "1.0", reviewed: "2026-11-30", licence: "CC0")
        return RuleSet(
            metadata: metadata,
            components: [
                metadata, RuleSetMetadata(id: "b", version: "2", reviewed: "", licence: "", description: "d"),
            ],
            rules: rules,
            hotspots: [
                "KRAS": [CodonPosition(residue: "G", position: 12)],
                "BRAF": [CodonPosition(residue: nil, position: 600)],
            ],
            checksum: String(repeating: "ab", count: 32),
            sourceFiles: ["/kb/rules.yaml", "/elsewhere/other.yaml"])
    }()

    @Test func everyShapeReadsBackEqual() throws {
        let bytes = RuleSetArchive.encode(Self.everyShape, directory: "/kb")
        #expect(try RuleSetArchive.decode(bytes, directory: "/kb") == Self.everyShape)
        // The same set, the same bytes (dictionaries are written sorted).
        #expect(RuleSetArchive.encode(Self.everyShape, directory: "/kb") == bytes)
        // Paths under the directory move with it; others stay.
        let moved = try RuleSetArchive.decode(bytes, directory: "/opt/kb/")
        #expect(moved.sourceFiles == ["/opt/kb/rules.yaml", "/elsewhere/other.yaml"])
        #expect(moved.rules[1].location?.file == "/opt/kb/rules.yaml")
    }

    /// Truncated, extended or altered archives are errors, never traps and never another set.
    @Test func damagedArchivesAreRejected() throws {
        let bytes = RuleSetArchive.encode(Self.everyShape, directory: "/kb")
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            #expect(throws: RuleSetArchive.DamagedArchive.self) {
                try RuleSetArchive.decode(Array(bytes[0..<length]), directory: "/kb")
            }
        }
        #expect(throws: RuleSetArchive.DamagedArchive.self) {
            try RuleSetArchive.decode(bytes + [0], directory: "/kb")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var altered = bytes
            let index = Int.random(in: 0..<altered.count, using: &generator)
            altered[index] ^= UInt8.random(in: 1...255, using: &generator)
            #expect(throws: RuleSetArchive.DamagedArchive.self) {
                try RuleSetArchive.decode(altered, directory: "/kb")
            }
        }
    }

    /// The body is read defensively even behind a valid checksum (a hand-made archive).
    @Test func malformedBodiesBehindAValidChecksumAreRejected() throws {
        func archive(_ body: [UInt8]) -> [UInt8] {
            Array("OMRS".utf8) + body.withUnsafeBytes { SHA256.digest($0) } + body
        }
        var header = RuleSetArchiveWriter(directory: "/")
        header.integer(RuleSetArchive.formatVersion)
        header.string(ToolInfo.version)
        var huge = header
        huge.integer(Int.max)  // the metadata id's length
        var otherVersion = RuleSetArchiveWriter(directory: "/")
        otherVersion.integer(RuleSetArchive.formatVersion)
        otherVersion.string("0.0.0-other")
        otherVersion.ruleSet(Self.everyShape)
        var otherFormat = RuleSetArchiveWriter(directory: "/")
        otherFormat.integer(RuleSetArchive.formatVersion + 1)
        for body in [huge.bytes, header.bytes + [0xFF], otherVersion.bytes, otherFormat.bytes] {
            #expect(throws: RuleSetArchive.DamagedArchive.self) {
                try RuleSetArchive.decode(archive(body), directory: "/")
            }
        }
    }
}
