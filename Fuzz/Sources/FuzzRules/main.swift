import FuzzSupport
import OncoRules

/// Loads the input as a standalone rule file with the standard vocabulary (bundled OncoTree and
/// protein parser). Includes resolve under a directory that does not exist.
let loader = RuleLoader(vocabulary: try! RuleVocabulary.standard())

/// The libFuzzer entry point: one input per call, always returns 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    do {
        let rules = try loader.load(yaml: text, path: "/nonexistent-oncomatch-fuzz/rules.yaml")
        _ = rules.checksum
    } catch let error as RuleLoadError {
        _ = error.diagnostics.map(\.description)
    } catch {
        fatalError("load(yaml:path:) threw a non-RuleLoadError: \(error)")
    }
    return 0
}

runFuzzer(fuzz)
