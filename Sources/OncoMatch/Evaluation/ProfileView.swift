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
        let present = profile.alterations.filter { $0.altDepth != 0 }
        alterations = present
        var byGene: [String: [Int]] = [:]
        for (id, alteration) in present.enumerated() {
            for gene in alteration.genes { byGene[gene, default: []].append(id) }
        }
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
