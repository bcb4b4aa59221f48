import Dispatch
import OncoDomain
import OncoRules
import Synchronization

/// Builds one near-miss per alteration (in a gene the rules mention) that contributed to no
/// match, with a concrete reason from the criteria tried; and one per matched alteration that a
/// rule explicitly excludes for this tumour type or that meets part of an on-label rule that does
/// not hold.
///
/// Reasons, closest miss first: the rule held but the tumour type kept it back (with any FILTER
/// or qualifier shortfall of the rules that did not hold); part of a
/// combined rule held; FILTER; qualifiers (origin, VAF, depth, zygosity); missing annotation;
/// otherwise what the alteration is and what the rules need. Alterations annotated as non-coding
/// on every transcript of their genes (intronic, UTR…) are not listed, nor are copy-number LOH
/// events of genes no rule asks LOH of (LOH spans many genes and matters as a second hit).
///
/// Everything that depends only on the rules and genes (candidate rules, their leaves, results
/// and requirement texts) is worked out once per match and per gene set
/// (``NearMissGenePlan``), reusing the main pass's leaf results; the work per alteration is then
/// a few set and dictionary look-ups.
struct NearMissReasoner {
    let view: ProfileView
    let evaluator: CriterionEvaluator
    let outcomes: [RuleOutcome]
    let withheld: [WithheldHit]
    let matchedIDs: Set<Int>
    let mentionedGenes: Set<String>
    let hotspots: [String: [CodonPosition]]

    /// Each outcome's positive alteration leaves.
    private let leavesByOutcome: [[Criterion]]
    /// (outcome, leaf) positions of the leaves naming each gene, in outcome then leaf order.
    private let leafReferencesByGene: [String: [(outcome: Int, leaf: Int)]]
    /// Each outcome's `wild_type` genes outside `not`.
    private let wildTypeGenesByOutcome: [[String]]
    /// Genes some candidate rule asks LOH of (`copy_number: { state: loh }`).
    private let lohGenes: Set<String>
    /// What the withheld hits naming each alteration say (alterations often share the same hits).
    private let withheldByAlteration: [Int: WithheldSummary]
    /// Rule positions in the set, for ordering rule ids.
    private let rulePositions: [String: Int]

    init(
        view: ProfileView, evaluator: CriterionEvaluator, outcomes: [RuleOutcome], withheld: [WithheldHit],
        matchedIDs: Set<Int>, mentionedGenes: Set<String>, hotspots: [String: [CodonPosition]]
    ) {
        self.view = view
        self.evaluator = evaluator
        self.outcomes = outcomes
        self.withheld = withheld
        self.matchedIDs = matchedIDs
        self.mentionedGenes = mentionedGenes
        self.hotspots = hotspots
        var leavesByOutcome: [[Criterion]] = []
        var references: [String: [(outcome: Int, leaf: Int)]] = [:]
        var wildTypeGenesByOutcome: [[String]] = []
        var lohGenes: Set<String> = []
        leavesByOutcome.reserveCapacity(outcomes.count)
        wildTypeGenesByOutcome.reserveCapacity(outcomes.count)
        for (outcomeIndex, outcome) in outcomes.enumerated() {
            let biomarker = outcome.rule.biomarker
            let leaves = CriterionLeaves.positiveAlterationLeaves(biomarker)
            for (leafIndex, leaf) in leaves.enumerated() {
                for gene in leaf.positiveGenes {
                    references[gene, default: []].append((outcomeIndex, leafIndex))
                }
            }
            leavesByOutcome.append(leaves)
            wildTypeGenesByOutcome.append(CriterionLeaves.wildTypeGenes(biomarker))
            Self.collectLOHGenes(biomarker, into: &lohGenes)
        }
        let rulePositions = Dictionary(outcomes.map { ($0.rule.id, $0.position) }, uniquingKeysWith: min)
        // Indexes into `withheld` of the hits naming each alteration, in order; then one summary
        // per distinct list.
        var withheldIndexes: [Int: [Int]] = [:]
        for (index, hit) in withheld.enumerated() {
            for case let id? in hit.outcome.evaluation.hits.map(\.alterationID)
            where withheldIndexes[id]?.last != index {
                withheldIndexes[id, default: []].append(index)
            }
        }
        var summaries: [[Int]: WithheldSummary] = [:]
        var withheldByAlteration: [Int: WithheldSummary] = [:]
        for (id, indexes) in withheldIndexes {
            if summaries[indexes] == nil {
                summaries[indexes] = WithheldSummary(
                    indexes.map { withheld[$0] }, rulePositions: rulePositions)
            }
            withheldByAlteration[id] = summaries[indexes]
        }
        self.leavesByOutcome = leavesByOutcome
        leafReferencesByGene = references
        self.wildTypeGenesByOutcome = wildTypeGenesByOutcome
        self.lohGenes = lohGenes
        self.withheldByAlteration = withheldByAlteration
        self.rulePositions = rulePositions
    }

