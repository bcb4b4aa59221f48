/// The `Type=` of an INFO or FORMAT declaration.
public enum VCFValueType: String, Sendable, Hashable {
    case integer = "Integer"
    case float = "Float"
    case flag = "Flag"
    case character = "Character"
    case string = "String"
}
