import OncoDomain

/// How alterations are named in explanations and near-misses, and their content-based order
/// (so results never depend on the order alterations were added).
enum AlterationText {
    /// The annotation to show for `gene`: the principal one if it is for the gene, else the first
    /// of the gene.
    static func annotation(of alteration: Alteration, gene: String) -> TranscriptAnnotation? {
        annotationIndex(of: alteration, gene: gene).map { alteration.transcripts[$0] }
    }

    /// The index of ``annotation(of:gene:)`` in the alteration's transcripts: read in place, a
    /// near-miss copies no annotation.
    static func annotationIndex(of alteration: Alteration, gene: String) -> Int? {
        if let principal = alteration.principalTranscriptIndex, alteration.transcripts[principal].gene == gene
        {
            return principal
        }
        return alteration.transcripts.firstIndex { $0.gene == gene }
    }

    /// `BRAF p.V600E`, `ERBB2 amplification`, `EML4::ALK fusion`, `BRAF 7:140753336:A:T`; a small
    /// variant named by the protein change of `transcript`, else of ``annotation(of:gene:)``.
    static func label(_ alteration: Alteration, gene: String, transcript: TranscriptAnnotation? = nil)
        -> String
    {
        guard alteration.kind == .smallVariant else { return eventLabel(alteration, gene: gene) }
        return smallVariantLabel(
            alteration, gene: gene,
            change: (transcript ?? annotation(of: alteration, gene: gene))?.proteinChange)
    }

    /// ``label(_:gene:transcript:)`` with the annotation given by its index in the alteration's
    /// transcripts (``annotationIndex(of:gene:)``; `nil`: none), read in place.
    static func label(_ alteration: Alteration, gene: String, transcriptIndex: Int?) -> String {
        guard alteration.kind == .smallVariant else { return eventLabel(alteration, gene: gene) }
        // (Read in place: in a closure the annotation was copied whole, retaining its strings.)
        var change: ProteinChange?
        if let transcriptIndex { change = alteration.transcripts[transcriptIndex].proteinChange }
        return smallVariantLabel(alteration, gene: gene, change: change)
    }

    /// A small variant's label: its protein change when it has one, else its allele.
    private static func smallVariantLabel(_ alteration: Alteration, gene: String, change: ProteinChange?)
        -> String
    {
        // Concatenated: interpolating a value (not a `String`) looks up its conformances at run
        // time, a large share of a label's cost (one per near-miss).
        if let change { return gene + " p." + change.description }
        if let allele = alteration.allele { return gene + " " + allele.description }
        return gene + " variant"
    }

    /// The label of a copy-number event, fusion or structural variant.
    private static func eventLabel(_ alteration: Alteration, gene: String) -> String {
        switch alteration.kind {
        case .copyNumber(let state):
            return "\(gene) \(copyNumberPhrase(state))"
        case .fusion:
            return "\(alteration.fusionName ?? gene) fusion"
        case .structural:
            return "\(gene) structural variant"
                + (alteration.allele.map { " at \($0.chromosome):\($0.position)" } ?? "")
        case .smallVariant:
            return smallVariantLabel(alteration, gene: gene, change: nil)
        }
    }

    static func copyNumberPhrase(_ state: CopyNumberState) -> String {
        switch state {
        case .amplification: "amplification"
        case .homozygousDeletion: "homozygous deletion"
        case .lossOfHeterozygosity: "loss of heterozygosity"
        case .neutral: "copy-neutral state"
        }
    }

    /// What the alteration is, for near-miss reasons: `missense`, `synonymous`, `amplification`.
    static func classPhrase(_ alteration: Alteration, gene: String) -> String {
        classPhrase(alteration, gene: gene, annotationIndex: annotationIndex(of: alteration, gene: gene))
    }

    /// ``classPhrase(_:gene:)`` given the index of the alteration's ``annotation(of:gene:)``
    /// (``annotationIndex(of:gene:)``), already looked up.
    static func classPhrase(_ alteration: Alteration, gene: String, annotationIndex: Int?) -> String {
        switch alteration.kind {
        case .copyNumber(let state): return copyNumberPhrase(state)
        case .fusion: return "fusion"
        case .structural: return "structural variant"
        case .smallVariant:
            let best =
                annotationIndex.map { alteration.transcripts[$0].variantClass }
                ?? alteration.transcripts.lazy.filter { $0.gene == gene }.map(\.variantClass).min()
            return best?.rawValue ?? "unannotated"
        }
    }

    /// `missense, VAF 0.44, somatic` — the facts shown beside an alteration in explanations.
    static func facts(_ alteration: Alteration, variantClass: VariantClass?) -> String {
        // Appended piece by piece (no array of parts, no interpolation): one per matched
        // alteration's explanation.
        var text = ""
        func add(_ part: String) {
            if !text.isEmpty { text += ", " }
            text += part
        }
        if alteration.kind == .smallVariant, let variantClass { add(variantClass.rawValue) }
        if let vaf = alteration.vaf { add("VAF " + NumberText.fixed(vaf, digits: 2)) }
        switch alteration.origin {
        case .somatic: add("somatic")
        case .germline: add("germline")
        case .unknown: add("origin unknown")
        }
        if alteration.zygosity == .homozygous || alteration.zygosity == .hemizygous {
            add(alteration.zygosity.rawValue)
        }
        if !alteration.passesFilter { add("FILTER=" + alteration.filter) }
        return text
    }

    /// A content-based sort key: gene, kind, allele (position zero-padded to 12 digits), principal
    /// protein change, FILTER, first transcript, sample index and source line, joined by U+0001.
    ///
    /// Built as UTF-8 bytes, then made a `String` once: appending a `Character` or a short
    /// literal to a `String` costs hundreds of instructions each, and a key has over twenty parts.
    static func sortKey(_ alteration: Alteration) -> String {
        let separator: UInt8 = 1
        var key: [UInt8] = []
        key.reserveCapacity(128)
        func add(_ text: String) { key.append(contentsOf: text.utf8) }
        add(alteration.gene)
        key.append(separator)
        switch alteration.kind {
        case .smallVariant: key.append(UInt8(ascii: "1"))
        case .copyNumber(let state):
            key.append(UInt8(ascii: "2"))
            add(state.rawValue)
        case .fusion(let five, let three, let oriented):
            key.append(UInt8(ascii: "3"))
            add(five)
            add(oriented ? "::" : "/")
            add(three)
        case .structural: key.append(UInt8(ascii: "4"))
        }
        key.append(separator)
        if let allele = alteration.allele {
            add(allele.chromosome)
            key.append(separator)
            let digits = String(allele.position)
            for _ in 0..<max(0, 12 - digits.utf8.count) { key.append(UInt8(ascii: "0")) }
            add(digits)
            key.append(separator)
            add(allele.reference)
            key.append(separator)
            add(allele.alternate)
        } else {
            key.append(separator)
            key.append(separator)
            key.append(separator)
        }
        key.append(separator)
        if let principal = alteration.principalTranscriptIndex,
            let change = alteration.transcripts[principal].proteinChange
        {
            add(change.description)
        }
        key.append(separator)
        add(alteration.filter)
        key.append(separator)
        if let transcript = alteration.transcripts.first?.transcript { add(transcript) }
        key.append(separator)
        add(String(alteration.sampleIndex))
        key.append(separator)
        add(String(alteration.sourceLine ?? 0))
        return String(decoding: key, as: UTF8.self)
    }
}
