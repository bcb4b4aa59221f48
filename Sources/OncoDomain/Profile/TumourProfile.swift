import GenomicFormats

/// Everything the matcher needs to know about one tumour sample: its indexed alterations, its
/// tumour type and its immunotherapy biomarkers.
///
/// The index may be shared by many profiles (a cohort); `sampleIndex` selects this sample's
/// alterations.
public struct TumourProfile: Sendable {
    /// The index holding this sample's alterations (possibly with other samples').
    public var index: VariantIndex
    public var sampleIndex: Int
    /// The matched normal sample's name, when the input had one.
    public var normalName: String?
    /// OncoTree code of the tumour.
    public var tumourType: String
    public var build: GenomeBuild
    /// Where protein-level annotation came from; `.none` means protein-level rules cannot be evaluated.
    public var annotationSource: AnnotationSource
    /// Tumour mutational burden, when it could be computed.
    public var tumourMutationalBurden: TumourMutationalBurden?
    /// TMB under the other numerators, for comparison.
    public var alternativeBurdens: [TumourMutationalBurden]
    public var msi: MSIStatus
    public var hrd: HRDStatus
    /// Whether FILTER-failing alterations may match (`--filter all`).
    public var includeFilteredAlterations: Bool

    public init(
        index: VariantIndex, sampleIndex: Int, normalName: String?, tumourType: String, build: GenomeBuild,
        annotationSource: AnnotationSource, tumourMutationalBurden: TumourMutationalBurden? = nil,
        alternativeBurdens: [TumourMutationalBurden] = [], msi: MSIStatus = .unknown,
        hrd: HRDStatus = .unknown, includeFilteredAlterations: Bool = false
    ) {
        self.index = index
        self.sampleIndex = sampleIndex
        self.normalName = normalName
        self.tumourType = tumourType
        self.build = build
        self.annotationSource = annotationSource
        self.tumourMutationalBurden = tumourMutationalBurden
        self.alternativeBurdens = alternativeBurdens
        self.msi = msi
        self.hrd = hrd
        self.includeFilteredAlterations = includeFilteredAlterations
    }

    /// The sample's name.
    public var sampleName: String { index.samples[sampleIndex] }

    /// Whether the input had a matched normal (so origin can be told).
    public var hasMatchedNormal: Bool { normalName != nil }

    /// This sample's alterations.
    public var alterations: [Alteration] { index.alterations(ofSample: sampleIndex) }

    /// The number of this sample's alterations.
    public var alterationCount: Int { index.alterationCount(ofSample: sampleIndex) }

    /// This sample's alterations touching `gene`.
    public func alterations(inGene gene: String) -> [Alteration] {
        index.alterations(inGene: gene, sample: sampleIndex)
    }
}
