import Foundation
import TestSupport
import Testing

@testable import OncoDomain

struct ProteinChangeTests {
    /// One input and what it must parse to.
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var kind: ProteinChange.Kind
        var canonical: String
        var threeLetter: String
        var testDescription: String { input }
    }

    // Real strings: vcf2maf test MAF HGVSp / HGVSp_Short columns, CIViC 2018 variant names, HGVS
    // examples of the brief.
    static let cases: [Case] = [
        // missense
        Case(input: "V600E", kind: .missense, canonical: "V600E", threeLetter: "p.Val600Glu"),
        Case(input: "p.Val600Glu", kind: .missense, canonical: "V600E", threeLetter: "p.Val600Glu"),
        Case(input: "p.L429R", kind: .missense, canonical: "L429R", threeLetter: "p.Leu429Arg"),
        Case(input: "p.Leu429Arg", kind: .missense, canonical: "L429R", threeLetter: "p.Leu429Arg"),
        Case(
            input: "ENSP00000288602.6:p.Val600Glu", kind: .missense, canonical: "V600E",
            threeLetter: "p.Val600Glu"),
        Case(input: "p.(Val600Glu)", kind: .missense, canonical: "V600E", threeLetter: "p.(Val600Glu)"),
        Case(input: "T790M", kind: .missense, canonical: "T790M", threeLetter: "p.Thr790Met"),
        Case(input: "V600E (c.1799T>A)", kind: .missense, canonical: "V600E", threeLetter: "p.Val600Glu"),
        // nonsense
        Case(input: "p.Arg1443Ter", kind: .nonsense, canonical: "R1443*", threeLetter: "p.Arg1443Ter"),
        Case(input: "R1443*", kind: .nonsense, canonical: "R1443*", threeLetter: "p.Arg1443Ter"),
        Case(input: "R1443X", kind: .nonsense, canonical: "R1443*", threeLetter: "p.Arg1443Ter"),
        Case(input: "p.W54*", kind: .nonsense, canonical: "W54*", threeLetter: "p.Trp54Ter"),
        Case(input: "p.Trp54Ter", kind: .nonsense, canonical: "W54*", threeLetter: "p.Trp54Ter"),
        // synonymous
        Case(input: "p.Val600=", kind: .synonymous, canonical: "V600=", threeLetter: "p.Val600="),
        Case(input: "V600V", kind: .synonymous, canonical: "V600=", threeLetter: "p.Val600="),
        Case(input: "p.I24=", kind: .synonymous, canonical: "I24=", threeLetter: "p.Ile24="),
        Case(input: "p.Ter110=", kind: .synonymous, canonical: "*110=", threeLetter: "p.Ter110="),
        // frameshift
        Case(input: "L747fs", kind: .frameshift, canonical: "L747fs", threeLetter: "p.Leu747fs"),
        Case(
            input: "p.E1156Afs*7", kind: .frameshift, canonical: "E1156Afs*7",
            threeLetter: "p.Glu1156AlafsTer7"),
        Case(
            input: "p.Glu1156AlafsTer7", kind: .frameshift, canonical: "E1156Afs*7",
            threeLetter: "p.Glu1156AlafsTer7"),
        Case(
            input: "p.K224Nfs*19", kind: .frameshift, canonical: "K224Nfs*19",
            threeLetter: "p.Lys224AsnfsTer19"),
        Case(input: "L747Sfs*3", kind: .frameshift, canonical: "L747Sfs*3", threeLetter: "p.Leu747SerfsTer3"),
        Case(
            input: "p.Arg97ProfsTer35", kind: .frameshift, canonical: "R97Pfs*35",
            threeLetter: "p.Arg97ProfsTer35"),
        Case(input: "p.R97fsX", kind: .frameshift, canonical: "R97fs", threeLetter: "p.Arg97fs"),
        Case(input: "p.R97Pfs*?", kind: .frameshift, canonical: "R97Pfs", threeLetter: "p.Arg97Profs"),
        Case(
            input: "p.Arg97fsTer23", kind: .frameshift, canonical: "R97fs*23", threeLetter: "p.Arg97fsTer23"),
        // in-frame deletion
        Case(
            input: "E746_A750del", kind: .inframeDeletion, canonical: "E746_A750del",
            threeLetter: "p.Glu746_Ala750del"),
        Case(
            input: "p.Glu746_Ala750del", kind: .inframeDeletion, canonical: "E746_A750del",
            threeLetter: "p.Glu746_Ala750del"),
        Case(input: "p.T949del", kind: .inframeDeletion, canonical: "T949del", threeLetter: "p.Thr949del"),
        Case(
            input: "E746_A750delELREA", kind: .inframeDeletion, canonical: "E746_A750del",
            threeLetter: "p.Glu746_Ala750del"),
        // insertion, duplication, delins
        Case(
            input: "D770_N771insSVD", kind: .inframeInsertion, canonical: "D770_N771insSVD",
            threeLetter: "p.Asp770_Asn771insSerValAsp"),
        Case(
            input: "p.E604_F605insSPRGGNEYFYVDFREYEYDLKWE", kind: .inframeInsertion,
            canonical: "E604_F605insSPRGGNEYFYVDFREYEYDLKWE",
            threeLetter:
                "p.Glu604_Phe605insSerProArgGlyGlyAsnGluTyrPheTyrValAspPheArgGluTyrGluTyrAspLeuLysTrpGlu"),
        Case(
            input: "p.Ala767_Val769dup", kind: .duplication, canonical: "A767_V769dup",
            threeLetter: "p.Ala767_Val769dup"),
        Case(input: "p.V769dup", kind: .duplication, canonical: "V769dup", threeLetter: "p.Val769dup"),
        Case(
            input: "p.Leu747_Pro753delinsSer", kind: .deletionInsertion, canonical: "L747_P753delinsS",
            threeLetter: "p.Leu747_Pro753delinsSer"),
        Case(
            input: "p.Glu469delinsAspLys", kind: .deletionInsertion, canonical: "E469delinsDK",
            threeLetter: "p.Glu469delinsAspLys"),
        Case(
            input: "p.E469delinsDK", kind: .deletionInsertion, canonical: "E469delinsDK",
            threeLetter: "p.Glu469delinsAspLys"),
        // stop extension, start loss, splice
        Case(
            input: "p.Ter110Glnext*17", kind: .stopExtension, canonical: "*110Qext*17",
            threeLetter: "p.Ter110GlnextTer17"),
        Case(
            input: "*110Qext*17", kind: .stopExtension, canonical: "*110Qext*17",
            threeLetter: "p.Ter110GlnextTer17"),
        Case(
            input: "p.*110Qext*?", kind: .stopExtension, canonical: "*110Qext*?",
            threeLetter: "p.Ter110GlnextTer?"),
        Case(input: "p.Met1?", kind: .startLoss, canonical: "M1?", threeLetter: "p.Met1?"),
        Case(input: "M1?", kind: .startLoss, canonical: "M1?", threeLetter: "p.Met1?"),
        Case(input: "p.Leu1?", kind: .startLoss, canonical: "L1?", threeLetter: "p.Leu1?"),
        Case(
            input: "ENSP00000334393.3:p.Ala154%3D", kind: .synonymous, canonical: "A154=",
            threeLetter: "p.Ala154="),
        Case(input: "M1V", kind: .startLoss, canonical: "M1V", threeLetter: "p.Met1Val"),
        Case(
            input: "A767_V769dupASV", kind: .duplication, canonical: "A767_V769dup",
            threeLetter: "p.Ala767_Val769dup"),
        Case(input: "T100A(c.298A>G)", kind: .missense, canonical: "T100A", threeLetter: "p.Thr100Ala"),
        Case(
            input: "E55RfsTer11 (c.163delG)", kind: .frameshift, canonical: "E55Rfs*11",
            threeLetter: "p.Glu55ArgfsTer11"),
        Case(
            input: "K550_W557DELKPMYEVQW", kind: .inframeDeletion, canonical: "K550_W557del",
            threeLetter: "p.Lys550_Trp557del"),
        Case(input: "G606FS*2", kind: .frameshift, canonical: "G606fs*2", threeLetter: "p.Gly606fsTer2"),
        Case(
            input: "*757L", kind: .stopExtension, canonical: "*757Lext*?", threeLetter: "p.Ter757LeuextTer?"),
        Case(input: "E278E", kind: .synonymous, canonical: "E278=", threeLetter: "p.Glu278="),
        Case(input: "p.X125_splice", kind: .splice, canonical: "X125_splice", threeLetter: "p.X125_splice"),
        Case(input: "X1445_splice", kind: .splice, canonical: "X1445_splice", threeLetter: "p.X1445_splice"),
        // rule positions
        Case(input: "V600", kind: .position, canonical: "V600", threeLetter: "p.Val600"),
        Case(input: "E746_A750", kind: .position, canonical: "E746_A750", threeLetter: "p.Glu746_Ala750"),
        // unknown
        Case(input: "p.?", kind: .unknown, canonical: "?", threeLetter: "p.?"),
        Case(input: "p.0", kind: .unknown, canonical: "0", threeLetter: "p.0"),
        Case(input: "p.0?", kind: .unknown, canonical: "0", threeLetter: "p.0"),
        Case(input: "p.=", kind: .unknown, canonical: "=", threeLetter: "p.="),
        Case(input: "p.(=)", kind: .unknown, canonical: "=", threeLetter: "p.(=)"),
    ]

    @Test(arguments: cases)
    func parsesRealNotation(_ example: Case) throws {
        let change = try #require(ProteinChange.parse(example.input), "\(example.input) did not parse")
        #expect(change.kind == example.kind)
        #expect(change.description == example.canonical)
        #expect(change.threeLetterDescription == example.threeLetter)
        // The canonical form is a fixed point of the parser.
        let reparsed = try #require(ProteinChange.parse(change.description))
        #expect(reparsed.description == change.description)
    }

    @Test("The one-letter form written as bytes equals the String-built one, for every kind and field")
    func descriptionMatchesRenderedForm() {
        var generator = SeededGenerator(seed: 41)
        let residues: [Character?] = [nil, "V", "*", "X", "é", "👍🏽"]
        let alternates = ["", "E", "*", "=", "?", "0", "SVD", String(repeating: "W", count: 200), "ü"]
        let numbers = [0, 1, 7, 600, 1443, 99_999, Int.max, -5, Int.min]
        for kind in ProteinChange.Kind.allCases {
            for _ in 0..<200 {
                let start = numbers.randomElement(using: &generator)!
                let end = Bool.random(using: &generator) ? start : numbers.randomElement(using: &generator)!
                let change = ProteinChange(
                    kind: kind, referenceStart: residues.randomElement(using: &generator)!, start: start,
                    referenceEnd: residues.randomElement(using: &generator)!, end: end,
                    alternate: alternates.randomElement(using: &generator)!,
                    newStopDistance: Bool.random(using: &generator)
                        ? nil : numbers.randomElement(using: &generator)!)
                #expect(change.description == change.renderedDescription, "\(kind)")
            }
        }
    }

    @Test(arguments: [
        "", "   ", "EXON 19 DELETION", "AMPLIFICATION", "BCR-ABL", "MUTATION", "p.[V600E;K601E]",
        "V600E/K", "V600EK", "V0E", "p.", "600E", "V600E (somatic)", "p.Val600Xyz", "D770_N771ins",
        "E746_A745del", "G12/G13", "V600E+V600M", "D835H/Y", "L63P (188T>C)", "V600E AMPLIFICATION",
        "T172 PHOSPHORYLATION", "E746_A750>IP", "EML4-ALK", "c.1799T>A", "V600_K601E", "p.Leu747fs*3x",
    ])
    func rejectsNonProteinChanges(_ text: String) {
        #expect(ProteinChange.parse(text) == nil, "\(text) should not parse")
    }

    @Test("VEP's URL-encoded '=' is decoded, in either case and inside prediction parentheses")
    func encodedEqualsSign() throws {
        for text in ["p.Ala154%3D", "p.Ala154%3d", "ENSP1.1:p.Ala154%3D"] {
            let change = try #require(ProteinChange.parse(text), "\(text)")
            #expect(change.kind == .synonymous && change.description == "A154=" && !change.isPredicted)
        }
        let predicted = try #require(ProteinChange.parse("p.(Ala154%3D)"))
        #expect(predicted.kind == .synonymous && predicted.isPredicted)
        #expect(ProteinChange.parse("p.%3D")?.alternate == "=")
        #expect(ProteinChange.parse("p.Ala154%3") == nil)
    }

    @Test func exposesResiduesAndPositions() throws {
        let deletion = try #require(ProteinChange.parse("p.Glu746_Ala750del"))
        #expect(deletion.referenceStart == "E")
        #expect(deletion.referenceEnd == "A")
        #expect(deletion.start == 746)
        #expect(deletion.end == 750)
        #expect(deletion.alternate == "")

        let missense = try #require(ProteinChange.parse("p.(V600E)"))
        #expect(missense.isPredicted)
        #expect(missense.referenceEnd == nil)
        #expect(missense.end == 600)
        #expect(missense.alternate == "E")

        let frameshift = try #require(ProteinChange.parse("p.Arg97ProfsTer35"))
        #expect(frameshift.newStopDistance == 35)
        #expect(frameshift.alternate == "P")

        let extensionChange = try #require(ProteinChange.parse("p.Ter110Glnext*17"))
        #expect(extensionChange.referenceStart == "*")
        #expect(extensionChange.alternate == "Q")
        #expect(extensionChange.newStopDistance == 17)

        let splice = try #require(ProteinChange.parse("p.X125_splice"))
        #expect(splice.referenceStart == nil)
        #expect(splice.start == 125)

        let insertion = try #require(ProteinChange.parse("D770_N771insSVD"))
        #expect(insertion.alternate == "SVD")
    }

    @Test func oneAndThreeLetterSpellingsAreEqual() throws {
        let pairs = [
            ("p.Val600Glu", "V600E"), ("p.Glu746_Ala750del", "E746_A750del"),
            ("p.Arg1443Ter", "R1443X"), ("p.Glu1156AlafsTer7", "p.E1156Afs*7"),
            ("p.Asp770_Asn771insSerValAsp", "D770_N771insSVD"),
        ]
        for (three, one) in pairs {
            #expect(ProteinChange.parse(three) == ProteinChange.parse(one), "\(three) vs \(one)")
        }
    }

    /// Every `HGVSp_Short` and `HGVSp` of the vcf2maf test MAFs parses; the only empty values are
    /// variants outside proteins, and nothing is left unparsed.
    @Test(.enabled(if: TestData.hasSharedData))
    func parsesEveryHGVSpOfTheVcf2mafMAFs() throws {
        let files = TestData.sharedFiles(under: "callers/vcf2maf/tests", suffixes: [".maf"])
        try #require(!files.isEmpty)
        var parsed = 0
        var failures: [String] = []
        for file in files {
            let lines = try String(contentsOfFile: file, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true)
                .filter { !$0.hasPrefix("#") }
            guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false) else {
                continue
            }
            let columns = ["HGVSp", "HGVSp_Short"].compactMap { name in header.firstIndex { $0 == name } }
            for line in lines.dropFirst() {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                for column in columns where column < fields.count {
                    let value = fields[column]
                    // Empty: intronic, UTR, intergenic variants have no protein change.
                    guard !value.isEmpty else { continue }
                    if ProteinChange.parse(value) == nil {
                        failures.append(String(value))
                    } else {
                        parsed += 1
                    }
                }
            }
        }
        #expect(failures.isEmpty, "unparsed: \(failures)")
        #expect(parsed >= 80)
    }

    /// CIViC 2018 variant names: every name that looks like a single protein change parses, and
    /// the gene-level names do not.
    @Test(.enabled(if: TestData.hasSharedData))
    func readsCIViCVariantNames() throws {
        let path = TestData.shared("knowledge/civic-2018/nightly-VariantSummaries.2018-05-18.tsv")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        var names: Set<String> = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 4 { names.insert(String(fields[4])) }
        }
        try #require(names.count > 1000)
        // A single change: residue, position, then a change, optionally with a cDNA note.
        let simple = /^[ACDEFGHIKLMNPQRSTVWY]\d+([ACDEFGHIKLMNPQRSTVWY*X]|fs|FS|del)?( \(c\.[^)]*\))?$/
        var unparsed: [String] = []
        for name in names where name.wholeMatch(of: simple) != nil {
            if ProteinChange.parse(name) == nil { unparsed.append(name) }
        }
        #expect(unparsed.isEmpty, "unparsed: \(unparsed.sorted())")
        for geneLevel in ["AMPLIFICATION", "EXON 19 DELETION", "OVEREXPRESSION", "LOSS-OF-FUNCTION"] {
            #expect(names.contains(geneLevel))
            #expect(ProteinChange.parse(geneLevel) == nil)
        }
        let parsedCount = names.filter { ProteinChange.parse($0) != nil }.count
        #expect(parsedCount > 900)
    }
}

