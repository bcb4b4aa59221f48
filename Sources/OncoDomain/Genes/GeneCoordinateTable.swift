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
/// `start`, `end`; coordinates 1-based inclusive; a `chr` prefix is accepted. A comment line
/// `# unsourced: GENE GENE …` names genes the table deliberately leaves out because no
/// verifiable coordinates were found for its build (see ``unsourcedGenes``).
public struct GeneCoordinateTable: Sendable {
    /// The build of the coordinates, when known.
    public var build: GenomeBuild?
    /// Where the table came from (file path or resource name).
    public var source: String
    /// Genes the table's maintainers left out on purpose (no verifiable coordinates for this
    /// build), sorted by symbol. Copy number of these genes cannot be called from segments.
    public var unsourcedGenes: [String]
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

    /// Whether `gene` (case-insensitive symbol) is one of the ``unsourcedGenes``.
    public func isUnsourced(_ gene: String) -> Bool {
        unsourcedGenes.contains(gene.uppercased())
    }

    /// Builds a table from coordinates; a symbol given twice, or listed both with coordinates
    /// and as unsourced, is an error.
    public init(
        genes: [GeneCoordinate], build: GenomeBuild?, source: String, unsourcedGenes: [String] = []
    ) throws {
        self.build = build
        self.source = source
        self.unsourcedGenes = Set(unsourcedGenes.map { $0.uppercased() }).sorted()
        var table: [String: GeneCoordinate] = [:]
        for gene in genes {
            let key = gene.gene.uppercased()
            guard table[key] == nil else {
                throw FormatError(
                    .record, file: source, field: "gene", message: "\(gene.gene) is listed twice")
            }
            table[key] = gene
        }
        if let both = self.unsourcedGenes.first(where: { table[$0] != nil }) {
            throw FormatError(
                .record, file: source, field: "gene",
                message: "\(both) has coordinates but is also listed as unsourced")
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
        try self.init(
            genes: genes, build: build, source: tabular.path,
            unsourcedGenes: Self.unsourcedDeclaration(in: tabular.comments))
    }

    /// The symbols of every `# unsourced: A B` comment line.
    static func unsourcedDeclaration(in comments: [Substring]) -> [String] {
        comments.flatMap { comment -> [String] in
            let body = comment.drop(while: { $0 == "#" || $0 == " " })
            guard body.lowercased().hasPrefix("unsourced:") else { return [] }
            return body.dropFirst("unsourced:".count)
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        }
    }

    /// The table shipped for `build`.
    ///
    /// GRCh38: Ensembl 107 gene spans; GRCh37: Ensembl GRCh37 gene spans (see
    /// `Resources/README.md` for origin and cross-checks). The GRCh37 table lacks a few genes no
    /// verifiable source was found for; they are listed in ``unsourcedGenes``. A build without a
    /// table (``GenomeBuild/unknown``) is a `FormatError`.
    public static func bundled(_ build: GenomeBuild) throws -> GeneCoordinateTable {
        guard let url = bundledURL(build) else {
            let supported = GenomeBuild.allCases.filter(isBundled).map(\.rawValue)
            throw FormatError(
                .io, file: "cancer_genes_\(build.rawValue.lowercased()).tsv",
                message:
                    "gene coordinates are shipped for \(supported.joined(separator: " and ")) only, so "
                    + "copy-number segments of a \(build.rawValue) input cannot be mapped to genes")
        }
        return try GeneCoordinateTable(path: url.path, build: build)
    }

    /// Whether a table is shipped for `build` (GRCh37 and GRCh38).
    public static func isBundled(_ build: GenomeBuild) -> Bool { bundledURL(build) != nil }

    private static func bundledURL(_ build: GenomeBuild) -> URL? {
        guard build != .unknown else { return nil }
        return Bundle.module.url(
            forResource: "cancer_genes_\(build.rawValue.lowercased())", withExtension: "tsv")
    }
}
