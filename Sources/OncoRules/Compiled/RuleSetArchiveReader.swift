import GenomicFormats
import OncoDomain

/// Reads what ``RuleSetArchiveWriter`` wrote, in the same order. Every read is bounds-checked:
/// a truncated or damaged archive throws ``RuleSetArchive/DamagedArchive``, never traps.
struct RuleSetArchiveReader {
    private let bytes: [UInt8]
    private var offset: Int
    /// Relative file paths are read back under this directory.
    let directory: String

    init(bytes: [UInt8], offset: Int = 0, directory: String) {
        self.bytes = bytes
        self.offset = offset
        self.directory = directory
    }

    var isAtEnd: Bool { offset == bytes.count }

    private func damaged(_ what: String) -> RuleSetArchive.DamagedArchive {
        RuleSetArchive.DamagedArchive(description: "\(what) at byte \(offset)")
    }

    // MARK: Primitive values

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw damaged("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func integer() throws -> Int {
        guard bytes.count - offset >= 8 else { throw damaged("unexpected end") }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }

    /// A count or length: not negative, and not more than the bytes left could hold.
    mutating func count() throws -> Int {
        let value = try integer()
        guard value >= 0, value <= bytes.count - offset else { throw damaged("impossible count \(value)") }
        return value
    }

    mutating func boolean() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw damaged("boolean \(other)")
        }
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try integer()))) }

    mutating func string() throws -> String {
        let length = try count()
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
            throw damaged("invalid UTF-8")
        }
        offset += length
        return text
    }

    mutating func optional<Value>(_ read: (inout Self) throws -> Value) throws -> Value? {
        try boolean() ? try read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout Self) throws -> Element) throws -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type = Value.self) throws -> Value {
        let text = try string()
        guard let value = Value(rawValue: text) else { throw damaged("unknown \(Value.self) '\(text)'") }
        return value
    }

    mutating func character() throws -> Character? {
        try optional { reader in
            let text = try reader.string()
            guard text.count == 1, let character = text.first else {
                throw reader.damaged("character '\(text)'")
            }
            return character
        }
    }

    mutating func path() throws -> String {
        let isRelative = try boolean()
        let text = try string()
        guard isRelative else { return text }
        return RuleSetChecksum.directoryPrefix(directory) + text
    }

    // MARK: The model

    mutating func ruleSet() throws -> RuleSet {
        let metadata = try metadata()
        let components = try array { try $0.metadata() }
        let rules = try array { try $0.rule() }
        var hotspots: [String: [CodonPosition]] = [:]
        for _ in 0..<(try count()) {
            let gene = try string()
            hotspots[gene] = try array { try $0.codonPosition() }
        }
        let checksum = try string()
        let sourceFiles = try array { try $0.path() }
        return RuleSet(
            metadata: metadata, components: components, rules: rules, hotspots: hotspots,
            checksum: checksum, sourceFiles: sourceFiles)
    }

    mutating func metadata() throws -> RuleSetMetadata {
        let id = try string()
        let version = try string()
        let reviewed = try string()
        let licence = try string()
        let description = try optional { try $0.string() }
        return RuleSetMetadata(
            id: id, version: version, reviewed: reviewed, licence: licence, description: description)
    }

    mutating func rule() throws -> Rule {
        let id = try string()
        let title = try string()
        let reviewed = try string()
        let biomarker = try criterion()
        let include = try strings()
        let bucket: TumourTypeBucket? = try optional { try $0.raw() }
        let exclude = try strings()
        let therapies = try array { TherapyOption(drugs: try $0.strings()) }
        let category: TherapyCategory = try raw()
        let effect: Effect = try raw()
        let evidence = try evidence()
        let notes = try optional { try $0.string() }
        let location = try optional { reader in
            let file = try reader.path()
            let line = try reader.integer()
            return RuleFileLocation(file: file, line: line, column: try reader.integer())
        }
        return Rule(
            id: id, title: title, reviewed: reviewed, biomarker: biomarker,
            tumourTypes: TumourTypeSelector(include: include, bucket: bucket, exclude: exclude),
            therapies: therapies, category: category, effect: effect, evidence: evidence, notes: notes,
            location: location)
    }

    mutating func evidence() throws -> Evidence {
        let ampLevel: AMPLevel = try raw()
        let escat: ESCATTier? = try optional { try $0.raw() }
        let source: EvidenceSource = try raw()
        let references = try array { try $0.reference() }
        let statement = try string()
        return Evidence(
            ampLevel: ampLevel, escat: escat, source: source, references: references, statement: statement,
            uncertain: try boolean())
    }

    mutating func reference() throws -> Reference {
        switch try integer() {
        case 0:
            let agency: Reference.Agency = try raw()
            let drug = try string()
            let year = try optional { try $0.integer() }
            return .label(
                agency: agency, drug: drug, year: year, indication: try optional { try $0.string() })
        case 1:
            let name = try string()
            return .guideline(name: name, year: try optional { try $0.integer() })
        case 2:
            let name = try optional { try $0.string() }
            return .trial(name: name, nct: try optional { try $0.string() })
        case 3: return .pmid(try string())
        case 4:
            let eid = try optional { try $0.string() }
            return .civic(eid: eid, aid: try optional { try $0.string() })
        case 5: return .other(text: try string())
        case let other: throw damaged("reference kind \(other)")
        }
    }

    mutating func criterion() throws -> Criterion {
        let kind = try integer()
        switch kind {
        case 0:
            let gene = try string()
            var alleles: [GenomeBuild: GenomicAllele] = [:]
            for _ in 0..<(try count()) {
                let build: GenomeBuild = try raw()
                let chromosome = try string()
                let position = try integer()
                let reference = try string()
                alleles[build] = GenomicAllele(
                    chromosome: chromosome, position: position, reference: reference, alternate: try string())
            }
            return .allele(Criterion.Allele(gene: gene, alleles: alleles, qualifiers: try qualifiers()))
        case 1:
            let gene = try string()
            let changes = try array { try $0.proteinChange() }
            let notations = try strings()
            return .protein(
                Criterion.Protein(
                    gene: gene, changes: changes, notations: notations, qualifiers: try qualifiers()))
        case 2:
            let gene = try string()
            let residue = try codonPosition()
            let classes: [VariantClass] = try array { try $0.raw() }
            return .codon(
                Criterion.Codon(gene: gene, residue: residue, classes: classes, qualifiers: try qualifiers()))
        case 3:
            let gene = try string()
            let from = try integer()
            let to = try integer()
            let classes: [VariantClass] = try array { try $0.raw() }
            return .range(
                Criterion.ResidueRange(
                    gene: gene, from: from, to: to, classes: classes, qualifiers: try qualifiers()))
        case 4:
            let gene = try string()
            let exon = try integer()
            let flankingSplice = try boolean()
            let classes: [VariantClass] = try array { try $0.raw() }
            return .exon(
                Criterion.Exon(
                    gene: gene, exon: exon, flankingSplice: flankingSplice, classes: classes,
                    qualifiers: try qualifiers()))
        case 5:
            let gene = try string()
            let alterationClass: GeneAlterationClass
            switch try integer() {
            case 0: alterationClass = .variantClass(try raw())
            case 1: alterationClass = .any
            case 2: alterationClass = .lossOfFunction
            case 3: alterationClass = .activatingHotspot
            case let other: throw damaged("gene alteration class \(other)")
            }
            return .gene(
                Criterion.Gene(gene: gene, alterationClass: alterationClass, qualifiers: try qualifiers()))
        case 6:
            let gene = try string()
            return .copyNumber(gene: gene, state: try raw())
        case 7:
            let orientation = try integer()
            let genes = try strings()
            switch (orientation, genes.count) {
            case (0, 2): return .fusion(.ordered(fivePrime: genes[0], threePrime: genes[1]))
            case (1, 1): return .fusion(.anyPartner(genes[0]))
            case (2, 2): return .fusion(.eitherOrientation(genes[0], genes[1]))
            case (3, 1): return .fusion(.fivePrime(genes[0]))
            case (4, 1): return .fusion(.threePrime(genes[0]))
            default: throw damaged("fusion partners")
            }
        case 8: return .tmb(min: try double())
        case 9: return .msi(try raw())
        case 10: return .mmr(try raw())
        case 11: return .hrd(try raw())
        case 12: return .wildType(genes: try strings())
        case 13: return .all(try array { try $0.criterion() })
        case 14: return .any(try array { try $0.criterion() })
        case 15: return .not(try criterion())
        default: throw damaged("criterion kind \(kind)")
        }
    }

    mutating func qualifiers() throws -> AlterationQualifiers {
        let origin: AlterationQualifiers.Origin = try raw()
        let zygosity: AlterationQualifiers.Zygosity = try raw()
        let minVAF = try optional { try $0.double() }
        let minDepth = try optional { try $0.integer() }
        return AlterationQualifiers(
            origin: origin, zygosity: zygosity, minVAF: minVAF, minDepth: minDepth, filter: try raw())
    }

    mutating func codonPosition() throws -> CodonPosition {
        let residue = try character()
        return CodonPosition(residue: residue, position: try integer())
    }

    mutating func proteinChange() throws -> ProteinChange {
        let kind: ProteinChange.Kind = try raw()
        let referenceStart = try character()
        let start = try integer()
        let referenceEnd = try character()
        let end = try integer()
        let alternate = try string()
        let isPredicted = try boolean()
        var change = ProteinChange(
            kind: kind, referenceStart: referenceStart, start: start, referenceEnd: referenceEnd, end: end,
            alternate: alternate, newStopDistance: try optional { try $0.integer() }, isPredicted: isPredicted
        )
        change.end = end
        return change
    }
}
