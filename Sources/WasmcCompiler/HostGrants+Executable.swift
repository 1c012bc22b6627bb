/// How grants reach an executable's `main` (runtime-c/host/wasi_main.c), always as separate strings.
public enum GrantChannel: Sendable, Equatable {
    /// `wasmc compile`: the grants are compiled in and the executable's whole argv is the program's.
    case bakedIn(HostGrants)
    /// The executables `wasmc run` and `wasmc bench` cache: no grants compiled in; each run passes them
    /// as `--dir HOST GUEST` / `--env NAME VALUE` flags, one argv element per value, then a mandatory `--`
    /// (`HostGrants.runnerArguments`).
    case runnerFlags
}

extension HostGrants {
    /// The flags a `.runnerFlags` executable takes in front of the program's arguments, `--` included.
    public var runnerArguments: [String] {
        directories.flatMap { ["--dir", $0.hostPath, $0.guestPath] } + environment.flatMap { ["--env", $0.name, $0.value] } + ["--"]
    }
}

extension GrantChannel {
    /// The C definitions wasi_main.c links against. Strings are written byte by byte as octal escapes
    /// where needed, so any UTF-8 (newlines and quotes included) arrives unchanged.
    var cSource: String {
        let grants: HostGrants, takesFlags: Bool
        switch self {
        case .bakedIn(let baked): (grants, takesFlags) = (baked, false)
        case .runnerFlags: (grants, takesFlags) = (HostGrants(), true)
        }
        let dirs = grants.directories.flatMap { [$0.hostPath, $0.guestPath] }
        let env = grants.environment.flatMap { [$0.name, $0.value] }
        func array(_ name: String, _ strings: [String]) -> String {
            "const char *const \(name)[] = {" + (strings.map(Self.cStringLiteral) + ["0"]).joined(separator: ", ") + "};\n"
        }
        return "/* Grants of this executable, written by wasmc. */\n" + array("wasmc_baked_dirs", dirs) + array("wasmc_baked_env", env)
            + "const int wasmc_takes_grant_flags = \(takesFlags ? 1 : 0);\n"
    }

    static func cStringLiteral(_ text: String) -> String {
        "\"" + text.utf8.map { byte -> String in
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "?"), 0..<0x20, 0x7F...:
                // Three octal digits always, so a following digit cannot extend the escape; `?` avoids trigraphs.
                let octal = String(byte, radix: 8)
                return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            default:
                return String(UnicodeScalar(byte))
            }
        }.joined() + "\""
    }
}
