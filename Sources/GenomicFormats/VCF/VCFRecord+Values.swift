/// Decoding of single values, shared by the INFO and FORMAT accessors.
extension VCFRecord {
    /// Decodes an Integer piece; `nil` for the missing value `.`.
    @inline(__always)
    func decodeInteger(_ piece: UnsafeRawBufferPointer, field: @autoclosure () -> String) throws -> Int? {
        if let value = VCFByteParsing.integer(piece) { return value }
        if VCFByteParsing.isMissing(piece) { return nil }
        throw valueError(field(), expected: "an integer or '.'", found: piece)
    }

    /// Decodes a Float piece; `nil` for the missing value `.`.
    @inline(__always)
    func decodeFloat(_ piece: UnsafeRawBufferPointer, field: @autoclosure () -> String) throws -> Double? {
        if let value = VCFByteParsing.float(piece) { return value }
        if VCFByteParsing.isMissing(piece) { return nil }
        throw valueError(field(), expected: "a number or '.'", found: piece)
    }

    /// Decodes a String piece (percent-decoded for VCF 4.3+); `nil` for `.`.
    func decodeString(_ piece: UnsafeRawBufferPointer) -> String? {
        if VCFByteParsing.isMissing(piece) { return nil }
        return VCFByteParsing.string(piece, percentDecode: header.usesPercentEncoding)
    }

    /// Decodes one piece according to a declared type.
    func decodeValue(_ piece: UnsafeRawBufferPointer, type: VCFValueType, field: @autoclosure () -> String)
        throws -> VCFValue
    {
        if VCFByteParsing.isMissing(piece) { return .missing }
        switch type {
        case .integer: return try decodeInteger(piece, field: field()).map(VCFValue.integer) ?? .missing
        case .float: return try decodeFloat(piece, field: field()).map(VCFValue.float) ?? .missing
        case .flag: return .flag
        case .character:
            let text = decodeString(piece) ?? ""
            guard text.count == 1, let character = text.first else {
                throw valueError(field(), expected: "a single character", found: piece)
            }
            return .character(character)
        case .string: return decodeString(piece).map(VCFValue.string) ?? .missing
        }
    }

    /// Decodes a comma-separated list according to a declared type.
    func decodeValues(_ bytes: UnsafeRawBufferPointer, type: VCFValueType, field: @autoclosure () -> String)
        throws -> [VCFValue]
    {
        if type == .flag { return [.flag] }
        var values: [VCFValue] = []
        try VCFByteParsing.forEachPiece(of: bytes, separatedBy: 44) { piece in
            values.append(try decodeValue(piece, type: type, field: field()))
        }
        return values
    }

    /// Picks the value for `allele` (0 = REF, 1… = ALT) out of a Number=A or Number=R list,
    /// checking the list has the declared length. `nil` when the field is not allele-specific or
    /// the allele has no entry (REF for Number=A).
    func alleleSpecificPiece(
        _ bytes: UnsafeRawBufferPointer, number: VCFNumber, allele: Int, field: @autoclosure () -> String
    ) throws -> UnsafeRawBufferPointer? {
        let alternates = alternateAlleleCount
        let index: Int
        let expected: Int
        switch number {
        case .perAlternateAllele:
            index = allele - 1
            expected = alternates
        case .perAllele:
            index = allele
            expected = alternates + 1
        default:
            return nil
        }
        if VCFByteParsing.isMissing(bytes) { return bytes }
        var found = 0
        for byte in bytes where byte == 44 { found += 1 }
        found += 1
        if found != expected {
            throw FormatError(
                .value, file: path, line: lineNumber, field: field(),
                message: "expected \(expected) comma-separated values (Number=\(number)), found \(found)")
        }
        guard index >= 0 && index < expected else { return nil }
        return VCFByteParsing.piece(index, of: bytes, separatedBy: 44)
    }
}
