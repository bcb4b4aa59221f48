import FuzzSupport
import OncoDomain

/// Parses the input as an HGVS protein change. A parsed change must print (three-letter and
/// one-letter notation) to text that parses back to the same change.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    guard let change = ProteinChange.parse(text) else { return 0 }
    let threeLetter = change.threeLetterDescription
    guard let reparsed = ProteinChange.parse(threeLetter) else {
        fatalError("'\(text)' parsed, but its description '\(threeLetter)' does not")
    }
    if reparsed != change {
        fatalError("'\(text)' prints as '\(threeLetter)', which reparses to a different change: \(reparsed)")
    }
    let oneLetter = change.description
    guard var short = ProteinChange.parse(oneLetter) else {
        fatalError("'\(text)' parsed, but its description '\(oneLetter)' does not")
    }
    short.isPredicted = change.isPredicted
    if short != change {
        fatalError("'\(text)' prints as '\(oneLetter)', which reparses to a different change: \(short)")
    }
    return 0
}

runFuzzer(fuzz)
