import Dispatch
import OncoDomain
import OncoRules
import Synchronization

/// Matches a tumour profile against a compiled rule set: which therapies its alterations and
/// biomarkers point to, at which tier for its tumour type, why, and which alterations came close.
///
/// Only the rules indexed under the genes present in the sample, plus the biomarker (TMB, MSI,
/// MMR, HRD) and wild-type rules, are evaluated. The result is deterministic: it depends on the
/// profile's content, not on the order alterations were added. See `docs/matching.md`.
public struct Matcher: Sendable {
    public let ruleSet: CompiledRuleSet
    public let oncoTree: OncoTree
    private let positions: [String: Int]

    public init(ruleSet: CompiledRuleSet, oncoTree: OncoTree) {
        self.ruleSet = ruleSet
        self.oncoTree = oncoTree
        var positions: [String: Int] = [:]
        for (position, rule) in ruleSet.rules.enumerated() { positions[rule.id] = position }
        self.positions = positions
    }

    /// Evaluates every candidate rule on `profile`.
    public func match(_ profile: TumourProfile) -> MatchResult {
        match(
            profile, nearMissThreadsFrom: NearMissReasoner.parallelThreshold,
            hitThreadsFrom: Self.parallelHitsThreshold)
    }

    /// ``match(_:)``, evaluating rule leaves and reasoning about near-misses on two threads from
    /// `nearMissThreadsFrom` alterations, and writing the reported hits' alterations and
    /// explanations on two threads from `hitThreadsFrom` leaf hits (tests compare both ways).
    func match(_ profile: TumourProfile, nearMissThreadsFrom threshold: Int, hitThreadsFrom hitThreshold: Int)
        -> MatchResult
    {
        let view = ProfileView(profile: profile)
        let evaluator = CriterionEvaluator(view: view, hotspots: ruleSet.hotspots)
        let writer = ExplanationWriter(tumourType: profile.tumourType, oncoTree: oncoTree)
        let candidates = candidateRules(for: view)
        // A large profile's leaves are worked out on two threads first (cached for the rules).
        if view.alterations.count >= max(threshold, 2) {
            evaluator.precomputeLeaves(of: candidates.map(\.biomarker))
        }
        let outcomes = candidates.map { rule in
            RuleOutcome(
                rule: rule, position: positions[rule.id] ?? 0, evaluation: evaluator.evaluate(rule.biomarker),
                fit: TumourTypeFit(
                    tumourType: profile.tumourType, selector: rule.tumourTypes, oncoTree: oncoTree))
        }
        let (reportable, withheld) = classify(
            outcomes, view: view, writer: writer, threadsFrom: hitThreshold)
        let matchedIDs = Set(reportable.flatMap { $0.outcome.evaluation.hits.compactMap(\.alterationID) })
        // The therapies are merged on another thread while the near-miss reasoning sets out
        // (its summaries of the withheld hits are serial): neither needs the other.
        let merged = Mutex<[MatchedTherapy]>([])
        let mergeDone = DispatchGroup()
        if view.alterations.count >= max(threshold, 2) {
            DispatchQueue.global().async(group: mergeDone) { [self] in
                let matches = Self.flagConflicts(merge(reportable))
                merged.withLock { $0 = matches }
            }
        } else {
            merged.withLock { $0 = Self.flagConflicts(merge(reportable)) }
        }
        let nearMisses = NearMissReasoner(
            view: view, evaluator: evaluator, outcomes: outcomes, withheld: withheld, matchedIDs: matchedIDs,
            mentionedGenes: ruleSet.mentionedGenes, hotspots: ruleSet.hotspots
        ).findings(twoThreadsFrom: threshold)
        mergeDone.wait()
        let matches = merged.withLock { $0 }
        let warnings = warnings(
            view: view, evaluator: evaluator, outcomes: outcomes, matches: matches)
        return MatchResult(
            sampleName: profile.sampleName, tumourType: profile.tumourType, matches: matches,
            nearMisses: nearMisses, warnings: warnings,
            germlineFindings: HereditaryCancerGenes.findings(in: view))
    }

