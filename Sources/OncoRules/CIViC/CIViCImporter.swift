import Foundation
import GenomicFormats
import OncoDomain

/// Turns CIViC (CC0) predictive clinical evidence summaries into rules of the OncoMatch rule
/// language. Accepts the current nightly layout (`molecular_profile`, `therapies`,
/// `therapy_interaction_type`, `significance`, `citation_id`, `source_type`, …) and the 2018
/// layout (`gene`, `variant`, `drugs`, `clinical_significance`, `pubmed_id`, …).
///
/// Mappings: levels A, B, C, D → AMP A, B, C, D and E (inferential) → AMP D; sources A guideline,
/// B phase-1-2, C case-report, D preclinical, E inferential. CIViC has no therapy category, so
/// imported rules use `other`. Every item left out is counted with its reason.
public struct CIViCImporter: Sendable {
    public var vocabulary: RuleVocabulary
    public var diseases: CIViCDiseaseMap

    public init(vocabulary: RuleVocabulary, diseases: CIViCDiseaseMap) {
        self.vocabulary = vocabulary
        self.diseases = diseases
    }

    /// The imported rules and what was left out.
    public struct Result: Sendable {
        public var rules: [Rule]
        public var report: CIViCImportReport
        /// The header written into the YAML.
        public var metadata: RuleSetMetadata

        /// The rules as a standalone rule file in the OncoMatch rule language.
        public var yaml: String {
            RuleSetYAMLWriter.yaml(
                metadata: metadata, rules: rules,
                comment: [
                    "Imported from CIViC (https://civicdb.org, CC0) by oncomatch rules import-civic.",
                    "Not curated: review before clinical use. Therapy categories are not in CIViC (all 'other').",
                ])
        }
    }

