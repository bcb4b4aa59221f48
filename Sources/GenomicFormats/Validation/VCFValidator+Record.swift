/// Data-line checks: columns, CHROM/POS order, ID, REF/ALT alphabets, QUAL, FILTER, typed INFO
/// values, FORMAT keys and sample values, genotypes and value counts.
extension VCFValidator {
    /// A typed field: its Number and Type, and whether its values are counts.
    struct FieldRule {
        var number: VCFNumber
        var type: VCFValueType
        var nonNegative: Bool
    }

    func consumeBodyLine(_ line: UnsafeRawBufferPointer, lineNumber: Int) {
        if line.isEmpty {
            if !sawBlankLine {
                sawBlankLine = true
                emit(.warning, line: lineNumber, field: nil, "blank line (ignored)")
            }
            return
        }
        summary.records += 1
        if line[0] == UInt8(ascii: "#") {
            emit(.error, line: lineNumber, field: nil, "header line after the '#CHROM' line")
            return
        }
        guard let header else { return }
        if let error = record.load(line, header: header, path: path, lineNumber: lineNumber) {
            emit(.error, line: lineNumber, field: error.field, error.message)
            return
        }
        if header.sampleNames.isEmpty && record.columnCount == 9 {
            emit(
                .error, line: lineNumber, field: "FORMAT",
                "a FORMAT column without samples (the header has none)")
            return
        }
        if version < .v4_3 && line.contains(where: { $0 >= 0x80 }) {
            warnOnce(
                "non-ascii", line: lineNumber, field: nil,
                "non-ASCII bytes in a data line (VCF before 4.3 is ASCII; further occurrences not reported)")
        }
        for (column, name) in [(2, "ID"), (5, "QUAL"), (6, "FILTER"), (7, "INFO"), (8, "FORMAT")]
        where column < record.columnCount && record.withColumn(column, { $0.isEmpty }) {
            emit(.error, line: lineNumber, field: name, "empty column (a missing value is written '.')")
        }
        checkChromosomeAndOrder(lineNumber: lineNumber)
        checkIdentifiers(lineNumber: lineNumber)
        checkReference(lineNumber: lineNumber)
        let alternateCount = checkAlternates(lineNumber: lineNumber)
        checkQuality(lineNumber: lineNumber)
        checkFilters(lineNumber: lineNumber)
        checkInfo(alternateCount: alternateCount, lineNumber: lineNumber)
        checkSamples(alternateCount: alternateCount, lineNumber: lineNumber)
    }

    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    static func isBase(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "t"), UInt8(ascii: "n"):
            return true
        default: return false
        }
    }

    // MARK: CHROM, POS and order

    func checkChromosomeAndOrder(lineNumber: Int) {
        let chromosome = record.withColumn(0) { Array($0) }
        let name = String(decoding: chromosome, as: UTF8.self)
        if let problem = contigNameProblem(chromosome, allowBrackets: true) {
            emit(.error, line: lineNumber, field: "CHROM", "\(problem), found '\(name)'")
        } else if version < .v4_3 && chromosome.contains(UInt8(ascii: ":")) {
            emit(
                .error, line: lineNumber, field: "CHROM",
                "a contig name cannot contain ':' before VCF 4.3, found '\(name)'")
        }
        if !contigIDs.isEmpty && !contigIDs.contains(name) {
            warnOnce(
                "contig:" + name, line: lineNumber, field: "CHROM",
                "contig '\(name)' is not declared in a ##contig line")
        }
        let position = record.position
        if chromosome != currentChromosome {
            if let currentChromosome { finishedChromosomes.insert(currentChromosome) }
            if finishedChromosomes.contains(chromosome) {
                emit(
                    .warning, line: lineNumber, field: "CHROM",
                    "records for contig '\(name)' are not contiguous (it appeared before another contig)")
            }
            currentChromosome = chromosome
            previousPosition = position
            variantsByPosition = [:]
        } else {
            if position < previousPosition {
                emit(
                    .warning, line: lineNumber, field: "POS",
                    "records are not sorted: position \(position) after \(previousPosition) on '\(name)'")
            }
            previousPosition = position
        }
        checkDuplicates(position: position, lineNumber: lineNumber)
    }

    /// Warns when a record repeats a variant of an earlier record on the same contig, comparing
    /// alleles after trimming the bases they share (so `TAT>TGT` at 123 equals `A>G` at 124).
    func checkDuplicates(position: Int, lineNumber: Int) {
        for key in variantsByPosition.keys where key < position { variantsByPosition[key] = nil }
        let reference = record.withColumn(3) { Array($0) }
        var duplicate = false
        record.forEachAlternateAllele { allele in
            var start = position
            var ref = reference[...]
            var alt = Array(allele)[...]
            if ref.allSatisfy(Self.isBase) && alt.allSatisfy(Self.isBase) {
                while ref.count > 1 && alt.count > 1 && ref.last == alt.last {
                    ref = ref.dropLast()
                    alt = alt.dropLast()
                }
                while ref.count > 1 && alt.count > 1 && ref.first == alt.first {
                    ref = ref.dropFirst()
                    alt = alt.dropFirst()
                    start += 1
                }
            }
            let key = Array(ref) + [0x09] + Array(alt)
            if !variantsByPosition[start, default: []].insert(key).inserted { duplicate = true }
        }
        if duplicate {
            emit(
                .warning, line: lineNumber, field: nil,
                "duplicate variant: an earlier record on this contig has the same allele change")
        }
    }

    // MARK: ID, REF, ALT, QUAL, FILTER

    func checkIdentifiers(lineNumber: Int) {
        record.withColumn(2) { column in
            if VCFByteParsing.isMissing(column) || column.isEmpty { return }
            VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ";")) { id in
                if id.isEmpty {
                    emit(
                        .error, line: lineNumber, field: "ID",
                        "empty identifier (stray ';') in '\(Self.text(column))'")
                } else if id.contains(where: Self.isWhitespace) {
                    emit(
                        .error, line: lineNumber, field: "ID",
                        "an identifier cannot contain whitespace, found '\(Self.text(id))'")
                } else if VCFByteParsing.isMissing(id) {
                    emit(.error, line: lineNumber, field: "ID", "'.' cannot be one of several identifiers")
                }
            }
        }
    }

    func checkReference(lineNumber: Int) {
        record.withColumn(3) { reference in
            if VCFByteParsing.isMissing(reference) {
                emit(.error, line: lineNumber, field: "REF", "the reference allele cannot be missing ('.')")
            } else if reference.contains(UInt8(ascii: ",")) {
                emit(
                    .error, line: lineNumber, field: "REF",
                    "REF holds one allele, found '\(Self.text(reference))'")
            } else if !reference.allSatisfy(Self.isBase) {
                emit(
                    .error, line: lineNumber, field: "REF",
                    "expected bases A, C, G, T or N, found '\(Self.text(reference))'")
            }
        }
    }

    /// Checks ALT and returns the number of ALT alleles (0 for `.`).
    func checkAlternates(lineNumber: Int) -> Int {
        record.withColumn(4) { column -> Int in
            if VCFByteParsing.isMissing(column) { return 0 }
            var count = 0
            VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ",")) { allele in
                count += 1
                if let problem = alleleProblem(allele, lineNumber: lineNumber) {
                    emit(.error, line: lineNumber, field: "ALT", "\(problem), found '\(Self.text(column))'")
                }
            }
            return count
        }
    }

    /// Why one ALT allele is malformed, or `nil`.
    func alleleProblem(_ allele: UnsafeRawBufferPointer, lineNumber: Int) -> String? {
        if allele.isEmpty { return "empty allele (stray ',')" }
        if allele.contains(where: Self.isWhitespace) { return "an allele cannot contain whitespace" }
        if allele.count == 1 && allele[0] == UInt8(ascii: "*") { return nil }
        if VCFByteParsing.isMissing(allele) { return "'.' cannot be one of several ALT alleles" }
        if allele.first == UInt8(ascii: "<") {
            let inner = allele.dropFirst().dropLast()
            guard allele.count > 2, allele.last == UInt8(ascii: ">"),
                !inner.contains(UInt8(ascii: "<")), !inner.contains(UInt8(ascii: ">"))
            else { return "a symbolic allele is one '<ID>' without inner angle brackets" }
            let id = String(decoding: inner, as: UTF8.self)
            if !alternateAlleleIDs.contains(id) {
                let type = String(VCFReservedFields.firstLevelType(Substring(id)))
                if !VCFReservedFields.symbolicAlleleTypes.contains(type)
                    && !VCFReservedFields.communitySymbolicAlleles.contains(id)
                {
                    warnOnce(
                        "ALT:" + id, line: lineNumber, field: "ALT",
                        "symbolic allele <\(id)> is not declared in an ##ALT line")
                }
            }
            return nil
        }
        if allele.contains(UInt8(ascii: "[")) || allele.contains(UInt8(ascii: "]")) {
            return breakendProblem(allele)
        }
        if allele.count > 1 && (allele.first == UInt8(ascii: ".") || allele.last == UInt8(ascii: ".")) {
            let bases = allele.first == UInt8(ascii: ".") ? allele.dropFirst() : allele.dropLast()
            return bases.allSatisfy(Self.isBase)
                ? nil : "a single breakend is bases with a leading or trailing '.'"
        }
        return allele.allSatisfy(Self.isBase)
            ? nil : "expected bases A, C, G, T or N, '*', '<ID>' or a breakend"
    }

    /// Breakend syntax: `t[p[`, `t]p]`, `]p]t` or `[p[t`, with `p` = `chrom:pos` and `t` bases.
    func breakendProblem(_ allele: UnsafeRawBufferPointer) -> String? {
        let bytes = Array(allele)
        guard let open = bytes.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") })
        else {
            return nil
        }
        let bracket = bytes[open]
        guard let close = bytes[(open + 1)...].firstIndex(of: bracket) else {
            return "a breakend needs two matching brackets around 'chrom:pos'"
        }
        let bases = open == 0 ? bytes[(close + 1)...] : bytes[..<open]
        if open != 0 && close != bytes.count - 1 {
            return "unexpected text after a breakend's closing bracket"
        }
        if bases.isEmpty { return "a breakend needs bases on one side of its brackets" }
        if !bases.allSatisfy(Self.isBase) { return "a breakend's bases must be A, C, G, T or N" }
        let mate = bytes[(open + 1)..<close]
        guard let colon = mate.lastIndex(of: UInt8(ascii: ":")), colon > mate.startIndex,
            mate[(colon + 1)...].withUnsafeBytes({ VCFByteParsing.integer($0) }) != nil
        else { return "a breakend's mate must be 'chrom:pos'" }
        if bytes.contains(where: { ($0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]")) && $0 != bracket }) {
            return "a breakend uses one kind of bracket"
        }
        return nil
    }

    func checkQuality(lineNumber: Int) {
        record.withColumn(5) { quality in
            if VCFByteParsing.isMissing(quality) || quality.isEmpty { return }
            guard let value = VCFByteParsing.float(quality) else {
                emit(
                    .error, line: lineNumber, field: "QUAL",
                    "expected a number or '.', found '\(Self.text(quality))'")
                return
            }
            if value < 0 {
                emit(
                    .error, line: lineNumber, field: "QUAL",
                    "a Phred quality cannot be negative, found '\(Self.text(quality))'")
            }
        }
    }

    func checkFilters(lineNumber: Int) {
        record.withColumn(6) { column in
            if VCFByteParsing.isMissing(column) || column.isEmpty { return }
            var count = 0
            var hasPass = false
            VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ";")) { code in
                count += 1
                if code.isEmpty {
                    emit(
                        .error, line: lineNumber, field: "FILTER",
                        "empty filter code (stray ';') in '\(Self.text(column))'")
                } else if VCFByteParsing.isMissing(code) {
                    emit(
                        .error, line: lineNumber, field: "FILTER", "'.' cannot be combined with filter codes")
                } else if code.contains(where: Self.isWhitespace) {
                    emit(
                        .error, line: lineNumber, field: "FILTER",
                        "a filter code cannot contain whitespace, found '\(Self.text(code))'")
                } else if VCFByteParsing.equals(code, "0") {
                    emit(
                        .error, line: lineNumber, field: "FILTER",
                        "'0' is reserved and cannot be a filter code")
                } else if VCFByteParsing.equals(code, "PASS") {
                    hasPass = true
                } else {
                    let name = String(decoding: code, as: UTF8.self)
                    if !filterIDs.contains(name) {
                        warnOnce(
                            "FILTER:" + name, line: lineNumber, field: "FILTER",
                            "filter '\(name)' is not declared in a ##FILTER line")
                    }
                }
            }
            if hasPass && count > 1 {
                emit(.warning, line: lineNumber, field: "FILTER", "PASS combined with failed filters")
            }
        }
    }

    // MARK: INFO

    func infoRule(_ key: String, lineNumber: Int) -> FieldRule? {
        let reserved = VCFReservedFields.info[key]
        if let definition = header?.info(key) {
            return FieldRule(
                number: definition.number, type: definition.type,
                nonNegative: (reserved?.nonNegative ?? false) && definition.type == reserved?.type)
        }
        if let reserved {
            warnOnce(
                "INFO:" + key, line: lineNumber, field: "INFO/" + key,
                "reserved key not declared in an ##INFO line (checked as Number=\(reserved.number), Type=\(reserved.type.rawValue))"
            )
            return FieldRule(number: reserved.number, type: reserved.type, nonNegative: reserved.nonNegative)
        }
        warnOnce("INFO:" + key, line: lineNumber, field: "INFO/" + key, "key not declared in an ##INFO line")
        return nil
    }

    func checkInfo(alternateCount: Int, lineNumber: Int) {
        record.withColumn(7) { column in
            if VCFByteParsing.isMissing(column) || column.isEmpty { return }
            var seen: Set<String> = []
            VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ";")) { entry in
                if entry.isEmpty {
                    emit(
                        .error, line: lineNumber, field: "INFO",
                        "empty entry (stray ';') in '\(Self.text(column))'")
                    return
                }
                let equals = entry.firstIndex(of: UInt8(ascii: "="))
                let keyBytes = equals.map { UnsafeRawBufferPointer(rebasing: entry[..<$0]) } ?? entry
                let value = equals.map { UnsafeRawBufferPointer(rebasing: entry[($0 + 1)...]) }
                let key = String(decoding: keyBytes, as: UTF8.self)
                let field = "INFO/" + key
                if keyBytes.contains(where: Self.isWhitespace) {
                    emit(
                        .error, line: lineNumber, field: "INFO",
                        "a key cannot contain whitespace, found '\(key)'")
                    return
                }
                if !isValidKey(key) {
                    emit(.error, line: lineNumber, field: "INFO", "invalid key '\(key)' (\(keyRule))")
                    return
                }
                if !seen.insert(key).inserted {
                    emit(.warning, line: lineNumber, field: field, "key appears more than once")
                }
                if let value { checkInfoCharacters(value, field: field, lineNumber: lineNumber) }
                guard let rule = infoRule(key, lineNumber: lineNumber) else { return }
                if rule.type == .flag {
                    guard let value else { return }
                    if VCFByteParsing.equals(value, "0") || VCFByteParsing.equals(value, "1") {
                        warnOnce(
                            "flag-value:" + key, line: lineNumber, field: field,
                            "a Flag takes no value, found '\(Self.text(value))' (read as present)")
                    } else {
                        emit(
                            .error, line: lineNumber, field: field,
                            "a Flag takes no value, found '\(Self.text(value))'")
                    }
                    return
                }
                guard let value else {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected a \(rule.type.rawValue) value, found a bare key")
                    return
                }
                checkValues(
                    value, rule: rule, field: field, alternateCount: alternateCount, ploidy: nil,
                    lineNumber: lineNumber)
                if key == "CIGAR" && rule.type == .string {
                    VCFByteParsing.forEachPiece(of: value, separatedBy: UInt8(ascii: ",")) { cigar in
                        if !VCFByteParsing.isMissing(cigar) && !Self.isCIGAR(cigar) {
                            emit(
                                .error, line: lineNumber, field: field,
                                "expected a CIGAR string such as 1M2I3D, found '\(Self.text(cigar))'")
                        }
                    }
                }
            }
        }
    }

    /// INFO values: no whitespace and no '=' (4.1/4.2 forbid them; 4.3+ percent-encodes them).
    func checkInfoCharacters(_ value: UnsafeRawBufferPointer, field: String, lineNumber: Int) {
        if value.contains(where: Self.isWhitespace) {
            emit(
                version < .v4_3 ? .error : .warning, line: lineNumber, field: field,
                "whitespace in an INFO value ('\(Self.text(value))')")
        }
        if value.contains(UInt8(ascii: "=")) {
            emit(
                version < .v4_3 ? .warning : .error, line: lineNumber, field: field,
                "'=' in an INFO value (VCF 4.3+ requires %3D) ('\(Self.text(value))')")
        }
    }

    static func isCIGAR(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var digits = 0
        for byte in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits += 1
            } else if "MIDNSHPX=".utf8.contains(byte), digits > 0 {
                digits = 0
            } else {
                return false
            }
        }
        return !bytes.isEmpty && digits == 0
    }

    // MARK: Typed values and counts

    /// Checks a comma-separated value list against its Type and Number.
    func checkValues(
        _ bytes: UnsafeRawBufferPointer, rule: FieldRule, field: String, alternateCount: Int, ploidy: Int?,
        lineNumber: Int
    ) {
        if VCFByteParsing.isMissing(bytes) { return }
        var count = 0
        // A double-quoted String is one value even when it holds commas (written by some tools,
        // accepted by the reference validator).
        let quotedString =
            rule.type == .string && bytes.count >= 2 && bytes.first == UInt8(ascii: "\"")
            && bytes.last == UInt8(ascii: "\"")
        let separator = quotedString ? UInt8(ascii: "\"") : UInt8(ascii: ",")
        VCFByteParsing.forEachPiece(
            of: quotedString ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst().dropLast()) : bytes,
            separatedBy: separator
        ) { piece in
            count += 1
            if piece.isEmpty {
                emit(.error, line: lineNumber, field: field, "empty value in '\(Self.text(bytes))'")
                return
            }
            if VCFByteParsing.isMissing(piece) { return }
            switch rule.type {
            case .integer:
                guard let value = VCFByteParsing.integer(piece) else {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected an Integer, found '\(Self.text(piece))'")
                    return
                }
                if rule.nonNegative && value < 0 {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected a non-negative count, found '\(Self.text(piece))'")
                }
            case .float:
                guard let value = VCFByteParsing.float(piece) else {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected a Float, found '\(Self.text(piece))'")
                    return
                }
                if rule.nonNegative && value < 0 {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected a non-negative value, found '\(Self.text(piece))'")
                }
            case .character:
                if String(decoding: piece, as: UTF8.self).count != 1 {
                    emit(
                        .error, line: lineNumber, field: field,
                        "expected a single Character, found '\(Self.text(piece))'")
                }
            case .string, .flag:
                break
            }
        }
        // A record without ALT alleles describes no variation; its per-allele and per-genotype
        // lists (often written for an unlisted placeholder allele) are not counted.
        let expected: [Int]
        switch alternateCount == 0 ? .unknown : rule.number {
        case .count(let fixed) where fixed > 0: expected = [fixed]
        case .perAlternateAllele where alternateCount > 0: expected = [alternateCount]
        case .perAllele: expected = [alternateCount + 1]
        case .perGenotype where field.hasPrefix("FORMAT/"):
            if let ploidy {
                expected = [Self.genotypeCount(alleles: alternateCount + 1, ploidy: ploidy)]
            } else {
                expected = [1, 2].map { Self.genotypeCount(alleles: alternateCount + 1, ploidy: $0) }
            }
        case .perPloidy: expected = ploidy.map { [$0] } ?? []
        default: expected = []
        }
        if !expected.isEmpty && !expected.contains(count) {
            let alleles = alternateCount == 1 ? "1 ALT allele" : "\(alternateCount) ALT alleles"
            let context = ploidy.map { ", ploidy \($0)" } ?? ""
            emit(
                .error, line: lineNumber, field: field,
                "expected \(expected.map(String.init).joined(separator: " or ")) value\(expected == [1] ? "" : "s") (Number=\(rule.number) with \(alleles)\(context)), found \(count)"
            )
        }
    }

    /// The number of unordered genotypes of `ploidy` alleles drawn from `alleles`:
    /// C(alleles + ploidy − 1, ploidy).
    static func genotypeCount(alleles: Int, ploidy: Int) -> Int {
        var result = 1
        for step in 0..<ploidy {
            let (product, overflow) = result.multipliedReportingOverflow(by: alleles + step)
            if overflow { return Int.max }
            result = product / (step + 1)
        }
        return result
    }

    // MARK: FORMAT and samples

    func formatRule(_ key: String, lineNumber: Int) -> FieldRule? {
        let reserved = VCFReservedFields.format[key]
        if let definition = header?.format(key) {
            return FieldRule(
                number: definition.number, type: definition.type,
                nonNegative: (reserved?.nonNegative ?? false) && definition.type == reserved?.type)
        }
        if let reserved {
            warnOnce(
                "FORMAT:" + key, line: lineNumber, field: "FORMAT/" + key,
                "reserved key not declared in a ##FORMAT line (checked as Number=\(reserved.number), Type=\(reserved.type.rawValue))"
            )
            return FieldRule(number: reserved.number, type: reserved.type, nonNegative: reserved.nonNegative)
        }
        warnOnce(
            "FORMAT:" + key, line: lineNumber, field: "FORMAT/" + key, "key not declared in a ##FORMAT line")
        return nil
    }

    func checkSamples(alternateCount: Int, lineNumber: Int) {
        guard record.columnCount > 9, !record.withColumn(8, { $0.isEmpty }) else { return }
        var keys: [String] = []
        var rules: [FieldRule?] = []
        var usable = true
        record.withColumn(8) { column in
            VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ":")) { keyBytes in
                let key = String(decoding: keyBytes, as: UTF8.self)
                if keyBytes.isEmpty {
                    emit(
                        .error, line: lineNumber, field: "FORMAT",
                        "empty key (stray ':') in '\(Self.text(column))'")
                    usable = false
                } else if keyBytes.contains(where: Self.isWhitespace) {
                    emit(
                        .error, line: lineNumber, field: "FORMAT",
                        "a key cannot contain whitespace, found '\(key)'")
                    usable = false
                } else if !isValidKey(key) {
                    emit(.error, line: lineNumber, field: "FORMAT", "invalid key '\(key)' (\(keyRule))")
                } else if version < .v4_3
                    && !keyBytes.allSatisfy({
                        Self.isMetaKeyByte($0) && $0 != 0x2E && $0 != 0x2D && $0 != 0x5F
                    })
                {
                    // 4.1/4.2 describe FORMAT keys as alphanumeric; a declared key is tolerated.
                    emit(
                        header?.format(key) == nil ? .error : .warning, line: lineNumber, field: "FORMAT",
                        "FORMAT keys are alphanumeric before VCF 4.3, found '\(key)'")
                }
                if keys.contains(key) {
                    emit(.error, line: lineNumber, field: "FORMAT", "key '\(key)' appears more than once")
                }
                if key == "GT" && !keys.isEmpty {
                    emit(.error, line: lineNumber, field: "FORMAT", "GT must be the first key")
                }
                keys.append(key)
            }
        }
        guard usable, !keys.isEmpty, keys != [""] else { return }
        for key in keys { rules.append(key == "GT" ? nil : formatRule(key, lineNumber: lineNumber)) }
        if keys.contains("GT") && header?.format("GT") == nil { _ = formatRule("GT", lineNumber: lineNumber) }
        let names = header?.sampleNames ?? []
        for sample in 0..<record.sampleCount {
            let sampleName = sample < names.count ? names[sample] : "sample \(sample + 1)"
            record.withColumn(9 + sample) { column in
                var index = 0
                var ploidy: Int?
                VCFByteParsing.forEachPiece(of: column, separatedBy: UInt8(ascii: ":")) { value in
                    defer { index += 1 }
                    guard index < keys.count else {
                        if index == keys.count {
                            emit(
                                .error, line: lineNumber, field: "FORMAT",
                                "sample '\(sampleName)' has more fields than the \(keys.count) FORMAT keys")
                        }
                        return
                    }
                    let field = "FORMAT/" + keys[index]
                    if keys[index] == "GT" {
                        ploidy = checkGenotype(
                            value, alternateCount: alternateCount, field: field, sample: sampleName,
                            lineNumber: lineNumber)
                        return
                    }
                    guard let rule = rules[index] else { return }
                    checkValues(
                        value, rule: rule, field: field, alternateCount: alternateCount, ploidy: ploidy,
                        lineNumber: lineNumber)
                }
            }
        }
    }

    /// Checks a GT value; returns its ploidy when it parses.
    func checkGenotype(
        _ value: UnsafeRawBufferPointer, alternateCount: Int, field: String, sample: String, lineNumber: Int
    ) -> Int? {
        if VCFByteParsing.isMissing(value) { return nil }
        guard let genotype = VCFGenotype.parse(value) else {
            emit(
                .error, line: lineNumber, field: field,
                "sample '\(sample)': expected a genotype such as 0/1, 1|0 or ./., found '\(Self.text(value))'"
            )
            return nil
        }
        if genotype.hasExplicitFirstPhase && version < .v4_4 {
            emit(
                .error, line: lineNumber, field: field,
                "sample '\(sample)': a leading phase marker needs VCF 4.4")
        }
        for case let allele? in genotype.alleles where allele > alternateCount {
            // With ALT '.', an index above 0 points at an unlisted allele: suspicious, not fatal.
            emit(
                alternateCount == 0 ? .warning : .error, line: lineNumber, field: field,
                "sample '\(sample)': allele index \(allele) is out of range (\(alternateCount) ALT allele\(alternateCount == 1 ? "" : "s"))"
            )
            break
        }
        return genotype.ploidy
    }
}
