import Foundation
import WasmcCompiler

/// One finished run of a program: what it printed, how it ended and how long it took.
public struct ProcessRun: Sendable, Equatable {
    /// The exit status, or 128 + the signal number when a signal ended it (as a shell reports it).
    public var exitCode: Int32
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    public var wallSeconds: Double
    /// User + system CPU time of the child (not of its own children).
    public var cpuSeconds: Double

    public init(exitCode: Int32, standardOutput: [UInt8], standardError: [UInt8] = [], wallSeconds: Double = 0, cpuSeconds: Double = 0) {
        self.exitCode = exitCode
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
    }
}

/// A program launch that could not happen at all (missing executable, no temporary files).
public struct ProcessLaunchError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs programs with `posix_spawn` and `wait4`, so the timing covers exactly the child's lifetime and
/// the CPU time is the child's own. Output goes to temporary files rather than pipes: no reader threads
/// compete with the measured program, and any amount of output is fine.
public enum TimedProcess {
    /// Runs `executable` with `arguments` (`arguments[0]` is the program's argv[0]) and `environment`,
    /// stdin from /dev/null, and waits for it.
    public static func run(_ executable: String, arguments: [String], environment: [String: String]) throws -> ProcessRun {
        let work: PrivateDirectory
        do {
            work = try PrivateDirectory(prefix: "wasmc-bench-")
        } catch {
            throw ProcessLaunchError(description: "\(error)")
        }
        defer { work.remove() }
        let outputPath = work.url.appendingPathComponent("stdout").path
        let errorPath = work.url.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ProcessLaunchError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw ProcessLaunchError(description: "waiting for \(executable) failed: \(String(cString: strerror(errno)))") }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        let signal = status & 0x7F
        return ProcessRun(exitCode: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
                          standardOutput: contents(outputPath), standardError: contents(errorPath),
                          wallSeconds: wall, cpuSeconds: cpu)
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    private static func contents(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }
}