    /// The reasons and rule ids of the withheld hits naming an alteration: all of them, and the
    /// explicit exclusions only (shown even for a matched alteration).
    private struct WithheldSummary {
        var reason: String
        var ruleIDs: [String]
        /// `nil` when no hit is an explicit exclusion.
        var explicitReason: String?
        var explicitRuleIDs: [String]

        /// - Parameter hits: not empty.
        init(_ hits: [WithheldHit], rulePositions: [String: Int]) {
            reason = NearMissReasoner.joinedReasons(hits.map(\.reason))
            ruleIDs = NearMissReasoner.sortedRuleIDs(hits.map(\.outcome.rule.id), positions: rulePositions)
            let explicit = hits.filter(\.isExplicitExclusion)
            explicitReason = explicit.isEmpty ? nil : NearMissReasoner.joinedReasons(explicit.map(\.reason))
            explicitRuleIDs = NearMissReasoner.sortedRuleIDs(
                explicit.map(\.outcome.rule.id), positions: rulePositions)
        }
    }

    /// From how many alterations the findings are worked out on two threads (each half of the
    /// alterations with its own plans); below it, the thread costs more than it saves.
    static let parallelThreshold = 2_048

    /// The near-misses, sorted by gene, label, reason, then the alteration's content
    /// (``AlterationText/sortKey(_:)``), then the alteration's position in the profile.
    ///
    /// With many alterations (``parallelThreshold``) they are reasoned about on two threads:
    /// each alteration's finding depends only on the shared, read-only rule outcomes and on the
    /// evaluator's cached leaf results. The alterations are cut into ``chunkCount`` runs; one
    /// thread takes runs from the front, the other from the back, until they meet (so each ends
    /// with a contiguous share, however unevenly the findings cost: halves by count left one
    /// thread waiting ~6 ms on the 1M-record benchmark). Each share is sorted by text on its
    /// thread and the two are merged; ties are ordered by content: the result is the same
    /// whichever way it was computed. On the 1M-record benchmark (8,491 near-misses) this is
    /// three fifths of the matcher's work.
    ///
    /// Findings are only ever moved from list to list — appended to their share as made, swapped
    /// into sorted order, taken off the shares' ends by the merge — never copied: joining, merging
    /// and releasing copies took about a third of this step's time when a finding still held its
    /// alteration in place (see ``NearMissFinding``).
    func findings(twoThreadsFrom threshold: Int = parallelThreshold) -> [NearMissFinding] {
        let count = view.alterations.count
        var findings: [NearMissFinding]
        if count >= max(threshold, 2) {
            let chunkSize = (count + Self.chunkCount - 1) / Self.chunkCount
            let chunks = (0..<Self.chunkCount).map { chunk in
                min(count, chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
            }
            // The runs not taken yet: `front..<back`.
            let unclaimed = Mutex((front: 0, back: chunks.count))
            let shares = Mutex([Share(), Share()])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                var share = Share()
                var scratch = Scratch(alterations: AlterationList(view.alterations))
                while true {
                    let chunk = unclaimed.withLock { runs -> Int? in
                        guard runs.front < runs.back else { return nil }
                        if side == 0 {
                            runs.front += 1
                            return runs.front - 1
                        }
                        runs.back -= 1
                        return runs.back
                    }
                    guard let chunk else { break }
                    self.appendFindings(of: chunks[chunk], to: &share, scratch: &scratch)
                }
                share.sortByText()
                shares.withLock { swap(&$0[side], &share) }
            }
            // Moved out of the lock (not copied: the merge then changes arrays nobody shares).
            var taken: [Share] = []
            shares.withLock { swap(&$0, &taken) }
            var second = taken.removeLast()
            var first = taken.removeLast()
            findings = Share.merged(&first, &second)
        } else {
            var share = Share()
            var scratch = Scratch(alterations: AlterationList(view.alterations))
            appendFindings(of: 0..<count, to: &share, scratch: &scratch)
            share.sortByText()
            findings = share.findings
        }
        Self.orderTiesByContent(&findings)
        return findings
    }

