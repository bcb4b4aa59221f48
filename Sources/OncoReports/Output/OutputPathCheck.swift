#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses output paths that would destroy something: a file written over an input the command
/// reads (`match --json tumour.vcf` and `rules import-civic evidence.tsv -o evidence.tsv` were
/// once accepted: the input was replaced), two outputs named to the same file (the second
/// silently replaced the first), or an output path that is a directory.
///
/// Paths are compared as files, not as text: `out/../x.json`, `./x.json` and a symbolic link to
/// `x.json` all name `x.json`.
public enum OutputPathCheck {
    /// What is wrong with writing `outputs` (flag, path) beside reading `inputs` (what, path),
    /// or `nil` when nothing is. Standard input (`-`) is not a file and is skipped.
    public static func problem(
        outputs: [(flag: String, path: String)], inputs: [(what: String, path: String)]
    )
        -> String?
    {
        // Each path resolved once, looked up by file: a cohort of thousands of samples checks
        // its reports against its inputs in linear time.
        var read: [String: (what: String, path: String)] = [:]
        for input in inputs where input.path != "-" {
            let file = identity(of: input.path)
            if read[file] == nil { read[file] = input }
        }
        var written: [String: String] = [:]
        for (flag, path) in outputs {
            if isDirectory(path) { return "\(flag) '\(path)' is a folder; give a file path" }
            let file = identity(of: path)
            if let earlier = written[file] {
                return
                    "\(earlier) and \(flag) name the same file ('\(path)'): one output would replace the other"
            }
            if let input = read[file] {
                return
                    "\(flag) '\(path)' is the \(input.what) '\(input.path)': writing there would overwrite it"
            }
            written[file] = flag
        }
        return nil
    }

    /// The file `path` names: its resolved path when it exists (symbolic links followed), else
    /// its resolved folder plus its name, else the path made absolute with `.` and `..` removed.
    public static func identity(of path: String) -> String {
        if let resolved = resolvedPath(path) { return resolved }
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        let slash = absolute.lastIndex(of: "/")!
        let folder = String(absolute[..<slash])
        let name = String(absolute[absolute.index(after: slash)...])
        if let resolvedFolder = resolvedPath(folder.isEmpty ? "/" : folder) {
            return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + name
        }
        return standardized(absolute)
    }

    private static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func currentDirectory() -> String {
        guard let directory = getcwd(nil, 0) else { return "" }
        defer { free(directory) }
        return String(cString: directory)
    }

    /// `absolute` without empty, `.` and `..` components.
    private static func standardized(_ absolute: String) -> String {
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
