/// One alteration of one sample, as an oncologist reasons about it: a small variant (one ALT
/// allele of one record), a copy-number event or a fusion.
///
/// Alterations are built while streaming the input and kept in a ``VariantIndex``; everything
/// after that point is ordinary value-typed Swift.
public struct Alteration: Sendable, Hashable {
    /// What kind of event this is.
    public enum Kind: Sendable, Hashable {
        /// A small variant (SNV, MNV, indel) with its ALT allele.
        case smallVariant
        /// A copy-number state over the gene.
        case copyNumber(CopyNumberState)
        /// A fusion between a 5' and a 3' gene; an empty name for a partner the caller could not
        /// name (`--ALK`: an ALK rearrangement with an unknown 5' partner). `oriented` is false
        /// when the input names the two genes without saying which is 5′ (SnpEff's `gene_fusion`
        /// on a breakend): the partners are then in the input's order.
        case fusion(fivePrime: String, threePrime: String, oriented: Bool = true)
        /// Another structural variant (symbolic allele or breakend) touching the gene.
        case structural
    }

    /// Index of the sample in the index's sample list.
    public var sampleIndex: Int
    /// The gene of the principal annotation (HGNC symbol), or of the event.
    public var gene: String
    public var kind: Kind
    /// Normalised genomic allele (trimmed, one ALT), when the alteration comes from a record.
    public var allele: GenomicAllele?
    /// Every annotation entry of this ALT allele (all transcripts, possibly several genes).
    public var transcripts: [TranscriptAnnotation]
    /// Index into ``transcripts`` of the principal one (MANE Select → canonical → first
    /// protein-coding → first), or `nil` when unannotated.
    public var principalTranscriptIndex: Int?
    /// FILTER as written (`PASS`, `.`, `LowQual;germline`…).
    public var filter: String
    /// Read depth at the site in the tumour, when known.
    public var depth: Int?
    /// Reads supporting this ALT allele in the tumour, when known.
    public var altDepth: Int?
    /// Variant allele fraction in the tumour, when known.
    public var vaf: Double?
    /// Which fields depth and VAF were read from (e.g. `FORMAT/AD,DP`, `FORMAT/TAR,TIR`, `MAF t_alt_count`).
    public var depthSource: String?
    /// The tumour's genotype as written (`0/1`), when known.
    public var genotype: String?
    public var zygosity: Zygosity
    public var origin: Origin
    /// Where the gene/protein annotation came from.
    public var annotationSource: AnnotationSource
    /// 1-based line of the input the alteration came from, when it came from a file.
    public var sourceLine: Int?

    public init(
        sampleIndex: Int, gene: String, kind: Kind, allele: GenomicAllele? = nil,
        transcripts: [TranscriptAnnotation] = [], principalTranscriptIndex: Int? = nil,
        filter: String = "PASS", depth: Int? = nil, altDepth: Int? = nil, vaf: Double? = nil,
        depthSource: String? = nil, genotype: String? = nil, zygosity: Zygosity = .unknown,
        origin: Origin = .unknown, annotationSource: AnnotationSource = .none, sourceLine: Int? = nil
    ) {
        self.sampleIndex = sampleIndex
        self.gene = gene
        self.kind = kind
        self.allele = allele
        self.transcripts = transcripts
        self.principalTranscriptIndex = principalTranscriptIndex
        self.filter = filter
        self.depth = depth
        self.altDepth = altDepth
        self.vaf = vaf
        self.depthSource = depthSource
        self.genotype = genotype
        self.zygosity = zygosity
        self.origin = origin
        self.annotationSource = annotationSource
        self.sourceLine = sourceLine
    }

    /// The principal transcript's annotation, if annotated.
    public var principal: TranscriptAnnotation? {
        principalTranscriptIndex.map { transcripts[$0] }
    }

    /// The variant class of the principal annotation; `structural` for events, and
    /// `non-coding` for an unannotated small variant.
    public var variantClass: VariantClass {
        switch kind {
        case .smallVariant: return principal?.variantClass ?? .nonCoding
        case .copyNumber, .fusion, .structural: return .structural
        }
    }

    /// Whether FILTER is `PASS` or missing (`.`).
    public var passesFilter: Bool { filter == "PASS" || filter == "." || filter.isEmpty }

    /// The annotations of this allele for `gene` (a variant may overlap several genes).
    public func transcripts(forGene gene: String) -> [TranscriptAnnotation] {
        transcripts.filter { $0.gene == gene }
    }