    /// The runs the alterations are cut into when two threads share them.
    static let chunkCount = 32

    /// Appends the findings of the alterations `ids` to `share`, in id order.
    /// `scratch`: the calling thread's plans and caches, kept from run to run.
    private func appendFindings(of ids: Range<Int>, to share: inout Share, scratch: inout Scratch) {
        // Alterations passed in place from the buffer (an array element argument was copied).
        view.alterations.withUnsafeBufferPointer { alterations in
            for id in ids {
                if let finding = finding(id: id, alteration: alterations[id], scratch: &scratch) {
                    share.findings.append(finding)
                    share.ids.append(id)
                }
            }
        }
    }

    /// The findings one thread worked out, each with its alteration's id (their order in the
    /// profile, which breaks ties on text as one thread's stable sort would).
    private struct Share {
        var findings: [NearMissFinding] = []
        var ids: [Int] = []

        /// Sorts the findings by gene, label and reason, then id. The order is worked out on
        /// indexes (no copies per comparison); the findings are then swapped into place.
        mutating func sortByText() {
            var order = Array(findings.indices)
            findings.withUnsafeBufferPointer { findings in
                ids.withUnsafeBufferPointer { ids in
                    order.sort { left, right in
                        let comparison = NearMissReasoner.compareByText(findings[left], findings[right])
                        return comparison != 0 ? comparison < 0 : ids[left] < ids[right]
                    }
                }
            }
            NearMissReasoner.permute(&findings, into: order)
            ids = order.map { ids[$0] }
        }

        /// Two shares sorted by ``sortByText()`` merged into one list in the same order, each
        /// finding taken off the end of its share (a move) and the list reversed at the end.
        static func merged(_ first: inout Share, _ second: inout Share) -> [NearMissFinding] {
            var merged: [NearMissFinding] = []
            merged.reserveCapacity(first.findings.count + second.findings.count)
            while let last = first.findings.indices.last, let otherLast = second.findings.indices.last {
                let comparison = NearMissReasoner.compareByText(
                    first.findings[last], second.findings[otherLast])
                let firstIsGreater =
                    comparison != 0 ? comparison > 0 : first.ids[last] > second.ids[otherLast]
                if firstIsGreater {
                    merged.append(first.findings.removeLast())
                    first.ids.removeLast()
                } else {
                    merged.append(second.findings.removeLast())
                    second.ids.removeLast()
                }
            }
            while let finding = first.findings.popLast() { merged.append(finding) }
            while let finding = second.findings.popLast() { merged.append(finding) }
            merged.reverse()
            return merged
        }
    }

    /// How `left` and `right` compare by gene, label and reason: negative, zero or positive.
    private static func compareByText(_ left: NearMissFinding, _ right: NearMissFinding) -> Int {
        if left.gene != right.gene { return left.gene < right.gene ? -1 : 1 }
        if left.label != right.label { return left.label < right.label ? -1 : 1 }
        if left.reason != right.reason { return left.reason < right.reason ? -1 : 1 }
        return 0
    }

    /// Orders each run of findings that tie on gene, label and reason by the alteration's content
    /// (``AlterationText/sortKey(_:)``), then position; keys are built only for such runs.
    private static func orderTiesByContent(_ findings: inout [NearMissFinding]) {
        func tie(_ left: Int, _ right: Int) -> Bool {
            findings[left].gene == findings[right].gene && findings[left].label == findings[right].label
                && findings[left].reason == findings[right].reason
        }
        var order = Array(findings.indices)
        var changed = false
        var start = 0
        while start < findings.count {
            var end = start + 1
            while end < findings.count && tie(start, end) { end += 1 }
            if end - start > 1 {
                let keys = (start..<end).map { (AlterationText.sortKey(findings[$0].alteration), $0) }
                order.replaceSubrange(start..<end, with: keys.sorted { $0 < $1 }.map(\.1))
                changed = true
            }
            start = end
        }
        if changed { permute(&findings, into: order) }
    }

