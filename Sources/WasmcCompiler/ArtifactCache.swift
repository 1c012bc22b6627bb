import Crypto
import Foundation

/// A content-addressed store of build artifacts (linked modules, the runtime library).
///
/// Every entry is a file plus a `.sha256` sidecar holding its digest. Artifacts are built in the
/// process's private scratch directory and then installed by `OutputFile.write` (a new file, renamed
/// into place), the file before its sidecar, so a reader sees either a complete entry or none; a
/// truncated or altered file fails its digest and is rebuilt.
///
/// The cache is private: its directory is 0700, files 0600 and executables 0700, whatever the umask.
/// A directory owned by another user or writable by group or others is not used, nor is an entry
/// that is not a regular file of this user. The cache is an optimisation only: every failure (such a
/// directory, a read-only or full file system, a damaged entry) is reported in a one-line warning and
/// the artifact is built privately instead.
public struct ArtifactCache: Sendable {
    public let directory: URL
    private let warn: @Sendable (String) -> Void
    private let state = CacheState()

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

    /// The entry's file when it is present, intact and this user's; a bad entry is removed (with a warning).
    public func lookup(_ key: String, suffix: String) -> URL? {
        guard isUsable else { return nil }
        let file = path(for: key, suffix: suffix)
        let sidecar = file.appendingPathExtension("sha256")
        var status = stat()
        guard lstat(sidecar.path, &status) == 0 else { return nil }
        guard let recorded = Self.trustedContents(sidecar.path), let contents = Self.trustedContents(file.path),
              Self.digest(Data(contents)) == String(decoding: recorded, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        else {
            warn("cache entry \(file.lastPathComponent) is damaged or not this user's; rebuilding it")
            remove(key, suffix: suffix)
            return nil
        }
        return file
    }

    /// Makes the entry with `build`, which writes the artifact to the (private) path it is given, and
    /// returns the entry's final path. When the cache cannot take it, the privately built artifact is
    /// returned instead, after a warning; only a failing `build` throws.
    public func store(_ key: String, suffix: String, build: (URL) throws -> Void) throws -> URL {
        let built = try Self.buildPrivately(named: String(key.prefix(16)) + suffix, build: build)
        guard isUsable else { return built }
        let file = path(for: key, suffix: suffix)
        do throws(FileError) {
            let action = "cannot store a cache entry"
            let contents = try OutputFile.read(built.path, action: action, reportedPath: file.path)
            try OutputFile.write(contents, to: file, mode: Self.isExecutable(built) ? 0o700 : 0o600, action: action)
            try OutputFile.write(Array(Self.digest(Data(contents)).utf8), to: file.appendingPathExtension("sha256"),
                                 mode: 0o600, action: action)
        } catch {
            warnOnce("\(error); building without the cache")
            return built
        }
        try? FileManager.default.removeItem(at: built)
        return file
    }

    /// Builds an artifact in the process's scratch directory, which lives until the process ends.
    public static func buildPrivately(named name: String, build: (URL) throws -> Void) throws -> URL {
        let output = try ScratchDirectory.uniquePath(name)
        try build(output)
        return output
    }

    public func remove(_ key: String, suffix: String) {
        let file = path(for: key, suffix: suffix)
        try? FileManager.default.removeItem(at: file.appendingPathExtension("sha256"))
        try? FileManager.default.removeItem(at: file)
    }

    static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { hex($0, digits: 2) }.joined()
    }

    /// Whether the directory may be used: created 0700 when missing; it must be a directory of this
    /// user that group and others cannot write (one made 0755 by an older wasmc is tightened to 0700;
    /// owner bits are never added, so a directory made read-only stays read-only).
    /// Decided once per cache; a refusal is warned about once.
    private var isUsable: Bool {
        state.usable {
            do throws(FileError) {
                try Self.prepareDirectory(directory.path)
                return true
            } catch {
                warnOnce("\(error); building without the cache")
                return false
            }
        }
    }

    private func warnOnce(_ message: String) {
        if state.firstWarning() { warn(message) }
    }

    static func prepareDirectory(_ path: String) throws(FileError) {
        let action = "cannot use the cache directory"
        try makeDirectories(path, action: action)
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(action, path: path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError(action, path: path, errno: ENOTDIR) }
        guard status.st_uid == geteuid() else {
            throw FileError(action, path: path, reason: "owned by uid \(status.st_uid), not this user (uid \(geteuid()))")
        }
        guard status.st_mode & 0o022 == 0 else {
            throw FileError(action, path: path, reason: "writable by other users (mode \(String(status.st_mode & 0o7777, radix: 8)))")
        }
        let ownerOnly = status.st_mode & 0o700
        if status.st_mode & 0o7777 != ownerOnly, chmod(path, ownerOnly) != 0 { throw FileError(action, path: path, errno: errno) }
    }

    /// `mkdir -p` with mode 0700 for every directory it makes.
    private static func makeDirectories(_ path: String, action: String) throws(FileError) {
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { throw FileError(action, path: path, errno: errno) }
        }
    }

    /// A file's bytes when it is a regular file (not a symlink) of this user that others cannot write.
    private static func trustedContents(_ path: String) -> [UInt8]? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid(),
              status.st_mode & 0o022 == 0
        else { return nil }
        return try? OutputFile.read(path)
    }

    private static func isExecutable(_ file: URL) -> Bool {
        var status = stat()
        return stat(file.path, &status) == 0 && status.st_mode & 0o100 != 0
    }
}

/// What one cache (and its copies) decided: whether its directory is usable, whether it has warned.
private final class CacheState: @unchecked Sendable {
    private let lock = NSLock()
    private var decision: Bool?
    private var warned = false

    /// The first decision made; `decide` runs outside the lock (it may warn), at worst more than once.
    func usable(_ decide: () -> Bool) -> Bool {
        if let decision = lock.withLock({ decision }) { return decision }
        let made = decide()
        return lock.withLock {
            if decision == nil { decision = made }
            return decision ?? made
        }
    }

    func firstWarning() -> Bool {
        lock.withLock {
            defer { warned = true }
            return !warned
        }
    }
}
