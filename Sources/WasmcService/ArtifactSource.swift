import Crypto
import Foundation
import Synchronization
import WasmcCompiler

/// An artifact as served: its bytes and their SHA-256 (the ETag).
public struct StoredArtifact: Sendable {
    public var kind: ArtifactKind
    public var bytes: [UInt8]
    public var sha256: String

    public init(kind: ArtifactKind, bytes: [UInt8]) {
        self.kind = kind
        self.bytes = bytes
        self.sha256 = Self.hex(SHA256.hash(data: bytes))
    }

    /// Lowercase hex, cheaply: it runs on every cache hit.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The service's only door to storage: cache keys, lookups and stores. Everything else speaks in keys
/// and kinds, so the storage behind it (today `ArtifactCache`) can be swapped without touching routes.
///
/// `ArtifactCache` installs each entry by temp file and rename and checks its digest on every lookup,
/// so a server killed mid-store leaves either a whole entry or none, and a damaged one is dropped.
public struct ArtifactSource: Sendable {
    private let cache: ArtifactCache
    private let runtime: RuntimeLibrary
    /// Artifacts recently read (and verified) or stored: a key's artifact never changes, so hits on hot
    /// artifacts skip the disk and the digest check.
    private let recent = RecentArtifacts(capacity: 64 << 20)

    /// Prepares the runtime library (built once into the cache), whose sources are part of every key.
    /// `maximumSize`: the cache is trimmed to it, least recently used first, after every store.
    public init(directory: URL, maximumSize: UInt64? = nil,
                warn: @escaping @Sendable (String) -> Void = ArtifactCache.printWarning) throws {
        cache = ArtifactCache(directory: directory, maximumSize: maximumSize, warn: warn)
        runtime = try RuntimeLibrary.prepare(cache: cache)
    }

    public var directory: URL { cache.directory }

    /// The key of a module compiled with `options`: the same key `wasmc compile` would use.
    public func key(for module: [UInt8], options: CompilationOptions) -> String {
        compiler(options).cacheKey(for: module)
    }

    /// A compiler with the service's runtime, for manifests.
    public func compiler(_ options: CompilationOptions) -> Compiler {
        Compiler(options: options, runtime: runtime, cache: nil)
    }

    /// The artifact when it is stored and intact.
    public func artifact(_ key: String, kind: ArtifactKind) -> StoredArtifact? {
        guard ArtifactKey.isValid(key) else { return nil }
        if let artifact = recent[key, kind] { return artifact }
        guard let file = cache.lookup(key, suffix: Self.suffix(kind)), let bytes = try? OutputFile.read(file.path) else { return nil }
        let artifact = StoredArtifact(kind: kind, bytes: bytes)
        recent[key, kind] = artifact
        return artifact
    }

    /// Stores the file a compile child wrote and returns it as stored.
    @discardableResult
    public func store(_ key: String, kind: ArtifactKind, from file: URL) throws -> StoredArtifact {
        precondition(ArtifactKey.isValid(key), "keys are made by `key(for:options:)` or validated")
        let bytes = try OutputFile.read(file.path)
        let executable = FileManager.default.isExecutableFile(atPath: file.path)
        _ = try cache.store(key, suffix: Self.suffix(kind)) { output in
            try OutputFile.write(bytes, to: output, mode: executable ? 0o700 : 0o600, action: "cannot store the artifact", durable: false)
        }
        let artifact = StoredArtifact(kind: kind, bytes: bytes)
        recent[key, kind] = artifact
        return artifact
    }

    /// Service entries never share a name with the command line's (`.so`, `-runner`).
    private static func suffix(_ kind: ArtifactKind) -> String { ".serve-" + kind.rawValue }
}

/// Cache keys as they appear in URLs: exactly 64 lowercase hex digits, so no path can be made of one.
public enum ArtifactKey {
    public static func isValid(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}

/// A bounded memory of artifacts by key and kind, oldest forgotten first.
final class RecentArtifacts: Sendable {
    private struct State {
        var entries: [String: StoredArtifact] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: String, kind: ArtifactKind) -> StoredArtifact? {
        get { state.withLock { $0.entries[key + "." + kind.rawValue] } }
        set {
            // Large artifacts would evict many small ones for one hit; they are read from disk instead.
            guard let newValue, newValue.bytes.count <= capacity / 4 else { return }
            let name = key + "." + kind.rawValue
            state.withLock { state in
                guard state.entries[name] == nil else { return }
                state.entries[name] = newValue
                state.order.append(name)
                state.bytes += newValue.bytes.count
                while state.bytes > capacity, !state.order.isEmpty {
                    let oldest = state.order.removeFirst()
                    state.bytes -= state.entries.removeValue(forKey: oldest)?.bytes.count ?? 0
                }
            }
        }
    }
}
