/// Appends text to a fixed buffer of UTF-8 bytes, for building short strings without the
/// intermediate `String`s of concatenation (``ProteinChange/description``).
///
/// The caller sizes the buffer for everything it appends; appending past its end is a
/// programming error (it traps).
struct ASCIITextWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "ASCIITextWriter: buffer too small")
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    mutating func append(_ character: Character) {
        for byte in character.utf8 { append(byte) }
    }

    /// The decimal digits of `number` (with a `-` when negative).
    mutating func append(_ number: Int) {
        var magnitude = number.magnitude
        if number < 0 { append(UInt8(ascii: "-")) }
        // At most 20 digits; written backwards into place.
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        precondition(count + digits <= buffer.count, "ASCIITextWriter: buffer too small")
        var position = count + digits - 1
        repeat {
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }
}
