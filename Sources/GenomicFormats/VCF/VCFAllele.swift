/// One allele of a record (REF or one ALT entry), with what kind of allele it is.
public struct VCFAllele: Sendable, Hashable, CustomStringConvertible {
    /// What an allele string denotes. Nothing is rejected: unusual alleles are classified.
    public enum Kind: String, Sendable, Hashable {
        /// Bases (`A`, `ACGT`, IUPAC codes).
        case base
        /// A symbolic allele in angle brackets: `<DEL>`, `<DUP:TANDEM>`, `<*>`, `<NON_REF>`.
        case symbolic
        /// A breakend: `G]17:198982]`, `]13:123456]T`, or a single breakend `.A` / `A.`.
        case breakend
        /// `*`: the allele is missing because of an upstream deletion.
        case spanningDeletion
        /// `.`: no alternate allele.
        case missing
    }

    /// The allele as written.
    public var text: String
    public var kind: Kind

    public init(text: String) {
        self.text = text
        var copy = text
        self.kind = copy.withUTF8 { Self.kind(of: UnsafeRawBufferPointer($0)) }
    }

    /// For a symbolic allele, its ID without brackets (`DEL` for `<DEL>`).
    public var symbolicID: String? {
        guard kind == .symbolic else { return nil }
        return String(text.dropFirst().dropLast())
    }

    public var description: String { text }

    /// Classifies allele bytes without allocating.
    @inlinable
    public static func kind(of bytes: UnsafeRawBufferPointer) -> Kind {
        let count = bytes.count
        if count == 0 { return .missing }
        if count == 1 {
            if bytes[0] == UInt8(ascii: ".") { return .missing }
            if bytes[0] == UInt8(ascii: "*") { return .spanningDeletion }
            return .base
        }
        if bytes[0] == UInt8(ascii: "<") && bytes[count - 1] == UInt8(ascii: ">") { return .symbolic }
        if bytes[0] == UInt8(ascii: ".") || bytes[count - 1] == UInt8(ascii: ".") { return .breakend }
        for byte in bytes where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") { return .breakend }
        return .base
    }
}
