import Foundation
import GenomicFormats
import TestSupport
import Testing

/// Reproduces bcftools `+split-vep` outputs (`annotated/bcftools-split-vep`) for the cases that only
/// select plain fields, using the annotation API: the entry splitting, field indices, empty →
/// `.` and per-entry (`-d`) or per-record joining must all agree with bcftools.
@Suite("bcftools split-vep expected outputs", .enabled(if: TestData.hasSharedData))
struct AnnotationSplitVEPTests {
    /// The subset of split-vep options these cases use.
    struct Options {
        var tag = "CSQ"
        var format: String
        var duplicate = false
        var annotationSeparator = ","
        var headerStyle = 0
        var region: (chrom: String, pos: String)? = nil
        var include: ((AnnotationEntry) -> Bool)? = nil
    }

    enum Token {
        case literal(String)
        case column(String)
    }

    static func tokens(_ format: String) -> [Token] {
        var result: [Token] = []
        var literal = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            if character == "\\", let escaped = characters.popFirst() {
                literal.append(escaped == "t" ? "\t" : escaped == "n" ? "\n" : escaped)
            } else if character == "%" {
                if !literal.isEmpty { result.append(.literal(literal)) }
                literal = ""
                var name = ""
                while let next = characters.first, next.isLetter || next.isNumber || next == "_" {
                    name.append(next)
                    characters.removeFirst()
                }
                result.append(.column(name))
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { result.append(.literal(literal)) }
        return result
    }

    static let recordColumns = ["CHROM": 0, "POS": 1, "ID": 2, "REF": 3, "ALT": 4]

    /// bcftools prints a missing value as `.` and replaces commas inside a value with `/`.
    static func shown(_ value: AnnotationBytes?) -> String {
        guard let value, !value.isEmpty else { return "." }
        return value.string.replacingOccurrences(of: ",", with: "/")
    }

    static func run(_ vcf: AnnotationTestVCF, _ options: Options) throws -> String {
        let schema = try vcf.schema(options.tag)
        let tokens = tokens(options.format)
        var output = ""
        if options.headerStyle > 0 {
            var number = 0
            var header = "#"
            func name(_ text: String) -> String {
                number += 1
                return options.headerStyle == 1 ? "[\(number)]\(text)" : text
            }
            for token in tokens {
                switch token {
                case .literal(let text): header += text
                case .column(let column) where column == options.tag:
                    header += schema.fieldNames.map(name).joined(separator: options.annotationSeparator)
                case .column(let column): header += name(column)
                }
            }
            output += header
        }
        for record in vcf.records {
            if let region = options.region, record.chrom != region.chrom || record.pos != region.pos {
                continue
            }
            let value = record.info(options.tag) ?? ""
            try withEntries(value, schema: schema) { entries in
                // Records without the annotation (or with no selected entry) are not printed.
                let selected = entries.filter { options.include?($0) ?? true }
                if selected.isEmpty { return }
                func render(_ group: [AnnotationEntry]) throws -> String {
                    var line = ""
                    for token in tokens {
                        switch token {
                        case .literal(let text): line += text
                        case .column(let column):
                            if let index = Self.recordColumns[column] {
                                line += record.columns[index]
                            } else if column == options.tag {
                                line += (0..<schema.fieldNames.count).map { field in
                                    group.isEmpty
                                        ? "."
                                        : group.map { shown($0.field(at: field)) }.joined(separator: ",")
                                }.joined(separator: options.annotationSeparator)
                            } else {
                                let field = try #require(schema.index(ofField: column), "field \(column)")
                                line +=
                                    group.isEmpty
                                    ? "." : group.map { shown($0.field(at: field)) }.joined(separator: ",")
                            }
                        }
                    }
                    return line
                }
                if options.duplicate && !selected.isEmpty {
                    for entry in selected { output += try render([entry]) }
                } else {
                    output += try render(selected)
                }
            }
        }
        return output
    }

    static func check(_ input: String, _ expected: String, _ options: Options) throws {
        let directory = "annotated/bcftools-split-vep/test/"
        let vcf = try AnnotationTestVCF(path: TestData.shared(directory + input))
        let want = try String(contentsOfFile: TestData.shared(directory + expected), encoding: .utf8)
        let got = try run(vcf, options)
        let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false).map { $0 }
        let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false).map { $0 }
        #expect(gotLines.count == wantLines.count, "\(expected): line count")
        for (index, (gotLine, wantLine)) in zip(gotLines, wantLines).enumerated() where gotLine != wantLine {
            Issue.record(
                "\(expected) line \(index + 1):\n got: \(gotLine.prefix(300))\nwant: \(wantLine.prefix(300))")
            break
        }
    }

    @Test("9: -t 1:14464 -f '%POS\\t%CANONICAL\\t%Consequence\\n'")
    func case9() throws {
        try Self.check(
            "split-vep.vcf", "split-vep.9.out",
            Options(format: "%POS\\t%CANONICAL\\t%Consequence\\n", region: ("1", "14464")))
    }

    @Test("10: as 9 with -d")
    func case10() throws {
        try Self.check(
            "split-vep.vcf", "split-vep.10.out",
            Options(format: "%POS\\t%CANONICAL\\t%Consequence\\n", duplicate: true, region: ("1", "14464")))
    }

    @Test("11: -f '%POS\\t%CSQ\\n' -A tab (every field)")
    func case11() throws {
        try Self.check(
            "split-vep.vcf", "split-vep.11.out",
            Options(format: "%POS\\t%CSQ\\n", annotationSeparator: "\t", region: ("1", "14464")))
    }

    @Test("12, 12.2, 12.3, 12.4: every field, -d, with -H / -HH headers and -A @@@")
    func case12() throws {
        let base = Options(
            format: "%POS\\t%CSQ\\n", duplicate: true, annotationSeparator: "\t", region: ("1", "14464"))
        try Self.check("split-vep.vcf", "split-vep.12.out", base)
        var numbered = base
        numbered.headerStyle = 1
        try Self.check("split-vep.vcf", "split-vep.12.2.out", numbered)
        var plain = base
        plain.headerStyle = 2
        try Self.check("split-vep.vcf", "split-vep.12.3.out", plain)
        var custom = numbered
        custom.annotationSeparator = "@@@"
        try Self.check("split-vep.vcf", "split-vep.12.4.out", custom)
    }

    @Test("13: bcftools csq BCSQ, -d -A tab (short entries padded with '.')")
    func case13() throws {
        try Self.check(
            "split-vep.4.vcf", "split-vep.13.out",
            Options(tag: "BCSQ", format: "%POS\\t%BCSQ\\n", duplicate: true, annotationSeparator: "\t"))
    }

    @Test("14: -c gnomAD_NFE_AF,ALLELE_NUM then query")
    func case14() throws {
        try Self.check(
            "split-vep.vcf", "split-vep.14.out", Options(format: "%POS\\t%gnomAD_NFE_AF\\t%ALLELE_NUM\\n"))
    }

    @Test("25: -a CSQ -f '%M_CAP_pred %M_CAP_score\\n'")
    func case25() throws {
        try Self.check("split-vep.10.vcf", "split-vep.25.out", Options(format: "%M_CAP_pred %M_CAP_score\\n"))
    }

    @Test("26: -f'%POS\\n' -i'SYMBOL~\"SAMD11\"'")
    func case26() throws {
        try Self.check(
            "split-vep.vcf", "split-vep.26.out",
            Options(format: "%POS\\n", include: { $0.symbol?.contains("SAMD11") ?? false }))
    }

    @Test("gene-list.1: -d -f '%CHROM:%POS %Gene %Consequence\\n'")
    func geneList() throws {
        try Self.check(
            "split-vep.gene-list.vcf", "split-vep.gene-list.1.out",
            Options(format: "%CHROM:%POS %Gene %Consequence\\n", duplicate: true))
    }

    @Test("broken-LoF: custom tag 'vep', commas inside LoF_info")
    func brokenLoF() throws {
        try Self.check(
            "split-vep.broken-LoF.vcf", "split-vep.broken-LoF.out",
            Options(tag: "vep", format: "%CHROM:%POS %Consequence %LoF_info\\n", duplicate: true))
        try Self.check(
            "split-vep.broken-LoF.vcf", "split-vep.broken-LoF.2.out",
            Options(
                tag: "vep", format: "%CHROM:%POS %LoF_info\\n", duplicate: true,
                include: { $0.consequences.strings == ["frameshift_variant"] }))
    }

    @Test("types.1: -f'%cDNA_position %CDS_position %Protein_position'")
    func types() throws {
        try Self.check(
            "split-vep.types.vcf", "split-vep.types.1.out",
            Options(format: "%cDNA_position %CDS_position %Protein_position\\n"))
    }
}
