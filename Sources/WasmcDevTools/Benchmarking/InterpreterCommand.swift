import Foundation
import WasmcCompiler

/// How `wasmc bench` starts the WasmKit interpreter it compares against: `wasmkit run [--dir D]
/// [--env N=V] FILE ARGS`. WasmKit hands everything after FILE to the program verbatim (a `--` would
/// become argv[1]), so no separator is written.
public struct InterpreterCommand: Sendable, Equatable {
    public var executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// An executable given as a path, or a name looked up on PATH.
    public static func named(_ name: String) -> InterpreterCommand? {
        findExecutable(name).map(InterpreterCommand.init(executable:))
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
