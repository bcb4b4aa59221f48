import GenomicFormats
import OncoDomain
import Yams

/// Reads criteria (the matching ladder) strictly.
struct CriterionParser {
    let reader: YAMLReader
    let vocabulary: RuleVocabulary

    static let criterionKeys = [
        "allele", "protein", "codon", "range", "exon", "gene", "copy_number", "fusion", "tmb", "msi", "mmr",
        "hrd",
        "wild_type", "all", "any", "not",
    ]
    static let qualifierKeys = ["origin", "zygosity", "min_vaf", "min_depth", "filter"]

    func criterion(_ node: Node) -> Criterion? {
        guard case .mapping(let mapping) = node else {
            reader.report(node, "a criterion must be a mapping with one criterion key")
            return nil
        }
        guard mapping.count == 1, let (keyNode, value) = mapping.first else {
            let found = mapping.compactMap { $0.key.scalar?.string }
            let detail = found.isEmpty ? "found none" : "found \(found.joined(separator: ", "))"
            reader.report(node, "a criterion needs exactly one criterion key (\(detail))")
            return nil
        }
        guard let key = keyNode.scalar?.string, Self.criterionKeys.contains(key) else {
            let text = keyNode.scalar?.string ?? "?"
            reader.report(
                keyNode,
                "unknown criterion '\(text)' (expected one of: \(Self.criterionKeys.joined(separator: ", ")))"
            )
            return nil
        }
        switch key {
        case "allele": return allele(value)
        case "protein": return protein(value)
        case "codon": return codon(value)
        case "range": return range(value)
        case "exon": return exon(value)
        case "gene": return gene(value)
        case "copy_number": return copyNumber(value)
        case "fusion": return fusion(value)
        case "tmb":
            guard let fields = reader.fields(value, of: "tmb", allowed: ["min"]),
                let minNode = fields.required("min"),
                let minimum = reader.number(minNode, "tmb min", range: 0...100_000)
            else { return nil }
            return .tmb(min: minimum)
        case "msi": return reader.choice(value, "msi status", as: MSIRequirement.self).map { .msi($0) }
        case "mmr": return reader.choice(value, "mmr status", as: MMRStatus.self).map { .mmr($0) }
        case "hrd": return reader.choice(value, "hrd status", as: HRDRequirement.self).map { .hrd($0) }
        case "wild_type":
            guard let fields = reader.fields(value, of: "wild_type", allowed: ["genes"]),
                let genesNode = fields.required("genes"), let genes = geneList(genesNode, "wild_type genes")
            else { return nil }
            return .wildType(genes: genes)
        case "all", "any":
            guard let items = reader.sequence(value, "'\(key)'", nonEmpty: true) else { return nil }
            let parts = items.map(criterion)
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return key == "all" ? .all(parts.compactMap { $0 }) : .any(parts.compactMap { $0 })
        default:  // "not"
            return criterion(value).map { .not($0) }
        }
    }

    // MARK: Alteration criteria

