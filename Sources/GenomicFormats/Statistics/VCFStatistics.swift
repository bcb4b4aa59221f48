/// Whole-file VCF statistics, computed in one pass that decodes every field of every record:
/// each INFO value and each FORMAT value of each sample is parsed as its header declares
/// (undeclared keys as String), so the pass is an honest "parse everything" workload.
///
/// Counting rules (they follow `bcftools stats`, whose `SN` lines count *sites*, i.e. records,
/// by the kinds of ALT alleles they carry; each ALT allele is classified as htslib does, after
/// trimming the prefix and suffix it shares with REF — see `VCFVariantType`):
/// - `records`: data lines read (malformed lines skipped in lenient mode are not included).
/// - `snvs`: records with at least one SNV ALT allele ("number of SNPs").
/// - `mnps`: records with at least one MNV ALT allele ("number of MNPs").
/// - `indels`: records with at least one insertion or deletion ALT allele ("number of indels").
/// - `others`: records with at least one other ALT allele: symbolic alleles other than
///   `<*>`/`<NON_REF>`/`<X>`, unequal-length substitutions ("number of others").
/// - `breakends`: records with at least one breakend ALT allele (bcftools counts these in none
///   of its SN lines except records).
/// - `no_alts`: records whose ALT alleles are all non-variant (`.`, `<*>`, `<NON_REF>`, ALT = REF)
///   ("number of no-ALTs").
/// - `multiallelic`: records with two or more ALT alleles ("number of multiallelic sites"; `*`
///   counts as an allele).
/// - `symbolic`: records with at least one `<…>` ALT allele (including `<*>` and `<NON_REF>`).
/// - `filtered`: records whose FILTER is neither `PASS` nor `.`.
/// A record with an SNV and an indel ALT counts once in `snvs` and once in `indels`.
///
/// Annotations: the first of the INFO keys `CSQ`, `ANN`, `BCSQ` declared in the header is used;
/// `annotation_entries` counts its comma-separated entries; `consequences` counts each
/// `&`-joined term of an entry's consequence field once per entry (field 1 for `ANN`; for
/// `CSQ`/`BCSQ` the field named `Consequence` in the declaration's `Format:` description).
///
/// Genotypes (per sample): GT with any `.` allele is missing; two different alleles
/// heterozygous; all `0` homozygous reference; otherwise homozygous alternate. `dp_sum` sums
/// FORMAT/DP where present.
public struct VCFStatistics: Sendable {
    public var path: String
    public var records = 0
    public var snvs = 0
    public var mnps = 0
    public var indels = 0
    public var others = 0
    public var breakends = 0
    public var noAlts = 0
    public var multiallelic = 0
    public var symbolic = 0
    public var filtered = 0
    /// Sample names in column order.
    public var samples: [String] = []
    public var build: GenomeBuild = .unknown
    /// The annotation INFO key used (`CSQ`, `ANN`, `BCSQ`), if any.
    public var annotationKey: String?
    public var annotationEntries = 0
    /// Consequence term → number of annotation entries carrying it.
    public var consequences: [String: Int] = [:]
    /// Per-sample genotype counts, in sample order.
    public var genotypes: [SampleGenotypeCounts] = []
    /// INFO values decoded (each comma-separated item; a flag counts as one).
    public var infoValues = 0
    /// FORMAT values decoded across all samples (each comma-separated item).
    public var formatValues = 0
    /// Values that did not match their declared type (lenient mode; strict mode throws).
    public var invalidValues = 0
    /// Malformed records skipped (lenient mode).
    public var skippedRecords = 0
    /// The first errors of skipped records.
    public var skippedExamples: [FormatError] = []
    /// Non-VCF lines skipped before the header.
    public var skippedHeaderLines = 0

    /// Reads `path` to the end and computes its statistics.
    ///
    /// The records are parsed on worker threads (see `ParallelStatisticsPass`); the result,
    /// errors included, is the same as `init(reader:)` over a `VCFReader` of `path`.
    public init(path: String, options: VCFReaderOptions = .lenient) throws {
        self.path = path
        try ParallelStatisticsPass.run(path: path, options: options, into: &self)
    }

    /// Empty statistics for the records of a file with `header`: the header's facts filled in,
    /// every count zero.
    init(partialFor header: VCFHeader, path: String) {
        self.path = path
        samples = header.sampleNames
        build = header.genomeBuild
        skippedHeaderLines = header.skippedLines
        genotypes = Array(repeating: SampleGenotypeCounts(), count: samples.count)
        annotationKey = ["CSQ", "ANN", "BCSQ"].first { header.info($0) != nil }
    }