    /// Rules indexed under the sample's genes, plus biomarker and wild-type rules, each once, in
    /// set order.
    private func candidateRules(for view: ProfileView) -> [Rule] {
        var byID: [String: Rule] = [:]
        for rule in ruleSet.candidateRules(forGenes: view.genes) { byID[rule.id] = rule }
        for rule in ruleSet.biomarkerRules { byID[rule.id] = rule }
        for rule in ruleSet.wildTypeRules { byID[rule.id] = rule }
        return byID.values.sorted { (positions[$0.id] ?? 0, $0.id) < (positions[$1.id] ?? 0, $1.id) }
    }

    /// Decides, for each rule that holds, whether it is reported (and at which tier) or withheld
    /// for the tumour type.
    private func classify(
        _ outcomes: [RuleOutcome], view: ProfileView, writer: ExplanationWriter, threadsFrom threshold: Int
    ) -> (reportable: [ReportableHit], withheld: [WithheldHit]) {
        let holding = outcomes.filter(\.holds)
        // Off-label sensitivity is not suggested for a therapy option that a holding rule
        // explicitly excludes here, or that on-label evidence says does not work here.
        var vetoes: [String: String] = [:]
        for outcome in holding {
            let reason: String
            switch outcome.fit {
            case .excluded(let code): reason = "\(outcome.rule.id) excludes \(code)"
            case .onLabel where outcome.rule.effect != .sensitivity:
                reason = "\(outcome.rule.id) predicts \(outcome.rule.effect.rawValue) here"
            default: continue
            }
            for option in outcome.rule.therapies where vetoes[option.description] == nil {
                vetoes[option.description] = reason
            }
        }
        // Options offered on-label for sensitivity here; an off-label rule naming them only adds support.
        let onLabelOptions = Set(
            holding.filter { $0.fit == .onLabel && $0.rule.effect == .sensitivity }
                .flatMap { $0.rule.therapies.map(\.description) })
        // What is decided for each reported hit; its alterations and explanation (most of the
        // work with many matched alterations) are written afterwards, hits in parallel.
        var decided: [DecidedHit] = []
        var withheld: [WithheldHit] = []
        for outcome in holding {
            let rule = outcome.rule
            var therapies = rule.therapies
            var caveats = ListText.unique(outcome.evaluation.hits.flatMap(\.caveats))
            let tier: AMPTier
            var escat = rule.evidence.escat
            switch outcome.fit {
            case .onLabel:
                tier = AMPTier(onLabel: rule.evidence.ampLevel)
            case .excluded(let code):
                withheld.append(
                    WithheldHit(
                        outcome: outcome,
                        reason: "\(code) is excluded by \(rule.id) (\(rule.tumourTypes)); "
                            + "\(ListText.joined(rule.therapies.map(\.description))) not suggested",
                        isExplicitExclusion: true))
                continue
            case .offLabel:
                // The absence of alterations (wild type) is evidence only where the rule applies.
                guard outcome.evaluation.hits.contains(where: { $0.level != .wildType }) else { continue }
                // Evidence does not cross between haematological malignancies and solid tumours.
                if let domain = Self.malignancyDomain(of: rule.tumourTypes, oncoTree: oncoTree),
                    domain != oncoTree.isHaematological(view.profile.tumourType)
                {
                    withheld.append(
                        WithheldHit(
                            outcome: outcome,
                            reason:
                                "evidence in \(domain ? "haematological malignancies" : "solid tumours") only "
                                + "(\(rule.id): \(rule.tumourTypes)), not extrapolated to this tumour type",
                            isExplicitExclusion: false))
                    continue
                }
                guard rule.effect == .sensitivity, rule.evidence.ampLevel <= .b else {
                    let what = rule.effect == .sensitivity ? "evidence" : "\(rule.effect.rawValue) evidence"
                    withheld.append(
                        WithheldHit(
                            outcome: outcome,
                            reason: "\(what) in \(rule.tumourTypes) only (\(rule.id), AMP level "
                                + "\(rule.evidence.ampLevel.rawValue); not reported off-label)",
                            isExplicitExclusion: false))
                    continue
                }
                let blocked = therapies.filter { vetoes[$0.description] != nil }
                therapies.removeAll { vetoes[$0.description] != nil }
                var blockedText = blocked.map { "\($0) (\(vetoes[$0.description]!))" }
                // A combination regimen is approved with its partner drugs and setting in its own
                // tumour type (e.g. an anti-androgen in prostate cancer, an anti-EGFR antibody in
                // colorectal cancer); only single agents are suggested in other tumour types.
                let isExtrapolatedCombination = { (option: TherapyOption) in
                    option.drugs.count > 1 && !onLabelOptions.contains(option.description)
                }
                let combinations = therapies.filter(isExtrapolatedCombination)
                therapies.removeAll(where: isExtrapolatedCombination)
                if !combinations.isEmpty {
                    blockedText.append(
                        "\(ListText.joined(combinations.map(\.description))) (combination regimens are "
                            + "not extrapolated beyond \(rule.tumourTypes))")
                }
                guard !therapies.isEmpty else {
                    withheld.append(
                        WithheldHit(
                            outcome: outcome,
                            reason: "off-label use withheld: \(blockedText.joined(separator: "; "))",
                            isExplicitExclusion: !blocked.isEmpty))
                    continue
                }
                if !blockedText.isEmpty {
                    caveats.append("Off-label \(ListText.joined(blockedText)) withheld.")
                }
                tier = .iiC
                escat = escat.map { $0 <= .iiB ? .iiiA : $0 }
            }
            decided.append(
                DecidedHit(outcome: outcome, therapies: therapies, tier: tier, escat: escat, caveats: caveats)
            )
        }
        let hits = Mutex([ReportableHit?](repeating: nil, count: decided.count))
        let decidedHits = decided
        let write = { @Sendable (index: Int) in
            let decided = decidedHits[index]
            let alterations = Self.matchedAlterations(decided.outcome.evaluation.hits, view: view)
            let hit = ReportableHit(
                outcome: decided.outcome, therapies: decided.therapies, tier: decided.tier,
                escat: decided.escat,
                matchedAlterations: alterations,
                level: decided.outcome.evaluation.hits.map(\.level).min() ?? .biomarker,
                explanation: writer.explain(
                    outcome: decided.outcome, alterations: alterations.map(\.alteration), tier: decided.tier,
                    caveats: decided.caveats),
                caveats: decided.caveats)
            hits.withLock { $0[index] = hit }
        }
        // Worth a thread only when there is much to write (hundreds of matched alterations).
        if decided.reduce(0, { $0 + $1.outcome.evaluation.hits.count }) >= threshold {
            DispatchQueue.concurrentPerform(iterations: decided.count, execute: write)
        } else {
            for index in decided.indices { write(index) }
        }
        return (hits.withLock { $0.map { $0! } }, withheld)
    }

