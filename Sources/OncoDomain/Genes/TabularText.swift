import Foundation
import GenomicFormats

/// Small tab-separated inputs (gene tables, copy-number segments, fusions, BED): read whole,
/// split into lines and fields, with errors that name the file, line and column.
///
/// These files hold hundreds to a few hundred thousand lines, so a `String` per line is fine.
struct TabularText {
    /// One non-blank, non-comment line.
    struct Line {
        /// 1-based line number in the file.
        var number: Int
        var fields: [Substring]
    }

    let path: String
    let lines: [Line]
    /// The skipped comment lines, in file order (for metadata such as a gene table's
    /// `# unsourced:` declaration).
    let comments: [Substring]

    /// Reads `path`; lines starting with any of `commentPrefixes` and blank lines are skipped.
    init(path: String, commentPrefixes: [String] = ["#"]) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FormatError(.io, file: path, message: "cannot read: \(error.localizedDescription)")
        }
        self.init(path: path, text: text, commentPrefixes: commentPrefixes)
    }

    /// Splits already-read `text` (for bundled resources and tests).
    init(path: String, text: String, commentPrefixes: [String] = ["#"]) {
        self.path = path
        var lines: [Line] = []
        var comments: [Substring] = []
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if commentPrefixes.contains(where: { line.hasPrefix($0) }) {
                comments.append(line)
                continue
            }
            lines.append(
                Line(number: number, fields: line.split(separator: "\t", omittingEmptySubsequences: false)))
        }
        self.lines = lines
        self.comments = comments
    }

    /// Finds the named columns (case-insensitive; the first name of each list that is present)
    /// in the header `line`.
    func columns(_ wanted: [String: [String]], in line: Line) throws -> [String: Int] {
        var found: [String: Int] = [:]
        let header = line.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (key, names) in wanted {
            guard let index = names.lazy.compactMap({ header.firstIndex(of: $0.lowercased()) }).first else {
                throw FormatError(
                    .header, file: path, line: line.number, field: names[0],
                    message: "missing column; expected one of \(names.joined(separator: ", ")) in the header")
            }
            found[key] = index
        }
        return found
    }

    /// The field at `column`, or an error naming it.
    func field(_ line: Line, _ column: Int, name: String) throws -> Substring {
        guard column < line.fields.count else {
            throw FormatError(
                .record, file: path, line: line.number, field: name,
                message: "missing; the line has \(line.fields.count) columns")
        }
        return line.fields[column]
    }

    /// The field at `column` as a non-negative integer.
    func integer(_ line: Line, _ column: Int, name: String) throws -> Int {
        let text = try field(line, column, name: name)
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw FormatError(
                .value, file: path, line: line.number, field: name,
                message: "expected a non-negative integer, found '\(text)'")
        }
        return value
    }
}

/// Chromosome names compared without a `chr` prefix; `M` and `MT` are the same.
enum ChromosomeName {
    static func normalised(_ name: some StringProtocol) -> String {
        var text = Substring(name)
        if text.lowercased().hasPrefix("chr") { text = text.dropFirst(3) }
        let upper = text.uppercased()
        return upper == "M" ? "MT" : upper
    }
}