    /// Puts the finding at `order[p]` at position `p`: follows each cycle of the permutation,
    /// swapping in the buffer (which moves the findings; the array's `swapAt` copied them).
    private static func permute(_ findings: inout [NearMissFinding], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        findings.withUnsafeMutableBufferPointer { buffer in
            for cycleStart in order.indices where !placed[cycleStart] {
                var current = cycleStart
                placed[current] = true
                while order[current] != cycleStart {
                    let next = order[current]
                    buffer.swapAt(current, next)
                    placed[next] = true
                    current = next
                }
            }
        }
    }

    /// One thread's plans and the results it reuses from alteration to alteration: alterations
    /// come sorted by position, so most share the previous one's genes, plan and reason.
    private struct Scratch {
        /// The profile's alterations, which this thread's findings refer to (one list per thread:
        /// the findings' references are counted on the thread that makes them).
        let alterations: AlterationList
        var plans: [[String]: NearMissGenePlan] = [:]
        var lastGenes: [String]?
        var lastPlan: NearMissGenePlan?
        /// The gene of the last alteration whose transcripts all name it, and its mentioned genes.
        var lastSingleGene: String?
        var lastSingleGeneMentioned: [String] = []
        /// The common reason (`CLASS; rules need …`) by plan and class phrase and whether the
        /// annotation has a protein change: one string shared by the near-misses that give it.
        var reasons: [ReasonKey: String] = [:]

        struct ReasonKey: Hashable {
            var plan: ObjectIdentifier
            var classPhrase: String
            var hasProteinChange: Bool
        }
    }

    private func finding(
        id: Int, alteration: Alteration, scratch: inout Scratch
    ) -> NearMissFinding? {
        let genes = mentionedGenes(of: alteration, scratch: &scratch)
        guard !genes.isEmpty else { return nil }
        let gene = genes.contains(alteration.gene) ? alteration.gene : genes[0]
        if alteration.kind == .smallVariant && view.isAnnotated && !alteration.transcripts.isEmpty
            // (By index: the closure of `allSatisfy` took each annotation by copy.)
            && alteration.transcripts.indices.allSatisfy({
                !genes.contains(alteration.transcripts[$0].gene)
                    || alteration.transcripts[$0].variantClass == .nonCoding
            })
        {
            return nil
        }
        if case .copyNumber(.lossOfHeterozygosity) = alteration.kind, !matchedIDs.contains(id),
            !lohGenes.contains(gene)
        {
            return nil
        }
        // Looked up once: label, class phrase and the protein-change test all use it.
        let annotationIndex = AlterationText.annotationIndex(of: alteration, gene: gene)
        let label = AlterationText.label(alteration, gene: gene, transcriptIndex: annotationIndex)
        let source = scratch.alterations
        func make(_ reason: String, _ ruleIDs: [String]) -> NearMissFinding {
            NearMissFinding(
                gene: gene, label: label, reason: reason, ruleIDs: ruleIDs, alterationAt: id, in: source)
        }
        let withheldHere = withheldByAlteration[id]
        func plan() -> NearMissGenePlan {
            if let lastPlan = scratch.lastPlan, scratch.lastGenes == genes { return lastPlan }
            let plan = scratch.plans[genes] ?? makePlan(genes: genes)
            scratch.plans[genes] = plan
            scratch.lastGenes = genes
            scratch.lastPlan = plan
            return plan
        }
        if matchedIDs.contains(id) {
            // A matched alteration is listed when a rule excludes this tumour type, or when it
            // meets part of an on-label sensitivity rule that does not hold (an option the board
            // should know was not reached, and why: a missing second criterion, or one that cannot
            // be told). A resistance rule not reached is no option lost: not listed.
            var reasons: [String] = []
            var ruleIDs: [String] = []
            if let withheldHere, let reason = withheldHere.explicitReason {
                reasons.append(reason)
                ruleIDs += withheldHere.explicitRuleIDs
            }
            let partial = partialMatches(id: id, plan: plan(), onLabelSensitivityOnly: true)
            reasons += partial.texts
            ruleIDs += partial.ruleIDs
            guard !reasons.isEmpty else { return nil }
            return make(reasons.joined(separator: "; "), sortedRuleIDs(ruleIDs))
        }
        let plan = plan()
        guard let withheldHere else {
            return leafReason(
                id: id, alteration: alteration, gene: gene, annotationIndex: annotationIndex, plan: plan,
                reasons: &scratch.reasons, make: make)
        }
        // Held but withheld here. When the other rules' criteria fell short only on FILTER or a
        // qualifier (a second hit, origin, VAF), that follows: it is what the board can act on
        // (MLH1 p.Q346* in colorectal cancer: one hit, no second hit for the dMMR rules).
        // Only rules that do not hold: a dMMR rule that holds on MSI-high needs no second MLH1 hit.
        let shortfalls = Shortfalls(id: id, plan: plan, rulesThatDoNotHoldOnly: true)
        let closest =
            shortfalls.filterFailure?.text.map { [$0] } ?? ListText.unique(shortfalls.qualifierTexts)
        guard !closest.isEmpty else { return make(withheldHere.reason, withheldHere.ruleIDs) }
        return make(
            ([withheldHere.reason] + closest).joined(separator: "; "),
            sortedRuleIDs(withheldHere.ruleIDs + plan.ruleIDs))
    }