extension ProteinChangeTests {
    /// SnpEff `ANN` HGVS.p (field 11) and VEP `HGVSp` (`ENSP…:p.…`) of the shared annotated VCFs
    /// all parse.
    @Test(.enabled(if: TestData.hasSharedData))
    func parsesEveryHGVSpOfTheAnnotatedVCFs() throws {
        var values: Set<String> = []
        let files = TestData.sharedFiles(under: "annotated", suffixes: [".vcf", ".out"])
        try #require(!files.isEmpty)
        let vepPattern = /ENSP[0-9.]+:p\.[^|,;\t]*/
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for match in line.matches(of: vepPattern) { values.insert(String(match.output)) }
                guard let annStart = line.firstRange(of: "ANN=")?.upperBound else { continue }
                let ann = line[annStart...].prefix { $0 != ";" && $0 != "\t" }
                for annotation in ann.split(separator: ",") {
                    let fields = annotation.split(separator: "|", omittingEmptySubsequences: false)
                    if fields.count > 10, fields[10].hasPrefix("p.") { values.insert(String(fields[10])) }
                }
            }
        }
        #expect(values.count > 100)
        let unparsed = values.filter { ProteinChange.parse($0) == nil }
        #expect(unparsed.isEmpty, "unparsed: \(unparsed.sorted())")
        // SnpEff writes a delins ending in a stop this way.
        let stopDelins = try #require(ProteinChange.parse("p.Ser12_Lys13delinsTer"))
        #expect(stopDelins.kind == .deletionInsertion)
        #expect(stopDelins.alternate == "*")
    }
}
