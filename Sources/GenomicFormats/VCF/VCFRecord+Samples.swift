/// FORMAT and sample column access.
extension VCFRecord {
    /// The FORMAT keys in order (allocates; see `forEachFormatKey` for the byte form).
    public var formatKeys: [String] {
        var keys: [String] = []
        forEachFormatKey { keys.append(String(decoding: $0, as: UTF8.self)) }
        return keys
    }

    /// Calls `body` with each FORMAT key's bytes (not called when there is no FORMAT column).
    public func forEachFormatKey(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard columnCount > 8 else { return }
        try withColumn(8) { try VCFByteParsing.forEachPiece(of: $0, separatedBy: 58, body) }
    }

    /// The position of `key` in FORMAT, or `nil`.
    public func formatKeyIndex(_ key: String) -> Int? {
        guard columnCount > 8 else { return nil }
        var found: Int?
        var index = 0
        forEachFormatKey { bytes in
            if found == nil && VCFByteParsing.equals(bytes, key) { found = index }
            index += 1
        }
        return found
    }

    /// Calls `body` with the raw bytes of a sample column (0-based sample); `nil` when out of range.
    public func withSampleColumn<R>(_ sample: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows
        -> R?
    {
        guard sample >= 0 && sample < sampleCount else { return nil }
        return try withColumn(9 + sample, body)
    }

    /// Calls `body` with the bytes of FORMAT `key` for a sample; `nil` when the sample does not
    /// exist, FORMAT lacks the key, or the sample dropped trailing fields (which means missing).
    public func withSampleValue<R>(
        sample: Int, key: String, _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R? {
        guard let keyIndex = formatKeyIndex(key) else { return nil }
        return try withSampleColumn(sample) { column -> R? in
            guard let piece = VCFByteParsing.piece(keyIndex, of: column, separatedBy: 58) else { return nil }
            return try body(piece)
        } ?? nil
    }

    private func sampleField(_ key: String) -> String { "FORMAT/" + key }

    /// The first value of FORMAT `key` for a sample as an integer; `nil` when absent or `.`.
    public func sampleInteger(sample: Int, key: String) throws -> Int? {
        try withSampleValue(sample: sample, key: key) { value in
            try decodeInteger(VCFByteParsing.piece(0, of: value, separatedBy: 44)!, field: sampleField(key))
        } ?? nil
    }

    /// Every value of FORMAT `key` for a sample as integers; `nil` when absent.
    public func sampleIntegers(sample: Int, key: String) throws -> [Int?]? {
        try withSampleValue(sample: sample, key: key) { value in
            var values: [Int?] = []
            try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) {
                values.append(try decodeInteger($0, field: sampleField(key)))
            }
            return values
        }
    }

    /// The first value of FORMAT `key` for a sample as a number; `nil` when absent or `.`.
    public func sampleFloat(sample: Int, key: String) throws -> Double? {
        try withSampleValue(sample: sample, key: key) { value in
            try decodeFloat(VCFByteParsing.piece(0, of: value, separatedBy: 44)!, field: sampleField(key))
        } ?? nil
    }

    /// Every value of FORMAT `key` for a sample as numbers; `nil` when absent.
    public func sampleFloats(sample: Int, key: String) throws -> [Double?]? {
        try withSampleValue(sample: sample, key: key) { value in
            var values: [Double?] = []
            try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) {
                values.append(try decodeFloat($0, field: sampleField(key)))
            }
            return values
        }
    }

    /// The whole value of FORMAT `key` for a sample as text (percent-decoded for VCF 4.3+).
    public func sampleString(sample: Int, key: String) -> String? {
        withSampleValue(sample: sample, key: key) { decodeString($0) } ?? nil
    }

    /// The values of FORMAT `key` for a sample, typed by the `##FORMAT` declaration
    /// (undeclared keys decode as String); `nil` when absent.
    public func sampleValues(sample: Int, key: String) throws -> [VCFValue]? {
        let type = header.format(key)?.type ?? .string
        return try withSampleValue(sample: sample, key: key) { value in
            try decodeValues(value, type: type, field: sampleField(key))
        }
    }

    /// The value of a Number=A or Number=R FORMAT field (e.g. `AD`, `AF`) for one allele
    /// (0 = REF, 1… = ALT). `nil` when absent, not declared A/R, or REF of a Number=A field.
    /// Throws when the list length does not match the record's alleles.
    public func sampleValue(sample: Int, key: String, allele: Int) throws -> VCFValue? {
        guard let definition = header.format(key) else { return nil }
        return try withSampleValue(sample: sample, key: key) { value -> VCFValue? in
            guard
                let piece = try alleleSpecificPiece(
                    value, number: definition.number, allele: allele, field: sampleField(key))
            else { return nil }
            return try decodeValue(piece, type: definition.type, field: sampleField(key))
        } ?? nil
    }

    /// The sample's `GT`; `nil` when there is no GT or it was dropped. Throws when GT is malformed
    /// or names an allele beyond the record's ALT alleles.
    public func genotype(sample: Int) throws -> VCFGenotype? {
        let alternates = alternateAlleleCount
        return try withSampleValue(sample: sample, key: "GT") { bytes in
            guard let genotype = VCFGenotype.parse(bytes) else {
                throw valueError("FORMAT/GT", expected: "a genotype such as 0/1, 1|0 or ./.", found: bytes)
            }
            for case let allele? in genotype.alleles where allele > alternates {
                throw valueError(
                    "FORMAT/GT", expected: "allele indices between 0 and \(alternates) (the ALT count)",
                    found: bytes)
            }
            return genotype
        } ?? nil
    }

    /// The zygosity of the sample's `GT`, without allocating; `nil` when there is no GT.
    public func genotypeZygosity(sample: Int) throws -> VCFGenotype.Zygosity? {
        try withSampleValue(sample: sample, key: "GT") { bytes in
            guard let zygosity = VCFGenotype.zygosity(of: bytes) else {
                throw valueError("FORMAT/GT", expected: "a genotype such as 0/1, 1|0 or ./.", found: bytes)
            }
            return zygosity
        } ?? nil
    }
}