    /// The rules that do not hold of which the alteration meets a leaf (on-label sensitivity ones
    /// only, when asked): `meets LEAF but RULE also needs PART` (the parts of an `all` that did not hold), or
    /// `… but RULE needs BIOMARKER`, with why it could not be told when that is why; rules that
    /// fall short the same way share one clause (`but A, B and C also need …`). Returns the
    /// clauses and the rules' ids.
    private func partialMatches(id: Int, plan: NearMissGenePlan, onLabelSensitivityOnly: Bool)
        -> (texts: [String], ruleIDs: [String])
    {
        // (what it meets, what is missing, whether the missing part is the whole biomarker) → rules.
        var clauses: [(meets: String, missing: String, isWhole: Bool, rules: [String])] = []
        var ruleIDs: [String] = []
        for entry in plan.entries where !entry.ruleHolds && entry.satisfiedIDs.contains(id) {
            let outcome = outcomes[entry.outcomeIndex]
            if onLabelSensitivityOnly && (outcome.fit != .onLabel || outcome.rule.effect != .sensitivity) {
                continue
            }
            // Of an `all`, the parts that did not hold (cached leaf results: cheap).
            var parts: [Criterion] = []
            if case .all(let children) = outcome.rule.biomarker {
                parts = children.filter { evaluator.evaluate($0).truth != .yes }
            }
            // A `not` part that failed is an alteration found: "needs no ERBB2 amplification".
            let partTexts = parts.map { part -> String in
                if case .not(let inner) = part { return "no \(inner)" }
                return part.description
            }
            var missing =
                parts.isEmpty ? outcome.rule.biomarker.description : partTexts.joined(separator: " and ")
            // Why it could not be told, when that is why it does not hold.
            if outcome.evaluation.truth == .unknown && !outcome.evaluation.unknownReasons.isEmpty {
                missing += " (\(outcome.evaluation.unknownReasons.joined(separator: "; ")))"
            }
            let meets = entry.leaf.description
            if let index = clauses.firstIndex(where: { $0.meets == meets && $0.missing == missing }) {
                if !clauses[index].rules.contains(outcome.rule.id) {
                    clauses[index].rules.append(outcome.rule.id)
                }
            } else {
                clauses.append((meets, missing, parts.isEmpty, [outcome.rule.id]))
            }
            ruleIDs.append(outcome.rule.id)
        }
        let texts = clauses.map { clause in
            let several = clause.rules.count > 1
            let verb = clause.isWhole ? (several ? "need" : "needs") : (several ? "also need" : "also needs")
            return "meets \(clause.meets) but \(ListText.joined(clause.rules, conjunction: "and")) \(verb) "
                + clause.missing
        }
        return (texts, ListText.unique(ruleIDs))
    }

