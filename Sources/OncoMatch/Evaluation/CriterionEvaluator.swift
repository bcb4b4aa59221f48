import Dispatch
import GenomicFormats
import OncoDomain
import OncoRules
import Synchronization

/// Evaluates criteria on one profile, recursively, in three-valued logic. Leaf results are
/// cached: the same leaf (e.g. `BRAF V600E`) is shared by many rules.
///
/// Safe to share between threads (the near-miss reasoning reads it from two): the cache and the
/// flags are behind a lock, held only to look up or store, never while a leaf is computed.
final class CriterionEvaluator: Sendable {
    let view: ProfileView
    let hotspots: [String: [CodonPosition]]

    private struct State {
        var leafCache: [Criterion: LeafResult] = [:]
        var comparedAllelesAcrossBuilds = false
        var skippedProteinLevelCriteria = false
    }

    private let state = Mutex(State())

    /// Set when an allele criterion was compared with both builds because the input's is unknown.
    var comparedAllelesAcrossBuilds: Bool { state.withLock { $0.comparedAllelesAcrossBuilds } }
    /// Set when a protein-level criterion could not be tried for lack of annotation.
    var skippedProteinLevelCriteria: Bool { state.withLock { $0.skippedProteinLevelCriteria } }

    init(view: ProfileView, hotspots: [String: [CodonPosition]]) {
        self.view = view
        self.hotspots = hotspots
    }

    /// Evaluates a criterion tree.
    func evaluate(_ criterion: Criterion) -> Evaluation {
        switch criterion {
        case .all(let parts):
            let results = parts.map(evaluate)
            let truth = Truth.all(results.map(\.truth))
            return Evaluation(
                truth: truth, hits: truth == .yes ? results.flatMap(\.hits) : [],
                unknownReasons: ListText.unique(results.flatMap(\.unknownReasons)))
        case .any(let parts):
            let results = parts.map(evaluate)
            let truth = Truth.any(results.map(\.truth))
            return Evaluation(
                truth: truth, hits: results.filter { $0.truth == .yes }.flatMap(\.hits),
                unknownReasons: ListText.unique(results.flatMap(\.unknownReasons)))
        case .not(let inner):
            let result = evaluate(inner)
            return Evaluation(truth: result.truth.negated, hits: [], unknownReasons: result.unknownReasons)
        default:
            let result = leaf(criterion)
            return Evaluation(
                truth: result.truth, hits: result.truth == .yes ? result.hits : [],
                unknownReasons: result.unknownReason.map { [$0] } ?? [])
        }
    }

