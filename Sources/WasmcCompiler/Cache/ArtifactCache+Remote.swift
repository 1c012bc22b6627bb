import Foundation

/// The remote tier: a local miss asks the remote before building; what is built is uploaded.
extension ArtifactCache {
    /// Larger blobs from a remote are refused (compiled artifacts are a few megabytes).
    static let maximumRemoteBlob = 512 << 20

    /// Gets the entry and its blobs from the remote, checks them, stores them here and hands out the
    /// artifact. Any failure is a warning and a miss; a remote that cannot be reached is not asked again.
    func fetch(_ action: String, name: String, from remote: RemoteCache) -> Hit? {
        guard !state.remoteUnavailable else { return nil }
        do throws(RemoteCacheError) {
            guard let entryBytes = try remote.get("ac/\(action)", limit: ActionEntry.maximumSize) else { return nil }
            guard let entry = ActionEntry.decode(entryBytes), let artifact = entry.artifact(named: name) else {
                throw .damaged("action entry ac/\(action.prefix(16))")
            }
            var blobs: [(digest: String, bytes: [UInt8], executable: Bool)] = []
            for digest in entry.digests {
                guard let bytes = try remote.get("cas/\(digest)", limit: Self.maximumRemoteBlob) else { return nil }
                guard CacheFiles.digest(bytes) == digest else {
                    state.noteDamagedRemoteBlob(digest)
                    throw .damaged("blob cas/\(digest.prefix(16))")
                }
                blobs.append((digest, bytes, entry.artifacts.contains { $0.digest == digest && $0.executable }))
            }
            guard let blob = blobs.first(where: { $0.digest == artifact.digest }), UInt64(blob.bytes.count) == artifact.size else {
                throw .damaged("action entry ac/\(action.prefix(16))")
            }
            do throws(FileError) {
                for blob in blobs { try content.put(blob.bytes, executable: blob.executable) }
                try writeEntry(action, entry)
            } catch {
                // A full disk here still has the checked bytes: hand them out privately.
                warnOnce("\(error); using the remote artifact without the cache")
                let manifest = entry.manifest.flatMap { digest in blobs.first { $0.digest == digest }?.bytes }
                guard let copy = try? ScratchDirectory.uniquePath(String(artifact.digest.prefix(16)) + name),
                      (try? OutputFile.write(blob.bytes, to: copy, mode: artifact.executable ? 0o700 : 0o600, durable: false)) != nil
                else { return nil }
                return Hit(url: copy, origin: .remote, manifest: manifest)
            }
            evictIfNeeded()
            if case .hit(let url, let manifest) = localEntry(action, name: name) {
                return Hit(url: url, origin: .remote, manifest: manifest)
            }
            return nil
        } catch {
            if error.isUnavailable { state.markRemoteUnavailable() }
            CacheStatistics.record("remote-errors", in: directory)
            warn("remote cache \(remote.displayURL): \(error); building locally")
            return nil
        }
    }

    /// Uploads a stored entry: blobs the remote lacks (or sent damaged, so they are repaired), then the
    /// action entry (the same order as here).
    func upload(_ action: String, entry: ActionEntry, blobs: [String: [UInt8]]) {
        guard let remote, !remote.readOnly, !state.remoteUnavailable else { return }
        do throws(RemoteCacheError) {
            for (digest, bytes) in blobs.sorted(by: { $0.key < $1.key }) {
                let present = try remote.contains("cas/\(digest)")
                if !present || state.remoteBlobIsDamaged(digest) { try remote.put("cas/\(digest)", bytes) }
            }
            try remote.put("ac/\(action)", entry.encoded())
            CacheStatistics.record("uploads", in: directory)
        } catch {
            if error.isUnavailable { state.markRemoteUnavailable() }
            CacheStatistics.record("remote-errors", in: directory)
            warn("remote cache \(remote.displayURL): \(error); not uploaded")
        }
    }
}