    /// Every gene symbol this alteration touches.
    public var genes: Set<String> {
        var result: Set<String> = [gene]
        for transcript in transcripts where !transcript.gene.isEmpty { result.insert(transcript.gene) }
        if case .fusion(let five, let three, _) = kind {
            for partner in [five, three] where !partner.isEmpty { result.insert(partner) }
        }
        return result
    }

    /// A fusion's partners 5′ to 3′ in HGNC notation (`EML4::ALK`), an unnamed partner written `?`
    /// (`?::ALK`); partners of unknown orientation are joined by `/` in the input's order
    /// (`ALK/EML4`), so the name never claims an orientation the input did not give. `nil` for
    /// anything but a fusion.
    public var fusionName: String? {
        guard case .fusion(let five, let three, let oriented) = kind else { return nil }
        return "\(five.isEmpty ? "?" : five)\(oriented ? "::" : "/")\(three.isEmpty ? "?" : three)"
    }
}

/// A genomic allele after normalisation: chromosome without `chr`, one ALT, common leading and
/// trailing bases trimmed (VCF-style, keeping one anchor base for indels), 1-based position.
public struct GenomicAllele: Sendable, Hashable, CustomStringConvertible {
    public var chromosome: String
    public var position: Int
    public var reference: String
    public var alternate: String

    public init(chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
    }

    /// Normalises a VCF allele: strips a `chr` prefix (and maps `M` to `MT`), trims common
    /// trailing then leading bases while keeping at least one base on each side, and writes the
    /// alleles in upper case.
    public static func normalised(
        chromosome: String, position: Int, reference: String, alternate: String
    ) -> GenomicAllele {
        var (chromosome, reference, alternate) = (chromosome, reference, alternate)
        return chromosome.withUTF8 { chromosome in
            reference.withUTF8 { reference in
                alternate.withUTF8 { alternate in
                    normalised(
                        chromosome: UnsafeRawBufferPointer(chromosome), position: position,
                        reference: UnsafeRawBufferPointer(reference),
                        alternate: UnsafeRawBufferPointer(alternate))
                }
            }
        }
    }

    /// ``normalised(chromosome:position:reference:alternate:)`` of UTF-8 bytes (a VCF record's
    /// columns, read in place): the same allele, with no intermediate strings or arrays.
    public static func normalised(
        chromosome: UnsafeRawBufferPointer, position: Int, reference: UnsafeRawBufferPointer,
        alternate: UnsafeRawBufferPointer
    ) -> GenomicAllele {
        // `chr` in any case, on bytes: no other character lower-cases to `c`, `h` or `r`.
        var name = chromosome
        if name.count >= 3, name[0] | 0x20 == UInt8(ascii: "c"), name[1] | 0x20 == UInt8(ascii: "h"),
            name[2] | 0x20 == UInt8(ascii: "r")
        {
            name = UnsafeRawBufferPointer(rebasing: name[3...])
        }
        let chromosomeName =
            name.count == 1 && name[0] == UInt8(ascii: "M") ? "MT" : String(decoding: name, as: UTF8.self)
        var ref = reference.startIndex..<reference.endIndex
        var alt = alternate.startIndex..<alternate.endIndex
        var pos = position
        // Symbolic alleles, breakends and `*` are kept as written.
        func isSequence(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard !bytes.isEmpty else { return false }
            for byte in bytes {
                switch byte | 0x20 {
                case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "t"),
                    UInt8(ascii: "n"):
                    continue
                default: return false
                }
            }
            return true
        }
        if isSequence(reference) && isSequence(alternate) {
            while ref.count > 1 && alt.count > 1
                && reference[ref.upperBound - 1] == alternate[alt.upperBound - 1]
            {
                ref = ref.lowerBound..<(ref.upperBound - 1)
                alt = alt.lowerBound..<(alt.upperBound - 1)
            }
            var lead = 0
            while lead < ref.count - 1 && lead < alt.count - 1
                && reference[ref.lowerBound + lead] == alternate[alt.lowerBound + lead]
            {
                lead += 1
            }
            ref = (ref.lowerBound + lead)..<ref.upperBound
            alt = (alt.lowerBound + lead)..<alt.upperBound
            pos += lead
        }
        return GenomicAllele(
            chromosome: chromosomeName, position: pos,
            reference: uppercased(UnsafeRawBufferPointer(rebasing: reference[ref])),
            alternate: uppercased(UnsafeRawBufferPointer(rebasing: alternate[alt])))
    }

    /// ASCII (every real VCF) upper-cased byte by byte; anything else with Unicode's mapping.
    private static func uppercased(_ bytes: UnsafeRawBufferPointer) -> String {
        var hasLowercase = false
        for byte in bytes {
            if byte >= 0x80 { return String(decoding: bytes, as: UTF8.self).uppercased() }
            if byte >= 0x61 && byte <= 0x7A { hasLowercase = true }
        }
        guard hasLowercase else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            }
            return bytes.count
        }
    }

    /// Whether this is a single-nucleotide variant.
    public var isSNV: Bool { reference.utf8.count == 1 && alternate.utf8.count == 1 }

    /// `7:140453136:A:T`.
    public var description: String {
        // Concatenated rather than interpolated (a near-miss label each; a third of the cost).
        // No capacity reserved: most alleles fit a small (inline) string.
        var text = chromosome
        text += ":"
        text += String(position)
        text += ":"
        text += reference
        text += ":"
        text += alternate
        return text
    }
}