    /// Adds the record counts of `other` (statistics over other records of the same file).
    mutating func absorb(_ other: VCFStatistics) {
        records += other.records
        snvs += other.snvs
        mnps += other.mnps
        indels += other.indels
        others += other.others
        breakends += other.breakends
        noAlts += other.noAlts
        multiallelic += other.multiallelic
        symbolic += other.symbolic
        filtered += other.filtered
        annotationEntries += other.annotationEntries
        infoValues += other.infoValues
        formatValues += other.formatValues
        invalidValues += other.invalidValues
        for index in genotypes.indices where index < other.genotypes.count {
            let counts = other.genotypes[index]
            genotypes[index].homozygousReference += counts.homozygousReference
            genotypes[index].heterozygous += counts.heterozygous
            genotypes[index].homozygousAlternate += counts.homozygousAlternate
            genotypes[index].missing += counts.missing
            genotypes[index].addDepth(counts.depthSum)
        }
    }

    /// Reads the rest of `reader` and computes statistics over its records.
    public init(reader: VCFReader) throws {
        path = reader.path
        let header = reader.header
        samples = header.sampleNames
        build = header.genomeBuild
        skippedHeaderLines = header.skippedLines
        genotypes = Array(repeating: SampleGenotypeCounts(), count: samples.count)
        var pass = StatisticsPass(header: header, strict: reader.options.strict)
        annotationKey = pass.annotationKey
        var record = VCFRecord()
        while try reader.read(into: &record) {
            try pass.add(record, to: &self)
        }
        consequences = pass.consequenceCounter.dictionary
        skippedRecords = reader.skipped
        skippedExamples = reader.skippedExamples
    }

    /// The statistics as JSON (sorted keys, two-space indentation, trailing newline).
    public func jsonText() -> String {
        var genotypeObject: [String: JSONValue] = [:]
        for (name, counts) in zip(samples, genotypes) {
            genotypeObject[name] = .object([
                "hom_ref": .integer(counts.homozygousReference), "het": .integer(counts.heterozygous),
                "hom_alt": .integer(counts.homozygousAlternate), "missing": .integer(counts.missing),
                "dp_sum": .integer(counts.depthSum),
            ])
        }
        let object: [String: JSONValue] = [
            "file": .string(path), "records": .integer(records), "snvs": .integer(snvs),
            "mnps": .integer(mnps),
            "indels": .integer(indels), "others": .integer(others), "breakends": .integer(breakends),
            "no_alts": .integer(noAlts),
            "multiallelic": .integer(multiallelic), "symbolic": .integer(symbolic),
            "filtered": .integer(filtered),
            "samples": .array(samples.map { .string($0) }), "build": .string(build.rawValue),
            "annotation_key": annotationKey.map { .string($0) } ?? .null,
            "annotation_entries": .integer(annotationEntries),
            "consequences": .object(consequences.mapValues { .integer($0) }),
            "genotypes": .object(genotypeObject),
            "info_values": .integer(infoValues), "format_values": .integer(formatValues),
            "invalid_values": .integer(invalidValues), "skipped_records": .integer(skippedRecords),
            "skipped_header_lines": .integer(skippedHeaderLines),
        ]
        return JSONValue.object(object).rendered()
    }

    /// A human-readable summary (aligned `label: value` lines).
    public func summaryText() -> String {
        var lines: [(String, String)] = [
            ("file", path), ("build", build.rawValue),
            ("samples", samples.isEmpty ? "none" : samples.joined(separator: ", ")),
            ("records", String(records)), ("SNVs", String(snvs)), ("MNVs", String(mnps)),
            ("indels", String(indels)),
            ("other variants", String(others)), ("breakends", String(breakends)),
            ("no-ALT records", String(noAlts)),
            ("multiallelic", String(multiallelic)), ("symbolic", String(symbolic)),
            ("filtered", String(filtered)),
            ("INFO values", String(infoValues)), ("FORMAT values", String(formatValues)),
        ]
        if invalidValues > 0 { lines.append(("invalid values", String(invalidValues))) }
        if skippedRecords > 0 { lines.append(("skipped records", String(skippedRecords))) }
        if skippedHeaderLines > 0 {
            lines.append(("skipped lines before header", String(skippedHeaderLines)))
        }
        if let annotationKey {
            lines.append(("annotation entries", "\(annotationEntries) (\(annotationKey))"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        var text = ""
        for (label, value) in lines {
            text += label + ":" + String(repeating: " ", count: width - label.count + 1) + value + "\n"
        }
        if !consequences.isEmpty {
            text += "consequences:\n"
            let sorted = consequences.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            for (term, count) in sorted { text += "  \(term): \(count)\n" }
        }
        if !samples.isEmpty {
            text += "genotypes (hom-ref / het / hom-alt / missing, DP sum):\n"
            for (name, counts) in zip(samples, genotypes) {
                text +=
                    "  \(name): \(counts.homozygousReference) / \(counts.heterozygous) / "
                    + "\(counts.homozygousAlternate) / \(counts.missing), DP \(counts.depthSum)\n"
            }
        }
        for example in skippedExamples { text += "skipped: \(example)\n" }
        return text
    }
}
