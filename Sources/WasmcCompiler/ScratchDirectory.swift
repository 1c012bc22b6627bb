import Foundation

/// The process's scratch directory: a `PrivateDirectory` for artifacts that must live as long as the
/// process (a runtime library or module loaded with `dlopen`, an executable built without the cache).
/// Made on first use; like every `PrivateDirectory`, removed at exit and when SIGINT, SIGTERM or SIGHUP
/// ends the process.
public enum ScratchDirectory {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: PrivateDirectory?
    nonisolated(unsafe) private static var counter = 0

    /// A path in the scratch directory no other call returns, for a file `name` (a short label).
    public static func uniquePath(_ name: String) throws(FileError) -> URL {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return try made().url.appendingPathComponent("\(counter)-\(name)")
    }

    /// The directory itself (made if needed), e.g. as `$TMPDIR` for compiler children.
    public static func url() throws(FileError) -> URL {
        lock.lock()
        defer { lock.unlock() }
        return try made().url
    }

    /// Call with `lock` held.
    private static func made() throws(FileError) -> PrivateDirectory {
        if let current { return current }
        let directory = try PrivateDirectory(prefix: "wasmc-")
        current = directory
        return directory
    }

    /// Deletes the scratch directory now (before `exec`, at exit); a later use makes a new one.
    public static func remove() {
        let directory = lock.withLock {
            defer { current = nil }
            return current
        }
        directory?.remove()
    }
}
