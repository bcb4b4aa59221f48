/// The human reference assembly a file's coordinates refer to.
public enum GenomeBuild: String, Sendable, Hashable, CaseIterable {
    case grch37 = "GRCh37"
    case grch38 = "GRCh38"
    case unknown

    /// Lengths of the primary chromosomes (names without `chr`) in each assembly
    /// (NCBI GRCh37.p13 / GRCh38 assembly reports; identical across patch releases).
    static let chromosomeLengths: [String: (grch37: Int, grch38: Int)] = [
        "1": (249_250_621, 248_956_422), "2": (243_199_373, 242_193_529),
        "3": (198_022_430, 198_295_559), "4": (191_154_276, 190_214_555),
        "5": (180_915_260, 181_538_259), "6": (171_115_067, 170_805_979),
        "7": (159_138_663, 159_345_973), "8": (146_364_022, 145_138_636),
        "9": (141_213_431, 138_394_717), "10": (135_534_747, 133_797_422),
        "11": (135_006_516, 135_086_622), "12": (133_851_895, 133_275_309),
        "13": (115_169_878, 114_364_328), "14": (107_349_540, 107_043_718),
        "15": (102_531_392, 101_991_189), "16": (90_354_753, 90_338_345),
        "17": (81_195_210, 83_257_441), "18": (78_077_248, 80_373_285),
        "19": (59_128_983, 58_617_616), "20": (63_025_520, 64_444_167),
        "21": (48_129_895, 46_709_983), "22": (51_304_566, 50_818_468),
        "X": (155_270_560, 156_040_895), "Y": (59_373_566, 57_227_415),
    ]

    /// Recognises an assembly name such as `GRCh37`, `b37`, `hg19`, `hs37d5`,
    /// `human_g1k_v37`, `GRCh38`, `hg38` or `GCA_000001405.15` inside free text (a path or URL is
    /// fine), or returns `.unknown`.
    public static func fromAssemblyName(_ text: String) -> GenomeBuild {
        let lower = text.lowercased()
        let says38 = ["grch38", "hg38", "b38", "gca_000001405.15", "hs38"].contains { lower.contains($0) }
        let says37 = ["grch37", "hg19", "b37", "hs37d5", "g1k_v37", "hs37"].contains {
            lower.contains($0)
        }
        if says38 == says37 { return .unknown }
        return says38 ? .grch38 : .grch37
    }

    /// The target assembly of a UCSC chain file named `<from>To<To>.over.chain[.gz]`
    /// (e.g. `hg19Tohg38.over.chain.gz` → `hg38`), found anywhere in `value`.
    static func liftOverTarget(_ value: String) -> String? {
        guard value.contains(".over.chain") else { return nil }
        let fileName = value.split(separator: "/").last.map(String.init) ?? value
        guard let chain = fileName.split(separator: ".").first else { return nil }
        let parts = chain.split(separator: "To", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return String(parts[1])
    }

    /// Detects the build from contig lengths (authoritative: each primary chromosome whose length
    /// matches one assembly votes for it), then from `assembly=` fields of contigs, then from
    /// `##reference=`, `##assembly=`, `##new_reference_genome=` lines and the target of a
    /// `##liftOver…` chain file. Conflicting evidence at a level gives `.unknown`.
    static func detect(contigs: [VCFContig], metaLines: [VCFMetaLine]) -> GenomeBuild {
        var votes37 = 0
        var votes38 = 0
        for contig in contigs {
            guard let length = contig.length else { continue }
            var name = Substring(contig.id)
            if name.lowercased().hasPrefix("chr") { name = name.dropFirst(3) }
            guard let known = chromosomeLengths[String(name).uppercased()] else { continue }
            if length == known.grch37 { votes37 += 1 }
            if length == known.grch38 { votes38 += 1 }
        }
        if votes37 > 0 || votes38 > 0 {
            if votes37 > 0 && votes38 > 0 { return .unknown }
            return votes37 > 0 ? .grch37 : .grch38
        }
        var fromAssembly = Set<GenomeBuild>()
        for contig in contigs {
            if let assembly = contig.assembly { fromAssembly.insert(fromAssemblyName(assembly)) }
        }
        fromAssembly.remove(.unknown)
        if fromAssembly.count == 1 { return fromAssembly.first! }
        if fromAssembly.count > 1 { return .unknown }
        var fromMeta = Set<GenomeBuild>()
        for line in metaLines {
            if ["reference", "assembly", "new_reference_genome"].contains(line.key) {
                fromMeta.insert(fromAssemblyName(line.value))
            } else if line.key.hasPrefix("liftOver"), let target = liftOverTarget(line.value) {
                fromMeta.insert(fromAssemblyName(target))
            }
        }
        fromMeta.remove(.unknown)
        return fromMeta.count == 1 ? fromMeta.first! : .unknown
    }
}
