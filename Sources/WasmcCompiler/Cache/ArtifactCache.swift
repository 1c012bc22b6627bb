import Crypto
import Foundation

/// The cache of build artifacts (linked modules, runner executables, the runtime libraries), laid out
/// like the Bazel remote cache:
///
///     DIR/ac/<key>         action entry: JSON naming the artifacts' digests (`ActionEntry`)
///     DIR/cas/<sha256>     content entry: an artifact's bytes, stored once however many keys name it
///     DIR/leases/<pid>-…   hard links to the artifacts a running process was handed (`CacheLease`)
///     DIR/stats            hit and miss counters (`CacheStatistics`)
///
/// A store writes the blobs before the action entry, each to a new file that is synced and renamed
/// into place, so a reader sees a complete entry or none. A reader checks every byte it hands out
/// against its digest, so a truncated or altered blob (a crash, a full disk, a careless hand) is
/// reported, removed and rebuilt, never used. An entry's last use is its file's modification time,
/// set on every hit; eviction removes the least recently used first (`collectGarbage`).
///
/// The cache is private: its directories are 0700, files 0600 and executables 0700, whatever the
/// umask. A directory owned by another user or writable by group or others is not used, nor is a file
/// that is not a regular file of this user. The cache is an optimisation only: every failure (such a
/// directory, a read-only or full file system, a damaged entry, a remote that is down or sends
/// garbage) is reported in a one-line warning and the artifact is built privately instead.
///
/// With a `remote`, a local miss asks it before building, and what is built is uploaded to it.
public struct ArtifactCache: Sendable {
    public let directory: URL
    public let remote: RemoteCache?
    /// When set, every store is followed by eviction down to this many bytes.
    public let maximumSize: UInt64?
    let warn: @Sendable (String) -> Void
    let state = CacheState()