    /// Works out the leaves of `criteria` ahead on two threads (each leaf scans the alterations of
    /// its gene: on a large profile this is most of evaluating the rules); the results are the
    /// same cached ones ``leaf(_:)`` would compute, whatever the thread.
    ///
    /// The threads take leaves one at a time, those of the genes with the most alterations first:
    /// alternate leaves by position left one thread working alone for half the step on the
    /// 1M-record benchmark (a few genes hold most of its alterations).
    func precomputeLeaves(of criteria: [Criterion]) {
        var seen: Set<Criterion> = []
        var leaves: [Criterion] = []
        func collect(_ criterion: Criterion) {
            switch criterion {
            case .all(let parts), .any(let parts): parts.forEach(collect)
            case .not(let inner): collect(inner)
            default: if seen.insert(criterion).inserted { leaves.append(criterion) }
            }
        }
        criteria.forEach(collect)
        // Heaviest first, ties in criteria order (a stable sort on the alterations scanned).
        let distinct = leaves.map { leaf in
            (leaf, leaf.positiveGenes.reduce(0) { $0 + view.ids(inGene: $1).count })
        }.enumerated().sorted { left, right in
            left.element.1 != right.element.1 ? left.element.1 > right.element.1 : left.offset < right.offset
        }.map(\.element.0)
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < distinct.count else { return }
                _ = leaf(distinct[index])
            }
        }
    }

    /// Evaluates one leaf criterion (anything but `all`, `any`, `not`), cached.
    func leaf(_ criterion: Criterion) -> LeafResult {
        if let cached = state.withLock({ $0.leafCache[criterion] }) { return cached }
        let result = computeLeaf(criterion)
        state.withLock { $0.leafCache[criterion] = result }
        return result
    }

    private func computeLeaf(_ criterion: Criterion) -> LeafResult {
        switch criterion {
        case .allele(let allele): return alleleLeaf(allele)
        case .protein(let protein): return proteinLeaf(protein)
        case .codon(let codon): return codonLeaf(codon)
        case .range(let range): return rangeLeaf(range)
        case .exon(let exon): return exonLeaf(exon)
        case .gene(let gene): return geneLeaf(gene)
        case .copyNumber(let gene, let state): return copyNumberLeaf(gene: gene, state: state)
        case .fusion(let partners): return fusionLeaf(partners)
        case .tmb(let minimum): return tmbLeaf(minimum)
        case .msi(let requirement): return msiLeaf(requirement)
        case .mmr(let status): return mmrLeaf(status)
        case .hrd(let requirement): return hrdLeaf(requirement)
        case .wildType(let genes): return wildTypeLeaf(genes)
        case .all, .any, .not:
            let result = evaluate(criterion)
            return LeafResult(
                truth: result.truth, hits: result.hits, failures: [:],
                unknownReason: result.unknownReasons.first)
        }
    }

    // MARK: - Alteration leaves

    /// What a criterion-specific test says about one alteration.
    private enum VariantTest {
        /// `caveat`: what the match assumes that the input does not say.
        case matched(transcriptIndex: Int?, requirement: String, caveat: String? = nil)
        case noMatch(note: String?)
    }

    /// The shared shape of alteration leaves: test each alteration of the gene, admit it by the
    /// qualifiers, then apply the zygosity requirement over the gene.
    private func alterationLeaf(
        gene: String, qualifiers: AlterationQualifiers, level: MatchLevel, needsAnnotation: Bool,
        test: (Alteration) -> VariantTest
    ) -> LeafResult {
        let ids = view.ids(inGene: gene)
        var failures: [Int: LeafFailure] = Dictionary(minimumCapacity: ids.count)
        var candidates: [LeafHit] = []
        // Alterations read in place through the buffer (binding `view.alterations[id]` copied each,
        // retaining every field).
        view.alterations.withUnsafeBufferPointer { alterations in
            for id in ids {
                switch test(alterations[id]) {
                case .noMatch(let note):
                    let unannotated =
                        needsAnnotation && alterations[id].kind == .smallVariant
                        && !alterations[id].transcripts.contains { $0.gene == gene }
                    failures[id] = LeafFailure(kind: unannotated ? .unannotated : .mismatch, text: note)
                case .matched(let transcriptIndex, let requirement, let caveat):
                    switch AlterationAdmission.check(alterations[id], qualifiers: qualifiers, view: view) {
                    case .rejected(let failure):
                        failures[id] = failure
                    case .admitted(let caveats):
                        candidates.append(
                            LeafHit(
                                alterationID: id, transcriptIndex: transcriptIndex, gene: gene, level: level,
                                requirement: requirement, observation: nil,
                                caveats: caveat.map { [$0] + caveats } ?? caveats))
                    }
                }
            }
        }
        let hits = applyZygosity(qualifiers.zygosity, gene: gene, candidates: candidates, failures: &failures)
        if !hits.isEmpty {
            return LeafResult(truth: .yes, hits: hits, failures: failures, unknownReason: nil)
        }
        if needsAnnotation && !view.isAnnotated {
            state.withLock { $0.skippedProteinLevelCriteria = true }
            return LeafResult(
                truth: .unknown, hits: [], failures: failures,
                unknownReason: "protein-level criteria need CSQ/ANN annotation, which the input lacks")
        }
        return LeafResult(truth: .no, hits: [], failures: failures, unknownReason: nil)
    }

    private func isHomozygousHit(_ id: Int) -> Bool {
        let alteration = view.alterations[id]
        if case .copyNumber(.homozygousDeletion) = alteration.kind { return true }
        return alteration.zygosity == .homozygous || alteration.zygosity == .hemizygous
    }

    /// Homozygous: a homozygous or hemizygous hit, or a homozygous deletion. Biallelic: such a
    /// hit, two distinct hits, or one hit plus LOH of the gene.
    private func applyZygosity(
        _ zygosity: AlterationQualifiers.Zygosity, gene: String, candidates: [LeafHit],
        failures: inout [Int: LeafFailure]
    ) -> [LeafHit] {
        switch zygosity {
        case .any:
            return candidates
        case .homozygous:
            var hits: [LeafHit] = []
            for hit in candidates {
                guard let id = hit.alterationID else { continue }
                if isHomozygousHit(id) {
                    hits.append(hit)
                } else {
                    failures[id] = LeafFailure(
                        kind: .qualifier,
                        text: "\(view.alterations[id].zygosity.rawValue) zygosity; rules need a homozygous "
                            + "alteration")
                }
            }
            return hits
        case .biallelic:
            let ids = candidates.compactMap(\.alterationID)
            let lohIDs = view.ids(inGene: gene).filter { id in
                let alteration = view.alterations[id]
                guard case .copyNumber(.lossOfHeterozygosity) = alteration.kind else { return false }
                return view.passesFilterPolicy(alteration)
            }
            if ids.contains(where: isHomozygousHit) || Set(ids).count >= 2 {
                return candidates
            }
            if !ids.isEmpty, let loh = lohIDs.first {
                return candidates + [
                    LeafHit(
                        alterationID: loh, transcriptIndex: nil, gene: gene, level: .copyNumber,
                        requirement: "\(gene) loss of heterozygosity", observation: nil, caveats: [])
                ]
            }
            for id in ids {
                failures[id] = LeafFailure(
                    kind: .qualifier,
                    text: "one hit in \(gene) without a second hit, LOH or homozygosity; "
                        + "rules need biallelic loss")
            }
            return []
        }
    }

    /// Transcript indexes of `gene` in the alteration, the principal one first (without
    /// allocating: this runs for every alteration of a gene and every leaf naming it).
    private func transcriptIndexes(of alteration: Alteration, gene: String) -> GeneTranscriptIndexes {
        GeneTranscriptIndexes(alteration: alteration, gene: gene)
    }

    private static func classAllowed(_ variantClass: VariantClass, _ classes: [VariantClass]) -> Bool {
        classes.isEmpty ? variantClass.isProteinAltering : classes.contains(variantClass)
    }

    private func alleleLeaf(_ criterion: Criterion.Allele) -> LeafResult {
        let builds: [GenomeBuild]
        if view.profile.build == .unknown {
            builds = criterion.alleles.keys.sorted { $0.rawValue < $1.rawValue }
            state.withLock { $0.comparedAllelesAcrossBuilds = true }
        } else {
            builds = [view.profile.build]
        }
        return alterationLeaf(
            gene: criterion.gene, qualifiers: criterion.qualifiers, level: .exactAllele,
            needsAnnotation: false
        ) { alteration in
            guard alteration.kind == .smallVariant, let allele = alteration.allele else {
                return .noMatch(note: nil)
            }
            for build in builds where criterion.alleles[build] == allele {
                return .matched(
                    transcriptIndex: nil,
                    requirement: "the \(criterion.gene) allele \(allele) (\(build.rawValue))")
            }
            return .noMatch(note: nil)
        }
    }

    /// Same change by kind, positions, residues and alternate (not by prediction marks or the
    /// distance to a new stop). A rule frameshift without a new residue accepts any.
    static func sameChange(_ observed: ProteinChange, _ named: ProteinChange) -> Bool {
        guard observed.kind == named.kind, observed.start == named.start, observed.end == named.end else {
            return false
        }
        func agree(_ first: Character?, _ second: Character?) -> Bool {
            first == nil || second == nil || first == second
        }
        guard agree(observed.referenceStart, named.referenceStart),
            agree(observed.referenceEnd, named.referenceEnd)
        else { return false }
        if named.kind == .frameshift && named.alternate.isEmpty { return true }
        return observed.alternate == named.alternate
    }

    private func proteinLeaf(_ criterion: Criterion.Protein) -> LeafResult {
        alterationLeaf(
            gene: criterion.gene, qualifiers: criterion.qualifiers, level: .proteinChange,
            needsAnnotation: true
        ) { alteration in
            for index in transcriptIndexes(of: alteration, gene: criterion.gene) {
                guard let change = alteration.transcripts[index].proteinChange else { continue }
                for (named, notation) in zip(criterion.changes, criterion.notations)
                where Self.sameChange(change, named) {
                    return .matched(transcriptIndex: index, requirement: "\(criterion.gene) \(notation)")
                }
            }
            return .noMatch(note: nil)
        }
    }

    /// Whether `change` covers `position`, with the reference residue `residue` when both are known.
    /// Returns a note when only the residue differs (the numbering may differ).
    private static func covers(
        _ change: ProteinChange, position: Int, residue: Character?
    ) -> (covers: Bool, note: String?) {
        guard change.kind != .unknown, change.start <= position, position <= change.end else {
            return (false, nil)
        }
        guard let residue else { return (true, nil) }
        let observed: Character? =
            change.start == position
            ? change.referenceStart : (change.end == position ? change.referenceEnd : nil)
        if let observed, observed != residue {
            return (
                false,
                "residue \(position) is \(observed) in this annotation, the rules name \(residue)\(position) "
                    + "(numbering may differ)"
            )
        }
        return (true, nil)
    }

    private func codonLeaf(_ criterion: Criterion.Codon) -> LeafResult {
        alterationLeaf(
            gene: criterion.gene, qualifiers: criterion.qualifiers, level: .codon, needsAnnotation: true
        ) { alteration in
            var note: String?
            for index in transcriptIndexes(of: alteration, gene: criterion.gene) {
                // (Fields read in place: binding the annotation copied it, retaining its strings.)
                guard let change = alteration.transcripts[index].proteinChange,
                    Self.classAllowed(alteration.transcripts[index].variantClass, criterion.classes)
                else { continue }
                let test = Self.covers(
                    change, position: criterion.residue.position, residue: criterion.residue.residue)
                if test.covers {
                    return .matched(
                        transcriptIndex: index, requirement: "\(criterion.gene) \(criterion.residue)")
                }
                note = note ?? test.note
            }
            return .noMatch(note: note)
        }
    }

    private func rangeLeaf(_ criterion: Criterion.ResidueRange) -> LeafResult {
        alterationLeaf(
            gene: criterion.gene, qualifiers: criterion.qualifiers, level: .residueRange,
            needsAnnotation: true
        ) { alteration in
            for index in transcriptIndexes(of: alteration, gene: criterion.gene) {
                guard let change = alteration.transcripts[index].proteinChange, change.kind != .unknown,
                    change.start <= criterion.to, change.end >= criterion.from,
                    Self.classAllowed(alteration.transcripts[index].variantClass, criterion.classes)
                else { continue }
                return .matched(
                    transcriptIndex: index,
                    requirement: "\(criterion.gene) residues \(criterion.from)–\(criterion.to)")
            }
            return .noMatch(note: nil)
        }
    }

    private static let spliceSiteTerms: Set<String> = [
        "splice_donor_variant", "splice_acceptor_variant", "splice_region_variant",
        "splice_donor_region_variant",
        "splice_donor_5th_base_variant", "splice_polypyrimidine_tract_variant",
    ]

    private func exonLeaf(_ criterion: Criterion.Exon) -> LeafResult {
        alterationLeaf(
            gene: criterion.gene, qualifiers: criterion.qualifiers, level: .exonClass, needsAnnotation: true
        ) { alteration in
            for index in transcriptIndexes(of: alteration, gene: criterion.gene) {
                guard Self.classAllowed(alteration.transcripts[index].variantClass, criterion.classes) else {
                    continue
                }
                if alteration.transcripts[index].exon?.number == criterion.exon {
                    return .matched(
                        transcriptIndex: index, requirement: "\(criterion.gene) exon \(criterion.exon)")
                }
                if criterion.flankingSplice, let intron = alteration.transcripts[index].intron?.number,
                    intron == criterion.exon - 1 || intron == criterion.exon,
                    alteration.transcripts[index].consequences.contains(where: { term in
                        term.split(separator: "&").contains { Self.spliceSiteTerms.contains(String($0)) }
                    })
                {
                    return .matched(
                        transcriptIndex: index,
                        requirement: "a splice site flanking \(criterion.gene) exon \(criterion.exon)")
                }
            }
            return .noMatch(note: nil)
        }
    }

    private static let activatingClasses: Set<VariantClass> = [
        .missense, .inframeDelins, .inframeDeletion, .inframeInsertion, .otherCoding,
    ]

    private func geneLeaf(_ criterion: Criterion.Gene) -> LeafResult {
        let gene = criterion.gene
        let codons = hotspots[gene] ?? []
        return alterationLeaf(
            gene: gene, qualifiers: criterion.qualifiers, level: .geneClass, needsAnnotation: true
        ) { alteration in
            switch alteration.kind {
            case .copyNumber(.homozygousDeletion):
                if criterion.alterationClass == .lossOfFunction {
                    return .matched(transcriptIndex: nil, requirement: "\(gene) homozygous deletion")
                }
                return .noMatch(note: nil)
            case .copyNumber, .fusion:
                return .noMatch(note: nil)
            case .structural:
                if criterion.alterationClass == .variantClass(.structural) {
                    return .matched(transcriptIndex: nil, requirement: "\(gene) structural variant")
                }
                return .noMatch(note: nil)
            case .smallVariant:
                break
            }
            for index in transcriptIndexes(of: alteration, gene: gene) {
                // (Read in place: binding the annotation copied it, retaining its strings.)
                let variantClass = alteration.transcripts[index].variantClass
                switch criterion.alterationClass {
                case .any:
                    if variantClass.isProteinAltering {
                        return .matched(
                            transcriptIndex: index, requirement: "a protein-altering \(gene) variant")
                    }
                case .lossOfFunction:
                    if variantClass == .truncating {
                        return .matched(
                            transcriptIndex: index, requirement: "\(gene) loss-of-function (truncating)")
                    }
                case .variantClass(let wanted):
                    if variantClass == wanted {
                        return .matched(
                            transcriptIndex: index, requirement: "a \(wanted.rawValue) \(gene) variant")
                    }
                case .activatingHotspot:
                    guard Self.activatingClasses.contains(variantClass),
                        let change = alteration.transcripts[index].proteinChange
                    else { continue }
                    if let codon = codons.first(where: {
                        Self.covers(change, position: $0.position, residue: $0.residue).covers
                    }) {
                        return .matched(
                            transcriptIndex: index, requirement: "the \(gene) activating hotspot \(codon)")
                    }
                }
            }
            return .noMatch(note: nil)
        }
    }

    private func copyNumberLeaf(gene: String, state: CopyNumberRequirement) -> LeafResult {
        let wanted = state.state
        return alterationLeaf(gene: gene, qualifiers: .default, level: .copyNumber, needsAnnotation: false) {
            alteration in
            if case .copyNumber(let observed) = alteration.kind, observed == wanted, alteration.gene == gene {
                return .matched(transcriptIndex: nil, requirement: "\(gene) \(state.rawValue)")
            }
            return .noMatch(note: nil)
        }
    }

    private func fusionLeaf(_ partners: FusionPartners) -> LeafResult {
        // Indexed under the first named gene; a fusion touches both partners' lists.
        let gene = partners.genes[0]
        let requirement = "\(partners) fusion"
        return alterationLeaf(gene: gene, qualifiers: .default, level: .fusion, needsAnnotation: false) {
            alteration in
            guard case .fusion(let five, let three, let oriented) = alteration.kind else {
                return .noMatch(note: nil)
            }
            let name = alteration.fusionName ?? ""
            switch partners {
            case .anyPartner(let wanted):
                return five == wanted || three == wanted
                    ? .matched(transcriptIndex: nil, requirement: requirement) : .noMatch(note: nil)
            case .eitherOrientation(let first, let second):
                return (five == first && three == second) || (five == second && three == first)
                    ? .matched(transcriptIndex: nil, requirement: requirement) : .noMatch(note: nil)
            case .ordered(let wantedFive, let wantedThree):
                if five == wantedFive && three == wantedThree && oriented {
                    return .matched(transcriptIndex: nil, requirement: requirement)
                }
                if (five == wantedFive && three == wantedThree)
                    || (five == wantedThree && three == wantedFive)
                {
                    guard oriented else {
                        return .matched(
                            transcriptIndex: nil, requirement: requirement,
                            caveat: Self.unorientedCaveat(name, assumed: "\(wantedFive)::\(wantedThree)"))
                    }
                    return .noMatch(
                        note: "\(name) is the reverse of the oncogenic \(wantedFive)::\(wantedThree)")
                }
                return .noMatch(note: nil)
            case .fivePrime(let wanted):
                return sideTest(
                    wanted, named: five, other: three, oriented: oriented, name: name, side: "5′",
                    requirement: requirement)
            case .threePrime(let wanted):
                return sideTest(
                    wanted, named: three, other: five, oriented: oriented, name: name, side: "3′",
                    requirement: requirement)
            }
        }
    }

    /// A fusion against a criterion naming `wanted` on one side (`side`, whose partner in the
    /// fusion is `named`) with any partner on the other: a match when `wanted` is on that side;
    /// with a caveat when the input did not orient the fusion; a near-miss note when `wanted` is
    /// on the other side (a reciprocal product, which lacks the part of the gene the therapy
    /// acts on: the kinase domain of a 3′ ALK, RET, ROS1 or NTRK).
    private func sideTest(
        _ wanted: String, named: String, other: String, oriented: Bool, name: String, side: String,
        requirement: String
    ) -> VariantTest {
        let otherSide = side == "5′" ? "3′" : "5′"
        if named == wanted && oriented { return .matched(transcriptIndex: nil, requirement: requirement) }
        guard named == wanted || other == wanted else { return .noMatch(note: nil) }
        guard oriented else {
            return .matched(
                transcriptIndex: nil, requirement: requirement,
                caveat: Self.unorientedCaveat(name, assumed: "\(wanted) as the \(side) partner"))
        }
        let partner = named.isEmpty ? "?" : named
        let oncogenic = side == "5′" ? "\(wanted)::\(partner)" : "\(partner)::\(wanted)"
        return .noMatch(
            note:
                "\(wanted) is the \(otherSide) partner here; the oncogenic orientation would be \(oncogenic)")
    }

    /// The caveat of a fusion whose orientation the input does not give, matched as `assumed`.
    private static func unorientedCaveat(_ name: String, assumed: String) -> String {
        "The input names the partners of \(name) without their orientation (5′/3′): matched assuming "
            + "\(assumed); confirm the orientation, e.g. with an RNA fusion caller."
    }

    // MARK: - Biomarker leaves

    private func biomarkerHit(requirement: String, observation: String, caveats: [String] = []) -> LeafResult
    {
        LeafResult(
            truth: .yes,
            hits: [
                LeafHit(
                    alterationID: nil, transcriptIndex: nil, gene: nil, level: .biomarker,
                    requirement: requirement,
                    observation: observation, caveats: caveats)
            ], failures: [:], unknownReason: nil)
    }

    private static func unknown(_ reason: String) -> LeafResult {
        LeafResult(truth: .unknown, hits: [], failures: [:], unknownReason: reason)
    }

    private static let no = LeafResult(truth: .no, hits: [], failures: [:], unknownReason: nil)

    private func tmbLeaf(_ minimum: Double) -> LeafResult {
        guard let burden = view.profile.tumourMutationalBurden else {
            return Self.unknown("TMB was not computed")
        }
        guard burden.value >= minimum else { return Self.no }
        return biomarkerHit(
            requirement: "TMB ≥ \(NumberText.threshold(minimum)) mut/Mb",
            observation: "TMB \(NumberText.fixed(burden.value, digits: 2)) mut/Mb",
            caveats: burden.cautions.map(\.explanation))
    }

    private func msiLeaf(_ requirement: MSIRequirement) -> LeafResult {
        switch (requirement, view.profile.msi) {
        case (_, .unknown): return Self.unknown("MSI status was not given")
        case (.high, .high): return biomarkerHit(requirement: "MSI-high", observation: "MSI-high status")
        case (.stable, .stable):
            return biomarkerHit(requirement: "microsatellite stable", observation: "MSS status")
        default: return Self.no
        }
    }

    private func hrdLeaf(_ requirement: HRDRequirement) -> LeafResult {
        switch (requirement, view.profile.hrd) {
        case (_, .unknown): return Self.unknown("HRD status was not given")
        case (.positive, .positive):
            return biomarkerHit(requirement: "HRD-positive", observation: "HRD-positive status")
        case (.negative, .negative):
            return biomarkerHit(requirement: "HRD-negative", observation: "HRD-negative status")
        default: return Self.no
        }
    }

    /// As the rule language states: deficient is MSI-high, or a loss-of-function (truncating or
    /// homozygous deletion) alteration in MLH1, MSH2, MSH6, PMS2 or EPCAM — one hit suffices.
    /// Proficient is MSS with no such alteration.
    private func mmrLeaf(_ status: MMRStatus) -> LeafResult {
        let geneResults = MMRStatus.genes.map {
            leaf(.gene(Criterion.Gene(gene: $0, alterationClass: .lossOfFunction)))
        }
        let lossHits = geneResults.flatMap(\.hits)
        let msi = view.profile.msi
        switch status {
        case .deficient:
            if msi == .high {
                return biomarkerHit(requirement: "MMR-deficient (MSI-high)", observation: "MSI-high status")
            }
            if !lossHits.isEmpty {
                return LeafResult(truth: .yes, hits: lossHits, failures: [:], unknownReason: nil)
            }
            if msi == .unknown || geneResults.contains(where: { $0.truth == .unknown }) {
                return Self.unknown("MMR status cannot be told: MSI status not given")
            }
            return Self.no
        case .proficient:
            if msi == .high || !lossHits.isEmpty { return Self.no }
            if msi == .stable && !geneResults.contains(where: { $0.truth == .unknown }) {
                return biomarkerHit(
                    requirement: "MMR-proficient", observation: "MSS status without MMR gene loss")
            }
            return Self.unknown("MMR status cannot be told: MSI status not given")
        }
    }

    /// Holds when no alteration admitted by the FILTER policy changes the protein of any gene:
    /// a protein-altering small variant on any transcript of the gene, a fusion involving it, or
    /// its homozygous deletion. Cannot be told without annotation.
    private func wildTypeLeaf(_ genes: [String]) -> LeafResult {
        let label = "\(ListText.joined(genes, conjunction: "and")) wild type"
        guard view.isAnnotated else {
            state.withLock { $0.skippedProteinLevelCriteria = true }
            return Self.unknown("wild-type status needs CSQ/ANN annotation, which the input lacks")
        }
        for gene in genes {
            for id in view.ids(inGene: gene) where breaksWildType(view.alterations[id], gene: gene) {
                return Self.no
            }
        }
        return LeafResult(
            truth: .yes,
            hits: [
                LeafHit(
                    alterationID: nil, transcriptIndex: nil, gene: nil, level: .wildType, requirement: label,
                    observation:
                        "No protein-altering \(ListText.joined(genes, conjunction: "or")) variant was called",
                    caveats: [
                        "Wild type means no such variant was called; adequate coverage of "
                            + "\(ListText.joined(genes, conjunction: "and")) is assumed."
                    ])
            ], failures: [:], unknownReason: nil)
    }

    /// Whether the alteration makes `gene` not wild type.
    func breaksWildType(_ alteration: Alteration, gene: String) -> Bool {
        guard view.passesFilterPolicy(alteration) else { return false }
        switch alteration.kind {
        case .fusion: return true
        case .copyNumber(let state): return state == .homozygousDeletion
        case .structural: return false
        case .smallVariant:
            return alteration.transcripts.contains { $0.gene == gene && $0.variantClass.isProteinAltering }
        }
    }
}
