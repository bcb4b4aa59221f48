import OncoDomain

extension GenomicAllele {
    /// Parses `7:140453136:A:T` as written in rule files and normalises it like a VCF allele
    /// (``GenomicAllele/normalised(chromosome:position:reference:alternate:)``); `nil` unless
    /// there are four fields, a positive position and bases in `ACGTN`.
    public init?(parsing text: String) {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 4, !fields[0].isEmpty, let position = Int(fields[1]), position > 0 else {
            return nil
        }
        let isBases = { (field: Substring) in
            !field.isEmpty && field.allSatisfy { "ACGTNacgtn".contains($0) }
        }
        guard isBases(fields[2]), isBases(fields[3]) else { return nil }
        self = .normalised(
            chromosome: String(fields[0]), position: position, reference: String(fields[2]),
            alternate: String(fields[3]))
    }
}
