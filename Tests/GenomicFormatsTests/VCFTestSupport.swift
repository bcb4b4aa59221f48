import Foundation
import GenomicFormats
import TestSupport

/// Helpers shared by the VCF tests.
enum VCFTestSupport {
    /// Writes `text` to a fresh temporary file and returns its path.
    static func write(_ text: String, name: String = "input.vcf") throws -> String {
        let url = try TestData.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A plain-text copy of `path`: the file itself, or for `.gz` files a copy decompressed with
    /// `gzip -dc` (these tests exercise VCF parsing; compressed input is tested with the reader).
    static func plainCopy(of path: String) throws -> String {
        guard path.hasSuffix(".gz") else { return path }
        let output = try TestData.temporaryDirectory().appendingPathComponent("decompressed.vcf")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return output.path
    }

    /// A header with the given extra meta lines and samples.
    static func header(_ metaLines: [String], samples: [String] = [], version: String = "4.2") throws
        -> VCFHeader
    {
        var text = "##fileformat=VCFv\(version)\n" + metaLines.map { $0 + "\n" }.joined()
        text += "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"
        if !samples.isEmpty { text += "\tFORMAT\t" + samples.joined(separator: "\t") }
        return try VCFHeader(parsing: text + "\n")
    }
}
