/// The kind of change one ALT allele makes to REF, following htslib's `bcf_get_variant_type`
/// (so counts built on it agree with `bcftools stats`).
public enum VCFVariantType: String, Sendable, Hashable {
    /// No change: `.`, `<*>`, `<NON_REF>`, `<X>`, or an ALT equal to REF.
    case reference
    /// One base replaced by another (after trimming a shared prefix and suffix).
    case snv
    /// Several adjacent bases replaced by as many others.
    case mnv
    /// Bases inserted or deleted.
    case indel
    /// A mated breakend in bracket notation (`G]17:198982]`). Single breakends (`.A`, `A.`) are
    /// classified as htslib does, by comparing bases (usually `other`).
    case breakend
    /// `*`: overlapping an upstream deletion.
    case overlap
    /// Anything else: other symbolic alleles (`<DEL>`), complex substitutions of unequal length.
    case other

    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }

    /// Classifies `alternate` against `reference` (bytes of the REF column and one ALT allele).
    public static func classify(reference: UnsafeRawBufferPointer, alternate: UnsafeRawBufferPointer)
        -> VCFVariantType
    {
        let refCount = reference.count
        let altCount = alternate.count
        if altCount == 0 { return .reference }
        if altCount == 1 && alternate[0] == UInt8(ascii: "*") { return .overlap }
        if refCount == 1 && altCount == 1 {
            let alt = alternate[0]
            if alt == UInt8(ascii: ".") || upper(alt) == upper(reference[0]) || alt == UInt8(ascii: "X") {
                return .reference
            }
            return .snv
        }
        if alternate[0] == UInt8(ascii: "<") {
            if altCount == 3 && (alternate[1] == UInt8(ascii: "X") || alternate[1] == UInt8(ascii: "*"))
                && alternate[2] == UInt8(ascii: ">")
            {
                return .reference
            }
            if VCFByteParsing.equals(alternate, "<NON_REF>") { return .reference }
            return .other
        }
        if alternate[0] == UInt8(ascii: "]") || alternate[0] == UInt8(ascii: "[") { return .breakend }
        var shared = 0
        while shared < refCount && shared < altCount && reference[shared] == alternate[shared] { shared += 1 }
        if shared < altCount
            && (alternate[shared] == UInt8(ascii: "]") || alternate[shared] == UInt8(ascii: "["))
        {
            return .breakend
        }
        // Case-insensitive common prefix.
        var r = 0
        var a = 0
        while r < refCount && a < altCount && upper(reference[r]) == upper(alternate[a]) {
            r += 1
            a += 1
        }
        if a < altCount && r == refCount { return .indel }
        if r < refCount && a == altCount { return .indel }
        if r == refCount && a == altCount { return .reference }
        // Common suffix.
        var refEnd = refCount - 1
        var altEnd = altCount - 1
        while refEnd > r && altEnd > a && upper(reference[refEnd]) == upper(alternate[altEnd]) {
            refEnd -= 1
            altEnd -= 1
        }
        if altEnd == a {
            if refEnd == r { return .snv }
            return upper(reference[refEnd]) == upper(alternate[altEnd]) ? .indel : .other
        }
        if refEnd == r {
            return upper(reference[refEnd]) == upper(alternate[altEnd]) ? .indel : .other
        }
        return refEnd - r == altEnd - a ? .mnv : .other
    }
}