    private func allele(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "allele", allowed: ["gene", "GRCh37", "GRCh38"] + Self.qualifierKeys)
        else { return nil }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        var alleles: [GenomeBuild: GenomicAllele] = [:]
        var failed = false
        for build in GenomeBuild.allCases where build != .unknown {
            guard let valueNode = fields.optional(build.rawValue) else { continue }
            guard let text = reader.string(valueNode, "\(build.rawValue) allele") else {
                failed = true
                continue
            }
            guard let allele = GenomicAllele(parsing: text) else {
                reader.report(
                    valueNode, "malformed \(build.rawValue) allele '\(text)' (expected CHROM:POS:REF:ALT)")
                failed = true
                continue
            }
            alleles[build] = allele
        }
        if alleles.isEmpty && !failed {
            reader.report(node, "an allele criterion needs GRCh37 and/or GRCh38")
            failed = true
        }
        let qualifiers = self.qualifiers(fields)
        guard let gene, let qualifiers, !failed else { return nil }
        return .allele(.init(gene: gene, alleles: alleles, qualifiers: qualifiers))
    }

    private func protein(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "protein", allowed: ["gene", "change", "changes"] + Self.qualifierKeys)
        else { return nil }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        var written: [(String, Node)]?
        switch (fields.optional("change"), fields.optional("changes")) {
        case (let single?, nil): written = reader.string(single, "change").map { [($0, single)] }
        case (nil, let several?): written = reader.strings(several, "changes")
        case (.some, .some):
            reader.report(node, "a protein criterion takes 'change' or 'changes', not both")
        case (nil, nil):
            reader.report(node, "missing required key 'change' (or 'changes') in protein")
        }
        var changes: [ProteinChange] = []
        var failed = written == nil
        for (text, itemNode) in written ?? [] {
            guard let change = vocabulary.parseProteinChange(text) else {
                reader.report(
                    itemNode,
                    "malformed protein change '\(text)' (expected HGVSp such as V600E or p.Val600Glu)")
                failed = true
                continue
            }
            guard change.kind != .position, change.kind != .unknown else {
                reader.report(
                    itemNode, "'\(text)' states no change: use a codon or range criterion for a position")
                failed = true
                continue
            }
            changes.append(change)
        }
        let qualifiers = self.qualifiers(fields)
        guard let gene, let qualifiers, let written, !failed else { return nil }
        return .protein(
            .init(gene: gene, changes: changes, notations: written.map(\.0), qualifiers: qualifiers))
    }

    private func codon(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "codon", allowed: ["gene", "residue", "classes"] + Self.qualifierKeys)
        else { return nil }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        let residue = fields.required("residue").flatMap { codonPosition($0) }
        let classes: [VariantClass]? = fields.optional("classes").map { variantClasses($0) } ?? []
        let qualifiers = self.qualifiers(fields)
        guard let gene, let residue, let classes, let qualifiers else { return nil }
        return .codon(.init(gene: gene, residue: residue, classes: classes, qualifiers: qualifiers))
    }

    private func range(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "range", allowed: ["gene", "from", "to", "classes"] + Self.qualifierKeys)
        else { return nil }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        let from = fields.required("from").flatMap { reader.integer($0, "range from", range: 1...100_000) }
        let to = fields.required("to").flatMap { reader.integer($0, "range to", range: 1...100_000) }
        let classes: [VariantClass]? = fields.optional("classes").map { variantClasses($0) } ?? []
        let qualifiers = self.qualifiers(fields)
        guard let gene, let from, let to, let classes, let qualifiers else { return nil }
        guard from <= to else {
            reader.report(node, "range from (\(from)) must not exceed to (\(to))")
            return nil
        }
        return .range(.init(gene: gene, from: from, to: to, classes: classes, qualifiers: qualifiers))
    }

    private func exon(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "exon",
                allowed: ["gene", "exon", "flanking_splice", "classes"] + Self.qualifierKeys)
        else { return nil }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        let exon = fields.required("exon").flatMap { reader.integer($0, "exon number", range: 1...1000) }
        let flanking: Bool? =
            fields.optional("flanking_splice").map { reader.boolean($0, "flanking_splice") } ?? false
        let classes: [VariantClass]? = fields.optional("classes").map { variantClasses($0) } ?? []
        let qualifiers = self.qualifiers(fields)
        guard let gene, let exon, let flanking, let classes, let qualifiers else { return nil }
        return .exon(
            .init(gene: gene, exon: exon, flankingSplice: flanking, classes: classes, qualifiers: qualifiers))
    }

    private func gene(_ node: Node) -> Criterion? {
        guard let fields = reader.fields(node, of: "gene", allowed: ["gene", "class"] + Self.qualifierKeys)
        else {
            return nil
        }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        var alterationClass: GeneAlterationClass?
        if let classNode = fields.required("class"), let text = reader.scalarText(classNode, "class") {
            alterationClass = GeneAlterationClass(rawValue: text)
            if alterationClass == nil {
                reader.report(
                    classNode,
                    "unknown gene class '\(text)' (expected one of: \(GeneAlterationClass.allSpellings.joined(separator: ", ")))"
                )
            }
        }
        let qualifiers = self.qualifiers(fields)
        guard let gene, let alterationClass, let qualifiers else { return nil }
        return .gene(.init(gene: gene, alterationClass: alterationClass, qualifiers: qualifiers))
    }

    private func copyNumber(_ node: Node) -> Criterion? {
        guard let fields = reader.fields(node, of: "copy_number", allowed: ["gene", "state"]) else {
            return nil
        }
        let gene = fields.required("gene").flatMap { geneSymbol($0) }
        let state = fields.required("state").flatMap {
            reader.choice($0, "copy-number state", as: CopyNumberRequirement.self)
        }
        guard let gene, let state else { return nil }
        return .copyNumber(gene: gene, state: state)
    }

    private func fusion(_ node: Node) -> Criterion? {
        guard
            let fields = reader.fields(
                node, of: "fusion", allowed: ["five_prime", "three_prime", "gene", "genes"])
        else { return nil }
        let keys = Set(fields.keys)
        if keys == ["five_prime", "three_prime"] {
            let five = fields.optional("five_prime").flatMap { geneSymbol($0) }
            let three = fields.optional("three_prime").flatMap { geneSymbol($0) }
            guard let five, let three else { return nil }
            return .fusion(.ordered(fivePrime: five, threePrime: three))
        }
        if keys == ["gene"] {
            return fields.optional("gene").flatMap { geneSymbol($0) }.map { .fusion(.anyPartner($0)) }
        }
        if keys == ["five_prime"] {
            return fields.optional("five_prime").flatMap { geneSymbol($0) }.map { .fusion(.fivePrime($0)) }
        }
        if keys == ["three_prime"] {
            return fields.optional("three_prime").flatMap { geneSymbol($0) }.map { .fusion(.threePrime($0)) }
        }
        if keys == ["genes"], let genesNode = fields.optional("genes") {
            guard let genes = geneList(genesNode, "fusion genes") else { return nil }
            guard genes.count == 2 else {
                reader.report(genesNode, "fusion genes must name exactly two genes")
                return nil
            }
            return .fusion(.eitherOrientation(genes[0], genes[1]))
        }
        reader.report(
            node,
            "a fusion criterion takes five_prime + three_prime, five_prime or three_prime alone (that side, any partner), gene (any partner, either side), or genes (two, either orientation)"
        )
        return nil
    }

    // MARK: Parts

    private func qualifiers(_ fields: YAMLReader.Fields) -> AlterationQualifiers? {
        var qualifiers = AlterationQualifiers()
        var failed = false
        if let node = fields.optional("origin") {
            if let value = reader.choice(node, "origin", as: AlterationQualifiers.Origin.self) {
                qualifiers.origin = value
            } else {
                failed = true
            }
        }
        if let node = fields.optional("zygosity") {
            if let value = reader.choice(node, "zygosity", as: AlterationQualifiers.Zygosity.self) {
                qualifiers.zygosity = value
            } else {
                failed = true
            }
        }
        if let node = fields.optional("min_vaf") {
            if let value = reader.number(node, "min_vaf", range: 0...1) {
                qualifiers.minVAF = value
            } else {
                failed = true
            }
        }
        if let node = fields.optional("min_depth") {
            if let value = reader.integer(node, "min_depth", range: 0...1_000_000_000) {
                qualifiers.minDepth = value
            } else {
                failed = true
            }
        }
        if let node = fields.optional("filter") {
            if let value = reader.choice(node, "filter", as: AlterationQualifiers.FilterRequirement.self) {
                qualifiers.filter = value
            } else {
                failed = true
            }
        }
        return failed ? nil : qualifiers
    }

    func geneSymbol(_ node: Node) -> String? {
        guard let text = reader.string(node, "gene") else { return nil }
        guard Self.isGeneSymbol(text) else {
            reader.report(node, "malformed gene symbol '\(text)' (letters, digits, '.', '-' and '_' only)")
            return nil
        }
        return text
    }

    static func isGeneSymbol(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                    || "._-".unicodeScalars.contains($0))
        }
    }

    private func geneList(_ node: Node, _ what: String) -> [String]? {
        guard let items = reader.sequence(node, what, nonEmpty: true) else { return nil }
        let genes = items.map { geneSymbol($0) }
        guard genes.allSatisfy({ $0 != nil }) else { return nil }
        return genes.compactMap { $0 }
    }

    private func codonPosition(_ node: Node) -> CodonPosition? {
        guard let text = reader.string(node, "residue") else { return nil }
        guard let position = CodonPosition(parsing: text) else {
            reader.report(node, "malformed codon '\(text)' (expected a residue and position such as G12)")
            return nil
        }
        return position
    }

    func variantClasses(_ node: Node) -> [VariantClass]? {
        guard let items = reader.sequence(node, "classes", nonEmpty: true) else { return nil }
        var classes: [VariantClass] = []
        var failed = false
        for item in items {
            if let value = reader.choice(item, "variant class", as: VariantClass.self) {
                if !classes.contains(value) { classes.append(value) }
            } else {
                failed = true
            }
        }
        return failed ? nil : classes
    }

    func codonList(_ node: Node, _ what: String) -> [CodonPosition]? {
        guard let items = reader.sequence(node, what, nonEmpty: true) else { return nil }
        let codons = items.map { codonPosition($0) }
        guard codons.allSatisfy({ $0 != nil }) else { return nil }
        return codons.compactMap { $0 }
    }
}
