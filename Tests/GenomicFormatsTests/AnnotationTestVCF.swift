import Foundation
import GenomicFormats

/// A minimal VCF reader for the annotation tests (the real VCF reader lives elsewhere): header
/// lines kept, data lines split on tabs, INFO looked up by exact key.
struct AnnotationTestVCF {
    struct Record {
        var columns: [String]
        var chrom: String { columns[0] }
        var pos: String { columns[1] }
        var ref: String { columns[3] }
        var alt: String { columns[4] }

        /// The INFO value of `key` (exact key, not a suffix such as `SIMPLE_ANN` for `ANN`).
        func info(_ key: String) -> String? {
            for item in columns[7].split(separator: ";", omittingEmptySubsequences: true) {
                if let equals = item.firstIndex(of: "=") {
                    if item[..<equals] == key { return String(item[item.index(after: equals)...]) }
                } else if item == key {
                    return ""
                }
            }
            return nil
        }
    }

    var headerLines: [String] = []
    var records: [Record] = []

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") {
                headerLines.append(String(line))
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // SnpEff's cancer example starts with a log line: keep only real data lines.
            if columns.count >= 8 { records.append(Record(columns: columns)) }
        }
    }

    /// The schema of INFO tag `tag`, from its header line.
    func schema(_ tag: String) throws -> AnnotationSchema {
        guard let line = headerLines.first(where: { $0.hasPrefix("##INFO=<ID=\(tag),") }) else {
            throw FormatError(.header, file: "test", message: "no INFO/\(tag)")
        }
        return try AnnotationSchema(infoHeaderLine: line)
    }
}

/// Runs `body` over the entries of `value` parsed with `schema`.
func withEntries<Result>(
    _ value: String, schema: AnnotationSchema, _ body: (AnnotationEntries) throws -> Result
) rethrows -> Result {
    var copy = value
    return try copy.withUTF8 { bytes in
        try body(AnnotationEntries(UnsafeRawBufferPointer(bytes), schema: schema))
    }
}
