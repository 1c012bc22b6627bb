import Foundation

public struct VerificationReport: Sendable {
    public var checkedEntries = 0
    public var checkedBlobs = 0
    /// One line per damaged file found and removed: `cas/<digest>: reason`.
    public var damaged: [String] = []
}

extension ArtifactCache {
    /// Reads every blob and checks it against its digest, and every action entry (it must parse and
    /// name only blobs that are present); what fails is removed and reported. Symlinks and files of
    /// other users fail too (they are unlinked, never followed).
    public func verify() -> VerificationReport {
        var report = VerificationReport()
        guard isUsable else { return report }
        for digest in content.digests() {
            report.checkedBlobs += 1
            if case .damaged = content.read(digest) {
                content.remove(digest)
                report.damaged.append("cas/\(digest): does not match its digest (or is not this user's regular file); removed")
            }
        }
        for name in CacheFiles.names(in: actionsDirectory) where ActionEntry.isDigest(name) {
            report.checkedEntries += 1
            let path = actionsDirectory.appendingPathComponent(name).path
            guard let (bytes, _) = CacheFiles.trustedContents(path, limit: ActionEntry.maximumSize), let entry = ActionEntry.decode(bytes) else {
                unlink(path)
                report.damaged.append("ac/\(name): not a valid action entry; removed")
                continue
            }
            if let missing = entry.digests.first(where: { CacheFiles.status(content.path($0).path) == nil }) {
                unlink(path)
                report.damaged.append("ac/\(name): names the missing blob \(missing); removed")
            }
        }
        return report
    }

    /// Removes every entry, blob and counter, the lease directories of dead processes and entries of
    /// older wasmc versions (`<key><suffix>` files at the top). Live processes keep their leases.
    @discardableResult
    public func clear() -> EvictionReport {
        var report = EvictionReport()
        guard isUsable else { return report }
        let inventory = inventory()
        for entry in inventory.entries {
            unlink(actionsDirectory.appendingPathComponent(entry.key).path)
            report.removedEntries += 1
            report.freedBytes += entry.size
        }
        for (digest, blob) in inventory.blobs {
            content.remove(digest)
            report.removedBlobs += 1
            report.freedBytes += blob.size
        }
        removeDebris(olderThan: Date().addingTimeInterval(-Self.orphanGracePeriod))
        CacheLease.removeStale(in: leasesDirectory)
        CacheStatistics.reset(in: directory)
        return report
    }

    /// The hit and miss counters.
    public var statistics: CacheStatistics {
        CacheStatistics.read(in: directory)
    }
}

extension ArtifactCache {
    /// Makes and checks the directory as a store would, throwing why it cannot be used (for `wasmc cache`).
    public func checkDirectory() throws(FileError) {
        try CacheFiles.prepareDirectory(directory.path)
        for subdirectory in [actionsDirectory, content.directory, leasesDirectory] {
            try CacheFiles.prepareSubdirectory(subdirectory.path)
        }
    }
}
