/// MAF-style alleles: the representation MAF files use, and a reference-free way to compare an
/// indel read from a MAF with one read from a VCF.
///
/// A VCF indel carries an anchor base (`T` → `TCT` at 220439700); a MAF writes the same insertion
/// with `-` for the missing bases (`-` → `CT`, Start_Position 220439700, End_Position 220439701).
/// Turning a MAF indel into a VCF one needs the anchor base from a reference genome, which the
/// loader does not have; the opposite direction needs nothing. So MAF rows keep their MAF-style
/// alleles, and `mafStyle` converts any allele (VCF-normalised or MAF-style) to the MAF convention,
/// so that `a.mafStyle == b.mafStyle` compares alleles from either source:
///
/// - bases shared at the start, then at the end, of REF and ALT are removed entirely (no anchor
///   base; the VCF anchor is the leading base, so a VCF insertion `T` → `TCT` becomes `-` → `CT`
///   after 220439700 as vcf2maf writes it, not the equivalent `-` → `TC` before it); an allele left
///   empty is written `-`;
/// - substitutions (SNV, MNV, delins) and deletions are placed at their first changed reference
///   base; insertions (REF `-`) at the reference base just before the inserted bases, as in GDC
///   and vcf2maf MAFs (whose End_Position is then Start_Position + 1).
///
/// SNVs and MNVs are identical in both conventions (`GenomicAllele.normalised` keeps no anchor
/// base for them). Indels placed differently within a repeat (not left-aligned) still differ:
/// normalise VCFs (`bcftools norm`) before comparing.
extension GenomicAllele {
    /// Builds the MAF-style allele from REF and ALT written either way (`-` or empty for no
    /// bases), trimming shared bases; `nil` when REF and ALT are the same sequence.
    ///
    /// The chromosome loses a `chr` prefix and `M` becomes `MT`, as in ``normalised(chromosome:position:reference:alternate:)``.
    /// Alleles that are not plain sequences (symbolic `<DEL>`, breakends, `*`) are kept as written.
    public static func mafStyle(
        chromosome: String, position: Int, reference: String, alternate: String
    ) -> GenomicAllele? {
        let chromosome = normalised(chromosome: chromosome, position: 1, reference: "N", alternate: "N")
            .chromosome
        let referenceBytes = Array(reference.uppercased().utf8)
        let alternateBytes = Array(alternate.uppercased().utf8)
        let dash = UInt8(ascii: "-")
        var ref = referenceBytes == [dash] ? [] : referenceBytes
        var alt = alternateBytes == [dash] ? [] : alternateBytes
        guard isPlainSequence(ref), isPlainSequence(alt) else {
            return GenomicAllele(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate)
        }
        guard ref != alt else { return nil }
        if ref.isEmpty {
            // Already a MAF-style insertion: the position is the base before it.
            return GenomicAllele(
                chromosome: chromosome, position: position, reference: "-",
                alternate: String(decoding: alt, as: UTF8.self))
        }
        // Leading bases first, as vcf2maf drops a VCF anchor base, then trailing ones.
        var shared = 0
        while shared < ref.count, shared < alt.count, ref[shared] == alt[shared] { shared += 1 }
        ref.removeFirst(shared)
        alt.removeFirst(shared)
        while let last = ref.last, last == alt.last {
            ref.removeLast()
            alt.removeLast()
        }
        // An insertion sits between reference bases position+shared-1 and position+shared;
        // everything else starts at its first changed base.
        // Positions come from input files: a position near Int.max keeps the allele as written
        // rather than trapping on overflow.
        let (start, overflow) = position.addingReportingOverflow(ref.isEmpty ? shared - 1 : shared)
        if overflow {
            return GenomicAllele(
                chromosome: chromosome, position: position, reference: reference, alternate: alternate)
        }
        return GenomicAllele(
            chromosome: chromosome, position: start,
            reference: ref.isEmpty ? "-" : String(decoding: ref, as: UTF8.self),
            alternate: alt.isEmpty ? "-" : String(decoding: alt, as: UTF8.self))
    }

    /// This allele in the MAF convention (see the extension's documentation); the allele itself
    /// when it is symbolic or when REF equals ALT.
    public var mafStyle: GenomicAllele {
        Self.mafStyle(chromosome: chromosome, position: position, reference: reference, alternate: alternate)
            ?? self
    }

    /// Whether REF or ALT is the MAF `-` (an insertion or deletion without anchor base).
    public var isMAFStyleIndel: Bool { reference == "-" || alternate == "-" }

    private static func isPlainSequence(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { isBase($0) }
    }

    /// A, C, G, T or N in either case.
    static func isBase(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A"), UInt8(ascii: "C"), UInt8(ascii: "G"), UInt8(ascii: "T"), UInt8(ascii: "N"),
            UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "t"), UInt8(ascii: "n"):
            true
        default: false
        }
    }
}
