import Foundation

/// What a WASI program may reach beyond its own memory: preopened directories and environment variables.
/// The command line's `--dir HOST[::GUEST]` and `--env NAME[=VALUE]` are parsed into this once; from then
/// on grants travel as separate strings (see `HostGrants+Executable.swift`), never as option text that
/// something splits or parses again.
public struct HostGrants: Sendable, Equatable {
    public struct Directory: Sendable, Equatable {
        public var hostPath: String
        public var guestPath: String

        public init(hostPath: String, guestPath: String) {
            self.hostPath = hostPath
            self.guestPath = guestPath
        }
    }

    public struct Variable: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var directories: [Directory]
    public var environment: [Variable]

    public init(directories: [Directory] = [], environment: [Variable] = []) {
        self.directories = directories
        self.environment = environment
    }

    /// Parses Wasmtime's syntax: `HOST[::GUEST]` (split at the first `::`) and `NAME=VALUE` (split at the
    /// first `=`) or `NAME`, whose value comes from `inherited` (skipped when it is not set there).
    public init(directories: [String], environment: [String],
                inherited: (String) throws(HostGrantError) -> String? = HostGrants.inheritedVariable) throws(HostGrantError) {
        var grants = HostGrants()
        for text in directories {
            let host: String, guest: String
            if let separator = text.range(of: "::") {
                host = String(text[..<separator.lowerBound])
                guest = String(text[separator.upperBound...])
            } else {
                (host, guest) = (text, text)
            }
            guard !host.isEmpty, !guest.isEmpty else { throw .emptyPath(text) }
            grants.directories.append(Directory(hostPath: host, guestPath: guest))
        }
        for text in environment {
            if let equals = text.firstIndex(of: "=") {
                grants.environment.append(Variable(name: String(text[..<equals]), value: String(text[text.index(after: equals)...])))
            } else if let value = try inherited(text) {
                grants.environment.append(Variable(name: text, value: value))
            } else if text.isEmpty {
                throw .invalidName(text)
            }
        }
        try grants.validate()
        self = grants
    }

    /// Refuses what could never reach the guest intact: empty paths, empty names or names holding `=`
    /// (the guest splits `NAME=VALUE` at the first `=`), and NUL bytes (C strings end there).
    public func validate() throws(HostGrantError) {
        for directory in directories {
            guard !directory.hostPath.isEmpty, !directory.guestPath.isEmpty else {
                throw .emptyPath("\(directory.hostPath)::\(directory.guestPath)")
            }
            for path in [directory.hostPath, directory.guestPath] where path.utf8.contains(0) { throw .nulByte(path) }
        }
        for variable in environment {
            guard !variable.name.isEmpty, !variable.name.contains("=") else { throw .invalidName(variable.name) }
            for text in [variable.name, variable.value] where text.utf8.contains(0) { throw .nulByte(text) }
        }
    }

    /// This process's value of `name`, read as bytes: a value that is not UTF-8 is refused, not repaired.
    public static func inheritedVariable(_ name: String) throws(HostGrantError) -> String? {
        guard !name.isEmpty, !name.contains("="), let raw = getenv(name) else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
        guard let value = String(validating: bytes, as: UTF8.self) else { throw .notUTF8("the value of $\(name)") }
        return value
    }
}

/// A grant that cannot be given as written.
public enum HostGrantError: Error, Equatable, CustomStringConvertible {
    case emptyPath(String)
    case invalidName(String)
    case nulByte(String)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .emptyPath(let text): "--dir \(quoted(text)): a directory path is empty (expected HOST or HOST::GUEST)"
        case .invalidName(let name): "--env \(quoted(name)): the variable name is empty or contains '=' (expected NAME=VALUE or NAME)"
        case .nulByte(let text): "\(quoted(text)) contains a NUL byte, which no C string can carry"
        case .notUTF8(let what): "\(what) is not valid UTF-8; wasmc passes it on only unaltered, so it is refused"
        }
    }
}

/// `text` in single quotes with control characters escaped, so a message stays one readable line.
func quoted(_ text: String) -> String {
    "'" + text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined() + "'"
}
