import Crypto
import Foundation

/// A content-addressed store of build artifacts (linked modules, the runtime library).
///
/// Every entry is a file plus a `.sha256` sidecar holding its digest, written after the file and both
/// by rename from a temporary name, so a reader sees either a complete entry or none; a truncated or
/// altered file fails its digest and is rebuilt. The cache is an optimisation only: every failure
/// here is reported as a warning and the caller builds afresh.
public struct ArtifactCache: Sendable {
    public let directory: URL
    private let warn: @Sendable (String) -> Void

    public init(directory: URL, warn: @escaping @Sendable (String) -> Void = ArtifactCache.printWarning) {
        self.directory = directory
        self.warn = warn
    }

    /// `$XDG_CACHE_HOME/wasmc`, else `~/.cache/wasmc`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("wasmc")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/wasmc")
    }

    public static let printWarning: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    /// The SHA-256 of the parts, each length-prefixed so that no two different part lists collide.
    public static func key(_ parts: [[UInt8]]) -> String {
        var hasher = SHA256()
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        return hasher.finalize().map { hex($0, digits: 2) }.joined()
    }

    public func path(for key: String, suffix: String) -> URL {
        directory.appendingPathComponent(key + suffix)
    }

    /// The entry's file when it is present and intact; a damaged entry is removed (with a warning).
    public func lookup(_ key: String, suffix: String) -> URL? {
        let file = path(for: key, suffix: suffix)
        let sidecar = file.appendingPathExtension("sha256")
        guard FileManager.default.fileExists(atPath: sidecar.path) else { return nil }
        guard let recorded = try? String(contentsOf: sidecar, encoding: .utf8),
              let contents = FileManager.default.contents(atPath: file.path),
              Self.digest(contents) == recorded.trimmingCharacters(in: .whitespacesAndNewlines)
        else {
            warn("cache entry \(file.lastPathComponent) is damaged; rebuilding it")
            remove(key, suffix: suffix)
            return nil
        }
        return file
    }

    /// Makes the entry with `build`, which writes the artifact to the path it is given, and returns the
    /// entry's final path. When the cache cannot store it, the artifact stays at a private temporary
    /// path, which is returned instead, after a warning.
    public func store(_ key: String, suffix: String, build: (URL) throws -> Void) throws -> URL {
        let file = path(for: key, suffix: suffix)
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var staging = directory.appendingPathComponent(".tmp-\(unique)-\(key.prefix(16))\(suffix)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            warn("cannot create the cache directory \(directory.path) (\(error.localizedDescription)); building without the cache")
            staging = Self.privateTemporaryDirectory().appendingPathComponent(key + suffix)
            try build(staging)
            return staging
        }
        do {
            try build(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        do {
            guard let contents = FileManager.default.contents(atPath: staging.path) else {
                throw CocoaError(.fileReadUnknown)
            }
            let sidecarStaging = staging.appendingPathExtension("sha256")
            try Data(Self.digest(contents).utf8).write(to: sidecarStaging)
            try Self.rename(staging, to: file)
            try Self.rename(sidecarStaging, to: file.appendingPathExtension("sha256"))
            return file
        } catch {
            warn("cannot store \(file.lastPathComponent) in the cache (\(error.localizedDescription)); using an uncached copy")
            if FileManager.default.fileExists(atPath: staging.path) { return staging }
            if FileManager.default.fileExists(atPath: file.path) { return file }
            throw error
        }
    }

    public func remove(_ key: String, suffix: String) {
        let file = path(for: key, suffix: suffix)
        try? FileManager.default.removeItem(at: file.appendingPathExtension("sha256"))
        try? FileManager.default.removeItem(at: file)
    }

    static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { hex($0, digits: 2) }.joined()
    }

    /// Atomic replacement (POSIX `rename`), which `FileManager.moveItem` does not promise.
    private static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    static func privateTemporaryDirectory() -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
