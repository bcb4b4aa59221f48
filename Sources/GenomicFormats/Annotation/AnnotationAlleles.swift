/// A record's REF and ALT alleles, used to tie an annotation entry to the ALT allele it describes.
///
/// Borrows the bytes of the REF and ALT columns (valid as long as those are) and allocates nothing.
/// The VEP first-base rule is worked out once here, not per entry.
public struct AnnotationAlleles {
    /// The REF column.
    public let reference: UnsafeRawBufferPointer
    /// The ALT column as written: alleles separated by `,`, or `.` for none.
    public let alternates: UnsafeRawBufferPointer
    /// Whether VEP drops the first base of every allele for this record (see `vepAllele(at:)`).
    public let vepTrimsFirstBase: Bool
    /// How many ALT alleles the record has.
    public let alternateCount: Int

    /// Borrows the REF column and the ALT column (comma-separated, `.` for none).
    public init(reference: UnsafeRawBufferPointer, alternates: UnsafeRawBufferPointer) {
        self.reference = reference
        let noAlternates = alternates.isEmpty || (alternates.count == 1 && alternates[0] == 0x2E)
        self.alternates = noAlternates ? UnsafeRawBufferPointer(start: nil, count: 0) : alternates
        // The common record, one single-base ALT of a single-base REF, at a glance.
        if reference.count == 1 && alternates.count == 1 && !noAlternates {
            alternateCount = 1
            vepTrimsFirstBase = false
            return
        }
        var count = 0
        var isIndel = false
        var allShareFirstBase = !reference.isEmpty
        var iterator = AlleleIterator(column: self.alternates)
        while let alternate = iterator.next() {
            count += 1
            if alternate.count == 1 && alternate[0] == 0x2A { continue }  // `*` takes no part
            if alternate.count != reference.count { isIndel = true }
            if alternate.isEmpty || reference.isEmpty || alternate[0] != reference[0] {
                allShareFirstBase = false
            }
        }
        alternateCount = count
        vepTrimsFirstBase = isIndel && allShareFirstBase && count > 0
    }

    /// Runs `body` with alleles borrowed from strings (for callers holding `String`s).
    public static func with<Result>(
        reference: String, alternates: [String], _ body: (AnnotationAlleles) throws -> Result
    ) rethrows -> Result {
        var referenceCopy = reference
        var alternateColumn = alternates.isEmpty ? "." : alternates.joined(separator: ",")
        return try referenceCopy.withUTF8 { referenceBytes in
            try alternateColumn.withUTF8 { alternateBytes in
                try body(
                    AnnotationAlleles(
                        reference: UnsafeRawBufferPointer(referenceBytes),
                        alternates: UnsafeRawBufferPointer(alternateBytes)))
            }
        }
    }

    /// The ALT allele number `index` (1-based) as written, or `nil` when out of range.
    public func alternate(_ index: Int) -> UnsafeRawBufferPointer? {
        var iterator = AlleleIterator(column: alternates)
        var number = 0
        while let alternate = iterator.next() {
            number += 1
            if number == index { return alternate }
        }
        return nil
    }

    /// The 1-based ALT index an annotation entry's written `Allele` field stands for, by the rule
    /// of the tool that wrote it (``vepAlternateIndex(of:)``, ``snpEffAlternateIndex(of:)``);
    /// `nil` for a tool that writes no allele (bcftools csq) or when none matches.
    public func alternateIndex(ofWritten allele: UnsafeRawBufferPointer, tool: AnnotationSchema.Tool) -> Int?
    {
        switch tool {
        case .vep: return vepAlternateIndex(of: allele)
        case .snpEff: return snpEffAlternateIndex(of: allele)
        case .bcftoolsCSQ, .other: return nil
        }
    }