    /// Imports a ClinicalEvidenceSummaries TSV.
    ///
    /// - Throws: ``RuleLoadError`` when the header lacks the columns of either layout.
    ///
    /// With `variantSummaries` (CIViC's VariantSummaries TSV), an item about a single-nucleotide
    /// protein change whose variant has GRCh37 coordinates also gets an exact-allele criterion
    /// (`any` of the allele and the protein change), so unannotated GRCh37 VCFs can match it.
    public func importEvidence(
        tsv: String, file: String = "ClinicalEvidenceSummaries.tsv", variantSummaries: String? = nil
    ) throws -> Result {
        let table = CIViCTable(text: tsv)
        let alleles = variantSummaries.map(Self.grch37Alleles) ?? [:]
        let isCurrent = table.has("molecular_profile")
        let required =
            isCurrent
            ? [
                "molecular_profile", "disease", "doid", "therapies", "evidence_type", "evidence_direction",
                "evidence_level",
                "significance", "evidence_id",
            ]
            : [
                "gene", "variant", "disease", "doid", "drugs", "evidence_type", "evidence_direction",
                "evidence_level",
                "clinical_significance", "evidence_id",
            ]
        let missing = required.filter { !table.has($0) }
        guard missing.isEmpty else {
            throw RuleLoadError(diagnostics: [
                RuleDiagnostic(
                    file: file, line: 1, column: 1,
                    message:
                        "not a CIViC evidence summary: missing column(s) \(missing.joined(separator: ", "))")
            ])
        }
        let interpreter = CIViCProfileInterpreter(vocabulary: vocabulary)
        var candidates: [(rule: Rule, item: CIViCImportReport.SkippedItem)] = []
        var skipped: [CIViCImportReport.SkippedItem] = []
        var predictive = 0
        var latestReview = ""

        for row in table.rows {
            let value = { (column: String) in table.value(row, column) }
            guard value("evidence_type") == "Predictive" else { continue }
            predictive += 1
            let eid = value("evidence_id")
            let profile = isCurrent ? value("molecular_profile") : "\(value("gene")) \(value("variant"))"
            let disease = value("disease")
            let skip = { (reason: CIViCSkipReason, detail: String) in
                skipped.append(
                    .init(evidenceID: eid, profile: profile, disease: disease, reason: reason, detail: detail)
                )
            }
            if table.has("evidence_status"), value("evidence_status") != "accepted" {
                skip(.notAccepted, value("evidence_status"))
                continue
            }
            switch value("evidence_direction") {
            case "Supports": break
            case "Does Not Support":
                skip(.doesNotSupport, "")
                continue
            default:
                skip(.missingDirection, value("evidence_direction"))
                continue
            }
            let significance = value(isCurrent ? "significance" : "clinical_significance")
            guard let effect = Self.effect(significance) else {
                skip(.unsupportedSignificance, significance.isEmpty ? "(empty)" : significance)
                continue
            }
            guard let (level, source) = Self.level(value("evidence_level")) else {
                skip(.unsupportedLevel, value("evidence_level"))
                continue
            }
            let interaction =
                table.has("therapy_interaction_type")
                ? value("therapy_interaction_type") : value("drug_interaction_type")
            let therapies: [TherapyOption]
            switch Self.therapies(value(isCurrent ? "therapies" : "drugs"), interaction: interaction) {
            case .success(let options): therapies = options
            case .failure(let failure):
                skip(failure.reason, failure.detail)
                continue
            }
            guard let selector = diseases.entry(doid: value("doid"), name: disease)?.selector else {
                skip(.unmappedDisease, value("doid").isEmpty ? disease : "\(disease) (DOID:\(value("doid")))")
                continue
            }
            let qualifiers = AlterationQualifiers(origin: Self.origin(value("variant_origin")))
            let outcome =
                isCurrent
                ? interpreter.interpret(profile: profile, qualifiers: qualifiers)
                : interpreter.interpret(
                    gene: value("gene"), variant: value("variant"), qualifiers: qualifiers)
            var criterion: Criterion
            switch outcome {
            case .criterion(let value): criterion = value
            case .unsupported(let reason, let detail):
                skip(reason, detail)
                continue
            }
            if case .protein(let protein) = criterion, protein.changes.count == 1,
                protein.changes[0].kind == .missense, let allele = alleles[value("variant_id")]
            {
                criterion = .any([
                    .allele(
                        .init(gene: protein.gene, alleles: [.grch37: allele], qualifiers: protein.qualifiers)),
                    criterion,
                ])
            }
            var references: [Reference] = [.civic(eid: "EID\(eid)", aid: nil)]
            let citation = value(isCurrent ? "citation_id" : "pubmed_id")
            let sourceType = value("source_type")
            if !citation.isEmpty {
                if (sourceType.isEmpty || sourceType == "PubMed"),
                    citation.allSatisfy({ $0.isASCII && $0.isNumber })
                {
                    references.append(.pmid(citation))
                } else if !sourceType.isEmpty {
                    references.append(.other(text: "\(sourceType) \(citation)"))
                }
            }
            for nct in value("nct_ids").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where RuleParser.isNCT(nct) {
                references.append(.trial(name: nil, nct: nct))
            }
            let reviewDate = String(value("last_review_date").prefix(10))
            let reviewed = YAMLReader.isISODate(reviewDate) ? reviewDate : ""
            if reviewed > latestReview { latestReview = reviewed }
            let statement = value("evidence_statement")
            let rule = Rule(
                id: "civic-eid-\(eid)",
                title:
                    "\(profile) in \(disease): \(therapies.map(\.description).joined(separator: " | ")) (\(effect.rawValue))",
                reviewed: reviewed, biomarker: criterion, tumourTypes: selector, therapies: therapies,
                category: .other, effect: effect,
                evidence: Evidence(
                    ampLevel: level, source: source, references: references,
                    statement: statement.isEmpty ? "CIViC evidence item EID\(eid)." : statement))
            candidates.append(
                (
                    rule,
                    .init(
                        evidenceID: eid, profile: profile, disease: disease, reason: .conflictingEvidence,
                        detail: "")
                ))
        }

        let conflicting = Self.conflictingRuleIDs(candidates.map(\.rule))
        var rules: [Rule] = []
        let fallbackDate = latestReview.isEmpty ? "1970-01-01" : latestReview
        for (rule, item) in candidates {
            if let other = conflicting[rule.id] {
                var item = item
                item.detail = "\(item.profile) in \(item.disease), with EID \(other)"
                skipped.append(item)
            } else {
                var rule = rule
                if rule.reviewed.isEmpty { rule.reviewed = fallbackDate }
                rules.append(rule)
            }
        }
        let metadata = RuleSetMetadata(
            id: "civic-import", version: "civic-\(fallbackDate)", reviewed: fallbackDate,
            licence: "CC0 1.0: CIViC (civicdb.org) clinical evidence, imported without curation",
            description: "Predictive CIViC evidence items converted by oncomatch rules import-civic")
        let report = CIViCImportReport(
            totalRows: table.rows.count, predictive: predictive, imported: rules.count,
            skipped: skipped.sorted { (Int($0.evidenceID) ?? 0) < (Int($1.evidenceID) ?? 0) })
        return Result(rules: rules, report: report, metadata: metadata)
    }

