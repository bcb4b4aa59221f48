/// One decoded INFO or FORMAT value, typed by its header declaration.
public enum VCFValue: Sendable, Hashable {
    case integer(Int)
    case float(Double)
    /// A present Flag.
    case flag
    case character(Character)
    /// Text, percent-decoded for VCF 4.3 and later.
    case string(String)
    /// The missing value `.`.
    case missing

    /// The integer, if this is one.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double` (integers converted), if this is a number.
    public var floatValue: Double? {
        switch self {
        case .float(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The text, if this is a string or character.
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .character(let value): return String(value)
        default: return nil
        }
    }
}