    /// From how many leaf hits (over all reported rules) their alterations and explanations are
    /// written on two threads.
    static let parallelHitsThreshold = 256

    /// A reported hit as decided (options, tier, caveats), before its alterations and
    /// explanation are written.
    private struct DecidedHit: Sendable {
        var outcome: RuleOutcome
        var therapies: [TherapyOption]
        var tier: AMPTier
        var escat: ESCATTier?
        var caveats: [String]
    }

    /// One entry per alteration among the hits: its most specific level, and the transcript it
    /// matched on (the principal one preferred) with the gene of the hit that gave it; in content
    /// order, each with its content key (``AlterationText/sortKey(_:)``).
    static func matchedAlterations(_ hits: [LeafHit], view: ProfileView)
        -> [(alteration: MatchedAlteration, sortKey: String)]
    {
        var byID: [Int: MatchedAlteration] = [:]
        for hit in hits {
            guard let id = hit.alterationID else { continue }
            let alteration = view.alterations[id]
            guard var current = byID[id] else {
                byID[id] = MatchedAlteration(
                    alteration: alteration, transcriptIndex: hit.transcriptIndex, level: hit.level,
                    gene: hit.gene)
                continue
            }
            current.level = min(current.level, hit.level)
            if let index = hit.transcriptIndex,
                current.transcriptIndex == nil
                    || (index == alteration.principalTranscriptIndex && !current.isPrincipalTranscript)
            {
                current.transcriptIndex = index
                if let gene = hit.gene { current.gene = gene }
            }
            byID[id] = current
        }
        return byID.values.map { (alteration: $0, sortKey: AlterationText.sortKey($0.alteration)) }
            .sorted { $0.sortKey < $1.sortKey }
    }

