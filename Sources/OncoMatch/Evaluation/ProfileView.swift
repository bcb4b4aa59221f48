import OncoDomain

/// The matcher's working view of one sample: its alterations present in the tumour, numbered,
/// and grouped by every gene they touch.
struct ProfileView: Sendable {
    let profile: TumourProfile
    /// The sample's alterations with tumour support, in insertion order (ids are positions here).
    let alterations: [Alteration]
    private let idsByGene: [String: [Int]]

    init(profile: TumourProfile) {
        self.profile = profile
        // An alteration with no supporting read in the tumour is not present in it.
        // (Built once by the profile; not copied again when every alteration is present.)
        let all = profile.alterations
        let present = all.contains { $0.altDepth == 0 } ? all.filter { $0.altDepth != 0 } : all
        alterations = present
        var byGene: [String: [Int]] = [:]
        // The ids of the gene met last, held apart from the dictionary: alterations come sorted
        // by position, so most share the previous one's gene, and their id is appended without
        // hashing the name (8,939 alterations on the 1M-record benchmark).
        var currentGene: String?
        var currentIDs: [Int] = []
        func add(_ gene: String, _ id: Int) {
            if gene != currentGene {
                if let currentGene { byGene[currentGene] = currentIDs }
                currentIDs = byGene.removeValue(forKey: gene) ?? []
                currentGene = gene
            }
            if currentIDs.last != id { currentIDs.append(id) }
        }
        for id in present.indices {
            // Each of the alteration's genes (``Alteration/genes``) once, without building a set.
            // (Fields read in place: binding the alteration would copy it, retaining every field.)
            let gene = present[id].gene
            add(gene, id)
            for index in present[id].transcripts.indices {
                let transcriptGene = present[id].transcripts[index].gene
                // Most transcripts are of the alteration's own gene, already added.
                if !transcriptGene.isEmpty && transcriptGene != gene { add(transcriptGene, id) }
            }
            if case .fusion(let five, let three, _) = present[id].kind {
                // An unnamed partner is empty: no gene to file it under.
                if !five.isEmpty { add(five, id) }
                if !three.isEmpty { add(three, id) }
            }
        }
        if let currentGene { byGene[currentGene] = currentIDs }
        idsByGene = byGene
    }

    /// Whether the input carried gene/protein annotation.
    var isAnnotated: Bool { profile.annotationSource != .none }

    /// Genes with at least one present alteration.
    var genes: some Collection<String> { idsByGene.keys }

    /// Ids of the alterations touching `gene`, in insertion order.
    func ids(inGene gene: String) -> [Int] { idsByGene[gene] ?? [] }

    /// Whether the alteration may be matched under the profile's FILTER policy when a criterion
    /// asks for PASS records.
    func passesFilterPolicy(_ alteration: Alteration) -> Bool {
        profile.includeFilteredAlterations || alteration.passesFilter
    }
}
