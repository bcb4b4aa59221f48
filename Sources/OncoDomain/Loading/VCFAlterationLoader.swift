import GenomicFormats

/// Streams a VCF once and turns the tumour's ALT alleles into ``Alteration``s in a
/// ``VariantIndex``, while counting what TMB needs.
///
/// Only alleles present in the tumour become alterations (its genotype carries the allele, or —
/// without a genotype — it has alt reads); an allele with zero alt reads in the tumour, or seen
/// only in the normal, never does. Multi-allelic records are walked allele by allele. Alterations
/// are kept when they touch a gene of interest, or when their normalised allele is one a rule
/// names (so an unannotated VCF can still match exact-allele rules).
public enum VCFAlterationLoader {
    /// What to load and how.
    public struct Options: Sendable {
        public var tumourSample: String?
        public var normalSample: String?
        /// Genes whose alterations are kept; `nil` keeps every gene.
        public var genesOfInterest: Set<String>?
        /// Alleles named by rules, with their gene, kept even without annotation.
        public var allelesOfInterest: [GenomicAllele: String]
        /// Stop at the first malformed record instead of skipping and counting it.
        public var strict: Bool
        public var stopLostIsTruncating: Bool
        /// TMB counts PASS variants with at least this VAF…
        public var tmbMinimumVAF: Double
        /// …and at least this depth (when the depth is known).
        public var tmbMinimumDepth: Int
        /// Hash the input's stored bytes while reading them (``Result/inputSHA256``).
        public var computesInputChecksum: Bool
        /// Parse records on two threads (when the machine has two cores); a caller that already
        /// loads one file per core turns this off.
        public var parsesOnTwoThreads: Bool
        /// Keep alleles annotated as non-coding on every entry (intronic, UTR, up- or
        /// downstream, no HGVSp) in genes of interest. A caller whose rules cannot match them
        /// (``OncoRules`` `CompiledRuleSet.acceptsNonCodingAlterations`) turns this off: such an
        /// allele is then neither decoded nor indexed (an allele a rule names is kept anyway).
        public var keepsNonCodingAlterations = true
        /// Records that cannot become alterations are counted by a quick path (see
        /// `VCFLoadWorker+QuickPath.swift`); tests turn it off to compare it with the general one.
        var usesQuickPath = true

        public init(
            tumourSample: String? = nil, normalSample: String? = nil, genesOfInterest: Set<String>? = nil,
            allelesOfInterest: [GenomicAllele: String] = [:], strict: Bool = false,
            stopLostIsTruncating: Bool = true, tmbMinimumVAF: Double = 0.05, tmbMinimumDepth: Int = 10,
            computesInputChecksum: Bool = false, parsesOnTwoThreads: Bool = true,
            keepsNonCodingAlterations: Bool = true
        ) {
            self.keepsNonCodingAlterations = keepsNonCodingAlterations
            self.parsesOnTwoThreads = parsesOnTwoThreads
            self.computesInputChecksum = computesInputChecksum
            self.tumourSample = tumourSample
            self.normalSample = normalSample
            self.genesOfInterest = genesOfInterest
            self.allelesOfInterest = allelesOfInterest
            self.strict = strict
            self.stopLostIsTruncating = stopLostIsTruncating
            self.tmbMinimumVAF = tmbMinimumVAF
            self.tmbMinimumDepth = tmbMinimumDepth
        }
    }

    /// What one pass over the file produced.
    public struct Result: Sendable {
        /// The index, holding the tumour sample only (sample index 0).
        public var index: VariantIndex
        public var samples: TumourNormalPair
        /// Every sample column of the VCF.
        public var allSampleNames: [String]
        public var build: GenomeBuild
        public var annotationSource: AnnotationSource
        /// Counts for TMB; `nil` when the VCF has no annotation (coding status unknown).
        public var tmbCounter: TMBCounter?
        public var recordsRead: Int
        public var recordsSkipped: Int
        public var skippedExamples: [FormatError]
        /// Records whose FILTER is neither PASS nor `.`.
        public var recordsFiltered: Int
        /// The hex SHA-256 of the stored input, when ``Options/computesInputChecksum`` asked for it.
        public var inputSHA256: String?
        /// What a reader of the report should know about the input (an annotation it cannot read).
        public var warnings: [String] = []
    }

