/// A parsed VCF header: every meta line in order, the typed declarations, the sample names and
/// the detected genome build.
///
/// A value type; copies share immutable storage, so a record can keep its header cheaply.
public struct VCFHeader: Sendable {
    /// Immutable shared storage.
    final class Storage: Sendable {
        let version: VCFVersion?
        let metaLines: [VCFMetaLine]
        let infoDefinitions: [VCFFieldDefinition]
        let formatDefinitions: [VCFFieldDefinition]
        let filters: [VCFFilterDefinition]
        let alternateAlleles: [VCFAlternateAlleleDefinition]
        let contigs: [VCFContig]
        let sampleNames: [String]
        let genomeBuild: GenomeBuild
        let infoTable: ByteKeyTable
        let formatTable: ByteKeyTable
        let sampleTable: [String: Int]
        let skippedLines: Int

        init(
            version: VCFVersion?, metaLines: [VCFMetaLine], infoDefinitions: [VCFFieldDefinition],
            formatDefinitions: [VCFFieldDefinition], filters: [VCFFilterDefinition],
            alternateAlleles: [VCFAlternateAlleleDefinition], contigs: [VCFContig],
            sampleNames: [String], skippedLines: Int
        ) {
            self.version = version
            self.metaLines = metaLines
            self.infoDefinitions = infoDefinitions
            self.formatDefinitions = formatDefinitions
            self.filters = filters
            self.alternateAlleles = alternateAlleles
            self.contigs = contigs
            self.sampleNames = sampleNames
            self.skippedLines = skippedLines
            self.genomeBuild = GenomeBuild.detect(contigs: contigs, metaLines: metaLines)
            self.infoTable = ByteKeyTable(infoDefinitions.enumerated().map { ($1.id, $0) })
            self.formatTable = ByteKeyTable(formatDefinitions.enumerated().map { ($1.id, $0) })
            var samples: [String: Int] = [:]
            for (index, name) in sampleNames.enumerated() where samples[name] == nil { samples[name] = index }
            self.sampleTable = samples
        }
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// Builds a header from its parts (for writing tests or synthesising files).
    public init(
        version: VCFVersion? = .v4_2, metaLines: [VCFMetaLine] = [],
        infoDefinitions: [VCFFieldDefinition] = [],
        formatDefinitions: [VCFFieldDefinition] = [], filters: [VCFFilterDefinition] = [],
        alternateAlleles: [VCFAlternateAlleleDefinition] = [], contigs: [VCFContig] = [],
        sampleNames: [String] = []
    ) {
        storage = Storage(
            version: version, metaLines: metaLines, infoDefinitions: infoDefinitions,
            formatDefinitions: formatDefinitions, filters: filters, alternateAlleles: alternateAlleles,
            contigs: contigs, sampleNames: sampleNames, skippedLines: 0)
    }

    /// Parses a complete header given as text (meta lines and the `#CHROM` line).
    ///
    /// - Parameters:
    ///   - text: the header lines, `\n` or `\r\n` separated.
    ///   - path: the name used in errors.
    ///   - strict: reject what lenient reading tolerates (see `VCFReaderOptions.strict`).
    public init(parsing text: String, path: String = "<header>", strict: Bool = true) throws {
        var builder = VCFHeaderBuilder(path: path, strict: strict)
        var lineNumber = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            let done = try bytes.withUnsafeBytes { buffer throws in
                try builder.consume(buffer, lineNumber: lineNumber)
            }
            if done { break }
        }
        self = try builder.finish(lineNumber: lineNumber)
    }

    /// The `##fileformat` version, or `nil` when the line is absent (lenient reading only).
    public var version: VCFVersion? { storage.version }
    /// Every `##` line in file order.
    public var metaLines: [VCFMetaLine] { storage.metaLines }
    /// `##INFO` declarations in file order.
    public var infoDefinitions: [VCFFieldDefinition] { storage.infoDefinitions }
    /// `##FORMAT` declarations in file order.
    public var formatDefinitions: [VCFFieldDefinition] { storage.formatDefinitions }
    /// `##FILTER` declarations in file order.
    public var filters: [VCFFilterDefinition] { storage.filters }
    /// `##ALT` declarations in file order.
    public var alternateAlleles: [VCFAlternateAlleleDefinition] { storage.alternateAlleles }
    /// `##contig` declarations in file order.
    public var contigs: [VCFContig] { storage.contigs }
    /// Sample names from the `#CHROM` line, in column order.
    public var sampleNames: [String] { storage.sampleNames }
    /// The reference assembly, detected from contigs and `##reference` / `assembly` hints.
    public var genomeBuild: GenomeBuild { storage.genomeBuild }
    /// Non-header lines skipped before the header in lenient mode (e.g. a tool's log line).
    public var skippedLines: Int { storage.skippedLines }

    /// Whether String values are percent-encoded (VCF 4.3 and later).
    public var usesPercentEncoding: Bool {
        guard let version = storage.version else { return false }
        return version >= .v4_3
    }

    /// The `##INFO` declaration with this ID.
    public func info(_ id: String) -> VCFFieldDefinition? {
        var id = id
        return id.withUTF8 { utf8 in
            storage.infoTable.lookup(UnsafeRawBufferPointer(utf8)).map { storage.infoDefinitions[$0] }
        }
    }

    /// The `##FORMAT` declaration with this ID.
    public func format(_ id: String) -> VCFFieldDefinition? {
        var id = id
        return id.withUTF8 { utf8 in
            storage.formatTable.lookup(UnsafeRawBufferPointer(utf8)).map { storage.formatDefinitions[$0] }
        }
    }

    /// The `##FILTER` declaration with this ID.
    public func filter(_ id: String) -> VCFFilterDefinition? { storage.filters.first { $0.id == id } }

    /// The `##contig` declaration with this ID.
    public func contig(_ id: String) -> VCFContig? { storage.contigs.first { $0.id == id } }

    /// The `##ALT` declaration with this ID (without angle brackets, e.g. `DEL`).
    public func alternateAllele(_ id: String) -> VCFAlternateAlleleDefinition? {
        storage.alternateAlleles.first { $0.id == id }
    }

    /// The column index of a sample (0-based among samples), or `nil`.
    public func sampleIndex(_ name: String) -> Int? { storage.sampleTable[name] }

    /// The raw value of the first `##key=value` line with this key (e.g. `tumor_sample`).
    public func metaValue(forKey key: String) -> String? {
        storage.metaLines.first { $0.key == key }?.value
    }

    /// The raw values of every `##key=value` line with this key, in order.
    public func metaValues(forKey key: String) -> [String] {
        storage.metaLines.filter { $0.key == key }.map(\.value)
    }

    /// Index of the INFO declaration for key bytes, without allocating.
    @inline(__always)
    func infoIndex(_ key: UnsafeRawBufferPointer) -> Int? { storage.infoTable.lookup(key) }

    /// Index of the FORMAT declaration for key bytes, without allocating.
    @inline(__always)
    func formatIndex(_ key: UnsafeRawBufferPointer) -> Int? { storage.formatTable.lookup(key) }
}
