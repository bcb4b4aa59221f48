import Foundation

/// Runs `python3` for cross-checks (jsonschema, html.parser); the tests using it are skipped
/// when it is not installed.
enum ExternalTools {
    /// Whether `python3` can import `module`.
    static func pythonHas(_ module: String) -> Bool {
        (try? runPython("import \(module)", input: "")).map { $0.status == 0 } ?? false
    }

    static let hasJSONSchema = pythonHas("jsonschema")
    static let hasPython = pythonHas("html.parser")

    /// Runs `python3 -c script` with `input` on standard input.
    static func runPython(_ script: String, input: String, arguments: [String] = []) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self),
            String(decoding: error, as: UTF8.self)
        )
    }
}
