import GenomicFormats

/// Read depth and allele support of one ALT allele in one sample, read from whichever FORMAT
/// fields the caller wrote, with the fields used recorded.
///
/// Recognised, in this order:
/// - `AD` with Number=R (GATK Mutect2, HaplotypeCaller, MuSE, RADIA, Pindel, most callers),
///   with `AF`/`FA` (Number=A) for the fraction when present and `DP` for the depth;
/// - VarScan: `RD` (reference reads) and `AD` with Number=1 (variant reads), `FREQ` (`38.46%`);
/// - Strelka indels: `TAR`/`TIR` tier-1 counts; Strelka SNVs: `AU`/`CU`/`GU`/`TU` tier-1 counts;
/// - FreeBayes: `RO`/`AO`;
/// - SomaticSniper and others with `DP4` (ref-forward, ref-reverse, alt-forward, alt-reverse);
/// - Delly: `DR`+`RR` reference and `DV`+`RV` variant pairs/reads;
/// - else `DP` alone for the depth, and INFO for sites-only or sample-less input: PCGR's tumour
///   tags `TDP`/`TVAF` when the header declares them (they describe the tumour alone), else
///   `DP`/`AF`.
public struct ReadSupport: Sendable, Hashable {
    /// Total depth at the site, when known.
    public var depth: Int?
    /// Reads supporting the ALT allele, when known.
    public var altDepth: Int?
    /// Variant allele fraction, when known.
    public var vaf: Double?
    /// The fields read, e.g. `FORMAT/AD,DP` or `FORMAT/TAR,TIR`.
    public var source: String?

    public init(depth: Int?, altDepth: Int?, vaf: Double?, source: String?) {
        self.depth = depth
        self.altDepth = altDepth
        self.vaf = vaf
        self.source = source
    }

    /// Support of ALT `allele` (1-based) in `sample` of `record`; `sample` `nil` reads INFO only.
    public static func read(_ record: VCFRecord, sample: Int?, allele: Int) throws -> ReadSupport {
        guard let sample else { return try fromInfo(record, allele: allele) }
        let header = record.header
        let formatDepth = try record.sampleInteger(sample: sample, key: "DP")

        // `AD` per allele: Number=R, or Number=. with one value per allele (older Mutect).
        if let ad = header.format("AD"), ad.number == .perAllele || ad.number == .unknown,
            let counts = try record.sampleIntegers(sample: sample, key: "AD"),
            counts.count == record.alternateAlleleCount + 1, let alt = counts[allele]
        {
            let sum = try total(counts.lazy.map { $0 ?? 0 }, of: "FORMAT/AD", in: record)
            let depth = formatDepth ?? sum
            let stated = try fraction(record, sample: sample, allele: allele)
            return ReadSupport(
                depth: depth, altDepth: alt, vaf: stated ?? (sum > 0 ? Double(alt) / Double(sum) : nil),
                source: alleleDepthsSource(withDepth: formatDepth != nil, withFraction: stated != nil))
        }
        if let ref = try record.sampleInteger(sample: sample, key: "RD"),
            let ad = header.format("AD"), ad.number == .count(1),
            let alt = try record.sampleInteger(sample: sample, key: "AD")
        {
            let sum = try total([ref, alt], of: "FORMAT/RD,AD", in: record)
            let depth = formatDepth ?? sum
            var vaf: Double? = nil
            if let freq = record.sampleString(sample: sample, key: "FREQ"),
                let percent = Double(freq.filter { $0 != "%" })
            {
                vaf = percent / 100
            } else if sum > 0 {
                vaf = Double(alt) / Double(sum)
            }
            return ReadSupport(depth: depth, altDepth: alt, vaf: vaf, source: "FORMAT/RD,AD,FREQ")
        }
        if let tar = try record.sampleIntegers(sample: sample, key: "TAR")?.first ?? nil,
            let tir = try record.sampleIntegers(sample: sample, key: "TIR")?.first ?? nil
        {
            let total = try total([tar, tir], of: "FORMAT/TAR,TIR", in: record)
            return ReadSupport(
                depth: formatDepth ?? total, altDepth: tir,
                vaf: total > 0 ? Double(tir) / Double(total) : nil,
                source: "FORMAT/TAR,TIR")
        }
        if record.formatKeyIndex("AU") != nil,
            let support = try strelkaSNV(record, sample: sample, allele: allele)
        {
            return support
        }
        if let ref = try record.sampleIntegers(sample: sample, key: "RO")?.first ?? nil,
            let alts = try record.sampleIntegers(sample: sample, key: "AO"), alts.count >= allele,
            let alt = alts[allele - 1]
        {
            let total = try total([ref] + alts.map { $0 ?? 0 }, of: "FORMAT/RO,AO", in: record)
            return ReadSupport(
                depth: formatDepth ?? total, altDepth: alt,
                vaf: total > 0 ? Double(alt) / Double(total) : nil,
                source: "FORMAT/RO,AO")
        }
        if let dp4 = try record.sampleIntegers(sample: sample, key: "DP4"), dp4.count == 4,
            let refForward = dp4[0], let refReverse = dp4[1], let altForward = dp4[2], let altReverse = dp4[3]
        {
            let alt = try total([altForward, altReverse], of: "FORMAT/DP4", in: record)
            let total = try total([refForward, refReverse, alt], of: "FORMAT/DP4", in: record)
            return ReadSupport(
                depth: formatDepth ?? total, altDepth: alt,
                vaf: total > 0 ? Double(alt) / Double(total) : nil,
                source: "FORMAT/DP4")
        }
        if let dv = try record.sampleInteger(sample: sample, key: "DV"),
            let dr = try record.sampleInteger(sample: sample, key: "DR")
        {
            let rv = try record.sampleInteger(sample: sample, key: "RV") ?? 0
            let rr = try record.sampleInteger(sample: sample, key: "RR") ?? 0
            let alt = try total([dv, rv], of: "FORMAT/DV,RV", in: record)
            let total = try total([alt, dr, rr], of: "FORMAT/DR,DV,RR,RV", in: record)
            return ReadSupport(
                depth: total, altDepth: alt, vaf: total > 0 ? Double(alt) / Double(total) : nil,
                source: "FORMAT/DR,DV,RR,RV")
        }
        let vaf = try fraction(record, sample: sample, allele: allele)
        if formatDepth != nil || vaf != nil {
            return ReadSupport(
                depth: formatDepth, altDepth: nil, vaf: vaf,
                source: [formatDepth != nil ? "FORMAT/DP" : nil, vaf != nil ? "FORMAT/AF" : nil]
                    .compactMap { $0 }.joined(separator: ","))
        }
        return try fromInfo(record, allele: allele)
    }

