import Foundation

/// Artifacts handed out from the cache are hard links in a directory of this process
/// (`leases/<pid>-XXXXXX`, removed at exit like every `PrivateDirectory`). Eviction and `wasmc cache
/// clear` only unlink the cache's own names, so an artifact a process is about to `dlopen`, link or
/// `exec` stays whole until it is done; a link costs no copy and no space while the blob is cached.
/// Directories of processes that died by SIGKILL are removed by `gc`, `clear` and eviction.
enum CacheLease {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var directories: [String: PrivateDirectory] = [:]
    nonisolated(unsafe) private static var counter = 0

    /// A new name in this process's lease directory under `leases` for `blob`, linked to it; or the
    /// errno of the failure (ENOENT: no such blob).
    static func link(_ blob: URL, name: String, in leases: URL) -> Result<URL, FileError> {
        let target: URL
        lock.lock()
        do throws(FileError) {
            defer { lock.unlock() }
            counter += 1
            let directory: PrivateDirectory
            if let existing = directories[leases.path] {
                directory = existing
            } else {
                try CacheFiles.prepareSubdirectory(leases.path)
                directory = try PrivateDirectory(prefix: "\(getpid())-", in: leases)
                directories[leases.path] = directory
            }
            target = directory.url.appendingPathComponent("\(counter)\(name)")
        } catch {
            return .failure(error)
        }
        guard Foundation.link(blob.path, target.path) == 0 else {
            return .failure(FileError("cannot use a cache entry", path: blob.path, errno: errno))
        }
        return .success(target)
    }

    /// Removes this process's lease directories, before `exec` (which runs no exit handlers); an
    /// executable already opened keeps running from its descriptor.
    static func releaseAll() {
        let released = lock.withLock {
            defer { directories = [:] }
            return Array(directories.values)
        }
        for directory in released { directory.remove() }
    }

    /// Removes the lease directories under `leases` of processes that no longer exist.
    static func removeStale(in leases: URL) {
        for name in CacheFiles.names(in: leases) {
            guard let pid = Int32(name.prefix { $0 != "-" }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: leases.appendingPathComponent(name))
            }
        }
    }
}