    static func effect(_ significance: String) -> Effect? {
        switch significance {
        case "Sensitivity", "Sensitivity/Response", "Response": .sensitivity
        case "Resistance", "Resistance or Non-Response": .resistance
        case "Reduced Sensitivity": .reducedSensitivity
        default: nil
        }
    }

    static func level(_ level: String) -> (AMPLevel, EvidenceSource)? {
        switch level {
        case "A": (.a, .guideline)
        case "B": (.b, .phase1To2)
        case "C": (.c, .caseReport)
        case "D": (.d, .preclinical)
        case "E": (.d, .inferential)
        default: nil
        }
    }

    static func origin(_ text: String) -> AlterationQualifiers.Origin {
        let lower = text.lowercased()
        if lower.hasPrefix("somatic") { return .somatic }
        if lower.hasPrefix("germline") || lower.hasPrefix("rare germline")
            || lower.hasPrefix("common germline")
        {
            return .germline
        }
        return .any
    }

    struct TherapyFailure: Error {
        var reason: CIViCSkipReason
        var detail: String
    }

    static func therapies(_ text: String, interaction: String)
        -> Swift.Result<[TherapyOption], TherapyFailure>
    {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else { return .failure(.init(reason: .noTherapy, detail: "")) }
        if names.contains(where: { $0.contains("+") || $0.contains("\"") }) {
            return .failure(.init(reason: .ambiguousTherapies, detail: text))
        }
        if names.count == 1 { return .success([TherapyOption(drugs: names)]) }
        switch interaction {
        case "Combination": return .success([TherapyOption(drugs: names)])
        case "Substitutes": return .success(names.map { TherapyOption(drugs: [$0]) })
        case "":
            return .failure(
                .init(reason: .ambiguousTherapies, detail: "several therapies, no interaction type"))
        default: return .failure(.init(reason: .ambiguousTherapies, detail: "\(interaction) interaction"))
        }
    }

    /// Rule id → the id of a rule that contradicts it (same biomarker and tumour types, a shared
    /// therapy, contradicting effects) and wins or ties: of each contradicting pair the side with
    /// the weaker AMP level is left out, and both sides when the levels are equal.
    static func conflictingRuleIDs(_ rules: [Rule]) -> [String: String] {
        struct Scope: Hashable {
            var biomarker: Criterion
            var tumourTypes: TumourTypeSelector
        }
        var byScope: [Scope: [Rule]] = [:]
        for rule in rules {
            byScope[Scope(biomarker: rule.biomarker, tumourTypes: rule.tumourTypes), default: []].append(rule)
        }
        var result: [String: String] = [:]
        let number = { (rule: Rule) in rule.id.replacingOccurrences(of: "civic-eid-", with: "") }
        for group in byScope.values where group.count > 1 {
            for (index, rule) in group.enumerated() {
                for other in group[(index + 1)...]
                where rule.effect.contradicts(other.effect)
                    && rule.therapies.contains(where: other.therapies.contains)
                {
                    if rule.evidence.ampLevel >= other.evidence.ampLevel, result[rule.id] == nil {
                        result[rule.id] = number(other)
                    }
                    if other.evidence.ampLevel >= rule.evidence.ampLevel, result[other.id] == nil {
                        result[other.id] = number(rule)
                    }
                }
            }
        }
        return result
    }

    /// GRCh37 single-nucleotide alleles of CIViC variants, by `variant_id`, from a VariantSummaries TSV.
    static func grch37Alleles(_ tsv: String) -> [String: GenomicAllele] {
        let table = CIViCTable(text: tsv)
        var alleles: [String: GenomicAllele] = [:]
        for row in table.rows {
            let value = { (column: String) in table.value(row, column) }
            guard value("reference_build") == "GRCh37", value("chromosome2").isEmpty,
                let start = Int(value("start")), value("start") == value("stop"),
                value("reference_bases").count == 1, value("variant_bases").count == 1,
                let allele = GenomicAllele(
                    parsing:
                        "\(value("chromosome")):\(start):\(value("reference_bases")):\(value("variant_bases"))"
                )
            else { continue }
            alleles[value("variant_id")] = allele
        }
        return alleles
    }
}
