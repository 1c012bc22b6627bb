import Foundation
import WasmcCompiler

/// How `wasmc bench` starts the WasmKit interpreter it compares against.
///
/// By default (`.wasmcInterpreter`) that is wasmc itself, `wasmc run --engine interpreter [--dir H::G]
/// [--env N=V] -- FILE -- ARGS`: the WasmKit library linked into wasmc, so nothing outside the package
/// is needed, each run is its own process (timed and captured like the compiled program), and the
/// grants are exactly those of `wasmc run`. `.wasmKitCLI` is the `wasmkit` command line tool:
/// `wasmkit run [--dir D] [--env N=V] FILE ARGS`, which hands everything after FILE to the program
/// verbatim (a `--` would become argv[1]), so no separator is written.
public struct InterpreterCommand: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `wasmc run --engine interpreter`: the WasmKit library inside wasmc.
        case wasmcInterpreter
        /// The `wasmkit` CLI.
        case wasmKitCLI
    }

    public var executable: String
    public var kind: Kind

    public init(executable: String, kind: Kind = .wasmKitCLI) {
        self.executable = executable
        self.kind = kind
    }

    /// The runner's name in the report: `wasmkit-lib` for the library inside wasmc, else the CLI's file name.
    public var name: String {
        kind == .wasmcInterpreter ? "wasmkit-lib" : URL(fileURLWithPath: executable).lastPathComponent
    }

    /// The library inside the wasmc executable that is running (or, when this process is not wasmc,
    /// as under `swift test`, the `wasmc` beside this process's executable).
    public static func wasmcInterpreter() -> InterpreterCommand? {
        let current = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = current.lastPathComponent == "wasmc" ? [current] : [current.deletingLastPathComponent().appendingPathComponent("wasmc")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { return nil }
        return InterpreterCommand(executable: found.path, kind: .wasmcInterpreter)
    }

    /// An executable given as a path, or a name looked up on PATH.
    public static func named(_ name: String) -> InterpreterCommand? {
        findExecutable(name).map { InterpreterCommand(executable: $0) }
    }

    /// The `wasmkit` shipped beside the `swift` found on PATH (symlinks resolved), if there is one.
    public static func defaultWasmKit() -> InterpreterCommand? {
        guard let swift = findExecutable("swift") else { return nil }
        let candidate = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("wasmkit").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? InterpreterCommand(executable: candidate) : nil
    }

    /// The argv (argv[0] first) that runs `module` with `programArguments` and `grants`, each value its
    /// own element. WasmKit preopens a directory under its host path only, so a grant with a different
    /// guest path cannot be reproduced.
    public func arguments(module: String, programArguments: [String], grants: HostGrants) throws -> [String] {
        if kind == .wasmcInterpreter {
            var arguments = [executable, "run", "--engine", "interpreter"]
            for directory in grants.directories {
                // `--dir` splits at the first `::`: a host path holding one could not come back intact.
                guard !directory.hostPath.contains("::") else {
                    throw ProcessLaunchError(description: "unsupported: --dir \(directory.hostPath) holds '::' and cannot be passed to wasmc run")
                }
                arguments += ["--dir", "\(directory.hostPath)::\(directory.guestPath)"]
            }
            for variable in grants.environment { arguments += ["--env", "\(variable.name)=\(variable.value)"] }
            return arguments + ["--", module, "--"] + programArguments
        }
        var arguments = [executable, "run"]
        for directory in grants.directories {
            guard directory.hostPath == directory.guestPath else {
                throw ProcessLaunchError(description: "unsupported: the WasmKit interpreter cannot map --dir \(directory.hostPath)::\(directory.guestPath) to another guest path; use --no-interpreter or --dir \(directory.hostPath)")
            }
            arguments += ["--dir", directory.hostPath]
        }
        for variable in grants.environment { arguments += ["--env", "\(variable.name)=\(variable.value)"] }
        return arguments + [module] + programArguments
    }
}
