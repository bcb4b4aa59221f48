/// An exon or intron number out of a total, as VEP (`EXON`, `INTRON`) and SnpEff (`Rank`) write it:
/// `7/15`, or `2-3/15` when the variant spans several.
public struct AnnotationRank: Sendable, Equatable, CustomStringConvertible {
    /// The first (or only) exon or intron touched, 1-based.
    public var number: Int
    /// The last one touched; equals `number` unless a range like `2-3/15` was written.
    public var lastNumber: Int
    /// How many exons or introns the transcript has.
    public var total: Int

    public init(number: Int, lastNumber: Int? = nil, total: Int) {
        self.number = number
        self.lastNumber = lastNumber ?? number
        self.total = total
    }

    /// Parses `n/t` or `n-m/t`; `nil` for an empty or malformed value.
    public init?(_ value: AnnotationBytes) {
        let bytes = value.bytes
        guard let slash = bytes.firstIndex(of: 0x2F) else { return nil }
        let numbers = UnsafeRawBufferPointer(rebasing: bytes[0..<slash])
        guard
            let total = AnnotationBytes.parseInteger(UnsafeRawBufferPointer(rebasing: bytes[(slash + 1)...]))
        else { return nil }
        if let dash = numbers.firstIndex(of: 0x2D), dash > 0 {
            guard
                let first = AnnotationBytes.parseInteger(UnsafeRawBufferPointer(rebasing: numbers[0..<dash])),
                let last = AnnotationBytes.parseInteger(
                    UnsafeRawBufferPointer(rebasing: numbers[(dash + 1)...]))
            else { return nil }
            self.init(number: first, lastNumber: last, total: total)
        } else {
            guard let number = AnnotationBytes.parseInteger(numbers) else { return nil }
            self.init(number: number, total: total)
        }
    }

    /// `7/15` or `2-3/15`.
    public var description: String {
        number == lastNumber ? "\(number)/\(total)" : "\(number)-\(lastNumber)/\(total)"
    }
}
