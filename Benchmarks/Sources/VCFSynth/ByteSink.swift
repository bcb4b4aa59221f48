#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered byte output to a C stream, with allocation-free number formatting.
public final class ByteSink {
    private var buffer: [UInt8] = []
    private let stream: UnsafeMutablePointer<FILE>
    private let flushThreshold = 1 << 20

    public init(stream: UnsafeMutablePointer<FILE>) {
        self.stream = stream
        buffer.reserveCapacity(flushThreshold + 65_536)
    }

    @inline(__always) public func byte(_ value: UInt8) { buffer.append(value) }

    @inline(__always) public func text(_ value: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
    }

    public func text(_ value: String) { buffer.append(contentsOf: value.utf8) }

    public func bytes(_ value: [UInt8]) { buffer.append(contentsOf: value) }

    /// A non-negative integer in decimal.
    public func integer(_ value: Int) {
        if value < 10 {
            buffer.append(UInt8(48 + value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    /// `units / 10^decimals` with exactly `decimals` digits after the point.
    public func decimal(_ units: Int, decimals: Int) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        integer(units / scale)
        guard decimals > 0 else { return }
        buffer.append(0x2E)
        var fraction = units % scale
        var divisor = scale / 10
        while divisor > 0 {
            buffer.append(UInt8(48 + fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// An integer zero-padded to `width` digits.
    public func padded(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(48 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Writes out the buffer when it is large enough (call once per record).
    @inline(__always) public func flushIfFull() throws {
        if buffer.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
        if written != buffer.count {
            throw SinkError(message: "write failed: \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
        fflush(stream)
    }

    public struct SinkError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
