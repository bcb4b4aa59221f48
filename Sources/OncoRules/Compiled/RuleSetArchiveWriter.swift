import GenomicFormats
import OncoDomain

/// Writes a ``RuleSet`` in the archive format ``RuleSetArchive`` reads back.
///
/// Every value is written in a fixed order with no field names: integers as 8 little-endian
/// bytes, strings as their byte count then their UTF-8 bytes, optionals as a 0/1 byte then the
/// value, arrays as their count then their elements, enumerations as their raw value (or a case
/// number for those with associated values). Dictionaries are written sorted by key, so the same
/// rule set always gives the same bytes.
struct RuleSetArchiveWriter {
    private(set) var bytes: [UInt8] = []
    /// File paths under this directory are written relative to it (and read back under the
    /// reader's directory), so an archive does not depend on where the bundle is installed.
    let directory: String

    init(directory: String) { self.directory = directory }

    // MARK: Primitive values

    mutating func integer(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func boolean(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { integer(Int(Int64(bitPattern: value.bitPattern))) }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        integer(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout Self, Value) -> Void) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        write(&self, value)
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout Self, Element) -> Void) {
        integer(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    mutating func raw<Value: RawRepresentable<String>>(_ value: Value) { string(value.rawValue) }

    mutating func character(_ value: Character?) { optional(value) { $0.string(String($1)) } }

    /// A file path: relative to `directory` when it lies under it.
    mutating func path(_ value: String) {
        if let relative = RuleSetChecksum.relativePath(of: value, under: directory) {
            bytes.append(1)
            string(relative)
        } else {
            bytes.append(0)
            string(value)
        }
    }

    // MARK: The model

    mutating func ruleSet(_ set: RuleSet) {
        metadata(set.metadata)
        array(set.components) { $0.metadata($1) }
        array(set.rules) { $0.rule($1) }
        let genes = set.hotspots.keys.sorted()
        array(genes) { writer, gene in
            writer.string(gene)
            writer.array(set.hotspots[gene] ?? []) { $0.codonPosition($1) }
        }
        string(set.checksum)
        array(set.sourceFiles) { $0.path($1) }
    }

    mutating func metadata(_ metadata: RuleSetMetadata) {
        string(metadata.id)
        string(metadata.version)
        string(metadata.reviewed)
        string(metadata.licence)
        optional(metadata.description) { $0.string($1) }
    }

    mutating func rule(_ rule: Rule) {
        string(rule.id)
        string(rule.title)
        string(rule.reviewed)
        criterion(rule.biomarker)
        strings(rule.tumourTypes.include)
        optional(rule.tumourTypes.bucket) { $0.raw($1) }
        strings(rule.tumourTypes.exclude)
        array(rule.therapies) { $0.strings($1.drugs) }
        raw(rule.category)
        raw(rule.effect)
        evidence(rule.evidence)
        optional(rule.notes) { $0.string($1) }
        optional(rule.location) { writer, location in
            writer.path(location.file)
            writer.integer(location.line)
            writer.integer(location.column)
        }
    }

    mutating func evidence(_ evidence: Evidence) {
        raw(evidence.ampLevel)
        optional(evidence.escat) { $0.raw($1) }
        raw(evidence.source)
        array(evidence.references) { $0.reference($1) }
        string(evidence.statement)
        boolean(evidence.uncertain)
    }

    mutating func reference(_ reference: Reference) {
        switch reference {
        case .label(let agency, let drug, let year, let indication):
            integer(0)
            raw(agency)
            string(drug)
            optional(year) { $0.integer($1) }
            optional(indication) { $0.string($1) }
        case .guideline(let name, let year):
            integer(1)
            string(name)
            optional(year) { $0.integer($1) }
        case .trial(let name, let nct):
            integer(2)
            optional(name) { $0.string($1) }
            optional(nct) { $0.string($1) }
        case .pmid(let pmid):
            integer(3)
            string(pmid)
        case .civic(let eid, let aid):
            integer(4)
            optional(eid) { $0.string($1) }
            optional(aid) { $0.string($1) }
        case .other(let text):
            integer(5)
            string(text)
        }
    }

    mutating func criterion(_ value: Criterion) {
        integer(RuleSetArchive.criterionCase(value))
        switch value {
        case .allele(let allele):
            string(allele.gene)
            let builds = allele.alleles.keys.sorted { $0.rawValue < $1.rawValue }
            array(builds) { writer, build in
                writer.raw(build)
                let value = allele.alleles[build]!
                writer.string(value.chromosome)
                writer.integer(value.position)
                writer.string(value.reference)
                writer.string(value.alternate)
            }
            qualifiers(allele.qualifiers)
        case .protein(let protein):
            string(protein.gene)
            array(protein.changes) { $0.proteinChange($1) }
            strings(protein.notations)
            qualifiers(protein.qualifiers)
        case .codon(let codon):
            string(codon.gene)
            codonPosition(codon.residue)
            array(codon.classes) { $0.raw($1) }
            qualifiers(codon.qualifiers)
        case .range(let range):
            string(range.gene)
            integer(range.from)
            integer(range.to)
            array(range.classes) { $0.raw($1) }
            qualifiers(range.qualifiers)
        case .exon(let exon):
            string(exon.gene)
            integer(exon.exon)
            boolean(exon.flankingSplice)
            array(exon.classes) { $0.raw($1) }
            qualifiers(exon.qualifiers)
        case .gene(let gene):
            string(gene.gene)
            switch gene.alterationClass {
            case .variantClass(let variantClass):
                integer(0)
                raw(variantClass)
            case .any: integer(1)
            case .lossOfFunction: integer(2)
            case .activatingHotspot: integer(3)
            }
            qualifiers(gene.qualifiers)
        case .copyNumber(let gene, let state):
            string(gene)
            raw(state)
        case .fusion(let partners):
            switch partners {
            case .ordered(let five, let three):
                integer(0)
                strings([five, three])
            case .anyPartner(let gene):
                integer(1)
                strings([gene])
            case .eitherOrientation(let first, let second):
                integer(2)
                strings([first, second])
            case .fivePrime(let gene):
                integer(3)
                strings([gene])
            case .threePrime(let gene):
                integer(4)
                strings([gene])
            }
        case .tmb(let minimum): double(minimum)
        case .msi(let requirement): raw(requirement)
        case .mmr(let status): raw(status)
        case .hrd(let requirement): raw(requirement)
        case .wildType(let genes): strings(genes)
        case .all(let parts), .any(let parts): array(parts) { $0.criterion($1) }
        case .not(let inner): criterion(inner)
        }
    }

    mutating func qualifiers(_ qualifiers: AlterationQualifiers) {
        raw(qualifiers.origin)
        raw(qualifiers.zygosity)
        optional(qualifiers.minVAF) { $0.double($1) }
        optional(qualifiers.minDepth) { $0.integer($1) }
        raw(qualifiers.filter)
    }

    mutating func codonPosition(_ position: CodonPosition) {
        character(position.residue)
        integer(position.position)
    }

    mutating func proteinChange(_ change: ProteinChange) {
        raw(change.kind)
        character(change.referenceStart)
        integer(change.start)
        character(change.referenceEnd)
        integer(change.end)
        string(change.alternate)
        boolean(change.isPredicted)
        optional(change.newStopDistance) { $0.integer($1) }
    }
}
