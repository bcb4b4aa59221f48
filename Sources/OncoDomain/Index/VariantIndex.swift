/// The alterations of one or more samples that matter for the loaded rules, indexed for the
/// matcher's queries.
///
/// Built while streaming: the caller offers each alteration with ``add(_:)``; the index keeps
/// those in genes of interest (all of them when ``keepsAllGenes``) and drops the rest, so memory
/// grows with what matters, not with the file. Samples share one store (cohort-aware without
/// copying per sample).
public struct VariantIndex: Sendable {
    /// Sample names, in input order; ``Alteration/sampleIndex`` indexes this list.
    public private(set) var samples: [String]
    /// Genes whose alterations are kept, or `nil` to keep every gene.
    public let genesOfInterest: Set<String>?
    /// All kept alterations, in insertion order.
    public private(set) var alterations: [Alteration] = []

    /// Each sample name's first index in ``samples``.
    private var sampleNumbers: [String: Int] = [:]
    private var byGene: [String: [Int]] = [:]
    private var bySample: [[Int]]
    private var byChromosome: [String: [Int]] = [:]

    /// Whether every gene is kept.
    public var keepsAllGenes: Bool { genesOfInterest == nil }

    /// An empty index for `samples`, keeping alterations in `genesOfInterest` (all when `nil`).
    public init(samples: [String], genesOfInterest: Set<String>?) {
        self.samples = samples
        self.genesOfInterest = genesOfInterest
        self.bySample = Array(repeating: [], count: samples.count)
        for (number, name) in samples.enumerated() where sampleNumbers[name] == nil {
            sampleNumbers[name] = number
        }
    }

    /// Makes room for at least `count` alterations in all, so that adding them does not move the
    /// stored ones. Room that is never filled costs address space only: the memory of a large
    /// allocation is touched, and becomes resident, as alterations are stored.
    public mutating func reserveCapacity(_ count: Int) {
        alterations.reserveCapacity(count)
    }

    /// Adds a sample (for inputs such as MAF whose samples appear while streaming); returns its index.
    public mutating func addSample(_ name: String) -> Int {
        if let existing = sampleNumbers[name] { return existing }
        sampleNumbers[name] = samples.count
        samples.append(name)
        bySample.append([])
        return samples.count - 1
    }

    /// Whether an alteration touching `genes` would be kept.
    public func wants(anyOf genes: some Sequence<String>) -> Bool {
        guard let genesOfInterest else { return true }
        return genes.contains { genesOfInterest.contains($0) }
    }

    /// Keeps `alteration` if it touches a gene of interest; returns whether it was kept.
    @discardableResult
    public mutating func add(_ alteration: consuming Alteration) -> Bool {
        // The common case, one gene (every transcript names the alteration's gene, or none; not a
        // fusion): filed without building and sorting a set of its genes (thousands of
        // alterations, on the parse's calling thread between runs).
        if Self.hasSingleGene(alteration) {
            guard genesOfInterest?.contains(alteration.gene) ?? true else { return false }
            file(alteration, underGenes: CollectionOfOne(alteration.gene))
            return true
        }
        let genes = alteration.genes
        guard wants(anyOf: genes) else { return false }
        let genesOfInterest = self.genesOfInterest
        file(alteration, underGenes: genes.sorted().filter { genesOfInterest?.contains($0) ?? true })
        return true
    }

    /// Stores a kept alteration and files its id under `genes` (of interest, sorted), its sample
    /// and its chromosome.
    private mutating func file(_ alteration: consuming Alteration, underGenes genes: some Sequence<String>) {
        precondition(alteration.sampleIndex < samples.count, "alteration of an unknown sample")
        let id = alterations.count
        for gene in genes { byGene[gene, default: []].append(id) }
        bySample[alteration.sampleIndex].append(id)
        if let allele = alteration.allele {
            byChromosome[allele.chromosome, default: []].append(id)
        }
        // Stored last, moved rather than copied.
        alterations.append(alteration)
    }

    /// Whether ``Alteration/genes`` is the alteration's gene alone.
    private static func hasSingleGene(_ alteration: Alteration) -> Bool {
        if case .fusion = alteration.kind { return false }
        for index in alteration.transcripts.indices {
            let gene = alteration.transcripts[index].gene
            if !gene.isEmpty && gene != alteration.gene { return false }
        }
        return true
    }

    /// Every alteration of a sample, in input order.
    public func alterations(ofSample sample: Int) -> [Alteration] {
        // Every alteration is the sample's (the index of one tumour): the stored array itself,
        // shared, rather than a copy of each alteration.
        if bySample[sample].count == alterations.count { return alterations }
        return bySample[sample].map { alterations[$0] }
    }

    /// The number of alterations of `sample`.
    public func alterationCount(ofSample sample: Int) -> Int { bySample[sample].count }

    /// The alterations of `sample` (or of all samples) touching `gene`.
    public func alterations(inGene gene: String, sample: Int? = nil) -> [Alteration] {
        guard let ids = byGene[gene] else { return [] }
        return ids.lazy.map { self.alterations[$0] }.filter { sample == nil || $0.sampleIndex == sample }
    }

    /// Alterations in `gene` with a protein change overlapping residues `range` on any transcript of the gene.
    public func alterations(
        inGene gene: String, residues range: ClosedRange<Int>, sample: Int? = nil
    ) -> [Alteration] {
        alterations(inGene: gene, sample: sample).filter { alteration in
            alteration.transcripts(forGene: gene).contains { annotation in
                guard let change = annotation.proteinChange else { return false }
                return change.start <= range.upperBound && change.end >= range.lowerBound
            }
        }
    }

    /// Alterations in `gene` falling in exon `exon` on any transcript of the gene.
    public func alterations(inGene gene: String, exon: Int, sample: Int? = nil) -> [Alteration] {
        alterations(inGene: gene, sample: sample).filter { alteration in
            alteration.transcripts(forGene: gene).contains { $0.exon?.number == exon }
        }
    }

    /// Alterations whose normalised allele starts in `positions` on `chromosome` (with or without `chr`).
    public func alterations(
        onChromosome chromosome: String, positions: ClosedRange<Int>, sample: Int? = nil
    ) -> [Alteration] {
        let name = GenomicAllele.normalised(
            chromosome: chromosome, position: 1, reference: "N", alternate: "N"
        ).chromosome
        guard let ids = byChromosome[name] else { return [] }
        return ids.lazy.map { self.alterations[$0] }.filter { alteration in
            guard let allele = alteration.allele else { return false }
            return positions.contains(allele.position) && (sample == nil || alteration.sampleIndex == sample)
        }
    }

    /// Alterations of `sample` (or of all samples) whose principal class is `variantClass`.
    public func alterations(ofClass variantClass: VariantClass, sample: Int? = nil) -> [Alteration] {
        let ids = sample.map { bySample[$0] } ?? Array(alterations.indices)
        return ids.map { alterations[$0] }.filter { $0.variantClass == variantClass }
    }

    /// Genes with at least one kept alteration, sorted.
    public var genes: [String] { byGene.keys.sorted() }
}