    /// The alteration's genes that the rules mention, sorted, each once.
    private func mentionedGenes(of alteration: Alteration, scratch: inout Scratch) -> [String] {
        // The common case: a small variant whose transcripts all name its gene (or none), as the
        // previous alteration's did.
        let gene = alteration.gene
        var single = true
        if case .fusion = alteration.kind { single = false }
        for index in alteration.transcripts.indices where single {
            let transcriptGene = alteration.transcripts[index].gene
            if !transcriptGene.isEmpty && transcriptGene != gene { single = false }
        }
        if single {
            if scratch.lastSingleGene != gene {
                scratch.lastSingleGene = gene
                scratch.lastSingleGeneMentioned = mentionedGenes.contains(gene) ? [gene] : []
            }
            return scratch.lastSingleGeneMentioned
        }
        var genes: [String] = []
        func add(_ gene: String) {
            if mentionedGenes.contains(gene) && !genes.contains(gene) { genes.append(gene) }
        }
        add(alteration.gene)
        for index in alteration.transcripts.indices {
            let gene = alteration.transcripts[index].gene
            // Most transcripts are of the alteration's own gene, already considered.
            if !gene.isEmpty && gene != alteration.gene { add(gene) }
        }
        if case .fusion(let five, let three, _) = alteration.kind {
            add(five)
            add(three)
        }
        if genes.count > 1 { genes.sort() }
        return genes
    }

    private func makePlan(genes: [String]) -> NearMissGenePlan {
        var references: [(outcome: Int, leaf: Int)]
        if genes.count == 1 {
            references = leafReferencesByGene[genes[0]] ?? []
        } else {
            // A leaf naming two genes of the set (a fusion) counts once.
            var seen: Set<Int> = []
            references = []
            for gene in genes {
                for reference in leafReferencesByGene[gene] ?? []
                where seen.insert(reference.outcome << 16 | reference.leaf).inserted {
                    references.append(reference)
                }
            }
            references.sort { ($0.outcome, $0.leaf) < ($1.outcome, $1.leaf) }
        }
        return NearMissGenePlan(
            genes: genes, references: references, outcomes: outcomes, leavesByOutcome: leavesByOutcome,
            wildTypeGenesByOutcome: wildTypeGenesByOutcome, rulePositions: rulePositions,
            evaluator: evaluator,
            hotspots: hotspots)
    }

    private func leafReason(
        id: Int, alteration: Alteration, gene: String, annotationIndex: Int?,
        plan: NearMissGenePlan, reasons: inout [Scratch.ReasonKey: String],
        make: (String, [String]) -> NearMissFinding
    ) -> NearMissFinding? {
        let shortfalls = Shortfalls(id: id, plan: plan)
        let satisfiesSome = shortfalls.satisfiesSome
        let filterFailure = shortfalls.filterFailure
        let qualifierTexts = shortfalls.qualifierTexts
        let isUnannotated = shortfalls.isUnannotated
        let mismatchNotes = shortfalls.mismatchNotes
        var wildTypeRuleIDs: [String] = []
        for candidate in plan.wildTypeCandidates
        where candidate.genes.contains(where: { evaluator.breaksWildType(alteration, gene: $0) }) {
            wildTypeRuleIDs.append(outcomes[candidate.outcomeIndex].rule.id)
        }
        let wildTypeNote =
            wildTypeRuleIDs.isEmpty
            ? "" : "; it rules out the wild type that \(ListText.joined(wildTypeRuleIDs)) needs"
        let ruleIDs =
            wildTypeRuleIDs.isEmpty ? plan.sortedRuleIDs : sortedRuleIDs(plan.ruleIDs + wildTypeRuleIDs)
        if satisfiesSome {
            let partial = partialMatches(id: id, plan: plan, onLabelSensitivityOnly: false).texts
            if !partial.isEmpty { return make(partial.joined(separator: "; "), ruleIDs) }
        }
        if let filterFailure, let text = filterFailure.text { return make(text, ruleIDs) }
        let qualifiers = ListText.unique(qualifierTexts)
        if !qualifiers.isEmpty {
            return make(qualifiers.joined(separator: "; ") + wildTypeNote, ruleIDs)
        }
        let hasProteinChange =
            annotationIndex.map { alteration.transcripts[$0].proteinChange != nil } ?? false
        let needs: String
        if satisfiesSome {
            // Leaves of holding rules that it satisfies ask nothing more of it.
            needs = NearMissGenePlan.needs(
                plan.entries.lazy.filter { !$0.satisfiedIDs.contains(id) }, hasProteinChange: hasProteinChange
            )
        } else {
            needs = hasProteinChange ? plan.needsWithProteinChange : plan.needsWithoutProteinChange
        }
        if alteration.kind == .smallVariant && (!view.isAnnotated || isUnannotated) {
            return make(
                "not annotated (no CSQ/ANN): protein-level rules not evaluated; \(needs)" + wildTypeNote,
                ruleIDs)
        }
        let classPhrase = AlterationText.classPhrase(alteration, gene: gene, annotationIndex: annotationIndex)
        let notes = ListText.unique(mismatchNotes)
        // The most common reason, `CLASS; rules need …`, is built once per plan and class.
        if !satisfiesSome && notes.isEmpty && wildTypeNote.isEmpty {
            let key = Scratch.ReasonKey(
                plan: ObjectIdentifier(plan), classPhrase: classPhrase, hasProteinChange: hasProteinChange)
            if let reason = reasons[key] { return make(reason, ruleIDs) }
            let reason = classPhrase + "; " + needs
            reasons[key] = reason
            return make(reason, ruleIDs)
        }
        var reason = classPhrase
        reason += "; "
        reason += needs
        if !notes.isEmpty {
            reason += " ("
            reason += notes.joined(separator: "; ")
            reason += ")"
        }
        reason += wildTypeNote
        return make(reason, ruleIDs)
    }

