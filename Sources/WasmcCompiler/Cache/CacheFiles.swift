import Crypto
import Foundation

/// The checks every cache file passes before it is trusted. The cache is hostile when anyone but this
/// user can write it, so directories must be this user's and not writable by group or others, files
/// regular (never followed through a symlink), this user's and not writable by others.
enum CacheFiles {
    /// Makes the directory (0700 for everything it creates) and checks it; one made 0755 by an older
    /// wasmc is tightened to 0700 (owner bits are never added, so a read-only directory stays read-only).
    static func prepareDirectory(_ path: String, action: String = "cannot use the cache directory") throws(FileError) {
        try makeDirectories(path, action: action)
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(action, path: path, errno: errno) }
        try checkDirectory(status, path: path, action: action)
        let ownerOnly = status.st_mode & 0o700
        if status.st_mode & 0o7777 != ownerOnly, chmod(path, ownerOnly) != 0 { throw FileError(action, path: path, errno: errno) }
    }

    /// A directory inside a prepared one (`ac`, `cas`, `leases`): made 0700, and not a symlink.
    static func prepareSubdirectory(_ path: String, action: String = "cannot use the cache directory") throws(FileError) {
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw FileError(action, path: path, errno: errno) }
        var status = stat()
        guard lstat(path, &status) == 0 else { throw FileError(action, path: path, errno: errno) }
        try checkDirectory(status, path: path, action: action)
    }

    private static func checkDirectory(_ status: stat, path: String, action: String) throws(FileError) {
        guard status.st_mode & S_IFMT == S_IFDIR else { throw FileError(action, path: path, errno: ENOTDIR) }
        guard status.st_uid == geteuid() else {
            throw FileError(action, path: path, reason: "owned by uid \(status.st_uid), not this user (uid \(geteuid()))")
        }
        guard status.st_mode & 0o022 == 0 else {
            throw FileError(action, path: path, reason: "writable by other users (mode \(String(status.st_mode & 0o7777, radix: 8)))")
        }
    }

    /// `mkdir -p` with mode 0700 for every directory it makes.
    private static func makeDirectories(_ path: String, action: String) throws(FileError) {
        var prefix = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { throw FileError(action, path: path, errno: errno) }
        }
    }

    /// Whether a file may be trusted: a regular file of this user that others cannot write.
    static func isTrusted(_ status: stat) -> Bool {
        status.st_mode & S_IFMT == S_IFREG && status.st_uid == geteuid() && status.st_mode & 0o022 == 0
    }

    /// A file's bytes and status when it is trusted; opened without following a symlink and checked
    /// on the open descriptor, so what is checked is what is read.
    static func trustedContents(_ path: String, limit: Int = Int.max) -> (bytes: [UInt8], status: stat)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, isTrusted(status), Int(status.st_size) <= limit,
              let bytes = readAll(descriptor, expected: Int(status.st_size))
        else { return nil }
        return (bytes, status)
    }

    private static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: expected)
        var offset = 0
        while offset < expected {
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + offset, expected - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return bytes
    }

    /// `lstat`, or nil.
    static func status(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    /// Marks a file used now (its mtime is the cache's record of last use).
    static func touch(_ path: String) {
        utimensat(AT_FDCWD, path, nil, AT_SYMLINK_NOFOLLOW)
    }

    /// The names in a directory (nothing when it cannot be read).
    static func names(in directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    static func digest(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { hex($0, digits: 2) }.joined()
    }
}

extension stat {
    /// Modification time in seconds since 1970.
    var modified: Double { Double(st_mtim.tv_sec) + Double(st_mtim.tv_nsec) / 1e9 }
}
