import Foundation

/// What a cache key maps to, as in the Bazel remote cache's action cache: the digests of the
/// artifacts (content entries, `cas/<digest>`) and of an optional manifest the caller supplies. It is
/// small JSON stored at `ac/<key>`, written after the blobs it names, so a reader that finds it also
/// finds them (or treats the entry as a miss).
public struct ActionEntry: Codable, Equatable, Sendable {
    public struct Artifact: Codable, Equatable, Sendable {
        /// What the artifact is to its user: `.so`, `-runner`, `-libwasmc_rt.so`, …
        public var name: String
        public var digest: String
        public var size: UInt64
        /// Stored 0700 (an executable to run) rather than 0600.
        public var executable: Bool

        public init(name: String, digest: String, size: UInt64, executable: Bool) {
            self.name = name
            self.digest = digest
            self.size = size
            self.executable = executable
        }
    }

    public var artifacts: [Artifact]
    /// The digest of a manifest blob (e.g. a server's description of the module), when one was stored.
    public var manifest: String?

    public init(artifacts: [Artifact], manifest: String? = nil) {
        self.artifacts = artifacts
        self.manifest = manifest
    }

    /// An entry is a few hundred bytes; anything much larger is not one (and is not read whole from a remote).
    public static let maximumSize = 64 << 10

    public func artifact(named name: String) -> Artifact? {
        artifacts.first { $0.name == name }
    }

    /// Every blob the entry needs.
    public var digests: [String] {
        artifacts.map(\.digest) + (manifest.map { [$0] } ?? [])
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data())
    }

    /// The entry when `bytes` are one: valid JSON with well-formed digests and short printable names.
    /// Anything else (a damaged file, a remote's error page) is nil.
    public static func decode(_ bytes: [UInt8]) -> ActionEntry? {
        guard bytes.count <= maximumSize, let entry = try? JSONDecoder().decode(ActionEntry.self, from: Data(bytes)) else { return nil }
        let namesValid = entry.artifacts.allSatisfy { artifact in
            (1...64).contains(artifact.name.utf8.count) && artifact.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && $0 != "/" }
        }
        guard !entry.artifacts.isEmpty, namesValid, entry.digests.allSatisfy(isDigest) else { return nil }
        return entry
    }

    /// 64 lowercase hex digits: a SHA-256 as the cache writes it (and the only names used as paths).
    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
