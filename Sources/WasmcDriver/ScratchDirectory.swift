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
        let directory: PrivateDirectory
        if let current {
            directory = current
        } else {
            directory = try PrivateDirectory(prefix: "wasmc-")
            current = directory
        }
        counter += 1
        return directory.url.appendingPathComponent("\(counter)-\(name)")
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
