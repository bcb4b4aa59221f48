import Foundation

/// Locates test inputs: the package's own `Fixtures/` and the read-only shared data set that
/// lives beside the repository (`../shared/data`), which may be absent on a user's machine.
public enum TestData {
    /// The package root (the folder holding `Package.swift`).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/TestSupport/TestData.swift → package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/data` beside the repository, or `ONCOMATCH_SHARED_DATA` when set.
    public static let sharedDataRoot: URL = {
        if let custom = ProcessInfo.processInfo.environment["ONCOMATCH_SHARED_DATA"], !custom.isEmpty {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    /// Whether the shared data set is present; tests that need it are skipped when it is not.
    public static var hasSharedData: Bool {
        FileManager.default.fileExists(atPath: sharedDataRoot.path)
    }

    /// Path of a file under `../shared/data`.
    public static func shared(_ relativePath: String) -> String {
        sharedDataRoot.appendingPathComponent(relativePath).path
    }

    /// Path of a file under `Fixtures/`.
    public static func fixture(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    /// A fresh temporary directory, unique per call.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("oncomatch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `relativeDirectory` of the shared data whose name ends with one of
    /// `suffixes`, sorted.
    public static func sharedFiles(under relativeDirectory: String, suffixes: [String]) -> [String] {
        let root = sharedDataRoot.appendingPathComponent(relativeDirectory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            if suffixes.contains(where: { item.hasSuffix($0) }) {
                found.append(root.appendingPathComponent(item).path)
            }
        }
        return found.sorted()
    }
}