    /// Adds to each sensitivity match a caveat, also said in its explanation, for every reported
    /// resistance or reduced-sensitivity match naming one of its therapy options (EGFR T790M
    /// beside an exon 19 deletion and first-generation inhibitors; BRAF V600E beside RAS wild type
    /// and anti-EGFR antibodies). Both stay listed: resistance is never hidden, and the reader
    /// sees the two side by side.
    static func flagConflicts(_ matches: [MatchedTherapy]) -> [MatchedTherapy] {
        let opposing = matches.filter { $0.effect != .sensitivity }
        guard !opposing.isEmpty else { return matches }
        return matches.map { match in
            guard match.effect == .sensitivity else { return match }
            var flagged = match
            let options = Set(match.therapies.map(\.description))
            for other in opposing {
                let shared = other.therapies.map(\.description).filter(options.contains)
                guard !shared.isEmpty else { continue }
                let found =
                    other.alterations.isEmpty
                    ? other.biomarkerFindings
                    : other.alterations.map {
                        AlterationText.label($0.alteration, gene: $0.gene, transcript: $0.transcript)
                    }
                let effect = other.effect == .resistance ? "resistance" : "reduced sensitivity"
                let text =
                    "Conflicting evidence in this tumour: \(ListText.joined(found, conjunction: "and")) predicts "
                    + "\(effect) to \(ListText.joined(shared, conjunction: "and")) (\(other.rule.id))."
                flagged.caveats.append(text)
                flagged.explanation += " " + text
                flagged.conflictingRuleIDs.append(other.rule.id)
            }
            return flagged
        }
    }

    /// `true` when a rule's tumour types are all haematological, `false` when all solid, `nil` when
    /// mixed or any.
    static func malignancyDomain(of selector: TumourTypeSelector, oncoTree: OncoTree) -> Bool? {
        switch selector.bucket {
        case .allHaematological?: return selector.include.allSatisfy(oncoTree.isHaematological) ? true : nil
        case .allSolid?: return selector.include.allSatisfy { !oncoTree.isHaematological($0) } ? false : nil
        case .any?: return nil
        case nil: break
        }
        guard let first = selector.include.first else { return nil }
        let haematological = oncoTree.isHaematological(first)
        return selector.include.allSatisfy { oncoTree.isHaematological($0) == haematological }
            ? haematological : nil
    }

