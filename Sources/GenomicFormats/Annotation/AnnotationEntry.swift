#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One annotation entry (one allele × feature), a view of its `|`-separated bytes.
///
/// Fields are located on demand by scanning for `|`; nothing is allocated unless a `String`
/// accessor is used. Valid as long as the bytes it was read from.
///
/// Missing values: an empty field, a field beyond the end of a short entry, and a column the
/// header does not declare all read as `nil` from the typed accessors.
public struct AnnotationEntry {
    /// The schema from the header.
    public let schema: AnnotationSchema
    /// The entry's bytes, without the separating commas.
    public let bytes: UnsafeRawBufferPointer

    /// Where each field starts, plus one past the entry's end (set by ``indexed()``); `nil`:
    /// fields are found by scanning.
    private var fieldStarts: [Int32]?

    public init(_ bytes: UnsafeRawBufferPointer, schema: AnnotationSchema) {
        self.bytes = bytes
        self.schema = schema
    }

    /// The same entry with every field located in one scan, for a caller that reads many of its
    /// fields (each read is then a look-up instead of a scan from the entry's start).
    ///
    /// The `|`s are marked in one vector pass (``SeparatorMasks``) and read off the mask: a
    /// `memchr` per field cost a call and a loop exit for each of VEP's 30-odd short fields.
    public func indexed() -> AnnotationEntry {
        var copy = self
        let count = bytes.count
        var starts: [Int32] = []
        starts.reserveCapacity(schema.fieldNames.count + 2)
        starts.append(0)
        if count > 0 {
            let words = SeparatorMasks.wordCount(forByteCount: count)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * words) { masks in
                let bars = masks.baseAddress!
                SeparatorMasks.mark(bytes, 0x7C, 0x7C, firstMask: bars, secondMask: bars + words)
                for word in 0..<words {
                    var bits = bars[word]
                    while bits != 0 {
                        starts.append(Int32(truncatingIfNeeded: word << 6 | bits.trailingZeroBitCount) + 1)
                        bits &= bits &- 1
                    }
                }
            }
        }
        starts.append(Int32(truncatingIfNeeded: count + 1))
        copy.fieldStarts = starts
        return copy
    }

    // MARK: Generic access

    /// How many `|`-separated fields this entry holds (may differ from the header's count).
    public var fieldCount: Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 1 }
        var fields = 1
        var position = 0
        while position < bytes.count, let bar = memchr(base + position, 0x7C, bytes.count - position) {
            fields += 1
            position = base.distance(to: UnsafeRawPointer(bar)) + 1
        }
        return fields
    }

    /// Field number `index` (0-based) as written, possibly empty; `nil` when the entry is shorter.
    public func field(at index: Int) -> AnnotationBytes? {
        guard index >= 0 else { return nil }
        if let fieldStarts {
            guard index < fieldStarts.count - 1 else { return nil }
            let range = Int(fieldStarts[index])..<Int(fieldStarts[index + 1]) - 1
            return AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return index == 0 ? AnnotationBytes(bytes) : nil
        }
        var start = 0
        var remaining = index
        while remaining > 0 {
            guard start < bytes.count, let bar = memchr(base + start, 0x7C, bytes.count - start) else {
                return nil
            }
            start = base.distance(to: UnsafeRawPointer(bar)) + 1
            remaining -= 1
        }
        var end = bytes.count
        if start < bytes.count, let bar = memchr(base + start, 0x7C, bytes.count - start) {
            end = base.distance(to: UnsafeRawPointer(bar))
        }
        return AnnotationBytes(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
    }

    /// A known field as written (possibly empty), or `nil` when the schema lacks it or the entry is short.
    public subscript(field: AnnotationField) -> AnnotationBytes? {
        let index = schema.rawIndex(of: field)
        return index < 0 ? nil : self.field(at: index)
    }

    /// The field named `name` in the header, as a `String`; `nil` when undeclared, absent or empty.
    public func field(named name: String) -> String? {
        guard let index = schema.index(ofField: name), let value = field(at: index), !value.isEmpty else {
            return nil
        }
        return value.string
    }

    /// A known field as a `String`; `nil` when undeclared, absent or empty.
    public func string(_ field: AnnotationField) -> String? {
        guard let value = self[field], !value.isEmpty else { return nil }
        return value.string
    }

    // MARK: Allele

    /// The `Allele` field as written (VEP: trimmed allele or `-`; SnpEff: ALT, or `ALT-REF` in cancer mode).
    public var allele: AnnotationBytes? { self[.allele] }

    /// SnpEff cancer mode: the allele after `-` in `T-C`, that the derived allele is compared with.
    public var comparedAllele: String? {
        guard schema.tool == .snpEff, let allele, let dash = allele.bytes.firstIndex(of: 0x2D), dash > 0
        else { return nil }
        let rest = allele.slice((dash + 1)..<allele.count)
        return rest.isEmpty ? nil : rest.string
    }

    /// The 1-based index of the ALT allele this entry describes, or `nil` when it cannot be told.
    ///
    /// `ALLELE_NUM` decides when the header declares it and it is a number; otherwise the allele
    /// string is matched with the tool's rule (`AnnotationAlleles.vepAlternateIndex(of:)`,
    /// `snpEffAlternateIndex(of:)`). bcftools csq and other tools without `ALLELE_NUM` give `nil`.
    public func alternateIndex(in alleles: AnnotationAlleles) -> Int? {
        if let number = self[.alleleNumber]?.integer { return number }
        guard let allele else { return nil }
        return alleles.alternateIndex(ofWritten: allele.bytes, tool: schema.tool)
    }

    // MARK: Gene and feature

    /// Gene symbol (VEP `SYMBOL`, SnpEff `Gene_Name`, bcftools `gene`).
    public var symbol: String? { string(.symbol) }
    /// Gene id (VEP `Gene`, SnpEff `Gene_ID`).
    public var geneID: String? { string(.gene) }
    /// Feature id, usually the transcript (VEP `Feature`, SnpEff `Feature_ID`, bcftools `transcript`).
    public var transcriptID: String? { string(.feature) }
    /// Feature type (`Transcript`, `RegulatoryFeature`, SnpEff `transcript`, …).
    public var featureType: String? { string(.featureType) }
    /// Biotype (`protein_coding`, …).
    public var biotype: String? { string(.biotype) }

    // MARK: Consequence

    /// The consequence terms (Sequence Ontology), `&`-separated in the file; empty when missing.
    public var consequences: AnnotationTerms {
        AnnotationTerms(self[.consequence] ?? AnnotationBytes(UnsafeRawBufferPointer(start: nil, count: 0)))
    }

    /// Whether one consequence term is exactly `term` (no allocation).
    public func hasConsequence(_ term: String) -> Bool { consequences.contains(term) }

    /// The impact class, or `nil` when missing or not one of HIGH/MODERATE/LOW/MODIFIER.
    public var impact: AnnotationImpact? { self[.impact].flatMap(AnnotationImpact.init) }

    // MARK: Structure

    /// Exon number/total (VEP `EXON`; SnpEff `Rank` unless a consequence term mentions an intron).
    public var exon: AnnotationRank? {
        if let value = self[.exon] { return AnnotationRank(value) }
        guard schema.tool == .snpEff, let rank = self[.rank], !isIntronic else { return nil }
        return AnnotationRank(rank)
    }

    /// Intron number/total (VEP `INTRON`; SnpEff `Rank` when a consequence term mentions an intron).
    public var intron: AnnotationRank? {
        if let value = self[.intron] { return AnnotationRank(value) }
        guard schema.tool == .snpEff, let rank = self[.rank], isIntronic else { return nil }
        return AnnotationRank(rank)
    }

    private var isIntronic: Bool {
        for term in consequences where term.contains("intron") { return true }
        return false
    }

    // MARK: HGVS

    /// HGVSc as written, percent-escapes decoded (VEP: `ENST…:c.…`; SnpEff: `c.…`).
    public var hgvsc: String? {
        guard let value = self[.hgvsc], !value.isEmpty else { return nil }
        return value.percentDecoded
    }

    /// HGVSp without its protein-id prefix, percent-escapes decoded: `p.Ala376=` for VEP's
    /// `ENSP00000343864.2:p.Ala376%3D`.
    public var hgvsp: String? {
        guard let value = self[.hgvsp], !value.isEmpty else { return nil }
        guard let colon = value.bytes.firstIndex(of: 0x3A) else { return value.percentDecoded }
        let change = value.slice((colon + 1)..<value.count)
        return change.isEmpty ? nil : change.percentDecoded
    }

    /// The protein id before `:` in HGVSp (`ENSP00000343864.2`), or `nil` when HGVSp has none.
    public var proteinID: String? {
        guard let value = self[.hgvsp], let colon = value.bytes.firstIndex(of: 0x3A), colon > 0 else {
            return nil
        }
        return value.slice(0..<colon).string
    }

    /// The first amino-acid position touched: VEP `Protein_position` (`237`, `120-121`, `?-5` → nil
    /// start is unknown), SnpEff `AA.pos / AA.length` (`1/305` → 1).
    public var proteinPosition: Int? {
        guard let value = self[.proteinPosition], !value.isEmpty else { return nil }
        let end = value.bytes.firstIndex(where: { $0 == 0x2D || $0 == 0x2F }) ?? value.count
        return value.slice(0..<end).integer
    }

    /// VEP `Amino_acids` (`G/R`).
    public var aminoAcids: String? { string(.aminoAcids) }

    // MARK: Transcript flags

    /// VEP `CANONICAL=YES`; `nil` when the header has no CANONICAL column (e.g. SnpEff).
    public var isCanonical: Bool? {
        guard schema.index(of: .canonical) != nil else { return nil }
        return self[.canonical]?.equals(literal: "YES") ?? false
    }

    /// The MANE Select transcript id (VEP `MANE_SELECT`, or VEP 103's `MANE`), when present.
    public var maneSelect: String? { string(.maneSelect) }

    /// The MANE Plus Clinical transcript id (VEP `MANE_PLUS_CLINICAL`), when present.
    public var manePlusClinical: String? { string(.manePlusClinical) }

    /// VEP `CLIN_SIG` terms (`&`-separated).
    public var clinicalSignificance: AnnotationTerms? {
        self[.clinicalSignificance].map(AnnotationTerms.init)
    }
}
