import VCFSynth

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// generate-vcf [--records N] [--seed S] [--cancer-gene-percent P] [--output PATH]
/// Writes a synthetic tumour–normal VCF (plain text; pipe through `bgzip` for BGZF).
func printError(_ message: String) {
    var text = Array(message.utf8)
    text.append(0x0A)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

func usage() -> Never {
    printError("usage: generate-vcf [--records N] [--seed S] [--cancer-gene-percent P] [--output PATH|-]")
    exit(2)
}

var records = 10_000
var seed: UInt64 = 1
var cancerGenePercent = 2.0
var output = "-"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--records":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else { usage() }
        records = value
    case "--seed":
        guard let value = arguments.popFirst().flatMap({ UInt64($0) }) else { usage() }
        seed = value
    case "--cancer-gene-percent":
        guard let text = arguments.popFirst(), let value = Double(text), (0...100).contains(value) else { usage() }
        cancerGenePercent = value
    case "--output", "-o":
        guard let value = arguments.popFirst() else { usage() }
        output = value
    case "--help", "-h": usage()
    default:
        printError("generate-vcf: unknown argument \(argument)")
        usage()
    }
}

let stream: UnsafeMutablePointer<FILE>
if output == "-" {
    guard let standardOutput = fdopen(1, "w") else { exit(1) }
    stream = standardOutput
} else {
    guard let file = fopen(output, "w") else {
        printError("generate-vcf: cannot create \(output): \(String(cString: strerror(errno)))")
        exit(1)
    }
    stream = file
}
do {
    try SyntheticTumourVCF(records: records, seed: seed, cancerGenePercent: cancerGenePercent).write(to: ByteSink(stream: stream))
    fclose(stream)
} catch {
    printError("generate-vcf: \(error)")
    exit(1)
}
