/// The tool's identity, written into every report's provenance.
public enum ToolInfo {
    public static let name = "oncomatch"
    public static let version = "0.1.0"
}
