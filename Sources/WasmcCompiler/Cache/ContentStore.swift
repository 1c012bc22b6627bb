import Foundation

/// Content entries: each blob at `cas/<sha256 of its bytes>`, so identical artifacts (the same
/// module reached through different keys) are stored once, and a reader can check every byte.
struct ContentStore {
    let directory: URL

    func path(_ digest: String) -> URL {
        directory.appendingPathComponent(digest)
    }

    enum Contents {
        case missing
        /// Not a trusted file, or its bytes do not match its name.
        case damaged
        case intact([UInt8])
    }

    func read(_ digest: String) -> Contents {
        let file = path(digest).path
        guard CacheFiles.status(file) != nil else { return .missing }
        guard let (bytes, _) = CacheFiles.trustedContents(file), CacheFiles.digest(bytes) == digest else { return .damaged }
        return .intact(bytes)
    }

    /// Stores `bytes` and returns their digest. An intact identical blob is kept and only marked used
    /// (so an eviction running meanwhile spares it until the entry naming it is written); a damaged
    /// one is replaced. Written durably: the action entry naming it may be written next.
    @discardableResult
    func put(_ bytes: [UInt8], executable: Bool) throws(FileError) -> String {
        let digest = CacheFiles.digest(bytes)
        let file = path(digest)
        if case .intact = read(digest) {
            if executable, let status = CacheFiles.status(file.path), status.st_mode & 0o100 == 0 { chmod(file.path, 0o700) }
            CacheFiles.touch(file.path)
            return digest
        }
        try OutputFile.write(bytes, to: file, mode: executable ? 0o700 : 0o600, action: "cannot store a cache entry")
        return digest
    }

    func remove(_ digest: String) {
        unlink(path(digest).path)
    }

    /// Every blob's digest (names that are not digests, e.g. a temporary file being written, are skipped).
    func digests() -> [String] {
        CacheFiles.names(in: directory).filter(ActionEntry.isDigest)
    }
}