    /// Reads `path` (plain, gzip or BGZF; `-` for standard input).
    ///
    /// The records are parsed on two threads (``VCFParallelPass``); alterations are added to the
    /// index in file order and counts are sums, so the result does not depend on the threads.
    public static func load(path: String, options: Options = Options()) throws -> Result {
        var index: VariantIndex?
        var pair: TumourNormalPair?
        var source = AnnotationSource.none
        var schema: AnnotationSchema?
        let (summary, workers) = try VCFParallelPass.run(
            path: path, options: VCFReaderOptions(strict: options.strict),
            computesChecksum: options.computesInputChecksum, twoThreads: options.parsesOnTwoThreads,
            makeWorker: { header in
                if pair == nil {
                    pair = try TumourNormalPair.choose(
                        header: header, path: path, tumour: options.tumourSample, normal: options.normalSample
                    )
                    schema = try annotationSchema(header, path: path)
                    source =
                        switch schema?.tool {
                        case .vep?: .vep
                        case .snpEff?: .snpEff
                        default: .none
                        }
                    index = VariantIndex(
                        samples: [pair!.tumourName], genesOfInterest: options.genesOfInterest)
                    index!.reserveCapacity(Self.expectedAlterations)
                }
                return VCFLoadWorker(
                    template: index!, options: options, pair: pair!, schema: schema, source: source,
                    header: header)
            },
            take: { alterations, linesBefore in
                // Moved from the part into the index, each taken off the end of the reversed
                // part: iterating copied every alteration and the index copied it again, each copy
                // retaining a dozen strings and arrays that the part's release then let go.
                var part = alterations
                // (Reversed in the buffer, whose swaps move; the array's swaps copied.)
                part.withUnsafeMutableBufferPointer { $0.reverse() }
                while var alteration = part.popLast() {
                    alteration.sourceLine = alteration.sourceLine.map { $0 + linesBefore }
                    index!.add(alteration)
                }
            })
        var tmb = TMBCounter()
        var filtered = 0
        for worker in workers {
            tmb.add(worker.tmb)
            filtered += worker.filtered
        }
        let header = summary.header
        return Result(
            index: index!, samples: pair!, allSampleNames: header.sampleNames, build: header.genomeBuild,
            annotationSource: source, tmbCounter: schema == nil ? nil : tmb,
            recordsRead: summary.recordsRead, recordsSkipped: summary.skipped,
            skippedExamples: summary.skippedExamples, recordsFiltered: filtered,
            inputSHA256: summary.inputSHA256,
            warnings: schema == nil ? unreadAnnotationWarnings(header) : [])
    }

    /// Room made in the index before the first part is taken: more alterations than a tumour of
    /// genes of interest usually has (8,939 from the 1M-record benchmark). Grown by doubling
    /// instead, the stored alterations were moved into fresh memory a dozen times on the way
    /// (~1,700 page faults and 5 MB copied on the benchmark); room never filled is address
    /// space, not memory (``VariantIndex/reserveCapacity(_:)``).
    static let expectedAlterations = 16_384

    /// Annotations a header declares that the loader does not read, when it reads none: SnpEff's
    /// classic `EFF` and bcftools csq's `BCSQ`. Without a word, the report would only say the VCF
    /// has no CSQ/ANN annotation.
    static func unreadAnnotationWarnings(_ header: VCFHeader) -> [String] {
        let unread: [(tag: String, what: String, remedy: String)] = [
            (
                "EFF", "SnpEff's classic annotation",
                "re-annotate with SnpEff without -classic (INFO/ANN) or with VEP"
            ),
            ("BCSQ", "bcftools csq's annotation", "annotate with VEP (INFO/CSQ) or SnpEff (INFO/ANN)"),
        ]
        return unread.filter { header.info($0.tag) != nil }.map {
            "INFO/\($0.tag) (\($0.what)) is not read: \($0.remedy) to evaluate protein-level rules and TMB"
        }
    }

    /// The annotation declared by the header: VEP `CSQ` first, then `ANN` (VEP or SnpEff).
    static func annotationSchema(_ header: VCFHeader, path: String) throws -> AnnotationSchema? {
        for tag in ["CSQ", "ANN"] {
            if let definition = header.info(tag) {
                return try AnnotationSchema(tag: tag, description: definition.description, file: path)
            }
        }
        return nil
    }
}
