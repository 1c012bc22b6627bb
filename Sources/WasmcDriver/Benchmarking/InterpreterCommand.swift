import Foundation

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

    /// The argv (argv[0] first) that runs `module` with `programArguments`. `hostOptions` are the
    /// Wasmtime-syntax options given to the compiled program; WasmKit preopens a directory under its host
    /// path only, so a `HOST::GUEST` grant with a different guest path cannot be reproduced.
    public func arguments(module: String, programArguments: [String], hostOptions: [String]) throws -> [String] {
        var arguments = [executable, "run"]
        var options = hostOptions[...]
        while let option = options.popFirst() {
            guard let value = options.popFirst(), option == "--dir" || option == "--env" else {
                throw ProcessLaunchError(description: "unsupported: host option '\(option)' for the interpreter")
            }
            if option == "--dir", let separator = value.range(of: "::") {
                let host = String(value[..<separator.lowerBound]), guest = String(value[separator.upperBound...])
                guard host == guest else {
                    throw ProcessLaunchError(description: "unsupported: the WasmKit interpreter cannot map --dir \(value) to another guest path; use --no-interpreter or --dir \(host)")
                }
                arguments += ["--dir", host]
            } else {
                arguments += [option, value]
            }
        }
        return arguments + [module] + programArguments
    }
}