    /// The fields named for support read from `FORMAT/AD`: `FORMAT/AD`, then `,DP` when the
    /// depth came from `FORMAT/DP` and `,AF` when the fraction came from `FORMAT/AF` or `FA`.
    static func alleleDepthsSource(withDepth: Bool, withFraction: Bool) -> String {
        "FORMAT/AD" + (withDepth ? ",DP" : "") + (withFraction ? ",AF" : "")
    }

    /// The sum of read counts, or an error naming the fields when it exceeds the largest `Int`
    /// (counts near `Int.max` are malformed input, not a reason to stop the process).
    static func total(_ counts: some Sequence<Int>, of fields: String, in record: VCFRecord) throws -> Int {
        var sum = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard !overflow else {
                throw FormatError(
                    .value, file: record.path, line: record.lineNumber, field: fields,
                    message: "the read counts add up beyond the largest supported count (\(Int.max))")
            }
            sum = next
        }
        return sum
    }

    /// FORMAT `AF` or Mutect1's `FA` (Number=A) for the allele.
    private static func fraction(_ record: VCFRecord, sample: Int, allele: Int) throws -> Double? {
        for key in ["AF", "FA"] where record.header.format(key)?.number == .perAlternateAllele {
            if let value = try record.sampleValue(sample: sample, key: key, allele: allele)?.floatValue {
                return value
            }
        }
        return nil
    }

    /// Strelka SNVs: tier-1 counts of each base (`AU`, `CU`, `GU`, `TU`).
    private static func strelkaSNV(_ record: VCFRecord, sample: Int, allele: Int) throws -> ReadSupport? {
        let reference = record.reference.uppercased()
        guard let alternate = record.alternateAlleles.dropFirst(allele - 1).first?.text.uppercased(),
            reference.count == 1, alternate.count == 1
        else { return nil }
        var counts: [String: Int] = [:]
        for base in ["A", "C", "G", "T"] {
            guard let tier1 = try record.sampleIntegers(sample: sample, key: base + "U")?.first ?? nil else {
                return nil
            }
            counts[base] = tier1
        }
        let total = try total(
            ["A", "C", "G", "T"].map { counts[$0] ?? 0 }, of: "FORMAT/AU,CU,GU,TU", in: record)
        let alt = counts[alternate] ?? 0
        return ReadSupport(
            depth: try record.sampleInteger(sample: sample, key: "DP") ?? total, altDepth: alt,
            vaf: total > 0 ? Double(alt) / Double(total) : nil, source: "FORMAT/AU,CU,GU,TU")
    }

    /// INFO `TDP`/`TVAF` (PCGR's tumour tags) when declared and present, else INFO `DP` and `AF`
    /// (Number=A), for sites-only input.
    private static func fromInfo(_ record: VCFRecord, allele: Int) throws -> ReadSupport {
        if let tumour = try pcgrTumourTags(record, allele: allele) { return tumour }
        let depth = try record.infoInteger("DP")
        var vaf: Double? = nil
        if record.header.info("AF")?.number == .perAlternateAllele {
            vaf = try record.infoValue("AF", allele: allele)?.floatValue
        }
        let source = [depth != nil ? "INFO/DP" : nil, vaf != nil ? "INFO/AF" : nil].compactMap { $0 }
        return ReadSupport(
            depth: depth, altDepth: nil, vaf: vaf,
            source: source.isEmpty ? nil : source.joined(separator: ","))
    }

    /// The tumour's depth and allele fraction as PCGR takes them from its input VCF: INFO `TDP`
    /// (one depth for the site) and `TVAF` (one fraction per ALT allele, or one for a biallelic
    /// record), read only when the header declares them; `nil` when neither gives a value.
    private static func pcgrTumourTags(_ record: VCFRecord, allele: Int) throws -> ReadSupport? {
        let header = record.header
        guard header.info("TDP") != nil || header.info("TVAF") != nil else { return nil }
        let depth = header.info("TDP") == nil ? nil : try record.infoInteger("TDP")
        var vaf: Double?
        if header.info("TVAF") != nil, let values = try record.infoFloats("TVAF"),
            values.count == record.alternateAlleleCount
        {
            vaf = values[allele - 1]
        }
        guard depth != nil || vaf != nil else { return nil }
        let source = [depth != nil ? "INFO/TDP" : nil, vaf != nil ? "INFO/TVAF" : nil].compactMap { $0 }
        return ReadSupport(
            depth: depth, altDepth: nil, vaf: vaf, source: source.joined(separator: ","))
    }
}