    public init(directory: URL, remote: RemoteCache? = nil, maximumSize: UInt64? = nil,
                warn: @escaping @Sendable (String) -> Void = ArtifactCache.printWarning) {
        self.directory = directory
        self.remote = remote
        self.maximumSize = maximumSize
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

    /// The name of the action entry of `key`'s artifact `suffix`: a SHA-256 in hex, as remote caches
    /// (bazel-remote) require of keys.
    public static func actionKey(_ key: String, suffix: String) -> String {
        Self.key([Array(key.utf8), Array(suffix.utf8)])
    }

    var actionsDirectory: URL { directory.appendingPathComponent("ac") }
    var content: ContentStore { ContentStore(directory: directory.appendingPathComponent("cas")) }
    var leasesDirectory: URL { directory.appendingPathComponent("leases") }

    /// The action entry's file of `key`'s artifact `suffix`.
    public func path(for key: String, suffix: String) -> URL {
        actionsDirectory.appendingPathComponent(Self.actionKey(key, suffix: suffix))
    }

    /// Where a hit came from.
    public enum Origin: String, Sendable {
        case local, remote
    }

    public struct Hit: Sendable {
        /// The artifact, as a file of this process's own that eviction does not remove.
        public var url: URL
        public var origin: Origin
        /// The manifest stored with the artifact, if one was.
        public var manifest: [UInt8]?
    }

    /// The artifact's file when it is cached, intact and this user's (here or in the remote cache).
    public func lookup(_ key: String, suffix: String) -> URL? {
        find(key, suffix: suffix)?.url
    }

    /// The artifact, where it came from and its manifest. A damaged entry is removed with a warning.
    public func find(_ key: String, suffix: String) -> Hit? {
        guard isUsable else { return nil }
        let action = Self.actionKey(key, suffix: suffix)
        switch localEntry(action, name: suffix) {
        case .hit(let url, let manifest):
            CacheStatistics.record("hits", in: directory)
            return Hit(url: url, origin: .local, manifest: manifest)
        case .damaged(let reason):
            warn("cache entry \(action.prefix(16)) is damaged or not this user's (\(reason)); rebuilding it")
            removeEntry(action)
        case .missing:
            break
        }
        if let remote, let hit = fetch(action, name: suffix, from: remote) {
            CacheStatistics.record("remote-hits", in: directory)
            return hit
        }
        CacheStatistics.record("misses", in: directory)
        return nil
    }

    /// Makes the artifact with `build`, which writes it to the (private) path it is given, stores it
    /// (with `manifest`, when given) and returns its path. When the cache cannot take it, the privately
    /// built artifact is returned instead, after a warning; only a failing `build` throws.
    public func store(_ key: String, suffix: String, manifest: [UInt8]? = nil, build: (URL) throws -> Void) throws -> URL {
        let built = try Self.buildPrivately(named: String(key.prefix(16)) + suffix, build: build)
        guard isUsable else { return built }
        let action = Self.actionKey(key, suffix: suffix)
        let entry: ActionEntry
        var blobs: [String: [UInt8]] = [:]
        do throws(FileError) {
            let contents = try OutputFile.read(built.path, action: "cannot store a cache entry", reportedPath: path(for: key, suffix: suffix).path)
            let executable = Self.isExecutable(built)
            let digest = try content.put(contents, executable: executable)
            blobs[digest] = contents
            let manifestDigest = try manifest.map { manifest throws(FileError) in try content.put(manifest, executable: false) }
            if let manifest, let manifestDigest { blobs[manifestDigest] = manifest }
            entry = ActionEntry(artifacts: [.init(name: suffix, digest: digest, size: UInt64(contents.count), executable: executable)],
                                manifest: manifestDigest)
            try writeEntry(action, entry)
        } catch {
            warnOnce("\(error); building without the cache")
            return built
        }
        CacheStatistics.record("stores", in: directory)
        upload(action, entry: entry, blobs: blobs)
        // A lease of the stored blob replaces the scratch copy (same bytes, no space while it is
        // cached), taken before eviction, which may remove the entry just stored under a small cap.
        var result = built
        if let artifact = entry.artifacts.first, case .success(let leased) = handOut(artifact) {
            unlink(built.path)
            result = leased
        }
        evictIfNeeded()
        return result
    }

    /// Builds an artifact in the process's scratch directory, which lives until the process ends.
    public static func buildPrivately(named name: String, build: (URL) throws -> Void) throws -> URL {
        let output = try ScratchDirectory.uniquePath(name)
        try build(output)
        return output
    }

    /// Forgets an artifact and its blobs, e.g. a module that fails to load.
    public func remove(_ key: String, suffix: String) {
        removeEntry(Self.actionKey(key, suffix: suffix))
    }

    static func digest(_ data: Data) -> String {
        CacheFiles.digest(data)
    }

    // MARK: Local entries

    enum LocalEntry {
        case missing
        case damaged(String)
        case hit(URL, manifest: [UInt8]?)
    }

    func localEntry(_ action: String, name: String) -> LocalEntry {
        let file = actionsDirectory.appendingPathComponent(action).path
        guard CacheFiles.status(file) != nil else { return .missing }
        guard let (bytes, _) = CacheFiles.trustedContents(file, limit: ActionEntry.maximumSize), let entry = ActionEntry.decode(bytes),
              let artifact = entry.artifact(named: name)
        else { return .damaged("unreadable action entry") }
        var manifest: [UInt8]?
        if let digest = entry.manifest {
            guard case .intact(let bytes) = content.read(digest) else { return .damaged("damaged manifest") }
            manifest = bytes
        }
        switch handOut(artifact) {
        case .success(let url):
            CacheFiles.touch(file)
            return .hit(url, manifest: manifest)
        case .failure(let reason):
            return .damaged(reason.description)
        }
    }

    /// The artifact's blob as a file of this process: a hard link (`CacheLease`), checked after linking
    /// so the inode handed out is the one whose bytes were checked; without links, a checked copy.
    private func handOut(_ artifact: ActionEntry.Artifact) -> Result<URL, HandOutFailure> {
        let blob = content.path(artifact.digest)
        switch CacheLease.link(blob, name: artifact.name, in: leasesDirectory) {
        case .success(let leased):
            guard let (bytes, status) = CacheFiles.trustedContents(leased.path), UInt64(bytes.count) == artifact.size,
                  CacheFiles.digest(bytes) == artifact.digest
            else {
                unlink(leased.path)
                return .failure(HandOutFailure(description: "blob \(artifact.digest.prefix(16)) does not match its digest"))
            }
            if artifact.executable, status.st_mode & 0o100 == 0 { chmod(leased.path, 0o700) }
            return .success(leased)
        case .failure:
            guard case .intact(let bytes) = content.read(artifact.digest), UInt64(bytes.count) == artifact.size else {
                return .failure(HandOutFailure(description: "blob \(artifact.digest.prefix(16)) is missing or damaged"))
            }
            do throws(FileError) {
                let copy = try ScratchDirectory.uniquePath(String(artifact.digest.prefix(16)) + artifact.name)
                try OutputFile.write(bytes, to: copy, mode: artifact.executable ? 0o700 : 0o600, action: "cannot use a cache entry",
                                     durable: false)
                return .success(copy)
            } catch {
                return .failure(HandOutFailure(description: error.description))
            }
        }
    }

    private struct HandOutFailure: Error, CustomStringConvertible {
        var description: String
    }

    func writeEntry(_ action: String, _ entry: ActionEntry) throws(FileError) {
        try OutputFile.write(entry.encoded(), to: actionsDirectory.appendingPathComponent(action), mode: 0o600,
                             action: "cannot store a cache entry")
    }

    /// Removes an entry and the blobs it names (another entry naming one of them becomes a miss).
    private func removeEntry(_ action: String) {
        let file = actionsDirectory.appendingPathComponent(action).path
        if let (bytes, _) = CacheFiles.trustedContents(file, limit: ActionEntry.maximumSize), let entry = ActionEntry.decode(bytes) {
            for digest in entry.digests { content.remove(digest) }
        }
        unlink(file)
    }

    func evictIfNeeded() {
        if let maximumSize { collectGarbage(maximumSize: maximumSize) }
    }

    // MARK: The directory

    /// Whether the directory may be used: created 0700 when missing (with `ac`, `cas`, `leases`); it
    /// must be a directory of this user that group and others cannot write. Decided once per cache; a
    /// refusal is warned about once.
    var isUsable: Bool {
        state.usable {
            do throws(FileError) {
                try checkDirectory()
                return true
            } catch {
                warnOnce("\(error); building without the cache")
                return false
            }
        }
    }

    func warnOnce(_ message: String) {
        if state.firstWarning() { warn(message) }
    }

    private static func isExecutable(_ file: URL) -> Bool {
        var status = stat()
        return stat(file.path, &status) == 0 && status.st_mode & 0o100 != 0
    }
}

/// What one cache (and its copies) decided: whether its directory is usable, whether it has warned,
/// whether its remote is down.
final class CacheState: @unchecked Sendable {
    private let lock = NSLock()
    private var decision: Bool?
    private var warned = false
    private var remoteDown = false

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

    private var damagedRemoteBlobs: Set<String> = []

    var remoteUnavailable: Bool { lock.withLock { remoteDown } }

    func noteDamagedRemoteBlob(_ digest: String) {
        lock.withLock { _ = damagedRemoteBlobs.insert(digest) }
    }

    func remoteBlobIsDamaged(_ digest: String) -> Bool {
        lock.withLock { damagedRemoteBlobs.contains(digest) }
    }

    func markRemoteUnavailable() {
        lock.withLock { remoteDown = true }
    }
}
