import Foundation

/// A directory only this user can enter: made by `mkdtemp` (mode 0700, an unpredictable name, created
/// atomically, so never an existing directory or a symlink someone planted) under `$TMPDIR`, else
/// `/tmp`, and never reused. All scratch files of wasmc live in one of these.
///
/// `remove()` (also run when the object is released, at exit and when SIGINT, SIGTERM or SIGHUP ends
/// the process) deletes it with its contents. A process killed
/// with SIGKILL leaves its directories behind; they stay 0700 with names no one can guess, so no
/// other user can read them, write into them or make this user write anywhere else through them.
public final class PrivateDirectory: @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()
    private var removed = false

    /// Makes `<parent>/<prefix>XXXXXX`; without a parent, under `$TMPDIR` when that works, else `/tmp`.
    public init(prefix: String = "wasmc-", in parent: URL? = nil) throws(FileError) {
        let parents = parent.map { [$0.path] } ?? Self.temporaryRoots()
        var firstError: FileError?
        for base in parents {
            var template = Array((base + "/" + prefix + "XXXXXX").utf8CString)
            if let made = mkdtemp(&template) {
                let path = String(cString: made)
                // mkdtemp already uses 0700; an explicit mode keeps it so whatever libc or umask do.
                chmod(path, 0o700)
                url = URL(fileURLWithPath: path, isDirectory: true)
                Self.live.insert(path)
                return
            }
            if firstError == nil { firstError = FileError("cannot create a temporary directory", path: base, errno: errno) }
        }
        throw firstError ?? FileError("cannot create a temporary directory", path: "/tmp", reason: "no temporary directory")
    }

    deinit { remove() }

    /// Deletes the directory and everything in it (symlinks inside are removed, not followed).
    public func remove() {
        let first = lock.withLock {
            defer { removed = true }
            return !removed
        }
        if first {
            try? FileManager.default.removeItem(at: url)
            Self.live.remove(url.path)
        }
    }

    /// A temporary file outside any private directory (an output being written beside its target),
    /// removed like the directories if the process ends before `forget` is called.
    static func track(_ temporaryFile: String) {
        live.insert(temporaryFile)
    }

    static func forget(_ temporaryFile: String) {
        live.remove(temporaryFile)
    }

    /// Removes every directory (and tracked file) not yet removed: at exit, and on a terminating signal.
    /// Serialized, so an exit racing the signal's cleanup waits for it to finish.
    /// `first` and `then` run under the same lock: a signal's cleanup stops the children writing into
    /// the directories first and re-raises the signal last, so the process ends by the signal rather
    /// than by an exit the main thread began meanwhile (which waits here).
    static func removeAllLive(first: () -> Void = {}, then: () -> Void = {}) {
        cleanupLock.withLock {
            first()
            for path in live.drain() { removePersistently(path) }
            then()
        }
    }

    /// Removal retried for up to a second: a compiler child that outlived the signal may still be
    /// creating files inside while the first attempts run; once the directory is gone it cannot.
    private static func removePersistently(_ path: String) {
        var status = stat()
        for _ in 0..<40 {
            try? FileManager.default.removeItem(atPath: path)
            if lstat(path, &status) != 0 { return }
            usleep(25_000)
        }
    }

    private static let cleanupLock = NSLock()

    /// The directories and tracked files not yet removed. The first one installs the exit and signal cleanup.
    private static let live = LivePaths()

    /// `$TMPDIR` when it is an absolute path, then `/tmp`.
    static func temporaryRoots(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var roots: [String] = []
        if let tmpdir = environment["TMPDIR"], tmpdir.hasPrefix("/") {
            roots.append(tmpdir.count > 1 && tmpdir.hasSuffix("/") ? String(tmpdir.dropLast()) : tmpdir)
        }
        if !roots.contains("/tmp") { roots.append("/tmp") }
        return roots
    }
}

private final class LivePaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var cleanupInstalled = false

    func insert(_ path: String) {
        let first = lock.withLock {
            paths.insert(path)
            defer { cleanupInstalled = true }
            return !cleanupInstalled
        }
        if first {
            atexit { PrivateDirectory.removeAllLive() }
            SignalCleanup.install()
        }
    }

    func remove(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    func drain() -> Set<String> {
        lock.withLock {
            defer { paths = [] }
            return paths
        }
    }
}