    /// How an alteration fared against the leaves of a gene plan: whether it satisfies some, and
    /// why it failed the others, by kind.
    private struct Shortfalls {
        var satisfiesSome = false
        /// The closest FILTER failure.
        var filterFailure: LeafFailure?
        var qualifierTexts: [String] = []
        var isUnannotated = false
        var mismatchNotes: [String] = []

        init(id: Int, plan: NearMissGenePlan, rulesThatDoNotHoldOnly: Bool = false) {
            // Entries read in place, by index (iterating copied each, retaining all its fields).
            let entries = plan.entries
            for index in entries.indices where !(rulesThatDoNotHoldOnly && entries[index].ruleHolds) {
                if entries[index].satisfiedIDs.contains(id) {
                    satisfiesSome = true
                    continue
                }
                guard let failure = entries[index].result.failures[id] else { continue }
                switch failure.kind {
                case .filter:
                    if filterFailure.map({ failure < $0 }) ?? true { filterFailure = failure }
                case .qualifier:
                    if let text = failure.text { qualifierTexts.append(text) }
                case .unannotated:
                    isUnannotated = true
                case .mismatch:
                    if let text = failure.text { mismatchNotes.append(text) }
                }
            }
        }
    }

    /// Rule ids, each once, in rule-set order.
    private func sortedRuleIDs(_ ids: [String]) -> [String] {
        Self.sortedRuleIDs(ids, positions: rulePositions)
    }

    /// Rule ids, each once, in rule-set order (`positions`), then by id.
    static func sortedRuleIDs(_ ids: [String], positions: [String: Int]) -> [String] {
        // Each id's position looked up once (in the comparison, twice per comparison).
        ListText.unique(ids).map { (position: positions[$0] ?? 0, id: $0) }.sorted { $0 < $1 }.map(\.id)
    }

    /// Adds the genes of `copy_number: { state: loh }` criteria anywhere in `criterion`.
    private static func collectLOHGenes(_ criterion: Criterion, into genes: inout Set<String>) {
        switch criterion {
        case .copyNumber(let name, let state) where state == .loh: genes.insert(name)
        case .all(let children), .any(let children):
            for child in children { collectLOHGenes(child, into: &genes) }
        case .not(let child): collectLOHGenes(child, into: &genes)
        default: break
        }
    }

    /// Reasons joined with `; `, each clause once (several rules often withhold the same option).
    static func joinedReasons(_ reasons: [String]) -> String {
        var seen: Set<String> = []
        var clauses: [String] = []
        for reason in reasons {
            for clause in reason.components(separatedBy: "; ") where seen.insert(clause).inserted {
                clauses.append(clause)
            }
        }
        return clauses.joined(separator: "; ")
    }
}
