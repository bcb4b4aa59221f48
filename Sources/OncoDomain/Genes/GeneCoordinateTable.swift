import Foundation
import GenomicFormats

/// The genomic span of one gene.
public struct GeneCoordinate: Hashable, Sendable {
    /// HGNC symbol.
    public var gene: String
    /// Chromosome without `chr` prefix (`7`, `X`, `MT`).
    public var chromosome: String
    /// First base, 1-based inclusive.
    public var start: Int
    /// Last base, 1-based inclusive.
    public var end: Int

    public init(gene: String, chromosome: String, start: Int, end: Int) {
        self.gene = gene
        self.chromosome = ChromosomeName.normalised(chromosome)
        self.start = start
        self.end = end
    }

    /// Whether the 1-based inclusive interval `start...end` on `chromosome` overlaps the gene.
    public func overlaps(chromosome: String, start: Int, end: Int) -> Bool {
        ChromosomeName.normalised(chromosome) == self.chromosome && start <= self.end && end >= self.start
    }
}

/// Gene spans for one genome build, used to place copy-number segments and fusion breakpoints
/// on genes.
///
/// File format: tab-separated, `#` comments, a header naming `gene`, `chromosome` (or `chrom`),
/// `start`, `end`; coordinates 1-based inclusive; a `chr` prefix is accepted.
public struct GeneCoordinateTable: Sendable {
    /// The build of the coordinates, when known.
    public var build: GenomeBuild?
    /// Where the table came from (file path or resource name).
    public var source: String
    private var genesBySymbol: [String: GeneCoordinate]

    /// Every gene, sorted by symbol.
    public var genes: [GeneCoordinate] { genesBySymbol.values.sorted { $0.gene < $1.gene } }

    /// The span of `gene` (case-insensitive symbol), or `nil`.
    public func coordinate(of gene: String) -> GeneCoordinate? {
        genesBySymbol[gene.uppercased()]
    }

    /// Genes overlapping the 1-based inclusive interval, sorted by start then symbol.
    public func genes(overlapping chromosome: String, start: Int, end: Int) -> [GeneCoordinate] {
        genesBySymbol.values
            .filter { $0.overlaps(chromosome: chromosome, start: start, end: end) }
            .sorted { ($0.start, $0.gene) < ($1.start, $1.gene) }
    }

    /// Builds a table from coordinates; a symbol given twice is an error.
    public init(genes: [GeneCoordinate], build: GenomeBuild?, source: String) throws {
        self.build = build
        self.source = source
        var table: [String: GeneCoordinate] = [:]
        for gene in genes {
            let key = gene.gene.uppercased()
            guard table[key] == nil else {
                throw FormatError(
                    .record, file: source, field: "gene", message: "\(gene.gene) is listed twice")
            }
            table[key] = gene
        }
        genesBySymbol = table
    }

    /// Reads a table file.
    public init(path: String, build: GenomeBuild?) throws {
        try self.init(tabular: TabularText(path: path), build: build)
    }

    init(tabular: TabularText, build: GenomeBuild?) throws {
        guard let header = tabular.lines.first else {
            throw FormatError(
                .header, file: tabular.path, message: "empty gene table: expected a header line")
        }
        let columns = try tabular.columns(
            [
                "gene": ["gene", "symbol", "hugo_symbol"], "chromosome": ["chromosome", "chrom", "chr"],
                "start": ["start"], "end": ["end"],
            ], in: header)
        var genes: [GeneCoordinate] = []
        for line in tabular.lines.dropFirst() {
            let symbol = try tabular.field(line, columns["gene"]!, name: "gene")
            let chromosome = try tabular.field(line, columns["chromosome"]!, name: "chromosome")
            let start = try tabular.integer(line, columns["start"]!, name: "start")
            let end = try tabular.integer(line, columns["end"]!, name: "end")
            guard !symbol.isEmpty, !chromosome.isEmpty, start >= 1, end >= start else {
                throw FormatError(
                    .value, file: tabular.path, line: line.number,
                    message: "expected a gene symbol, a chromosome and 1 ≤ start ≤ end")
            }
            genes.append(
                GeneCoordinate(gene: String(symbol), chromosome: String(chromosome), start: start, end: end))
        }
        try self.init(genes: genes, build: build, source: tabular.path)
    }

    /// The table shipped for `build`.
    ///
    /// Only GRCh38 is shipped (Ensembl 107 gene spans; see `Resources/README.md`). For GRCh37
    /// no permissively licensed, verifiable source was found, so this throws a `FormatError`.
    public static func bundled(_ build: GenomeBuild) throws -> GeneCoordinateTable {
        guard let url = bundledURL(build) else {
            let name = "cancer_genes_\(build.rawValue.lowercased())"
            throw FormatError(
                .io, file: "\(name).tsv",
                message:
                    "gene coordinates are shipped for GRCh38 only, so copy-number segments of a "
                    + "\(build.rawValue) input cannot be mapped to genes")
        }
        return try GeneCoordinateTable(path: url.path, build: build)
    }

    /// Whether a table is shipped for `build` (only GRCh38 today).
    public static func isBundled(_ build: GenomeBuild) -> Bool { bundledURL(build) != nil }

    private static func bundledURL(_ build: GenomeBuild) -> URL? {
        Bundle.module.url(forResource: "cancer_genes_\(build.rawValue.lowercased())", withExtension: "tsv")
    }
}