/// One annotation entry (VEP CSQ or SnpEff ANN, or a MAF row) of an ALT allele.
public struct TranscriptAnnotation: Sendable, Hashable {
    public var gene: String
    public var transcript: String?
    public var biotype: String?
    /// Sequence Ontology terms.
    public var consequences: [String]
    public var variantClass: VariantClass
    /// HGVSp as written (without the `ENSP…:` prefix), e.g. `p.Val600Glu`.
    public var hgvsp: String?
    public var proteinChange: ProteinChange?
    public var hgvsc: String?
    /// Exon rank and total (`7/15`).
    public var exon: Rank?
    /// Intron rank and total.
    public var intron: Rank?
    public var isCanonical: Bool
    public var maneSelect: String?
    /// ClinVar significance when the annotation carries it (VEP `CLIN_SIG`).
    public var clinicalSignificance: String?

    public init(
        gene: String, transcript: String? = nil, biotype: String? = nil, consequences: [String] = [],
        variantClass: VariantClass, hgvsp: String? = nil, proteinChange: ProteinChange? = nil,
        hgvsc: String? = nil, exon: Rank? = nil, intron: Rank? = nil, isCanonical: Bool = false,
        maneSelect: String? = nil, clinicalSignificance: String? = nil
    ) {
        self.gene = gene
        self.transcript = transcript
        self.biotype = biotype
        self.consequences = consequences
        self.variantClass = variantClass
        self.hgvsp = hgvsp
        self.proteinChange = proteinChange
        self.hgvsc = hgvsc
        self.exon = exon
        self.intron = intron
        self.isCanonical = isCanonical
        self.maneSelect = maneSelect
        self.clinicalSignificance = clinicalSignificance
    }

    /// An exon or intron number out of a total.
    public struct Rank: Sendable, Hashable {
        public var number: Int
        public var total: Int?
        public init(number: Int, total: Int?) {
            self.number = number
            self.total = total
        }
    }

    /// Picks the principal annotation among `entries`: MANE Select, then canonical, then the
    /// first protein-coding entry, then the first. `nil` when there are none.
    public static func principalIndex(in entries: [TranscriptAnnotation]) -> Int? {
        if let mane = entries.firstIndex(where: { $0.maneSelect != nil }) { return mane }
        if let canonical = entries.firstIndex(where: { $0.isCanonical }) { return canonical }
        if let coding = entries.firstIndex(where: { $0.biotype == "protein_coding" }) { return coding }
        return entries.isEmpty ? nil : 0
    }
}

/// Whether the alteration is in the tumour only, in the normal too, or unknown (tumour-only).
public enum Origin: String, Sendable, Hashable, CaseIterable {
    case somatic
    case germline
    case unknown
}

/// The tumour genotype's zygosity for the ALT allele.
public enum Zygosity: String, Sendable, Hashable, CaseIterable {
    case heterozygous
    case homozygous
    case hemizygous
    case unknown
}

/// Where gene and protein annotation came from.
public enum AnnotationSource: String, Sendable, Hashable, CaseIterable {
    case vep = "VEP CSQ"
    case snpEff = "SnpEff ANN"
    case maf = "MAF"
    case none = "none"
}
