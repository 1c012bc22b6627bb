import Foundation

/// What the cache holds, for `wasmc cache stats|list` and eviction.
public struct CacheInventory: Sendable {
    public struct Entry: Sendable {
        public var key: String
        /// Nil when the action entry cannot be read or parsed.
        public var action: ActionEntry?
        /// When it was last stored or used (the entry file's modification time).
        public var lastUse: Date
        /// The entry file's own bytes.
        public var size: UInt64
    }

    public var entries: [Entry]
    public var blobs: [String: (size: UInt64, modified: Date)]

    /// Everything the cache's entries and blobs take (blobs shared by several entries counted once).
    public var totalBytes: UInt64 {
        entries.reduce(0) { $0 + $1.size } + blobs.values.reduce(0) { $0 + $1.size }
    }

    /// An entry's size as `list` shows it: its file and its blobs.
    public func bytes(of entry: Entry) -> UInt64 {
        entry.size + (entry.action?.digests ?? []).reduce(0) { $0 + (blobs[$1]?.size ?? 0) }
    }
}

public struct EvictionReport: Sendable {
    public var removedEntries = 0
    public var removedBlobs = 0
    public var freedBytes: UInt64 = 0
    public var remainingBytes: UInt64 = 0
}

extension ArtifactCache {
    /// Blobs no entry names are left this long: a store writes its blobs before its entry.
    static let orphanGracePeriod: TimeInterval = 60

    /// Temporary files of writers killed mid-write (`OutputFile`'s `.wasmc-output-*`), and entries of
    /// wasmc before issue 11 (`<key><suffix>` and `.sha256` files at the top), which nothing reads.
    func removeDebris(olderThan limit: Date) {
        for folder in [actionsDirectory, content.directory, directory] {
            for name in CacheFiles.names(in: folder) {
                let isTemporary = name.hasPrefix(".wasmc-output-")
                let isLegacy = folder == directory && name.count > 64 && ActionEntry.isDigest(String(name.prefix(64)))
                let path = folder.appendingPathComponent(name).path
                guard isTemporary || isLegacy, let status = CacheFiles.status(path), status.st_mode & S_IFMT == S_IFREG,
                      isLegacy || status.modified < limit.timeIntervalSince1970
                else { continue }
                unlink(path)
            }
        }
    }

    public func inventory() -> CacheInventory {
        var entries: [CacheInventory.Entry] = []
        for name in CacheFiles.names(in: actionsDirectory) where ActionEntry.isDigest(name) {
            let path = actionsDirectory.appendingPathComponent(name).path
            guard let status = CacheFiles.status(path) else { continue }
            let action = CacheFiles.trustedContents(path, limit: ActionEntry.maximumSize).flatMap { ActionEntry.decode($0.bytes) }
            entries.append(.init(key: name, action: action, lastUse: Date(timeIntervalSince1970: status.modified), size: UInt64(status.st_size)))
        }
        var blobs: [String: (size: UInt64, modified: Date)] = [:]
        for digest in content.digests() {
            guard let status = CacheFiles.status(content.path(digest).path) else { continue }
            blobs[digest] = (UInt64(status.st_size), Date(timeIntervalSince1970: status.modified))
        }
        return CacheInventory(entries: entries, blobs: blobs)
    }

    /// Removes what is useless (unreadable entries, entries missing a blob, blobs no entry names, lease
    /// directories of dead processes), then the least recently used entries, with the blobs only they
    /// named, until the cache takes at most `maximumSize` bytes (no limit: only the useless).
    /// Processes using an evicted artifact keep their lease (see `CacheLease`).
    @discardableResult
    public func collectGarbage(maximumSize: UInt64?, now: Date = Date()) -> EvictionReport {
        var report = EvictionReport()
        guard isUsable else { return report }
        CacheLease.removeStale(in: leasesDirectory)
        removeDebris(olderThan: now.addingTimeInterval(-Self.orphanGracePeriod))
        let inventory = inventory()
        var blobs = inventory.blobs
        var total = inventory.totalBytes
        var references: [String: Int] = [:]
        var live: [CacheInventory.Entry] = []
        func removeEntry(_ entry: CacheInventory.Entry) {
            unlink(actionsDirectory.appendingPathComponent(entry.key).path)
            report.removedEntries += 1
            report.freedBytes += entry.size
            total -= entry.size
        }
        func removeBlob(_ digest: String) {
            guard let blob = blobs.removeValue(forKey: digest) else { return }
            content.remove(digest)
            report.removedBlobs += 1
            report.freedBytes += blob.size
            total -= blob.size
        }
        for entry in inventory.entries {
            if let action = entry.action, action.digests.allSatisfy({ blobs[$0] != nil }) {
                live.append(entry)
                for digest in action.digests { references[digest, default: 0] += 1 }
            } else {
                removeEntry(entry)
            }
        }
        for (digest, blob) in blobs where references[digest] == nil && now.timeIntervalSince(blob.modified) > Self.orphanGracePeriod {
            removeBlob(digest)
        }
        if let maximumSize {
            for entry in live.sorted(by: { $0.lastUse < $1.lastUse }) where total > maximumSize {
                removeEntry(entry)
                for digest in entry.action?.digests ?? [] {
                    references[digest, default: 1] -= 1
                    if references[digest] == 0 { removeBlob(digest) }
                }
            }
        }
        report.remainingBytes = total
        if report.removedEntries > 0 { CacheStatistics.record("evictions", UInt64(report.removedEntries), in: directory) }
        return report
    }
}
