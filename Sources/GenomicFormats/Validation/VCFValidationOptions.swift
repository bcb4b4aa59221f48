/// How strictly `VCFValidator` judges a file.
public struct VCFValidationOptions: Sendable, Hashable {
    /// Report every warning as an error (`oncomatch validate --strict`).
    public var warningsAsErrors: Bool
    /// Lines longer than this are an error (and end validation of the file).
    public var maximumLineLength: Int

    public init(warningsAsErrors: Bool = false, maximumLineLength: Int = 64 << 20) {
        self.warningsAsErrors = warningsAsErrors
        self.maximumLineLength = maximumLineLength
    }
}