    /// The 1-based ALT index whose VEP allele string equals `allele`, or `nil`.
    ///
    /// VEP's rule: when the record has an indel (some ALT differs from REF in length) and every
    /// allele (REF and each ALT but `*`) starts with the same base, VEP drops that base from all of
    /// them and writes `-` for an allele left empty (REF `GT` ALT `G,GTT` → `-`, `TT`). Otherwise the
    /// ALT is written as is. For symbolic ALTs VEP writes the SV class (`<DEL>` → `deletion`,
    /// `<DUP…>` → `duplication`, `<INS…>` → `insertion`, `<INV>` → `inversion`); the ALT as written is
    /// accepted too. With `--minimal` VEP trims each allele on its own: use `ALLELE_NUM` then.
    public func vepAlternateIndex(of allele: UnsafeRawBufferPointer) -> Int? {
        // One single-base ALT (not a deletion's, which VEP writes `-`), written as is.
        if alternates.count == 1 && !vepTrimsFirstBase && alternates[0] != 0x3C {
            return allele.count == 1 && allele[0] == alternates[0] ? 1 : nil
        }
        var iterator = AlleleIterator(column: alternates)
        var number = 0
        while let alternate = iterator.next() {
            number += 1
            if alternate.first == 0x3C {  // `<`: symbolic
                if VCFByteParsing.equals(allele, alternate) || Self.symbolicMatches(allele, alternate) {
                    return number
                }
                continue
            }
            if vepTrimsFirstBase && !(alternate.count == 1 && alternate[0] == 0x2A) {
                let trimmed = UnsafeRawBufferPointer(rebasing: alternate[1...])
                if trimmed.isEmpty {
                    if allele.count == 1 && allele[0] == 0x2D { return number }
                } else if VCFByteParsing.equals(allele, trimmed) {
                    return number
                }
            } else if VCFByteParsing.equals(allele, alternate) {
                return number
            }
        }
        return nil
    }

    /// The 1-based ALT index that a SnpEff `Allele` field refers to, or `nil`.
    ///
    /// SnpEff writes the ALT as given; in cancer mode `T-C` means ALT `T` compared with `C` (the
    /// normal's allele) and ties to `T`. Some versions write an indel's ALT with the bases it shares
    /// with REF removed (an empty field for a pure deletion); that form is accepted as well.
    public func snpEffAlternateIndex(of allele: UnsafeRawBufferPointer) -> Int? {
        if let index = exactAlternateIndex(of: allele) { return index }
        if let dash = allele.firstIndex(of: 0x2D), dash > 0 {
            let derived = UnsafeRawBufferPointer(rebasing: allele[0..<dash])
            if let index = exactAlternateIndex(of: derived) { return index }
        }
        var iterator = AlleleIterator(column: alternates)
        var number = 0
        while let alternate = iterator.next() {
            number += 1
            guard alternate.first != 0x3C else { continue }
            var shared = 0
            while shared < alternate.count, shared < reference.count, alternate[shared] == reference[shared] {
                shared += 1
            }
            if shared > 0,
                VCFByteParsing.equals(allele, UnsafeRawBufferPointer(rebasing: alternate[shared...]))
            {
                return number
            }
        }
        return nil
    }

    private func exactAlternateIndex(of allele: UnsafeRawBufferPointer) -> Int? {
        var iterator = AlleleIterator(column: alternates)
        var number = 0
        while let alternate = iterator.next() {
            number += 1
            if VCFByteParsing.equals(allele, alternate) { return number }
        }
        return nil
    }

    private static let symbolicWords: [(id: String, word: String)] = [
        ("DEL", "deletion"), ("DUP", "duplication"), ("INS", "insertion"), ("INV", "inversion"),
    ]

    private static func symbolicMatches(_ allele: UnsafeRawBufferPointer, _ symbolic: UnsafeRawBufferPointer)
        -> Bool
    {
        // `<DEL>` or `<DEL:ME:ALU>`: compare the first component after `<`.
        let body = UnsafeRawBufferPointer(rebasing: symbolic[1...])
        let end = body.firstIndex(where: { $0 == 0x3A || $0 == 0x3E }) ?? body.count
        let id = AnnotationBytes(UnsafeRawBufferPointer(rebasing: body[0..<end]))
        let written = AnnotationBytes(allele)
        return symbolicWords.contains { id.equals($0.id) && written.equals($0.word) }
    }
}

/// Splits an ALT column on `,`.
struct AlleleIterator {
    let column: UnsafeRawBufferPointer
    var position = 0

    init(column: UnsafeRawBufferPointer) {
        self.column = column
    }

    mutating func next() -> UnsafeRawBufferPointer? {
        guard position <= column.count, !column.isEmpty else { return nil }
        let start = position
        var end = start
        while end < column.count, column[end] != 0x2C { end += 1 }
        position = end + 1
        return UnsafeRawBufferPointer(rebasing: column[start..<end])
    }
}
