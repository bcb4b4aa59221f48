#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// INFO column access: zero-copy byte access and typed convenience accessors.
extension VCFRecord {
    /// Finds `key` in INFO: the byte range of its value (empty for a flag), or `nil` when absent.
    @inline(__always)
    func infoValueBounds(_ key: String) -> Range<Int>? {
        var key = key
        return key.withUTF8 { keyBytes in
            withRawLine { $0.infoValueBounds(forKey: UnsafeRawBufferPointer(keyBytes)) }
        }
    }

    /// Whether INFO contains `key` (a flag or a key with a value).
    public func hasInfo(_ key: String) -> Bool { infoValueBounds(key) != nil }

    /// Calls `body` with the raw value bytes of INFO `key` (empty for a flag); `nil` when absent.
    /// This is the entry point for lazily parsed annotation fields such as `CSQ` and `ANN`.
    public func withInfoValue<R>(forKey key: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows
        -> R?
    {
        guard let bounds = infoValueBounds(key) else { return nil }
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[bounds])) }
    }

    /// Calls `body` with each comma-separated value of INFO `key`. Returns `false` when absent.
    @discardableResult
    public func forEachInfoValue(forKey key: String, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows
        -> Bool
    {
        try withInfoValue(forKey: key) { try VCFByteParsing.forEachPiece(of: $0, separatedBy: 44, body) }
            != nil
    }

    /// Calls `body` with each INFO entry's key and value bytes (`nil` value for a flag), in order.
    public func forEachInfoEntry(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?) throws -> Void
    ) rethrows {
        try withColumn(7) { info in
            if VCFByteParsing.isMissing(info) { return }
            try VCFByteParsing.forEachPiece(of: info, separatedBy: UInt8(ascii: ";")) { entry in
                if entry.isEmpty { return }
                if let equals = entry.firstIndex(of: UInt8(ascii: "=")) {
                    try body(
                        UnsafeRawBufferPointer(rebasing: entry[..<equals]),
                        UnsafeRawBufferPointer(rebasing: entry[(equals + 1)...]))
                } else {
                    try body(entry, nil)
                }
            }
        }
    }

    /// The first value of INFO `key` as an integer; `nil` when absent or `.`.
    public func infoInteger(_ key: String) throws -> Int? {
        try withInfoValue(forKey: key) { value in
            let first = VCFByteParsing.piece(0, of: value, separatedBy: 44)!
            return try decodeInteger(first, field: "INFO/" + key)
        } ?? nil
    }

    /// Every value of INFO `key` as integers (`nil` entries for `.`); `nil` when absent.
    public func infoIntegers(_ key: String) throws -> [Int?]? {
        try withInfoValue(forKey: key) { value in
            var values: [Int?] = []
            try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) {
                values.append(try decodeInteger($0, field: "INFO/" + key))
            }
            return values
        }
    }

    /// The first value of INFO `key` as a number; `nil` when absent or `.`.
    public func infoFloat(_ key: String) throws -> Double? {
        try withInfoValue(forKey: key) { value in
            let first = VCFByteParsing.piece(0, of: value, separatedBy: 44)!
            return try decodeFloat(first, field: "INFO/" + key)
        } ?? nil
    }

    /// Every value of INFO `key` as numbers (`nil` entries for `.`); `nil` when absent.
    public func infoFloats(_ key: String) throws -> [Double?]? {
        try withInfoValue(forKey: key) { value in
            var values: [Double?] = []
            try VCFByteParsing.forEachPiece(of: value, separatedBy: 44) {
                values.append(try decodeFloat($0, field: "INFO/" + key))
            }
            return values
        }
    }

    /// Whether the flag `key` is present in INFO.
    public func infoFlag(_ key: String) -> Bool { hasInfo(key) }

    /// The whole value of INFO `key` as text (percent-decoded for VCF 4.3+); `nil` when absent
    /// or `.`.
    public func infoString(_ key: String) -> String? {
        withInfoValue(forKey: key) { decodeString($0) } ?? nil
    }

    /// The comma-separated values of INFO `key` as text; `nil` when absent.
    public func infoStrings(_ key: String) -> [String?]? {
        withInfoValue(forKey: key) { value in
            var values: [String?] = []
            VCFByteParsing.forEachPiece(of: value, separatedBy: 44) { values.append(decodeString($0)) }
            return values
        }
    }

    /// The values of INFO `key` typed by its `##INFO` declaration (undeclared keys decode as
    /// String); `[.flag]` for a present flag; `nil` when absent.
    public func infoValues(_ key: String) throws -> [VCFValue]? {
        let definition = header.info(key)
        return try withInfoValue(forKey: key) { value in
            if value.isEmpty && (definition == nil || definition?.type == .flag) { return [.flag] }
            return try decodeValues(value, type: definition?.type ?? .string, field: "INFO/" + key)
        }
    }

    /// The value of a Number=A or Number=R INFO field for one allele (0 = REF, 1… = ALT), so a
    /// multi-allelic record can be walked allele by allele. `nil` when absent, when the field is
    /// not declared A/R, or for REF of a Number=A field. Throws when the list length does not
    /// match the number of alleles.
    public func infoValue(_ key: String, allele: Int) throws -> VCFValue? {
        guard let definition = header.info(key) else { return nil }
        return try withInfoValue(forKey: key) { value -> VCFValue? in
            guard
                let piece = try alleleSpecificPiece(
                    value, number: definition.number, allele: allele, field: "INFO/" + key)
            else { return nil }
            return try decodeValue(piece, type: definition.type, field: "INFO/" + key)
        } ?? nil
    }
}
