import Foundation
import GenomicFormats
import OncoDomain

/// The shipped knowledge base, precompiled: the loaded ``RuleSet`` in a binary form that reads
/// back in about a millisecond, where parsing and checking its YAML takes ~20 ms — most of a
/// small tumour's run.
///
/// The YAML stays the source of truth. The archive (`KnowledgeBase/ruleset.compiled`) records the
/// rule-set checksum, which covers every loaded file's path and bytes, and is used only when the
/// YAML files beside it still have that checksum; otherwise, or when the archive is missing or
/// damaged, the YAML is loaded as usual. A test checks that the shipped archive reads back equal
/// to the YAML's rule set (the parser's behaviour included), and rewrites it with
/// `ONCOMATCH_UPDATE_GOLDEN=1` (`scripts/update-golden.sh`).
///
/// Layout: the bytes `OMRS`, the SHA-256 of everything after it (so a damaged archive is never
/// read as a different rule set), the format version, the tool version that wrote it, then the
/// rule set as ``RuleSetArchiveWriter`` writes it. An archive from another format or tool version
/// is not used.
public enum RuleSetArchive {
    /// The archive's file name, beside the knowledge base's top file.
    public static let fileName = "ruleset.compiled"
    static let magic: [UInt8] = Array("OMRS".utf8)
    static let formatVersion = 2

    /// Why an archive could not be read.
    public struct DamagedArchive: Error, CustomStringConvertible {
        public var description: String
    }

    /// The archive of `ruleSet`, with file paths under `directory` stored relative to it.
    public static func encode(_ ruleSet: RuleSet, directory: String) -> [UInt8] {
        var writer = RuleSetArchiveWriter(directory: directory)
        writer.integer(formatVersion)
        writer.string(ToolInfo.version)
        writer.ruleSet(ruleSet)
        let body = writer.bytes
        return magic + body.withUnsafeBytes { SHA256.digest($0) } + body
    }

    /// The rule set of an archive, with relative file paths read under `directory`.
    ///
    /// - Throws: ``DamagedArchive`` when the bytes are not a whole archive of this format and
    ///   tool version.
    public static func decode(_ bytes: [UInt8], directory: String) throws -> RuleSet {
        let bodyStart = magic.count + SHA256.digestLength
        guard bytes.count >= bodyStart, bytes.starts(with: magic) else {
            throw DamagedArchive(description: "not a rule-set archive")
        }
        let digest = bytes[bodyStart...].withUnsafeBytes { SHA256.digest($0) }
        guard bytes[magic.count..<bodyStart].elementsEqual(digest) else {
            throw DamagedArchive(description: "the archive's bytes do not match its checksum")
        }
        var reader = RuleSetArchiveReader(bytes: bytes, offset: bodyStart, directory: directory)
        let format = try reader.integer()
        guard format == formatVersion else {
            throw DamagedArchive(description: "archive format \(format), expected \(formatVersion)")
        }
        let tool = try reader.string()
        guard tool == ToolInfo.version else {
            throw DamagedArchive(
                description: "archive written by version \(tool), this is \(ToolInfo.version)")
        }
        let ruleSet = try reader.ruleSet()
        guard reader.isAtEnd else { throw DamagedArchive(description: "bytes after the rule set") }
        return ruleSet
    }

    /// The knowledge base from the archive beside `topFile`, when that archive reads back and the
    /// YAML files it was compiled from still have its checksum; `nil` otherwise.
    static func load(besideTopFile topFile: String) -> RuleSet? {
        let directory = (topFile as NSString).deletingLastPathComponent
        let archivePath = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: archivePath),
            let ruleSet = try? decode([UInt8](data), directory: directory),
            ruleSet.sourceFiles.first == topFile,
            isCurrent(ruleSet, directory: directory)
        else { return nil }
        return ruleSet
    }

    /// Whether the files a rule set was loaded from still give its checksum (computed as the
    /// loader computes it: each file's path relative to the top file's directory, then its bytes).
    static func isCurrent(_ ruleSet: RuleSet, directory: String) -> Bool {
        var checksum = RuleSetChecksum()
        for file in ruleSet.sourceFiles {
            guard let relative = RuleSetChecksum.relativePath(of: file, under: directory),
                let data = FileManager.default.contents(atPath: file)
            else { return false }
            checksum.add(relativePath: relative, contents: [UInt8](data))
        }
        return checksum.finalize() == ruleSet.checksum
    }

    /// The case number a criterion is written with.
    static func criterionCase(_ criterion: Criterion) -> Int {
        switch criterion {
        case .allele: 0
        case .protein: 1
        case .codon: 2
        case .range: 3
        case .exon: 4
        case .gene: 5
        case .copyNumber: 6
        case .fusion: 7
        case .tmb: 8
        case .msi: 9
        case .mmr: 10
        case .hrd: 11
        case .wildType: 12
        case .all: 13
        case .any: 14
        case .not: 15
        }
    }
}
