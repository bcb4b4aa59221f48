/// A VCF specification version from `##fileformat=VCFvX.Y`.
public struct VCFVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `VCFv4.2` (the value of `##fileformat`), or `nil` when it is not of that form.
    public init?(fileformat: String) {
        guard fileformat.hasPrefix("VCFv") else { return nil }
        let numbers = fileformat.dropFirst(4).split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 2, let major = Int(numbers[0]), let minor = Int(numbers[1]) else {
            return nil
        }
        self.init(major: major, minor: minor)
    }

    public static let v4_0 = VCFVersion(major: 4, minor: 0)
    public static let v4_1 = VCFVersion(major: 4, minor: 1)
    public static let v4_2 = VCFVersion(major: 4, minor: 2)
    public static let v4_3 = VCFVersion(major: 4, minor: 3)
    public static let v4_4 = VCFVersion(major: 4, minor: 4)
    public static let v4_5 = VCFVersion(major: 4, minor: 5)

    public static func < (lhs: VCFVersion, rhs: VCFVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// `VCFv4.2`.
    public var description: String { "VCFv\(major).\(minor)" }
}
