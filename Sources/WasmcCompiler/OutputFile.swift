import Foundation

/// Writes files the user or the cache asked for, atomically and without ever replacing anything but a
/// regular file: the bytes go to a new file (`O_EXCL`, in the target's directory, so the rename stays
/// on one file system), are synced, and are renamed over the target. A directory, symlink, FIFO,
/// socket or device at the target is refused, so `-o /dev/null` as root cannot destroy `/dev/null`
/// and a symlink planted at the output path is replaced by nothing and followed nowhere.
public enum OutputFile {
    /// The mode a new file gets from `cc`-like tools: 0666 or 0777 (executables) less the umask.
    public static func defaultMode(executable: Bool) -> mode_t {
        (executable ? 0o777 : 0o666) & ~processUmask
    }

    /// Writes `bytes` to `destination` with exactly `mode`. `action` starts the error's message.
    /// `durable: false` skips the `fsync`, for scratch files in a private directory.
    public static func write(_ bytes: some ContiguousBytes, to destination: URL, mode: mode_t,
                             action: String = "cannot write the output", durable: Bool = true) throws(FileError) {
        let path = destination.path
        try checkReplaceable(path, action: action)
        let (descriptor, temporary) = try createTemporary(beside: destination, action: action)
        PrivateDirectory.track(temporary)
        defer { PrivateDirectory.forget(temporary) }
        func fail(_ code: Int32, closing: Bool = true) -> FileError {
            if closing { close(descriptor) }
            unlink(temporary)
            return FileError(action, path: path, errno: code)
        }
        guard fchmod(descriptor, mode) == 0 else { throw fail(errno) }
        if let code = writeAll(bytes, to: descriptor) { throw fail(code) }
        if durable, fsync(descriptor) != 0 { throw fail(errno) }
        guard close(descriptor) == 0 else { throw fail(errno, closing: false) }
        guard rename(temporary, path) == 0 else { throw fail(errno, closing: false) }
    }

    /// A new file (`O_EXCL`, mode 0600, close-on-exec) with a random name in `destination`'s directory.
    private static func createTemporary(beside destination: URL, action: String) throws(FileError) -> (Int32, String) {
        let directory = destination.deletingLastPathComponent().path
        for _ in 0..<100 {
            let name = directory + "/.wasmc-output-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 { return (descriptor, name) }
            if errno != EEXIST { throw FileError(action, path: destination.path, errno: errno) }
        }
        throw FileError(action, path: destination.path, errno: EEXIST)
    }

    /// Copies the file at `source` (a private build product) to `destination`, as `write` does.
    public static func install(_ source: URL, at destination: URL, mode: mode_t,
                               action: String = "cannot write the output") throws(FileError) {
        let bytes = try read(source.path, action: action, reportedPath: destination.path)
        try write(bytes, to: destination, mode: mode, action: action)
    }

    /// Fails unless `path` names nothing or a regular file (checked without following a symlink).
    public static func checkReplaceable(_ path: String, action: String) throws(FileError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw FileError(action, path: path, errno: errno)
        }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFREG else { return }
        throw FileError(action, path: path, reason: "\(describe(kind)), not a regular file; refusing to replace it")
    }

    /// A whole file's bytes; `reportedPath` names it in errors (a private file stands for the user's).
    public static func read(_ path: String, action: String = "cannot read the input", reportedPath: String? = nil) throws(FileError) -> [UInt8] {
        let shown = reportedPath ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(action, path: shown, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileError(action, path: shown, errno: errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw FileError(action, path: shown, errno: EISDIR) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(action, path: shown, errno: errno)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Writes every byte; the errno of a failure, or nil.
    private static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "is a directory"
        case S_IFLNK: "is a symbolic link"
        case S_IFIFO: "is a FIFO"
        case S_IFSOCK: "is a socket"
        case S_IFCHR: "is a character device"
        case S_IFBLK: "is a block device"
        default: "is a special file"
        }
    }

    /// Read once: `umask` can only be read by setting it, which must not race with file creation later.
    private static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
