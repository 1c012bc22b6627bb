import Foundation

/// Replaces this process with an executable wasmc built (`wasmc run`).
public enum ProgramLauncher {
    /// Executes `executable` with `arguments` (NULL-terminated) and returns only on failure. An
    /// executable lives in the scratch directory or (from the cache) in this process's lease directory,
    /// which `exec` would leave behind (no exit handlers run): the file is opened, the directories
    /// removed, and the open file executed (eviction cannot take it away either). `name` stands for the executable in the error (not an internal temporary path).
    public static func replaceProcess(with executable: URL, arguments: [UnsafeMutablePointer<CChar>?], name: String) -> FileError {
        let descriptor = open(executable.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return FileError("cannot run the compiled program", path: name, errno: errno) }
        ScratchDirectory.remove()
        CacheLease.releaseAll()
        fexecve(descriptor, arguments, environ)
        let code = errno
        close(descriptor)
        return FileError("cannot run the compiled program", path: name, errno: code)
    }
}
