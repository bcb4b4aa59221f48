/// Per-sample report files of a cohort run: `<folder>/<sample>.<format>`.
public enum CohortReportFiles {
    /// The paths of `sample`'s reports in `directory`, for `formats`.
    public static func paths(
        sample: String, directory: String, formats: [ReportFormat]
    ) -> [ReportFormat: String] {
        var outputs: [ReportFormat: String] = [:]
        for format in formats {
            outputs[format] = TextFile.resolve("\(sample).\(format.fileExtension)", against: directory)
        }
        return outputs
    }

    /// Renders every requested format first, then writes each atomically (as `MatchJob` does),
    /// so a rendering error leaves no file behind.
    static func write(_ report: MatchReport, outputs: [ReportFormat: String]) throws {
        let documents = try ReportFormat.allCases.compactMap { format -> (String, [UInt8])? in
            guard let path = outputs[format] else { return nil }
            return (path, try format.writer.renderBytes(report))
        }
        for (path, bytes) in documents {
            try OutputDirectory.createParents(of: path)
            try ReportFileWriter.write(bytes, toPath: path)
        }
    }
}