    /// Merges hits with the same effect whose therapy options are the same as (or among) those of
    /// a better-ranked hit; the best hit gives the tier.
    private func merge(_ reportable: [ReportableHit]) -> [MatchedTherapy] {
        var groups: [[ReportableHit]] = []
        for hit in reportable.sorted(by: ReportableHit.precedes) {
            let options = hit.therapies.map(\.description)
            if let index = groups.firstIndex(where: { group in
                group[0].rule.effect == hit.rule.effect
                    && Set(group[0].therapies.map(\.description)).isSuperset(of: options)
            }) {
                groups[index].append(hit)
            } else {
                groups.append([hit])
            }
        }
        return groups.map { group in
            let primary = group[0]
            var alterations: [String: MatchedAlteration] = [:]
            for hit in group {
                for (matched, key) in zip(hit.matchedAlterations, hit.sortKeys) {
                    if let existing = alterations[key], existing.level <= matched.level { continue }
                    alterations[key] = matched
                }
            }
            var explanation = primary.explanation
            if group.count > 1 {
                let others = group.dropFirst().map { hit in
                    "\(hit.rule.id) (\(hit.isOnLabel ? "on-label" : "off-label"), tier \(hit.tier.rawValue))"
                }
                explanation += " Also supported by \(ListText.joined(others, conjunction: "and"))."
            }
            var therapy = MatchedTherapy(
                rule: primary.rule, supportingRules: group.map(\.rule), therapies: primary.therapies,
                alterations: alterations.sorted { $0.key < $1.key }.map(\.value), tier: primary.tier,
                escat: primary.escat, isOnLabel: primary.isOnLabel, level: primary.level,
                explanation: explanation, caveats: ListText.unique(group.flatMap(\.caveats)))
            // A wild-type hit is named by what it requires; a biomarker hit by what was observed.
            therapy.biomarkerFindings = ListText.unique(
                primary.outcome.evaluation.hits.filter { $0.alterationID == nil }.map { hit in
                    hit.level == .wildType ? hit.requirement : (hit.observation ?? hit.requirement)
                })
            return therapy
        }
    }

    private func warnings(
        view: ProfileView, evaluator: CriterionEvaluator, outcomes: [RuleOutcome], matches: [MatchedTherapy]
    ) -> [String] {
        let profile = view.profile
        var warnings: [String] = []
        if !view.isAnnotated && evaluator.skippedProteinLevelCriteria {
            warnings.append(
                "protein-level rules not evaluated: the input has no CSQ/ANN annotation (only exact-allele, "
                    + "copy-number, fusion and biomarker criteria could match)")
        }
        if evaluator.comparedAllelesAcrossBuilds {
            warnings.append(
                "genome build unknown: exact-allele criteria were compared with both GRCh37 and GRCh38 "
                    + "coordinates; state the build to avoid ambiguity")
        }
        if oncoTree.node(profile.tumourType) == nil {
            warnings.append(
                "tumour type \(profile.tumourType) is not an OncoTree code: no rule can be on-label except "
                    + "those for any tumour type")
        }
        if matches.contains(where: { $0.caveats.contains { $0.hasPrefix("Origin unknown") } }) {
            warnings.append(
                "tumour-only input: variant origin (somatic or germline) is unknown; rules that require a "
                    + "germline or somatic variant were matched with a caveat and need confirmation")
        }
        let kinds = Set(outcomes.flatMap { $0.rule.biomarker.positiveBiomarkerKinds })
        if kinds.contains(.tmb) {
            if let burden = profile.tumourMutationalBurden {
                for caution in burden.cautions { warnings.append("TMB caveat: \(caution.explanation)") }
            } else {
                let reason =
                    profile.annotationSource == .none
                    ? "the input has no CSQ/ANN annotation to tell coding variants"
                    : "no count was available"
                warnings.append("TMB not computed (\(reason)): TMB rules were not evaluated")
            }
        }
        let onLabel = outcomes.filter { $0.fit == .onLabel }
        let onLabelKinds = Set(onLabel.flatMap { $0.rule.biomarker.positiveBiomarkerKinds })
        if profile.msi == .unknown && !onLabelKinds.isDisjoint(with: [.msi, .mmr]) {
            warnings.append(
                "MSI status not given: MSI-high rules were evaluated on their genomic criteria only")
        }
        if profile.hrd == .unknown && onLabelKinds.contains(.hrd) {
            warnings.append("HRD status not given: HRD rules were not evaluated")
        }
        return warnings
    }
}
