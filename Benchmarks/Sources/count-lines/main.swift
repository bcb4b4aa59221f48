import GenomicFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// count-lines [--threads N] FILE
/// Reads FILE (plain, gzip or BGZF, `-` for stdin) with `LineReader` and prints
/// "<lines> <bytes> <compression>": the input layer alone, for timing against other tools.
var arguments = Array(CommandLine.arguments.dropFirst())
var threads = DecompressingReader.defaultInflateThreads
if arguments.count == 3, arguments[0] == "--threads", let value = Int(arguments[1]) {
    threads = value
    arguments.removeFirst(2)
}
guard arguments.count == 1 else {
    print("usage: count-lines [--threads N] FILE")
    exit(2)
}
do {
    let reader = try LineReader(path: arguments[0], inflateThreads: threads)
    var bytes = 0
    while let line = try reader.nextLine() { bytes += line.count + 1 }
    print("\(reader.lineNumber) \(bytes) \(reader.compression)")
} catch {
    print("count-lines: \(error)")
    exit(1)
}
