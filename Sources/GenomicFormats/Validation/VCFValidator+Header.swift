/// Header checks: `##fileformat`, meta-line syntax, INFO/FORMAT/FILTER/ALT/contig/SAMPLE/PEDIGREE
/// declarations and the `#CHROM` line.
extension VCFValidator {
    /// Keys whose values must be structured `<…>` lists.
    static let structuredKeys: Set<String> = [
        "INFO", "FORMAT", "FILTER", "ALT", "contig", "SAMPLE", "PEDIGREE",
    ]
    static let fixedColumns = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]

    func checkFirstLine(_ line: UnsafeRawBufferPointer, lineNumber: Int) {
        let text = String(decoding: line, as: UTF8.self)
        let prefix = "##fileformat="
        if text.hasPrefix(prefix) {
            let value = String(text.dropFirst(prefix.count))
            if let parsed = VCFVersion(fileformat: value), parsed.major == 4, (0...5).contains(parsed.minor),
                value == parsed.description
            {
                declaredVersion = parsed
                version = parsed
            } else {
                emit(
                    .error, line: lineNumber, field: "fileformat",
                    "expected 'VCFv4.0' … 'VCFv4.5', found '\(value)'")
            }
        } else {
            emit(
                .error, line: lineNumber, field: "fileformat",
                "expected '##fileformat=VCFv4.x' as the first line, found '\(Self.excerpt(text))'")
        }
        consumeHeaderLine(line, lineNumber: lineNumber)
    }

    func consumeHeaderLine(_ line: UnsafeRawBufferPointer, lineNumber: Int) {
        if line.isEmpty {
            emit(.warning, line: lineNumber, field: nil, "blank line inside the header")
            return
        }
        guard line[0] == UInt8(ascii: "#") else {
            if line.count(where: { $0 == 0x09 }) >= 7 {
                // Records before the #CHROM line: the header is missing or cut short; every
                // following line would repeat this, so validation of the file ends here.
                emit(
                    .error, line: lineNumber, field: "#CHROM",
                    "data records start before the '#CHROM' header line (header missing or incomplete)")
                phase = .stopped
                return
            }
            emit(
                .error, line: lineNumber, field: nil,
                "expected a '##key=value' meta line or the '#CHROM' line, found '\(Self.excerpt(String(decoding: line, as: UTF8.self)))'"
            )
            return
        }
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("##") {
            if lineNumber > 1 || text.hasPrefix("##fileformat=") {
                checkMetaLine(text.dropFirst(2), lineNumber: lineNumber)
            }
        } else if text.hasPrefix("#CHROM") {
            checkColumnLine(text, lineNumber: lineNumber)
        } else {
            emit(
                .error, line: lineNumber, field: nil,
                "a header line must start with '##' or be the '#CHROM' line")
            return
        }
        do {
            if try builder.consume(line, lineNumber: lineNumber) {
                header = try builder.finish(lineNumber: lineNumber)
                phase = .body
            }
        } catch let error as FormatError {
            emit(.error, line: lineNumber, field: error.field, error.message)
            phase = .stopped
        } catch {
            emit(.error, line: lineNumber, field: nil, "\(error)")
            phase = .stopped
        }
    }

    // MARK: Meta lines

    func checkMetaLine(_ text: Substring, lineNumber: Int) {
        guard let equals = text.firstIndex(of: "=") else {
            emit(
                .error, line: lineNumber, field: nil,
                "expected '##key=value', found '##\(Self.excerpt(String(text)))'")
            return
        }
        let key = String(text[..<equals])
        let value = text[text.index(after: equals)...]
        if key.isEmpty || !key.utf8.allSatisfy(Self.isMetaKeyByte) {
            emit(.error, line: lineNumber, field: nil, "invalid meta-line key '\(key)'")
            return
        }
        let field = "##" + key
        if value.isEmpty {
            emit(.error, line: lineNumber, field: field, "empty value")
            return
        }
        if key == "fileformat" {
            if lineNumber != 1 {
                emit(.error, line: lineNumber, field: field, "'##fileformat' must be the first line")
            }
            return
        }
        var fields: [VCFMetaLine.Field]? = nil
        if value.hasPrefix("<") {
            switch VCFMetaLine.parse(text) {
            case .success(let parsed): fields = parsed.fields
            case .failure(let failure):
                // Only the specification's structured lines must follow the <key=value,…> grammar;
                // other keys (tools' logs) are free text that happens to start with '<'.
                emit(
                    Self.structuredKeys.contains(key) ? .error : .warning, line: lineNumber, field: field,
                    failure.message)
                return
            }
            if fields?.isEmpty ?? true {
                emit(.error, line: lineNumber, field: field, "empty structured value '<>'")
                return
            }
        }
        if Self.structuredKeys.contains(key) {
            guard let fields else {
                emit(.error, line: lineNumber, field: field, "expected a structured value '<ID=…>'")
                return
            }
            for bare in fields where bare.isBare {
                emit(
                    .error, line: lineNumber, field: field,
                    "'\(bare.key)' is not a key=value pair (commas separate fields; quote values that contain them)"
                )
            }
        }
        switch key {
        case "INFO", "FORMAT": checkFieldDeclaration(key, fields ?? [], lineNumber: lineNumber)
        case "FILTER": checkFilterDeclaration(fields ?? [], lineNumber: lineNumber)
        case "ALT": checkAlternateAlleleDeclaration(fields ?? [], lineNumber: lineNumber)
        case "contig": checkContigDeclaration(fields ?? [], lineNumber: lineNumber)
        case "SAMPLE": checkSampleDeclaration(fields ?? [], lineNumber: lineNumber)
        case "PEDIGREE": checkPedigreeDeclaration(fields ?? [], lineNumber: lineNumber)
        case "assembly", "pedigreeDB": checkURL(String(value), field: field, lineNumber: lineNumber)
        default: break
        }
    }

    /// The value of `name` in a structured line, and whether it was quoted.
    static func value(_ name: String, in fields: [VCFMetaLine.Field]) -> VCFMetaLine.Field? {
        fields.first { $0.key == name && !$0.isBare }
    }

    func requireID(_ fields: [VCFMetaLine.Field], field: String, lineNumber: Int) -> String? {
        guard let id = Self.value("ID", in: fields)?.value, !id.isEmpty else {
            emit(.error, line: lineNumber, field: field, "missing ID")
            return nil
        }
        if fields.first?.key != "ID" {
            emit(.error, line: lineNumber, field: field, "ID must be the first field")
        }
        return id
    }

    func requireQuotedDescription(_ fields: [VCFMetaLine.Field], field: String, lineNumber: Int) {
        guard let description = Self.value("Description", in: fields) else {
            emit(.error, line: lineNumber, field: field, "missing Description")
            return
        }
        if !description.isQuoted {
            emit(.error, line: lineNumber, field: field, "Description must be surrounded by double quotes")
        }
    }

    func checkFieldDeclaration(_ kind: String, _ fields: [VCFMetaLine.Field], lineNumber: Int) {
        let required = ["ID", "Number", "Type", "Description"]
        var field = "##" + kind
        var missing = false
        for name in required where Self.value(name, in: fields) == nil {
            emit(.error, line: lineNumber, field: field, "missing \(name)")
            missing = true
        }
        if !missing && Array(fields.prefix(4).map(\.key)) != required {
            emit(
                .error, line: lineNumber, field: field,
                "expected the fields ID, Number, Type, Description first and in this order, found \(fields.prefix(4).map(\.key).joined(separator: ", "))"
            )
        }
        guard let id = Self.value("ID", in: fields)?.value, !id.isEmpty else { return }
        field = "\(kind)/\(id)"
        if !isValidKey(id) {
            emit(.error, line: lineNumber, field: field, "invalid ID '\(id)' (\(keyRule))")
        }
        var number: VCFNumber?
        if let text = Self.value("Number", in: fields)?.value {
            number = checkNumber(text, field: field, lineNumber: lineNumber)
        }
        var type: VCFValueType?
        if let text = Self.value("Type", in: fields)?.value {
            type = VCFValueType(rawValue: text)
            if type == nil {
                emit(
                    .error, line: lineNumber, field: field,
                    "expected Type to be Integer, Float, Flag, Character or String, found '\(text)'")
            } else if type == .flag && kind == "FORMAT" {
                emit(.error, line: lineNumber, field: field, "FORMAT fields cannot have Type=Flag")
                type = nil
            }
        }
        if type == .flag, let number, number != .count(0) {
            emit(
                .warning, line: lineNumber, field: field,
                "a Flag should have Number=0, found Number=\(number)")
        }
        requireQuotedDescription(fields, field: "##" + kind, lineNumber: lineNumber)

        var metaLine = VCFMetaLine(key: kind, value: "")
        metaLine.fields = fields
        var declarations = kind == "INFO" ? infoDeclarations : formatDeclarations
        if let previous = declarations[id] {
            let conflicting =
                previous.field("Number") != metaLine.field("Number")
                || previous.field("Type") != metaLine.field("Type")
            emit(
                conflicting ? .error : .warning, line: lineNumber, field: field,
                conflicting ? "declared twice with different Number or Type" : "declared twice")
        } else {
            declarations[id] = metaLine
        }
        if kind == "INFO" { infoDeclarations = declarations } else { formatDeclarations = declarations }

        let reserved = kind == "INFO" ? VCFReservedFields.info[id] : VCFReservedFields.format[id]
        if let reserved, let number, let type, reserved.number != number || reserved.type != type {
            emit(
                .warning, line: lineNumber, field: field,
                "reserved \(kind) key is defined by the specification as Number=\(reserved.number), Type=\(reserved.type.rawValue); this header declares Number=\(number), Type=\(type.rawValue)"
            )
        }
    }

    /// Parses a `Number=` value, checking that the form exists in the file's version.
    func checkNumber(_ text: String, field: String, lineNumber: Int) -> VCFNumber? {
        guard let number = VCFNumber(text) else {
            emit(
                .error, line: lineNumber, field: field,
                "expected Number to be an integer, A, R, G, '.' (P from VCF 4.4, LA/LR/LG from 4.5), found '\(text)'"
            )
            return nil
        }
        let introduced: VCFVersion? =
            switch number {
            case .perAllele: .v4_2
            case .perPloidy: .v4_4
            case .local: .v4_5
            default: nil
            }
        if let introduced, version < introduced {
            emit(.error, line: lineNumber, field: field, "Number=\(text) is not defined before \(introduced)")
        }
        return number
    }

    func checkFilterDeclaration(_ fields: [VCFMetaLine.Field], lineNumber: Int) {
        guard let id = requireID(fields, field: "##FILTER", lineNumber: lineNumber) else { return }
        let field = "FILTER/\(id)"
        if id == "0" {
            emit(.error, line: lineNumber, field: field, "'0' is reserved and cannot be a filter ID")
        } else if id.utf8.contains(where: { Self.isWhitespace($0) || $0 == UInt8(ascii: ";") }) {
            emit(.error, line: lineNumber, field: field, "a filter ID cannot contain whitespace or ';'")
        }
        requireQuotedDescription(fields, field: "##FILTER", lineNumber: lineNumber)
        if !filterIDs.insert(id).inserted { emit(.warning, line: lineNumber, field: field, "declared twice") }
    }

    func checkAlternateAlleleDeclaration(_ fields: [VCFMetaLine.Field], lineNumber: Int) {
        guard let id = requireID(fields, field: "##ALT", lineNumber: lineNumber) else { return }
        let field = "ALT/\(id)"
        if id.utf8.contains(where: {
            Self.isWhitespace($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "<")
                || $0 == UInt8(ascii: ">")
        }) {
            emit(
                .error, line: lineNumber, field: field,
                "an ALT ID cannot contain whitespace, commas or angle brackets")
        } else {
            let type = String(VCFReservedFields.firstLevelType(Substring(id)))
            if !VCFReservedFields.symbolicAlleleTypes.contains(type) {
                let strictVersion =
                    version < .v4_3 && !VCFReservedFields.communitySymbolicAlleles.contains(id)
                emit(
                    strictVersion ? .error : .warning, line: lineNumber, field: field,
                    "the first-level type '\(type)' is none of DEL, INS, DUP, INV, CNV (the types reserved by the specification)"
                )
            }
        }
        if let number = Self.value("Number", in: fields)?.value {
            _ = checkNumber(number, field: field, lineNumber: lineNumber)
        }
        if let type = Self.value("Type", in: fields)?.value, VCFValueType(rawValue: type) == nil {
            emit(
                .error, line: lineNumber, field: field,
                "expected Type to be Integer, Float, Flag, Character or String, found '\(type)'")
        }
        let order = fields.map(\.key).filter { ["ID", "Number", "Type", "Description"].contains($0) }
        let expected = ["ID", "Number", "Type", "Description"].filter { order.contains($0) }
        if order != expected {
            emit(
                .error, line: lineNumber, field: field,
                "expected the fields in the order \(expected.joined(separator: ", ")), found \(order.joined(separator: ", "))"
            )
        }
        requireQuotedDescription(fields, field: "##ALT", lineNumber: lineNumber)
        if !alternateAlleleIDs.insert(id).inserted {
            emit(.warning, line: lineNumber, field: field, "declared twice")
        }
    }

    func checkContigDeclaration(_ fields: [VCFMetaLine.Field], lineNumber: Int) {
        guard let id = requireID(fields, field: "##contig", lineNumber: lineNumber) else { return }
        let field = "contig/\(id)"
        if let problem = contigNameProblem(Array(id.utf8), allowBrackets: false) {
            emit(.error, line: lineNumber, field: field, problem)
        }
        if let length = Self.value("length", in: fields)?.value, (Int(length) ?? -1) < 0 {
            emit(
                .error, line: lineNumber, field: field,
                "expected a non-negative integer length, found '\(length)'")
        }
        if !contigIDs.insert(id).inserted { emit(.warning, line: lineNumber, field: field, "declared twice") }
    }

    func checkSampleDeclaration(_ fields: [VCFMetaLine.Field], lineNumber: Int) {
        guard requireID(fields, field: "##SAMPLE", lineNumber: lineNumber) != nil else { return }
        guard version < .v4_3 else { return }
        // VCF 4.1/4.2: ##SAMPLE=<ID=S,Genomes=G1;…;GK,Mixture=N1;…;NK,Description=…>; the lists
        // are parallel and unquoted.
        let genomes = Self.value("Genomes", in: fields)
        let mixture = Self.value("Mixture", in: fields)
        for list in [genomes, mixture].compactMap({ $0 }) where list.isQuoted {
            emit(
                .error, line: lineNumber, field: "##SAMPLE",
                "\(list.key) is a ';'-separated list and must not be quoted")
        }
        if mixture != nil && genomes == nil {
            emit(
                .error, line: lineNumber, field: "##SAMPLE",
                "Mixture is given without the Genomes it refers to")
        }
    }

    func checkPedigreeDeclaration(_ fields: [VCFMetaLine.Field], lineNumber: Int) {
        for entry in fields where !entry.isBare {
            if entry.value.isEmpty
                || entry.value.utf8.contains(where: {
                    Self.isWhitespace($0) || Self.pedigreeForbidden.contains($0)
                })
            {
                emit(
                    .error, line: lineNumber, field: "##PEDIGREE",
                    "'\(entry.value)' is not a valid genome ID (no whitespace or any of : ; , = < > \")")
            }
        }
    }

    static let pedigreeForbidden: Set<UInt8> = Set(":;,=<>\"".utf8)

    /// `##assembly` and `##pedigreeDB` hold a URL.
    func checkURL(_ value: String, field: String, lineNumber: Int) {
        let characters = Array(value)
        var schemeLength: Int?
        if characters.count > 3 {
            for index in 0..<(characters.count - 2)
            where characters[index] == ":" && characters[index + 1] == "/" && characters[index + 2] == "/" {
                schemeLength = index
                break
            }
        }
        guard let schemeLength else {
            if value.hasPrefix("<") {
                emit(.error, line: lineNumber, field: field, "expected a URL, found a structured value")
            } else {
                emit(
                    .warning, line: lineNumber, field: field, "expected a URL, found '\(Self.excerpt(value))'"
                )
            }
            return
        }
        let scheme = characters[..<schemeLength]
        var authority = characters[(schemeLength + 3)...].prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") { authority = authority[(at + 1)...] }
        var host = authority
        var portOK = true
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            let port = authority[(colon + 1)...]
            portOK = !port.isEmpty && port.allSatisfy { $0.isASCII && $0.isNumber }
        }
        let schemeOK =
            !scheme.isEmpty
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        let hostOK = (String(scheme) == "file" && host.isEmpty) || Self.isValidHost(Substring(String(host)))
        if !schemeOK || !portOK || !hostOK {
            emit(.error, line: lineNumber, field: field, "'\(Self.excerpt(value))' is not a valid URL")
        }
    }

    /// A dotted IPv4 address, or host-name labels whose last one is not all digits.
    static func isValidHost(_ host: Substring) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !labels.isEmpty, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        if labels.count == 4 && labels.allSatisfy({ $0.allSatisfy { $0.isNumber } && (Int($0) ?? 256) < 256 })
        {
            return true
        }
        let labelsOK = labels.allSatisfy { label in
            label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } && label.first != "-"
        }
        return labelsOK && !labels.last!.allSatisfy { $0.isNumber }
    }

    // MARK: #CHROM line

    func checkColumnLine(_ text: String, lineNumber: Int) {
        let columns = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if columns.count < 8 {
            if text.contains(" ") {
                emit(
                    .error, line: lineNumber, field: "#CHROM", "columns must be separated by tabs, not spaces"
                )
            }
            return  // the header builder reports the missing columns
        }
        for (index, name) in Self.fixedColumns.enumerated() where columns[index] != name {
            emit(
                .error, line: lineNumber, field: "#CHROM",
                "expected column \(index + 1) to be '\(name)', found '\(columns[index])'")
        }
        if columns.count == 9 {
            emit(
                .error, line: lineNumber, field: "#CHROM",
                "a FORMAT column must be followed by at least one sample")
        } else if columns.count > 9 && columns[8] != "FORMAT" {
            emit(
                .error, line: lineNumber, field: "#CHROM",
                "expected column 9 to be 'FORMAT', found '\(columns[8])'")
        }
        var seen: Set<String> = []
        for name in columns.dropFirst(9) {
            if name.isEmpty {
                emit(.error, line: lineNumber, field: "#CHROM", "empty sample name")
            } else if !seen.insert(name).inserted {
                emit(.error, line: lineNumber, field: "#CHROM", "duplicate sample name '\(name)'")
            }
        }
    }

    // MARK: Lexical helpers

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    static func isMetaKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    /// INFO/FORMAT key rule: 4.3+ `^([A-Za-z_][0-9A-Za-z_.]*|1000G)$`; earlier letters, digits,
    /// `_` and `.`.
    func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first else { return false }
        let bodyOK = bytes.allSatisfy { Self.isMetaKeyByte($0) && $0 != UInt8(ascii: "-") }
        if version >= .v4_3 {
            return key == "1000G" || (bodyOK && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first))
        }
        return bodyOK
    }

    var keyRule: String {
        version >= .v4_3
            ? "a letter or '_' then letters, digits, '_' or '.'" : "letters, digits, '_' or '.'"
    }

    /// Why a contig name is invalid, or `nil`. In a record, `<name>` refers to an assembly contig.
    func contigNameProblem(_ name: [UInt8], allowBrackets: Bool) -> String? {
        if name.isEmpty { return "empty contig name" }
        var body = name[...]
        if allowBrackets, name.count > 2, name.first == UInt8(ascii: "<"), name.last == UInt8(ascii: ">") {
            body = name.dropFirst().dropLast()
        }
        if body.contains(where: Self.isWhitespace) { return "a contig name cannot contain whitespace" }
        if body.contains(UInt8(ascii: ",")) { return "a contig name cannot contain commas" }
        if body.contains(UInt8(ascii: "<")) || body.contains(UInt8(ascii: ">")) {
            return "a contig name cannot contain angle brackets (except around a whole assembly contig ID)"
        }
        if body.first == UInt8(ascii: "*") || body.first == UInt8(ascii: "=") {
            return "a contig name cannot start with '*' or '='"
        }
        return nil
    }

    static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
