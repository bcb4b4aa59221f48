import GenomicFormats

/// Which columns of a VCF hold the tumour and its matched normal.
public struct TumourNormalPair: Sendable, Hashable {
    /// Column index (0-based among samples) of the tumour, or `nil` for a sites-only VCF.
    public var tumour: Int?
    public var normal: Int?
    public var tumourName: String
    public var normalName: String?

    /// Chooses the tumour and normal columns.
    ///
    /// Given names win. Otherwise: Mutect2's `##tumor_sample=` / `##normal_sample=`; a sample
    /// named `TUMOR`/`TUMOUR`/`SOMATIC` (any case, or ending in `_TUMOR`, `-TUMOR`, `.TUMOR`…) and
    /// one named `NORMAL`/`GERMLINE` (SnpEff's cancer-mode example names `Patient_01_Somatic`);
    /// a single sample is the tumour (tumour-only); two samples with one recognised normal make
    /// the other the tumour. Anything else is an error asking for `--sample`.
    public static func choose(
        header: VCFHeader, path: String, tumour requestedTumour: String?, normal requestedNormal: String?
    ) throws -> TumourNormalPair {
        let samples = header.sampleNames
        func index(of name: String, role: String) throws -> Int {
            guard let index = header.sampleIndex(name) else {
                throw FormatError(
                    .header, file: path, field: "#CHROM",
                    message:
                        "no sample named '\(name)' for the \(role) (samples: \(samples.joined(separator: ", ")))"
                )
            }
            return index
        }
        if samples.isEmpty {
            if requestedTumour != nil || requestedNormal != nil {
                throw FormatError(
                    .header, file: path, field: "#CHROM", message: "the VCF has no sample columns")
            }
            return TumourNormalPair(tumour: nil, normal: nil, tumourName: "(sites only)", normalName: nil)
        }
        let looksLike = { (name: String, word: String) -> Bool in
            let upper = name.uppercased()
            return upper == word || upper.hasSuffix("_" + word) || upper.hasSuffix("-" + word)
                || upper.hasSuffix("." + word)
        }
        var normal = try requestedNormal.map { try index(of: $0, role: "normal") }
        if normal == nil, requestedTumour == nil || samples.count == 2 {
            if let name = header.metaValue(forKey: "normal_sample"), let found = header.sampleIndex(name) {
                normal = found
            } else if let found = samples.firstIndex(where: { name in
                ["NORMAL", "GERMLINE"].contains { looksLike(name, $0) }
            }) {
                normal = found
            }
        }
        var tumour = try requestedTumour.map { try index(of: $0, role: "tumour") }
        if tumour == nil {
            if let name = header.metaValue(forKey: "tumor_sample"), let found = header.sampleIndex(name) {
                tumour = found
            } else if let found = samples.firstIndex(where: { name in
                ["TUMOR", "TUMOUR", "SOMATIC"].contains { looksLike(name, $0) }
            }) {
                tumour = found
            } else if samples.count == 1 {
                tumour = 0
            } else if samples.count == 2, let normal {
                tumour = 1 - normal
            }
        }
        guard let tumour else {
            throw FormatError(
                .header, file: path, field: "#CHROM",
                message:
                    "cannot tell which sample is the tumour (samples: \(samples.joined(separator: ", "))); "
                    + "name it with --sample")
        }
        if normal == tumour { normal = nil }
        return TumourNormalPair(
            tumour: tumour, normal: normal, tumourName: samples[tumour],
            normalName: normal.map { samples[$0] })
    }
}
